/* Variadic functions: va_list over ints, doubles and strings, va_copy, vsnprintf wrappers,
   many arguments (more than fit in registers). */
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static long sum_ints(int n, ...) {
  va_list ap;
  va_start(ap, n);
  long s = 0;
  for (int i = 0; i < n; ++i) s += va_arg(ap, int);
  va_end(ap);
  return s;
}
static double mixed(const char *fmt, ...) {
  va_list ap, again;
  va_start(ap, fmt);
  va_copy(again, ap);
  double s = 0;
  for (const char *p = fmt; *p; ++p) {
    if (*p == 'i') s += va_arg(ap, int);
    else if (*p == 'd') s += va_arg(ap, double);
    else if (*p == 'l') s += (double)va_arg(ap, long long);
    else if (*p == 's') s += (double)strlen(va_arg(ap, const char *));
  }
  double first = *fmt == 'd' ? va_arg(again, double) : 0;
  va_end(again);
  va_end(ap);
  return s + first * 1000;
}
static int logf_(char *buf, size_t n, const char *fmt, ...) {
  va_list ap;
  va_start(ap, fmt);
  int r = vsnprintf(buf, n, fmt, ap);
  va_end(ap);
  return r;
}

int main(void) {
  printf("%ld\n", sum_ints(0));
  printf("%ld\n", sum_ints(3, 1, 2, 3));
  printf("%ld\n", sum_ints(20, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 15, 16, 17, 18, 19, 20));
  printf("%.17g\n", mixed("didsl", 1.5, 2, 0.25, "hello", 1LL << 40));
  printf("%.17g\n", mixed("ddddddddddd", 1.0, 2.0, 3.0, 4.0, 5.0, 6.0, 7.0, 8.0, 9.0, 10.0, 11.0));
  char buf[64];
  int r = logf_(buf, sizeof buf, "[%s:%d] %5.2f %c", "file.c", 42, 3.14159, 'x');
  printf("%d %s\n", r, buf);
  r = logf_(buf, 8, "%s", "truncated output");
  printf("%d %s\n", r, buf);
  return 0;
}
