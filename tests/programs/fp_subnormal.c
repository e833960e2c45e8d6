/* Gradual underflow: halving down through the subnormals to zero, and back up. */
#include <float.h>
#include <stdio.h>

int main(void) {
  volatile double x = DBL_MIN * 4;
  int steps = 0;
  while (x != 0) {
    if (steps % 4 == 0 || x < DBL_MIN / (1ull << 48)) printf("%4d %a %.17g\n", steps, x, x);
    x = x / 2;
    ++steps;
  }
  printf("steps to zero: %d\n", steps);
  volatile double t = DBL_TRUE_MIN;
  printf("%a %a %a %a\n", t * 0.5, t * 1.5, t * 2.5, (t * 3) / 2);
  volatile float y = FLT_MIN;
  for (int i = 0; i < 26; ++i) {
    printf("%a ", (double)y);
    y = y * 0.375f;
  }
  printf("\n");
  volatile double a = 0x1.0000000000001p-1022, b = 0x1p-1022;
  printf("diff %a sum %a\n", a - b, a + b);
  return 0;
}
