/* printf %f / %F with widths, precisions and flags; rounding of halfway cases. */
#include <math.h>
#include <stdio.h>

int main(void) {
  const double vals[] = {0.0, -0.0, 1.0, -1.5, 0.1, 2.5, 3.5, 0.125, 123456.789, 1e-7, 1e15, 1e22, 9.999999,
                         0.0000005, 1.0 / 3.0, 2.0 / 3.0, 1e300, -2.2250738585072014e-308};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; ++i) {
    double v = vals[i];
    printf("[%f] [%.0f] [%.1f] [%.3f] [%12.4f] [%-12.2f|] [%+f] [% .2f] [%012.3f] [%#.0f]\n", v, v, v, v, v, v, v, v, v, v);
  }
  printf("[%f] [%F] [%f] [%F] [%8.2f] [%-8f|]\n", INFINITY, -INFINITY, NAN, NAN, INFINITY, -NAN);
  for (int p = 0; p <= 20; p += 4) printf("pi %.*f\n", p, M_PI);
  for (int i = 0; i < 8; ++i) printf("%.0f %.1f %.2f\n", i + 0.5, i * 0.1 + 0.05, i * 0.01 + 0.005);
  printf("%.20f\n%.30f\n", 0.1, 1e-20);
  printf("%f\n", 1.7976931348623157e308);
  return 0;
}
