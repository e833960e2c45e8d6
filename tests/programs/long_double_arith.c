/* binary128 long double: sums, products, sqrtl and conversions (libgcc soft-float and libm). */
#include <math.h>
#include <stdio.h>

int main(void) {
  long double s = 0, p = 1;
  for (int i = 1; i <= 200; ++i) {
    s += 1.0L / i;
    p *= 1.0L + 1.0L / (i * i);
  }
  printf("H200 %.33Lg\nprod %.33Lg\n", s, p);
  printf("sqrtl(2) %La\n", sqrtl(2.0L));
  long double x = 2.0L;
  for (int i = 0; i < 7; ++i) x = (x + 2.0L / x) / 2.0L;
  printf("newton %La\n", x);
  long double vals[] = {1e-4000L, 1e4000L, -0.0L, 3.0L, 1e30L};
  for (int i = 0; i < 5; ++i)
    printf("%Le -> double %a, long long %lld, compare %d\n", vals[i], (double)vals[i],
           fabsl(vals[i]) < 1e18L ? (long long)vals[i] : 0LL, vals[i] > 1.0L);
  __int128 big = (__int128)1 << 100;
  long double lb = (long double)big;
  printf("int128 -> %La back %d\n", lb, (__int128)lb == big);
  return 0;
}
