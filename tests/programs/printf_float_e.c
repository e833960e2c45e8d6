/* printf %e / %E: exponents of every size, precisions, flags, special values. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  const double vals[] = {0.0, -0.0, 1.0, -1.0, 12345.6789, 0.000123, 1e100, 1e-100, 1e308, DBL_MIN, DBL_TRUE_MIN,
                         DBL_MAX, 9.9999999e10, 5e-324, 0.5, 123.0};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; ++i) {
    double v = vals[i];
    printf("[%e] [%E] [%.0e] [%#.0e] [%.10e] [%15.3e] [%-15.2e|] [%+.4e] [%015.5e]\n", v, v, v, v, v, v, v, v, v);
  }
  printf("[%e] [%E] [%e] [%12e]\n", INFINITY, -INFINITY, NAN, -NAN);
  double x = 1.0;
  for (int i = 0; i < 30; ++i) {
    printf("%.17e %.3e\n", x, -x);
    x *= 17.25;
  }
  return 0;
}
