/* strtol/strtoul/strtoll/strtoull: bases 0 and 2..36, end pointers, ERANGE saturation. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  const char *in[] = {"0", "42", "-42", "  +17xyz", "0x1fG", "0777", "0b101", "zz", "-0x8000000000000000",
                      "9223372036854775807", "9223372036854775808", "-9223372036854775809", "18446744073709551615",
                      "18446744073709551616", "", "   ", "-", "0x", "1e5"};
  int bases[] = {0, 10, 16, 8, 2, 36};
  for (unsigned i = 0; i < sizeof in / sizeof in[0]; ++i) {
    printf("'%s':", in[i]);
    for (unsigned b = 0; b < sizeof bases / sizeof bases[0]; ++b) {
      char *end;
      errno = 0;
      long v = strtol(in[i], &end, bases[b]);
      printf(" b%d=%ld/%ld/%d", bases[b], v, (long)(end - in[i]), errno == ERANGE);
    }
    char *end;
    errno = 0;
    unsigned long long u = strtoull(in[i], &end, 0);
    printf(" ull=%llu/%ld/%d\n", u, (long)(end - in[i]), errno == ERANGE);
  }
  errno = 0;
  unsigned long neg = strtoul("-1", NULL, 10);
  printf("strtoul(-1)=%lu errno=%d\n", neg, errno);
  printf("atoi %d %d %ld %lld\n", atoi("  -123abc"), atoi("x"), atol("2147483648"), atoll("-99999999999"));
  return 0;
}
