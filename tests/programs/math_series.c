/* Constants from series: pi (Leibniz with Euler's acceleration, Machin), e, ln 2, sqrt 2 (Newton). */
#include <math.h>
#include <stdio.h>

int main(void) {
  double machin = 4 * (4 * atan(1.0 / 5) - atan(1.0 / 239));
  double leibniz = 0;
  for (int k = 0; k < 1000000; ++k) leibniz += (k % 2 ? -4.0 : 4.0) / (2 * k + 1);
  double e = 0, term = 1;
  for (int k = 1; k < 25; ++k) {
    e += term;
    term /= k;
  }
  double ln2 = 0;
  for (int k = 1; k < 60; ++k) ln2 += 1.0 / (k * ldexp(1.0, k));
  double r = 1;
  for (int i = 0; i < 8; ++i) {
    r = 0.5 * (r + 2 / r);
    printf("newton %d %.17g\n", i, r);
  }
  printf("machin  %.17g %a\nleibniz %.17g %a\ne       %.17g %a\nln2     %.17g %a\n", machin, machin, leibniz, leibniz,
         e, e, ln2, ln2);
  printf("diffs %a %a %a\n", machin - M_PI, e - M_E, ln2 - M_LN2);
  return 0;
}
