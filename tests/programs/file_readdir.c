/* opendir/readdir/closedir: create files and a subdirectory, list them sorted (readdir order is
   the file system's). */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  for (int i = 0; i < 12; ++i) {
    snprintf(path, sizeof path, "%s/entry_%02d.txt", argv[1], (i * 7) % 12);
    FILE *f = fopen(path, "w");
    fprintf(f, "%d\n", i);
    fclose(f);
  }
  snprintf(path, sizeof path, "%s/zdir", argv[1]);
  mkdir(path, 0755);
  DIR *d = opendir(argv[1]);
  if (!d) return 3;
  char *names[64];
  int n = 0, dirs = 0;
  struct dirent *e;
  while ((e = readdir(d)) != NULL && n < 64) {
    if (e->d_type == DT_DIR) ++dirs;
    names[n++] = strdup(e->d_name);
  }
  closedir(d);
  qsort(names, (size_t)n, sizeof names[0], cmp);
  printf("%d entries, %d directories (with . and ..)\n", n, dirs);
  for (int i = 0; i < n; ++i) {
    printf("%s\n", names[i]);
    free(names[i]);
  }
  printf("opendir missing: %s\n", opendir("/no/such/dir") ? "opened" : "NULL");
  return 0;
}
