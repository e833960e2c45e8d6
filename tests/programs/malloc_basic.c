/* malloc/free of many sizes, contents checked; alignment of the results. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  static unsigned char *blocks[400];
  unsigned long sum = 0;
  int misaligned = 0;
  for (int i = 0; i < 400; ++i) {
    size_t n = (size_t)(i * 37 % 1500) + 1;
    blocks[i] = malloc(n);
    if (!blocks[i]) return 2;
    if ((uintptr_t)blocks[i] % 16) ++misaligned;
    memset(blocks[i], i & 0xff, n);
  }
  for (int i = 0; i < 400; i += 2) {
    free(blocks[i]);
    blocks[i] = NULL;
  }
  for (int i = 0; i < 400; i += 2) {
    size_t n = (size_t)(i * 53 % 900) + 1;
    blocks[i] = malloc(n);
    for (size_t k = 0; k < n; ++k) blocks[i][k] = (unsigned char)(k ^ (size_t)i);
  }
  for (int i = 0; i < 400; ++i) {
    size_t n = (i % 2) ? (size_t)(i * 37 % 1500) + 1 : (size_t)(i * 53 % 900) + 1;
    for (size_t k = 0; k < n; ++k) sum = sum * 131 + blocks[i][k];
    free(blocks[i]);
  }
  printf("sum=%016lx misaligned=%d\n", sum, misaligned);
  void *z = malloc(0);
  printf("malloc(0) %s\n", z ? "non-null" : "null");
  free(z);
  free(NULL);
  return 0;
}
