/* sscanf with ints, floats, strings, scansets, widths, %n, suppression and partial matches. */
#include <stdio.h>

int main(void) {
  int a = 0, b = 0, n = 0;
  unsigned u = 0;
  long long ll = 0;
  double d = 0;
  float f = 0;
  char s1[32] = "", s2[32] = "";
  int r = sscanf("12 -34 0x1f 9876543210 2.5e3 1.25 word rest", "%d %i %x %lld %lf %f %31s %31s", &a, &b, &u, &ll, &d,
                 &f, s1, s2);
  printf("r=%d a=%d b=%d u=%u ll=%lld d=%g f=%g s1=%s s2=%s\n", r, a, b, u, ll, d, (double)f, s1, s2);
  r = sscanf("key=value;other", "%31[^=]=%31[^;]%n", s1, s2, &n);
  printf("r=%d [%s] [%s] n=%d\n", r, s1, s2, n);
  r = sscanf("2024-07-15T12:34:56", "%4d-%2d-%2dT%*d:%d:%d", &a, &b, &n, (int *)&u, (int *)&ll);
  printf("r=%d %d %d %d %d\n", r, a, b, n, (int)u);
  r = sscanf("abc", "%d", &a);
  printf("nomatch r=%d\n", r);
  r = sscanf("", "%d", &a);
  printf("empty r=%d\n", r);
  r = sscanf("12345678", "%3d%2d%d", &a, &b, &n);
  printf("widths r=%d %d %d %d\n", r, a, b, n);
  char c1, c2;
  r = sscanf("x y", "%c %c", &c1, &c2);
  printf("chars r=%d %c%c\n", r, c1, c2);
  r = sscanf("077 0x10 10", "%i %i %o", &a, &b, &n);
  printf("bases r=%d %d %d %d\n", r, a, b, n);
  r = sscanf("inf nan -0x1.8p3", "%lf %f %la", &d, &f, (double *)&ll);
  double hx;
  sscanf("-0x1.8p3", "%la", &hx);
  printf("special r=%d %g %g %g\n", r, d, (double)f, hx);
  return 0;
}
