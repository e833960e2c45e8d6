/* fpclassify/isnan/isinf/signbit, frexp/ldexp/ilogb/logb/scalbn/nextafter/nexttoward. */
#include <float.h>
#include <math.h>
#include <stdio.h>

static const char *cls(double x) {
  switch (fpclassify(x)) {
    case FP_NAN: return "nan";
    case FP_INFINITE: return "inf";
    case FP_ZERO: return "zero";
    case FP_SUBNORMAL: return "subnormal";
    default: return "normal";
  }
}

int main(void) {
  const double xs[] = {0.0, -0.0, 1.0, -3.5, DBL_MIN, DBL_MIN / 4, DBL_TRUE_MIN, DBL_MAX, INFINITY, -INFINITY, NAN, 1e-310};
  for (unsigned i = 0; i < sizeof xs / sizeof xs[0]; ++i) {
    double x = xs[i];
    int e = 0;
    double m = frexp(x, &e);
    printf("%-12a %-9s nan=%d inf=%d sign=%d finite=%d frexp=%a,%d ilogb=%d logb=%g\n", x, cls(x), !!isnan(x), !!isinf(x),
           !!signbit(x), !!isfinite(x), m, isfinite(x) ? e : 0, isfinite(x) && x != 0 ? ilogb(x) : 0,
           isfinite(x) && x != 0 ? logb(x) : 0.0);
  }
  for (int k = -1080; k <= 1030; k += 101) printf("ldexp(1.5,%d)=%a scalbn=%a\n", k, ldexp(1.5, k), scalbn(-0.75, k));
  printf("nextafter %a %a %a %a\n", nextafter(1.0, 2.0), nextafter(1.0, 0.0), nextafter(0.0, -1.0), nextafter(DBL_MAX, INFINITY));
  printf("nexttoward %a %a\n", nexttoward(1.0, 2.0L), (double)nextafterf(1.0f, 0.0f));
  return 0;
}
