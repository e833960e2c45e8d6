/* printf %a / %A: exact hex floats of normals, subnormals, extremes and specials. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  const double vals[] = {0.0, -0.0, 1.0, -1.0, 0.1, 0.5, 3.0, 1.0 / 3.0, M_PI, DBL_MAX, DBL_MIN, DBL_TRUE_MIN, 1e-310, 1e300,
                         255.0, 0x1.fffffffffffffp-1};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; ++i) {
    double v = vals[i];
    printf("[%a] [%A] [%.0a] [%.3a] [%#a] [%25a] [%-25a|] [%+a]\n", v, v, v, v, v, v, v, v);
  }
  printf("[%a] [%A] [%a]\n", INFINITY, -INFINITY, NAN);
  const float f[] = {1.0f, 0.1f, FLT_MAX, FLT_MIN, FLT_TRUE_MIN, -3.75f};
  for (unsigned i = 0; i < sizeof f / sizeof f[0]; ++i) printf("float %a %.6a\n", (double)f[i], (double)f[i]);
  double x = 1.0;
  for (int i = 0; i < 20; ++i) {
    printf("%a %a\n", x, sqrt(x));
    x = x * 1.75 + 0.001;
  }
  return 0;
}
