/* Assorted libc: strsignal, memmem, strverscmp, ffs/ffsll, basename/dirname, strfry-free
   deterministic functions, abs of limits via labs, l64a/a64l, ecvt/fcvt/gcvt, toascii. */
#define _GNU_SOURCE
#include <ctype.h>
#include <libgen.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

int main(void) {
  for (int s = 1; s <= 15; ++s) printf("%d %s\n", s, strsignal(s));
  const char *hay = "abc\0def\0abcdef";
  const char *m = memmem(hay, 14, "cdef", 4);
  printf("memmem %ld\n", m ? (long)(m - hay) : -1L);
  const char *vers[] = {"file9", "file10", "file1", "a010", "a09", "a1"};
  for (int i = 0; i < 6; ++i) printf("%d ", strverscmp(vers[i], vers[(i + 1) % 6]) < 0);
  printf("\n");
  printf("ffs %d %d %d ffsll %d\n", ffs(0), ffs(1), ffs(0x80000000), ffsll(1LL << 40));
  char p1[] = "/usr/lib/libc.a", p2[] = "/usr/lib/libc.a", p3[] = "file", p4[] = "/";
  printf("dirname %s basename %s | %s %s | %s\n", dirname(p1), basename(p2), dirname(p3), basename(p3), dirname(p4));
  long v = 123456789;
  char *s64 = l64a(v);
  printf("l64a %s a64l %ld\n", s64, a64l(s64));
  int dec, sign;
  char *e = ecvt(3.14159265, 6, &dec, &sign);
  printf("ecvt %s dec=%d sign=%d\n", e, dec, sign);
  char *f = fcvt(-1234.5678, 2, &dec, &sign);
  printf("fcvt %s dec=%d sign=%d\n", f, dec, sign);
  char g[32];
  printf("gcvt %s\n", gcvt(0.000123456, 4, g));
  printf("toascii %d\n", toascii(200));
  return 0;
}
