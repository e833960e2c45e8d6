/* floor/ceil/round/trunc/rint/nearbyint/lround/llrint/modf on halfway and large values. */
#include <math.h>
#include <stdio.h>

int main(void) {
  const double xs[] = {0.0, -0.0, 0.5, 1.5, 2.5, -0.5, -1.5, -2.5, 0.49999999999999994, 1e15 + 0.5, 4503599627370495.5,
                       -3.7, 3.7, 1e300, -1e-300, 123.456};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; ++i) {
    double x = xs[i], ip;
    double fp = modf(x, &ip);
    printf("%-22.17g floor=%g ceil=%g round=%g trunc=%g rint=%g nearby=%g lround=%ld llrint=%lld modf=%a+%a\n", x,
           floor(x), ceil(x), round(x), trunc(x), rint(x), nearbyint(x), fabs(x) < 1e18 ? lround(x) : 0L,
           fabs(x) < 1e18 ? llrint(x) : 0LL, ip, fp);
  }
  for (int i = -8; i <= 8; ++i) {
    float f = i * 0.75f;
    printf("%g:%g,%g,%g,%g ", (double)f, (double)floorf(f), (double)ceilf(f), (double)roundf(f), (double)truncf(f));
  }
  printf("\n");
  return 0;
}
