/* fma/fmaf: the single rounding shows in products whose low part a separate multiply loses. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  double a = 1.0 + DBL_EPSILON, b = 1.0 - DBL_EPSILON;
  printf("fma(a,b,-1)=%a\n", fma(a, b, -1.0));
  volatile double p = a * b;
  printf("a*b-1=%a\n", p - 1.0);
  const double xs[] = {0.1, 1.0 / 3.0, M_PI, 1e308, -2.5, 1e-300};
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) printf("%a%c", fma(xs[i], xs[j], -xs[i] * xs[j]), j == 5 ? '\n' : ' ');
  float fa = 1.0f + FLT_EPSILON;
  printf("fmaf=%a\n", (double)fmaf(fa, fa, -1.0f));
  printf("fma inf-inf=%a fma(0,inf,1)=%a\n", fma(INFINITY, 1.0, -INFINITY), fma(0.0, INFINITY, 1.0));
  double two_sum_err = fma(1e16, 1.0, 1.0) - 1e16;
  printf("err=%a\n", two_sum_err);
  return 0;
}
