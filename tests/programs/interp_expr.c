/* A recursive-descent parser and evaluator for arithmetic expressions with variables,
   functions and precedence, on a fixed list of inputs. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <stdio.h>
#include <string.h>

static const char *p;
static int err;
static double vars[26];

static double expr(void);
static void skip(void) {
  while (isspace((unsigned char)*p)) ++p;
}
static double primary(void) {
  skip();
  if (*p == '(') {
    ++p;
    double v = expr();
    skip();
    if (*p == ')') ++p; else err = 1;
    return v;
  }
  if (*p == '-') {
    ++p;
    return -primary();
  }
  if (isdigit((unsigned char)*p) || *p == '.') {
    char *end;
    double v = strtod(p, &end);
    p = end;
    return v;
  }
  if (isalpha((unsigned char)*p)) {
    char name[16];
    int n = 0;
    while (isalpha((unsigned char)*p) && n < 15) name[n++] = *p++;
    name[n] = 0;
    skip();
    if (*p == '(') {
      ++p;
      double a = expr();
      skip();
      if (*p == ')') ++p; else err = 1;
      if (!strcmp(name, "sqrt")) return sqrt(a);
      if (!strcmp(name, "sin")) return sin(a);
      if (!strcmp(name, "exp")) return exp(a);
      if (!strcmp(name, "abs")) return fabs(a);
      err = 2;
      return 0;
    }
    if (n == 1) return vars[name[0] - 'a'];
    err = 3;
    return 0;
  }
  err = 4;
  return 0;
}
static double power(void) {
  double b = primary();
  skip();
  if (*p == '^') {
    ++p;
    return pow(b, power());
  }
  return b;
}
static double term(void) {
  double v = power();
  for (;;) {
    skip();
    if (*p == '*') { ++p; v *= power(); }
    else if (*p == '/') { ++p; v /= power(); }
    else if (*p == '%') { ++p; v = fmod(v, power()); }
    else return v;
  }
}
static double expr(void) {
  double v = term();
  for (;;) {
    skip();
    if (*p == '+') { ++p; v += term(); }
    else if (*p == '-') { ++p; v -= term(); }
    else return v;
  }
}


int main(void) {
  const char *lines[] = {"1 + 2 * 3", "(1 + 2) * 3", "2 ^ 3 ^ 2", "-2 ^ 2", "x = 7", "y = x * x - 1", "sqrt(y + 1) / x",
                         "sin(1)^2 + (1 - sin(1)^2)", "10 % 4 + 0.5", "exp(1)", "abs(-3.25) * 4", "1 / 0", "foo(3)",
                         "(1 + 2", "z = x / 3", "z * 3 - x", "2 * (3 + 4) * (5 - 6 / (7 + 8)) ^ 2"};
  for (unsigned i = 0; i < sizeof lines / sizeof lines[0]; ++i) {
    const char *s = lines[i];
    int target = -1;
    if (isalpha((unsigned char)s[0]) && s[1] == ' ' && s[2] == '=') {
      target = s[0] - 'a';
      s += 3;
    }
    p = s;
    err = 0;
    double v = expr();
    skip();
    if (*p) err = 5;
    if (err) {
      printf("%-40s error %d\n", lines[i], err);
    } else {
      if (target >= 0) vars[target] = v;
      printf("%-40s = %.17g\n", lines[i], v);
    }
  }
  return 0;
}
