/* Conversions between integers and floating point: truncation, saturation, rounding of large
   integers, unsigned, 32/64-bit, and float<->double. */
#include <limits.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

int main(void) {
  volatile double ds[] = {0.0, -0.0, 0.9, -0.9, 1.5, -1.5, 2147483647.5, 2147483648.0, -2147483649.0, 4294967296.0,
                          9.2233720368547758e18, 1.8446744073709552e19, -9.3e18, 1e30, -1e30, 123456789.987};
  for (unsigned i = 0; i < sizeof ds / sizeof ds[0]; ++i) {
    double d = ds[i];
    /* Out-of-range conversions are undefined in C; the AArch64 instructions saturate, and that is
       what this program prints (volatile: computed at run time by FCVTZS/FCVTZU). */
    printf("%-24.17g i32=%d u32=%u i64=%lld u64=%llu f=%a\n", d, (int)d, (unsigned)d, (long long)d,
           (unsigned long long)d, (double)(float)d);
  }
  volatile int64_t is[] = {0, 1, -1, INT32_MAX, INT32_MIN, INT64_MAX, INT64_MIN, 9007199254740993LL, (1LL << 53) + 1,
                           16777217, 123456789012345LL};
  for (unsigned i = 0; i < sizeof is / sizeof is[0]; ++i) {
    int64_t x = is[i];
    printf("%lld -> %a %a %a %a\n", (long long)x, (double)x, (double)(float)x, (double)(uint64_t)x, (double)(int32_t)x);
  }
  volatile uint64_t big = 0xfffffffffffff800ull;
  printf("u64 %a %a\n", (double)big, (double)(float)big);
  volatile float fnan = NAN;
  printf("nan -> %d %lld\n", (int)fnan, (long long)fnan);
  return 0;
}
