/* printf of integers: every length modifier, flags, widths and precisions. */
#include <limits.h>
#include <inttypes.h>
#include <stddef.h>
#include <sys/types.h>
#include <stdio.h>

int main(void) {
  const int vals[] = {0, 1, -1, 42, -42, 1000000, INT_MAX, INT_MIN};
  for (unsigned i = 0; i < sizeof vals / sizeof vals[0]; ++i) {
    int v = vals[i];
    printf("[%d] [%i] [%5d] [%-5d|] [%+d] [% d] [%05d] [%.3d] [%8.4d] [%u]\n", v, v, v, v, v, v, v, v, v, (unsigned)v);
  }
  const long long ll[] = {0LL, 123456789012345LL, -9876543210LL, LLONG_MAX, LLONG_MIN};
  for (unsigned i = 0; i < sizeof ll / sizeof ll[0]; ++i)
    printf("[%lld] [%25lld] [%-25lld|] [%+lld] [%llu]\n", ll[i], ll[i], ll[i], ll[i], (unsigned long long)ll[i]);
  printf("[%hd] [%hhd] [%hu] [%hhu]\n", (short)-12345, (signed char)-100, (unsigned short)65535, (unsigned char)200);
  printf("[%ld] [%lu] [%zu] [%zd] [%td]\n", LONG_MIN, ULONG_MAX, (size_t)12345, (ssize_t)-7, (ptrdiff_t)-99);
  printf("[%jd] [%ju]\n", INTMAX_MIN, UINTMAX_MAX);
  printf("[%" PRId64 "] [%" PRIu32 "] [%" PRIx16 "]\n", (int64_t)-5, (uint32_t)4000000000u, (uint16_t)0xbeef);
  printf("[%.0d] [%.0d] [%3.0d]\n", 0, 1, 0);
  int n1 = 0, n2 = 0;
  printf("abc%ndefgh%n\n", &n1, &n2);
  printf("n1=%d n2=%d\n", n1, n2);
  int total = printf("%d-%d-%d\n", 1, 22, 333);
  printf("printed %d chars\n", total);
  return 0;
}
