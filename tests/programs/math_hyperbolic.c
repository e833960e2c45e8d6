/* sinh/cosh/tanh/asinh/acosh/atanh, printed exactly. */
#include <math.h>
#include <stdio.h>

int main(void) {
  for (int i = -12; i <= 12; ++i) {
    double x = i * 0.6;
    printf("%5.1f sinh=%a cosh=%a tanh=%a asinh=%a\n", x, sinh(x), cosh(x), tanh(x), asinh(x));
  }
  for (int i = 0; i <= 10; ++i) {
    double x = 1.0 + i * i * 0.5;
    double t = (i - 5) / 5.5;
    printf("acosh(%g)=%.17g atanh(%g)=%.17g\n", x, acosh(x), t, atanh(t));
  }
  printf("%a %a %a %a %a\n", sinh(1000.0), cosh(-1000.0), tanh(1000.0), atanh(1.0), acosh(0.5));
  return 0;
}
