/* __int128 arithmetic: multiply, divide, modulo (libgcc __divti3/__udivti3), shifts, and
   printing 128-bit values in decimal by hand. */
#include <stdio.h>

typedef unsigned __int128 u128;
typedef __int128 i128;

static void print_u128(u128 v) {
  char buf[64];
  int n = 0;
  do {
    buf[n++] = (char)('0' + (int)(v % 10));
    v /= 10;
  } while (v);
  while (n) putchar(buf[--n]);
}
static void print_i128(i128 v) {
  if (v < 0) {
    putchar('-');
    print_u128(-(u128)v);
  } else {
    print_u128((u128)v);
  }
}

int main(void) {
  u128 f = 1;
  for (int i = 1; i <= 33; ++i) f *= (u128)i;
  printf("33! = ");
  print_u128(f);
  printf("\n");
  u128 big = ~(u128)0;
  printf("2^128-1 = ");
  print_u128(big);
  printf("\n");
  volatile i128 a = (i128)-123456789012345678LL * 1000000007LL, b = 998244353;
  printf("a = ");
  print_i128(a);
  printf("\na/b = ");
  print_i128(a / b);
  printf(" a%%b = ");
  print_i128(a % b);
  printf("\n");
  volatile u128 x = ((u128)0x0123456789abcdefull << 64) | 0xfedcba9876543210ull;
  for (int s = 0; s < 128; s += 37) {
    u128 l = x << s, r = x >> s;
    printf("shift %3d: %016llx%016llx %016llx%016llx\n", s, (unsigned long long)(l >> 64), (unsigned long long)l,
           (unsigned long long)(r >> 64), (unsigned long long)r);
  }
  unsigned long long p = 0xffffffff00000001ull, q = 0xfffffffeffffffffull;
  u128 prod = (u128)p * q;
  printf("mulhi %016llx lo %016llx\n", (unsigned long long)(prod >> 64), (unsigned long long)prod);
  volatile u128 den = ((u128)3 << 70) + 12345;
  printf("udiv %llu umod %llu\n", (unsigned long long)(big / den), (unsigned long long)(big % den));
  return 0;
}
