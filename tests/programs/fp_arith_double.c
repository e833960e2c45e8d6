/* double + - * / sqrt on values chosen to round in every way, printed exactly; volatile keeps
   the compiler from folding them. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  volatile double v[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.2, 0.3, 1.0 / 3.0, 1e308, -1e308, DBL_MIN, DBL_TRUE_MIN,
                         DBL_EPSILON, 3.0, 7.0, INFINITY, NAN};
  const int n = sizeof v / sizeof v[0];
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      double a = v[i], b = v[j];
      printf("%a %a: %a %a %a %a\n", a, b, a + b, a - b, a * b, a / b);
    }
  for (int i = 0; i < n; ++i) printf("sqrt %a = %a\n", v[i], sqrt(v[i]));
  return 0;
}
