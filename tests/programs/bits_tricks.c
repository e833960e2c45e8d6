/* Bit manipulation: popcount, clz, ctz, parity, byte swaps, rotates, bit reversal, next power of
   two, Gray code, and the classic branch-free tricks, on 32- and 64-bit values. */
#include <stdint.h>
#include <stdio.h>

static uint32_t rev32(uint32_t x) {
  x = (x >> 1 & 0x55555555u) | (x & 0x55555555u) << 1;
  x = (x >> 2 & 0x33333333u) | (x & 0x33333333u) << 2;
  x = (x >> 4 & 0x0f0f0f0fu) | (x & 0x0f0f0f0fu) << 4;
  return __builtin_bswap32(x);
}
static uint64_t rotl64(uint64_t x, int r) { return (x << r) | (x >> ((64 - r) & 63)); }
static uint32_t next_pow2(uint32_t x) {
  --x;
  x |= x >> 1;
  x |= x >> 2;
  x |= x >> 4;
  x |= x >> 8;
  x |= x >> 16;
  return x + 1;
}

int main(void) {
  volatile uint64_t seeds[] = {0, 1, 0x80000000u, 0xffffffffu, 0x123456789abcdef0ull, 0x8000000000000001ull, ~0ull, 0xf0f0};
  for (unsigned i = 0; i < sizeof seeds / sizeof seeds[0]; ++i) {
    uint64_t x = seeds[i];
    uint32_t w = (uint32_t)x;
    printf("%016llx pop=%d/%d clz=%d ctz=%d par=%d bswap=%016llx rev=%08x rotl13=%016llx np2=%u gray=%08x min=%d abs=%d\n",
           (unsigned long long)x, __builtin_popcountll(x), __builtin_popcount(w), x ? __builtin_clzll(x) : 64,
           x ? __builtin_ctzll(x) : 64, __builtin_parityll(x), (unsigned long long)__builtin_bswap64(x), rev32(w),
           (unsigned long long)rotl64(x, 13), next_pow2(w & 0x7fffffff), w ^ (w >> 1),
           (int)w ^ (((int)w ^ 77) & -((int)w < 77)), ((int)w ^ ((int)w >> 31)) - ((int)w >> 31));
  }
  uint32_t subsets = 0b1011010, count = 0;
  for (uint32_t s = subsets;; s = (s - 1) & subsets) {
    ++count;
    if (!s) break;
  }
  printf("subsets of %x: %u\n", subsets, count);
  int8_t sb = -100;
  uint8_t ub = 200;
  printf("shifts %d %d %u %d %lld\n", sb >> 2, (int8_t)(sb << 1), (unsigned)(ub >> 3), -17 / 4, (long long)(-17LL % 5));
  return 0;
}
