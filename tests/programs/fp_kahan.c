/* Naive, Kahan and pairwise summation of the same series differ in their last bits. */
#include <stdio.h>

static double pairwise(const double *x, int n) {
  if (n <= 8) {
    double s = 0;
    for (int i = 0; i < n; ++i) s += x[i];
    return s;
  }
  return pairwise(x, n / 2) + pairwise(x + n / 2, n - n / 2);
}

int main(void) {
  static double x[100000];
  for (int i = 0; i < 100000; ++i) x[i] = 1.0 / ((double)(i + 1) * (i + 1)) + (i % 2 ? 1e-3 : -1e-3);
  double naive = 0, sum = 0, c = 0;
  for (int i = 0; i < 100000; ++i) {
    naive += x[i];
    volatile double y = x[i] - c;
    volatile double t = sum + y;
    c = (t - sum) - y;
    sum = t;
  }
  double pw = pairwise(x, 100000);
  printf("naive    %.17g %a\nkahan    %.17g %a\npairwise %.17g %a\n", naive, naive, sum, sum, pw, pw);
  float fs = 0;
  for (int i = 0; i < 100000; ++i) fs += (float)x[i];
  printf("float    %.9g %a\n", (double)fs, (double)fs);
  return 0;
}
