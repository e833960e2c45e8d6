/* printf %g / %G: the switch between fixed and exponent notation, trailing zeros, '#'. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  const double vals[] = {0.0, 1.0, 100000.0, 1000000.0, 1e-4, 1e-5, 123456789.0, 0.1, 1.5, -2.25e-10, 1.0 / 7.0,
                         DBL_MAX, DBL_MIN, DBL_EPSILON, 9.5, 99999.95, 999999.5};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; ++i) {
    double v = vals[i];
    printf("[%g] [%G] [%.0g] [%.1g] [%.3g] [%#g] [%#.3g] [%12g] [%-12g|] [%+g] [%.17g]\n", v, v, v, v, v, v, v, v, v, v, v);
  }
  printf("[%g] [%G] [%g]\n", INFINITY, -INFINITY, NAN);
  double x = 3.0e-12;
  for (int i = 0; i < 25; ++i) {
    printf("%g %.10g %G\n", x, x * M_E, -x / 3);
    x *= 10.0;
  }
  return 0;
}
