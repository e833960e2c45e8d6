/* mkdir of nested directories, rmdir of empty/non-empty ones, errno values, chdir/getcwd inside. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static char base[4000];
static const char *at(const char *rel) {
  static char buf[4096];
  snprintf(buf, sizeof buf, "%s/%s", base, rel);
  return buf;
}

static void report(const char *what, int r) { printf("%-24s %d %s\n", what, r, r ? strerror(errno) : "ok"); }

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  snprintf(base, sizeof base, "%s", argv[1]);
  report("mkdir a", mkdir(at("a"), 0755));
  report("mkdir a again", mkdir(at("a"), 0755));
  report("mkdir a/b", mkdir(at("a/b"), 0755));
  report("mkdir x/y (no parent)", mkdir(at("x/y"), 0755));
  report("mkdir a/b/c", mkdir(at("a/b/c"), 0700));
  FILE *f = fopen(at("a/b/file"), "w");
  fputs("x", f);
  fclose(f);
  report("rmdir a/b (not empty)", rmdir(at("a/b")));
  report("rmdir a/b/c", rmdir(at("a/b/c")));
  report("rmdir a/b/file", rmdir(at("a/b/file")));
  report("chdir a/b", chdir(at("a/b")));
  f = fopen("relative.txt", "w");
  fputs("written relative to the cwd\n", f);
  fclose(f);
  char cwd[4096];
  printf("cwd ends with a/b: %d\n", getcwd(cwd, sizeof cwd) && strlen(cwd) >= 3 && !strcmp(cwd + strlen(cwd) - 3, "a/b"));
  report("chdir ..", chdir(".."));
  report("mkdir keep", mkdir(at("keep"), 0755));
  return 0;
}
