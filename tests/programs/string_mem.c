/* memcpy/memmove (overlapping both ways)/memset/memcmp/memchr at every alignment and many lengths. */
#include <stdio.h>
#include <string.h>

static unsigned char a[600], b[600];
static unsigned hash = 2166136261u;
static void mix(const unsigned char *p, size_t n) {
  for (size_t i = 0; i < n; ++i) hash = (hash ^ p[i]) * 16777619u;
}

int main(void) {
  for (int i = 0; i < 600; ++i) a[i] = (unsigned char)(i * 7 + 1);
  for (size_t src = 0; src < 16; ++src)
    for (size_t dst = 0; dst < 16; ++dst)
      for (size_t n = 0; n < 300; n += 13) {
        memset(b, 0xee, sizeof b);
        memcpy(b + dst, a + src, n);
        mix(b, 340);
      }
  printf("memcpy %08x\n", hash);
  for (int shift = -40; shift <= 40; shift += 3) {
    for (int i = 0; i < 600; ++i) b[i] = (unsigned char)i;
    memmove(b + 100 + shift, b + 100, 257);
    mix(b, 600);
  }
  printf("memmove %08x\n", hash);
  for (size_t off = 0; off < 32; ++off)
    for (size_t n = 0; n < 200; n += 9) {
      memset(b + off, (int)(n + off), n);
      mix(b, 256);
    }
  printf("memset %08x\n", hash);
  int cmps = 0;
  for (size_t n = 1; n < 100; ++n) {
    memcpy(b, a, n);
    b[n - 1] ^= 0x80;
    cmps = cmps * 3 + (memcmp(a, b, n) > 0) - (memcmp(a, b, n) < 0) + (memcmp(a, b, n - 1) == 0);
  }
  printf("memcmp %d\n", cmps);
  long found = 0;
  for (int c = 0; c < 256; c += 5) {
    unsigned char *p = memchr(a + (c % 16), c, 500);
    found = found * 7 + (p ? p - a : -1);
  }
  printf("memchr %ld\n", found);
  return 0;
}
