/* sin/cos/tan/sincos over a grid including large arguments, printed exactly (%a) and in %.17g. */
#define _GNU_SOURCE
#include <math.h>
#include <stdio.h>

int main(void) {
  const double xs[] = {0.0, -0.0, 1e-300, 1e-8, 0.5, 1.0, M_PI_4, M_PI_2, M_PI, 3.0, 10.0, 100.0, 1e6, 1e22, -7.25, 1e300};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; ++i) {
    double x = xs[i], s, c;
    sincos(x, &s, &c);
    printf("x=%a sin=%a cos=%a tan=%a sincos_same=%d\n", x, sin(x), cos(x), tan(x), s == sin(x) && c == cos(x));
  }
  for (int i = -20; i <= 20; ++i) {
    double x = i * 0.37;
    printf("%6.2f %.17g %.17g %.17g\n", x, sin(x), cos(x), tan(x));
  }
  printf("%a %a %a\n", sin(INFINITY), cos(NAN), tan(-INFINITY));
  return 0;
}
