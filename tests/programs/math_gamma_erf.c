/* tgamma, lgamma (with its sign), erf, erfc, and the Bessel functions j0/j1/y0. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>

int main(void) {
  for (int i = -7; i <= 24; ++i) {
    double x = i * 0.75 + 0.1;
    int sg;
    double lg = lgamma_r(x, &sg);
    printf("%6.2f tgamma=%.17g lgamma=%a sign=%d\n", x, tgamma(x), lg, sg);
  }
  for (int i = -10; i <= 10; ++i) {
    double x = i * 0.45;
    printf("%6.2f erf=%a erfc=%a j0=%.17g j1=%.17g y0=%.17g\n", x, erf(x), erfc(x), j0(x), j1(x), x > 0 ? y0(x) : 0.0);
  }
  printf("factorials:");
  for (int n = 1; n <= 20; ++n) printf(" %.0f", tgamma(n + 1.0));
  printf("\n");
  return 0;
}
