/* Large allocations (mmap'd by malloc), touched page by page, freed, reallocated bigger. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  size_t sizes[] = {1 << 17, 1 << 20, 3 << 20, 8 << 20};
  unsigned long total = 0;
  for (unsigned i = 0; i < 4; ++i) {
    unsigned char *p = malloc(sizes[i]);
    if (!p) return 2;
    for (size_t k = 0; k < sizes[i]; k += 4096) p[k] = (unsigned char)(k >> 12);
    for (size_t k = 0; k < sizes[i]; k += 4096) total += p[k];
    p = realloc(p, sizes[i] * 2);
    memset(p + sizes[i], 1, sizes[i]);
    for (size_t k = 0; k < 2 * sizes[i]; k += 8192) total += p[k];
    free(p);
    printf("size %zu total %lu\n", sizes[i], total);
  }
  return 0;
}
