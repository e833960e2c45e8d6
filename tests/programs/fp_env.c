/* fenv: rounding modes change rint/nearbyint/division results; exception flags are raised. */
#include <fenv.h>
#include <math.h>
#include <stdio.h>


int main(void) {
  const int modes[] = {FE_TONEAREST, FE_UPWARD, FE_DOWNWARD, FE_TOWARDZERO};
  const char *names[] = {"nearest", "upward", "downward", "towardzero"};
  volatile double one = 1.0, three = 3.0, vals[] = {2.5, -2.5, 3.5, -0.5, 1.2};
  for (int m = 0; m < 4; ++m) {
    fesetround(modes[m]);
    printf("%-10s get=%d 1/3=%a -1/3=%a", names[m], fegetround() == modes[m], one / three, -one / three);
    for (int i = 0; i < 5; ++i) printf(" %g", rint(vals[i]));
    printf(" lrint=%ld\n", lrint(vals[0]));
  }
  fesetround(FE_TONEAREST);
  feclearexcept(FE_ALL_EXCEPT);
  volatile double z = 0.0, big = 1e308, tiny = 1e-308;
  volatile double r = one / z;
  printf("divbyzero=%d\n", !!fetestexcept(FE_DIVBYZERO));
  r = big * big;
  printf("overflow=%d\n", !!fetestexcept(FE_OVERFLOW));
  r = tiny * tiny;
  printf("underflow=%d\n", !!fetestexcept(FE_UNDERFLOW));
  r = z / z;
  printf("invalid=%d\n", !!fetestexcept(FE_INVALID));
  feclearexcept(FE_ALL_EXCEPT);
  r = one + three;
  printf("exact: inexact=%d\n", !!fetestexcept(FE_INEXACT));
  r = one / three;
  printf("1/3: inexact=%d r=%a\n", !!fetestexcept(FE_INEXACT), r);
  fenv_t env;
  fegetenv(&env);
  fesetround(FE_UPWARD);
  fesetenv(&env);
  printf("restored nearest=%d\n", fegetround() == FE_TONEAREST);
  return 0;
}
