/* strtod/strtof: decimal and hex input, exponents, inf/nan, overflow/underflow, end pointers. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *in[] = {"0", "-0", "1", "3.14159", "  -2.5e-3x", "1e308", "1e309", "-1e400", "1e-320", "1e-400",
                      "0x1.8p1", "0X.1P-4", "0x1p-1074", "inf", "-Infinity", "nan", "NAN(123)", ".5", "5.", "e5",
                      "123456789012345678901234567890", "2.2250738585072011e-308", "0.1000000000000000055511151231257827",
                      "4.9406564584124654e-324", "1.7976931348623158e308", "+.e1", "9007199254740993"};
  for (unsigned i = 0; i < sizeof in / sizeof in[0]; ++i) {
    char *end;
    errno = 0;
    double d = strtod(in[i], &end);
    int e = errno == ERANGE;
    errno = 0;
    float f = strtof(in[i], NULL);
    printf("%-40s %-24.17g %-26a used=%ld erange=%d float=%a/%d\n", in[i], d, d, (long)(end - in[i]), e, (double)f,
           errno == ERANGE);
  }
  long double ld = strtold("0.1", NULL);
  printf("strtold %La\n", ld);
  printf("atof %g\n", atof("6.02214076e23"));
  return 0;
}
