/* scandir with alphasort and a filter, nftw over a tree it builds, glob patterns, realpath
   relative to the directory (only the tail printed), fnmatch. */
#define _GNU_SOURCE
#include <dirent.h>
#include <fnmatch.h>
#include <ftw.h>
#include <glob.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static size_t base_len;
static int nfiles, ndirs;
static long total;
static char *seen[64];
static int nseen;

static int visit(const char *path, const struct stat *st, int type, struct FTW *f) {
  if (type == FTW_F) {
    ++nfiles;
    total += st->st_size;
  } else if (type == FTW_D || type == FTW_DP) {
    ++ndirs;
  }
  if (nseen < 64) {
    char tmp[512];
    snprintf(tmp, sizeof tmp, "%d %s", f->level, path + base_len);
    seen[nseen++] = strdup(tmp);
  }
  return 0;
}
static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }
static int only_txt(const struct dirent *e) { return fnmatch("*.txt", e->d_name, 0) == 0; }

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  const char *dir = argv[1];
  base_len = strlen(dir);
  char p[4096];
  const char *files[] = {"b.txt", "a.txt", "c.dat", "sub/x.txt", "sub/deeper/y.txt", "sub/deeper/z.c", "A.TXT"};
  snprintf(p, sizeof p, "%s/sub", dir);
  mkdir(p, 0755);
  snprintf(p, sizeof p, "%s/sub/deeper", dir);
  mkdir(p, 0755);
  for (int i = 0; i < 7; ++i) {
    snprintf(p, sizeof p, "%s/%s", dir, files[i]);
    FILE *f = fopen(p, "w");
    for (int k = 0; k <= i * 10; ++k) fputc('0' + k % 10, f);
    fclose(f);
  }
  struct dirent **list;
  int n = scandir(dir, &list, only_txt, alphasort);
  printf("scandir *.txt: %d:", n);
  for (int i = 0; i < n; ++i) {
    printf(" %s", list[i]->d_name);
    free(list[i]);
  }
  free(list);
  printf("\n");
  nftw(dir, visit, 8, FTW_PHYS | FTW_DEPTH);
  qsort(seen, (size_t)nseen, sizeof seen[0], cmp);
  printf("nftw: %d files, %d dirs, %ld bytes\n", nfiles, ndirs, total);
  for (int i = 0; i < nseen; ++i) {
    printf("  %s\n", seen[i]);
    free(seen[i]);
  }
  glob_t g;
  snprintf(p, sizeof p, "%s/*/*.txt", dir);
  int r = glob(p, 0, NULL, &g);
  printf("glob */*.txt: r=%d n=%zu", r, g.gl_pathc);
  for (size_t i = 0; i < g.gl_pathc; ++i) printf(" %s", g.gl_pathv[i] + base_len);
  printf("\n");
  globfree(&g);
  snprintf(p, sizeof p, "%s/sub/deeper/../x.txt", dir);
  char real[PATH_MAX];
  if (realpath(p, real)) printf("realpath tail: %s\n", real + strlen(real) - 10);
  printf("fnmatch: %d %d %d\n", fnmatch("s*/d*/?.txt", "sub/deeper/y.txt", FNM_PATHNAME), fnmatch("*.TXT", "a.txt", 0) != 0,
         fnmatch("*.TXT", "a.txt", FNM_CASEFOLD));
  return 0;
}
