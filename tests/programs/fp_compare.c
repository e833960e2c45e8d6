/* Comparisons with NaN, infinities and signed zeros; isgreater & co. do not trap. */
#include <math.h>
#include <stdio.h>

int main(void) {
  volatile double v[] = {-INFINITY, -1.0, -0.0, 0.0, 1e-310, 1.0, INFINITY, NAN};
  const int n = sizeof v / sizeof v[0];
  for (int i = 0; i < n; ++i) {
    for (int j = 0; j < n; ++j) {
      double a = v[i], b = v[j];
      int m = (a < b) | (a <= b) << 1 | (a == b) << 2 | (a != b) << 3 | (a >= b) << 4 | (a > b) << 5 |
              !!isunordered(a, b) << 6 | !!islessgreater(a, b) << 7;
      printf("%02x ", m);
    }
    printf("\n");
  }
  volatile float f = NAN, g = 1.0f;
  printf("float nan: %d %d %d\n", f < g, f != f, f == f);
  double mx = -INFINITY;
  for (int i = 0; i < n; ++i) mx = v[i] > mx ? v[i] : mx;
  printf("max by > %g\n", mx);
  return 0;
}
