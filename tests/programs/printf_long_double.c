/* long double (IEEE binary128 on AArch64, soft-float in libgcc): arithmetic and printf %Lf %Le %La %Lg. */
#include <float.h>
#include <stdio.h>

int main(void) {
  long double x = 1.0L;
  for (int i = 1; i <= 30; ++i) {
    x = x * 3.0L / 2.0L + 1.0L / i;
    printf("%2d %.30Lf %.25Le %La\n", i, x, x, x);
  }
  long double third = 1.0L / 3.0L;
  printf("%.36Lg\n%La\n", third, third);
  printf("%Lg %Lg %Lg\n", LDBL_MAX, LDBL_MIN, LDBL_EPSILON);
  printf("%La %La\n", LDBL_MAX, LDBL_EPSILON);
  long double s = 0;
  for (int i = 1; i <= 1000; ++i) s += 1.0L / ((long double)i * i);
  printf("zeta2 %.33Lf\n", s);
  printf("conv %.20g %.20Lg %lld\n", (double)s, (long double)(double)s, (long long)(s * 1e18L));
  printf("cmp %d %d %d\n", third < 0.34L, s > 1.64L, (long double)(double)third == third);
  return 0;
}
