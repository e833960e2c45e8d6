/* exp/exp2/expm1/log/log2/log10/log1p over wide ranges, overflow and underflow edges. */
#include <math.h>
#include <stdio.h>

int main(void) {
  const double xs[] = {-1000.0, -745.2, -708.5, -20.0, -1.0, -1e-10, 0.0, 1e-10, 0.5, 1.0, 2.0, 10.0, 100.0, 709.7, 710.0};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; ++i) {
    double x = xs[i];
    printf("x=%g exp=%a exp2=%a expm1=%a\n", x, exp(x), exp2(x), expm1(x));
  }
  const double ys[] = {0.0, 5e-324, 1e-300, 0.1, 0.5, 1.0, M_E, 2.0, 10.0, 1000.0, 1e300, INFINITY, -1.0};
  for (unsigned i = 0; i < sizeof ys / sizeof ys[0]; ++i) {
    double y = ys[i];
    printf("y=%g log=%a log2=%a log10=%a log1p=%a\n", y, log(y), log2(y), log10(y), log1p(y));
  }
  double acc = 0;
  for (int i = 1; i <= 1000; ++i) acc += log((double)i) - exp(-i / 100.0);
  printf("acc=%.17g %a\n", acc, acc);
  return 0;
}
