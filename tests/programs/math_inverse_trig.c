/* asin/acos/atan/atan2 including the quadrants and signed zeros of atan2. */
#include <math.h>
#include <stdio.h>

int main(void) {
  for (int i = -10; i <= 10; ++i) {
    double x = i / 10.0;
    printf("%5.2f asin=%a acos=%a atan=%a atan(10x)=%.17g\n", x, asin(x), acos(x), atan(x), atan(10 * x));
  }
  const double ys[] = {0.0, -0.0, 1.0, -1.0, INFINITY, -INFINITY};
  const double xs[] = {0.0, -0.0, 2.0, -2.0, INFINITY, -INFINITY};
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) printf("atan2(%g,%g)=%a\n", ys[i], xs[j], atan2(ys[i], xs[j]));
  printf("domain: %a %a\n", asin(1.5), acos(-1.0000001));
  return 0;
}
