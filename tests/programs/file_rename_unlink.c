/* rename, unlink, remove, access; errors for missing files reported with errno names. */
#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

static char dir[4000];
static const char *p(const char *name) {
  static char buf[2][4096];
  static int k;
  k ^= 1;
  snprintf(buf[k], sizeof buf[k], "%s/%s", dir, name);
  return buf[k];
}

static void exists(const char *name) { printf("  %s: %s\n", name, access(p(name), F_OK) == 0 ? "exists" : "absent"); }

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  snprintf(dir, sizeof dir, "%s", argv[1]);
  FILE *f = fopen(p("a.txt"), "w");
  fputs("content of a\n", f);
  fclose(f);
  exists("a.txt");
  printf("rename a->b: %d\n", rename(p("a.txt"), p("b.txt")));
  exists("a.txt");
  exists("b.txt");
  f = fopen(p("c.txt"), "w");
  fputs("c\n", f);
  fclose(f);
  printf("rename b->c (replaces): %d\n", rename(p("b.txt"), p("c.txt")));
  f = fopen(p("c.txt"), "r");
  char line[32];
  printf("c now holds: %s", fgets(line, sizeof line, f));
  fclose(f);
  errno = 0;
  printf("rename missing: %d %s\n", rename(p("nope"), p("x")), strerror(errno));
  printf("unlink c: %d\n", unlink(p("c.txt")));
  errno = 0;
  printf("unlink again: %d %s\n", unlink(p("c.txt")), strerror(errno));
  f = fopen(p("d.txt"), "w");
  fclose(f);
  printf("remove d: %d\n", remove(p("d.txt")));
  exists("d.txt");
  errno = 0;
  f = fopen(p("missing/file"), "r");
  printf("fopen missing dir: %s %s\n", f ? "opened" : "NULL", strerror(errno));
  f = fopen(p("kept.txt"), "w");
  fputs("this file stays\n", f);
  fclose(f);
  return 0;
}
