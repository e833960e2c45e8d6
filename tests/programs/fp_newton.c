/* Newton's method for roots of polynomials and for 1/x, iterated in double and float. */
#include <math.h>
#include <stdio.h>

static double poly(double x) { return ((x - 2) * x - 1) * x + 3.5 - 0.25 * x * x * x * x; }
static double dpoly(double x) { return (3 * x - 4) * x - 1 - x * x * x; }

int main(void) {
  const double starts[] = {-3.0, -1.0, 0.5, 1.7, 4.0};
  for (int s = 0; s < 5; ++s) {
    double x = starts[s];
    int it = 0;
    for (; it < 60; ++it) {
      double step = poly(x) / dpoly(x);
      x -= step;
      if (fabs(step) < 1e-15) break;
    }
    printf("start %g -> %.17g (%a) after %d, residual %a\n", starts[s], x, x, it, poly(x));
  }
  for (int k = 1; k < 12; ++k) {
    double d = k * 1.37, r = 0.1;
    float fr = 0.1f, fd = (float)d;
    for (int i = 0; i < 30; ++i) {
      r = r * (2 - d * r);
      fr = fr * (2 - fd * fr);
    }
    printf("1/%.2f = %a float %a\n", d, r, (double)fr);
  }
  return 0;
}
