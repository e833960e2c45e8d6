/* errno and floating-point exceptions from libm domain and range errors (math_errhandling). */
#include <errno.h>
#include <fenv.h>
#include <math.h>
#include <stdio.h>
#include <string.h>

static void check(const char *what, double r) {
  int e = errno;
  int fe = fetestexcept(FE_INVALID | FE_DIVBYZERO | FE_OVERFLOW | FE_UNDERFLOW);
  printf("%-14s = %-24a errno=%-6s fe=%s%s%s%s\n", what, r, e == EDOM ? "EDOM" : e == ERANGE ? "ERANGE" : e ? "other" : "0",
         fe & FE_INVALID ? "I" : "", fe & FE_DIVBYZERO ? "Z" : "", fe & FE_OVERFLOW ? "O" : "", fe & FE_UNDERFLOW ? "U" : "");
  errno = 0;
  feclearexcept(FE_ALL_EXCEPT);
}

int main(void) {
  volatile double zero = 0.0, neg = -1.0, big = 1000.0, tiny = -1000.0, two = 2.0;
  printf("math_errhandling=%d\n", math_errhandling);
  errno = 0;
  feclearexcept(FE_ALL_EXCEPT);
  check("log(0)", log(zero));
  check("log(-1)", log(neg));
  check("sqrt(-1)", sqrt(neg));
  check("exp(1000)", exp(big));
  check("exp(-1000)", exp(tiny));
  check("pow(0,-1)", pow(zero, neg));
  check("pow(-1,0.5)", pow(neg, 0.5));
  check("pow(2,2000)", pow(two, big * 2));
  check("acos(2)", acos(two));
  check("atanh(1)", atanh(-neg));
  check("tgamma(0)", tgamma(zero));
  check("tgamma(-1)", tgamma(neg));
  check("lgamma(0)", lgamma(zero));
  check("fmod(1,0)", fmod(1.0, zero));
  check("cosh(1000)", cosh(big));
  check("ldexp(1,-2000)", ldexp(1.0, -2000));
  check("log1p(-1)", log1p(neg));
  check("y0(0)", y0(zero));
  return 0;
}
