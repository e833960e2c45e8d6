/* Conway's Life on a 40x20 torus for 60 generations from a glider gun-like pattern; prints the
   final board and the population history. */
#include <stdio.h>
#include <string.h>

#define W 40
#define H 20
static unsigned char g[H][W], n[H][W];

int main(void) {
  const char *start[] = {"........................O...........",
                         "......................O.O...........",
                         "............OO......OO............OO",
                         "...........O...O....OO............OO",
                         "OO........O.....O...OO..............",
                         "OO........O...O.OO....O.O...........",
                         "..........O.....O.......O...........",
                         "...........O...O....................",
                         "............OO......................"};
  for (int r = 0; r < 9; ++r)
    for (int c = 0; start[r][c]; ++c) g[r + 1][c + 1] = start[r][c] == 'O';
  for (int gen = 0; gen < 60; ++gen) {
    int pop = 0;
    for (int r = 0; r < H; ++r)
      for (int c = 0; c < W; ++c) {
        int k = 0;
        for (int dr = -1; dr <= 1; ++dr)
          for (int dc = -1; dc <= 1; ++dc)
            if (dr || dc) k += g[(r + dr + H) % H][(c + dc + W) % W];
        n[r][c] = k == 3 || (k == 2 && g[r][c]);
        pop += n[r][c];
      }
    memcpy(g, n, sizeof g);
    printf("%d%c", pop, gen % 20 == 19 ? '\n' : ' ');
  }
  for (int r = 0; r < H; ++r) {
    for (int c = 0; c < W; ++c) putchar(g[r][c] ? '#' : '.');
    putchar('\n');
  }
  return 0;
}
