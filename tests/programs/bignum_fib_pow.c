/* Big unsigned integers as 32-bit limbs: Fibonacci(1500) by addition, 3^1000 by repeated
   multiplication, printed in hex and decimal (by repeated division). */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define L 80
typedef struct { uint32_t w[L]; } big;

static void add(big *r, const big *a, const big *b) {
  uint64_t c = 0;
  for (int i = 0; i < L; ++i) {
    c += (uint64_t)a->w[i] + b->w[i];
    r->w[i] = (uint32_t)c;
    c >>= 32;
  }
}
static void mul32(big *a, uint32_t m) {
  uint64_t c = 0;
  for (int i = 0; i < L; ++i) {
    c += (uint64_t)a->w[i] * m;
    a->w[i] = (uint32_t)c;
    c >>= 32;
  }
}
static uint32_t divmod(big *a, uint32_t d) {
  uint64_t r = 0;
  for (int i = L - 1; i >= 0; --i) {
    uint64_t cur = (r << 32) | a->w[i];
    a->w[i] = (uint32_t)(cur / d);
    r = cur % d;
  }
  return (uint32_t)r;
}
static int is_zero(const big *a) {
  for (int i = 0; i < L; ++i)
    if (a->w[i]) return 0;
  return 1;
}
static void print_dec(big a) {
  char digits[800];
  int n = 0;
  do digits[n++] = (char)('0' + divmod(&a, 10)); while (!is_zero(&a));
  while (n) putchar(digits[--n]);
  putchar('\n');
}
static void print_hex(const big *a) {
  int i = L - 1;
  while (i > 0 && !a->w[i]) --i;
  printf("0x%x", a->w[i]);
  while (--i >= 0) printf("%08x", a->w[i]);
  putchar('\n');
}

int main(void) {
  big a, b, c;
  memset(&a, 0, sizeof a);
  memset(&b, 0, sizeof b);
  b.w[0] = 1;
  for (int i = 0; i < 1500; ++i) {
    add(&c, &a, &b);
    a = b;
    b = c;
  }
  printf("fib(1500) = ");
  print_dec(a);
  print_hex(&a);
  memset(&c, 0, sizeof c);
  c.w[0] = 1;
  for (int i = 0; i < 1000; ++i) mul32(&c, 3);
  printf("3^1000 = ");
  print_dec(c);
  return 0;
}
