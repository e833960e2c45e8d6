/* pow (with its special cases), sqrt, cbrt, hypot. */
#include <math.h>
#include <stdio.h>

int main(void) {
  const double b[] = {0.0, -0.0, 0.5, 1.0, -1.0, 2.0, -2.0, 10.0, INFINITY, -INFINITY, NAN};
  const double e[] = {0.0, 0.5, 1.0, -1.0, 2.0, 3.0, -3.0, 0.3, 1e10, INFINITY, -INFINITY};
  for (int i = 0; i < 11; ++i) {
    for (int j = 0; j < 11; ++j) printf("%a ", pow(b[i], e[j]));
    printf("\n");
  }
  for (int i = 0; i < 30; ++i) {
    double x = i * 1.7 + 0.01;
    printf("%.17g %a %a %a %a\n", x, sqrt(x), cbrt(-x), hypot(x, 3.0), pow(x, 1.0 / 3.0));
  }
  printf("sqrt(-1)=%a sqrt(-0)=%a cbrt(-27)=%a hypot(inf,nan)=%a\n", sqrt(-1.0), sqrt(-0.0), cbrt(-27.0),
         hypot(INFINITY, NAN));
  printf("pow big %a %a\n", pow(10.0, 308.5), pow(2.0, -1074.0));
  return 0;
}
