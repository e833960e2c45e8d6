/* N-queens solution counts for N = 1..11 with bitmask backtracking, plus the first solution of 8. */
#include <stdio.h>

static long solve(int n, unsigned cols, unsigned d1, unsigned d2, int row, int *first, int *found) {
  if (row == n) {
    *found = 1;
    return 1;
  }
  long count = 0;
  unsigned avail = ~(cols | d1 | d2) & ((1u << n) - 1);
  while (avail) {
    unsigned bit = avail & -avail;
    avail ^= bit;
    if (!*found) first[row] = __builtin_ctz(bit);
    count += solve(n, cols | bit, (d1 | bit) << 1, (d2 | bit) >> 1, row + 1, first, found);
  }
  return count;
}

int main(void) {
  for (int n = 1; n <= 11; ++n) {
    int first[16] = {0}, found = 0;
    long c = solve(n, 0, 0, 0, 0, first, &found);
    printf("%2d queens: %ld", n, c);
    if (n == 8) {
      printf("  first:");
      for (int i = 0; i < n; ++i) printf(" %d", first[i]);
    }
    printf("\n");
  }
  return 0;
}
