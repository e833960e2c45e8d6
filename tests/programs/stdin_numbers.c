/* scanf numbers from stdin until EOF: count, sum, min, max, mean and variance. */
#include <math.h>
#include <stdio.h>

int main(void) {
  double x, sum = 0, sq = 0, mn = INFINITY, mx = -INFINITY;
  long n = 0;
  int r;
  while ((r = scanf("%lf", &x)) == 1) {
    ++n;
    sum += x;
    sq += x * x;
    if (x < mn) mn = x;
    if (x > mx) mx = x;
  }
  printf("last scanf=%d n=%ld sum=%.17g min=%g max=%g\n", r, n, sum, mn, mx);
  if (n) {
    double mean = sum / n;
    printf("mean=%a var=%a\n", mean, sq / n - mean * mean);
  }
  return 0;
}
