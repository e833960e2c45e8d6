/* A backtracking Sudoku solver with bitmask candidates on two fixed puzzles. */
#include <stdio.h>

static int grid[81];
static unsigned rows[9], cols[9], boxes[9];
static long nodes;

static int solve(void) {
  int best = -1, bestc = 10;
  unsigned bestm = 0;
  for (int i = 0; i < 81; ++i)
    if (!grid[i]) {
      unsigned m = ~(rows[i / 9] | cols[i % 9] | boxes[i / 27 * 3 + i % 9 / 3]) & 0x3fe;
      int c = __builtin_popcount(m);
      if (c < bestc) { best = i; bestc = c; bestm = m; }
    }
  if (best < 0) return 1;
  ++nodes;
  int r = best / 9, c = best % 9, b = best / 27 * 3 + c / 3;
  while (bestm) {
    int d = __builtin_ctz(bestm);
    bestm &= bestm - 1;
    unsigned bit = 1u << d;
    grid[best] = d;
    rows[r] |= bit; cols[c] |= bit; boxes[b] |= bit;
    if (solve()) return 1;
    rows[r] &= ~bit; cols[c] &= ~bit; boxes[b] &= ~bit;
  }
  grid[best] = 0;
  return 0;
}

int main(void) {
  const char *puzzles[] = {
      "530070000600195000098000060800060003400803001700020006060000280000419005000080079",
      "800000000003600000070090200050007000000045700000100030001000068008500010090000400"};
  for (int p = 0; p < 2; ++p) {
    for (int i = 0; i < 9; ++i) rows[i] = cols[i] = boxes[i] = 0;
    nodes = 0;
    for (int i = 0; i < 81; ++i) {
      grid[i] = puzzles[p][i] - '0';
      if (grid[i]) {
        unsigned bit = 1u << grid[i];
        rows[i / 9] |= bit; cols[i % 9] |= bit; boxes[i / 27 * 3 + i % 9 / 3] |= bit;
      }
    }
    int ok = solve();
    printf("puzzle %d solved=%d nodes=%ld\n", p, ok, nodes);
    for (int r = 0; r < 9; ++r) {
      for (int c = 0; c < 9; ++c) printf("%d", grid[r * 9 + c]);
      printf("\n");
    }
  }
  return 0;
}
