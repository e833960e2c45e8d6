/* calloc returns zeroed memory, also when reusing freed (dirty) chunks; overflow is refused. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  int nonzero = 0;
  for (int round = 0; round < 50; ++round) {
    size_t n = (size_t)(round * 131 % 3000) + 8;
    unsigned char *d = malloc(n);
    memset(d, 0xa5, n);
    free(d);
    unsigned char *z = calloc(n, 1);
    for (size_t i = 0; i < n; ++i) nonzero += z[i] != 0;
    free(z);
  }
  double *m = calloc(1000, sizeof(double));
  double s = 0;
  for (int i = 0; i < 1000; ++i) s += m[i];
  free(m);
  printf("nonzero=%d sum=%g\n", nonzero, s);
  volatile size_t huge = SIZE_MAX / 2;  /* volatile: the compiler would reject the constant */
  void *big = calloc(huge, 4);
  printf("overflowing calloc: %s\n", big ? "non-null" : "null");
  long long *large = calloc(300000, sizeof(long long));  // above the mmap threshold
  long long t = 0;
  for (int i = 0; i < 300000; i += 1000) t += large[i];
  printf("large calloc sum=%lld\n", t);
  free(large);
  return 0;
}
