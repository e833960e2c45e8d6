/* float arithmetic: rounding, overflow, underflow to subnormals, and float<->double. */
#include <float.h>
#include <math.h>
#include <stdio.h>

int main(void) {
  volatile float v[] = {0.0f, -0.0f, 1.0f, 0.1f, 1.0f / 3.0f, 16777216.0f, 16777217.0f, FLT_MAX, FLT_MIN, FLT_TRUE_MIN,
                        -2.5f, 1e-20f, INFINITY, NAN};
  const int n = sizeof v / sizeof v[0];
  for (int i = 0; i < n; ++i)
    for (int j = 0; j < n; ++j) {
      float a = v[i], b = v[j];
      float s = a + b, d = a - b, m = a * b, q = a / b;
      printf("%a %a: %a %a %a %a\n", (double)a, (double)b, (double)s, (double)d, (double)m, (double)q);
    }
  volatile double big = 1e300, tiny = 1e-50, third = 1.0 / 3.0;
  printf("narrow %a %a %a %a\n", (double)(float)big, (double)(float)tiny, (double)(float)third, (double)(float)-tiny);
  float acc = 0;
  for (int i = 1; i <= 100000; ++i) acc += 1.0f / (float)i;
  printf("harmonic float %a %.9g\n", (double)acc, (double)acc);
  return 0;
}
