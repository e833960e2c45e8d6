/* A few hundred KiB of output through stdio's buffer: many write calls. */
#include <stdio.h>

int main(void) {
  unsigned h = 2166136261u;
  for (int i = 0; i < 12000; ++i) {
    h = (h ^ (unsigned)i) * 16777619u;
    printf("%05d %08x %10.4f %s\n", i, h, i / 7.0, (i % 3) ? "abcdefghij" : "ABCDEFGHIJKLMNOP");
  }
  fprintf(stderr, "final %08x\n", h);
  return 0;
}
