/* "a" and "a+" modes: writes always go to the end, several streams on one file. */
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/log.txt", argv[1]);
  for (int round = 0; round < 5; ++round) {
    FILE *f = fopen(path, "a");
    fprintf(f, "round %d\n", round);
    fclose(f);
  }
  FILE *f = fopen(path, "a+");
  fseek(f, 0, SEEK_SET);
  char line[64];
  printf("first line: %s", fgets(line, sizeof line, f));
  fputs("appended despite seek\n", f);
  fclose(f);
  FILE *a = fopen(path, "a"), *b = fopen(path, "a");
  fputs("from a\n", a);
  fflush(a);
  fputs("from b\n", b);
  fflush(b);
  fclose(a);
  fclose(b);
  f = fopen(path, "r");
  int n = 0;
  while (fgets(line, sizeof line, f)) printf("%d: %s", ++n, line);
  fclose(f);
  return 0;
}
