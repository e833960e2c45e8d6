/* abs/labs/llabs, div/ldiv/lldiv with negative operands, rand/srand sequence, rand_r. */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  printf("%d %ld %lld %d\n", abs(-5), labs(-1234567890123L), llabs(LLONG_MIN + 1), abs(INT_MIN + 1));
  int pairs[][2] = {{7, 2}, {-7, 2}, {7, -2}, {-7, -2}, {0, 3}, {INT_MAX, -1}};
  for (int i = 0; i < 6; ++i) {
    div_t q = div(pairs[i][0], pairs[i][1]);
    ldiv_t lq = ldiv((long)pairs[i][0] * 1000003L, pairs[i][1]);
    lldiv_t llq = lldiv((long long)pairs[i][0] << 20, pairs[i][1]);
    printf("%d/%d: %d r %d | %ld r %ld | %lld r %lld\n", pairs[i][0], pairs[i][1], q.quot, q.rem, lq.quot, lq.rem,
           llq.quot, llq.rem);
  }
  srand(1);
  for (int i = 0; i < 10; ++i) printf("%d ", rand());
  printf("\n");
  srand(20240601);
  long s = 0;
  for (int i = 0; i < 10000; ++i) s += rand() % 1000;
  printf("sum %ld RAND_MAX %d\n", s, RAND_MAX);
  unsigned seed = 7;
  for (int i = 0; i < 5; ++i) printf("%d ", rand_r(&seed));
  printf("\n");
  srandom(99);
  for (int i = 0; i < 5; ++i) printf("%ld ", random());
  printf("\n");
  return 0;
}
