/* A hexdump of binary stdin read with fread in odd-sized chunks. */
#include <stdio.h>

int main(void) {
  unsigned char chunk[13];
  unsigned char row[16];
  size_t got, fill = 0;
  unsigned long off = 0, total = 0;
  while ((got = fread(chunk, 1, sizeof chunk, stdin)) > 0) {
    for (size_t i = 0; i < got; ++i) {
      row[fill++] = chunk[i];
      if (fill == 16) {
        printf("%08lx ", off);
        for (int k = 0; k < 16; ++k) printf(" %02x", row[k]);
        printf("  |");
        for (int k = 0; k < 16; ++k) putchar(row[k] >= 32 && row[k] < 127 ? row[k] : '.');
        printf("|\n");
        off += 16;
        fill = 0;
      }
    }
    total += got;
  }
  if (fill) {
    printf("%08lx ", off);
    for (size_t k = 0; k < fill; ++k) printf(" %02x", row[k]);
    printf("\n");
  }
  printf("%lu bytes, eof=%d\n", total, feof(stdin));
  return 0;
}
