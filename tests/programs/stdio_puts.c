/* puts/putchar/fputs/fputc/fwrite on stdout and stderr; setvbuf modes; return values. */
#include <stdio.h>

int main(void) {
  puts("puts adds a newline");
  fputs("fputs does not", stdout);
  putchar('\n');
  for (int c = 'a'; c <= 'z'; ++c) fputc(c, stdout);
  fputc('\n', stdout);
  size_t n = fwrite("fwrite 12345\n", 1, 13, stdout);
  printf("fwrite returned %zu\n", n);
  fputs("to stderr 1\n", stderr);
  fprintf(stderr, "to stderr %d\n", 2);
  fflush(stdout);
  setvbuf(stdout, NULL, _IONBF, 0);
  printf("unbuffered ");
  printf("line\n");
  static char buf[64];
  setvbuf(stderr, buf, _IOFBF, sizeof buf);
  for (int i = 0; i < 10; ++i) fprintf(stderr, "buffered stderr %d\n", i);
  fflush(stderr);
  int r = puts("");
  printf("puts returned non-negative: %d\n", r >= 0);
  return 0;
}
