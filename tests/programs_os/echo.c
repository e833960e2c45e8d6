/* Copies stdin to stdout (upper-casing letters), reports the byte count on stderr, exits 3. */
#include "sys.h"

int cmain(u64* sp) {
  (void)sp;
  char buf[100];
  i64 total = 0, n;
  while ((n = sc3(NR_read, 0, buf, sizeof buf)) > 0) {
    for (i64 i = 0; i < n; ++i)
      if (buf[i] >= 'a' && buf[i] <= 'z') buf[i] = (char)(buf[i] - 32);
    sc3(NR_write, 1, buf, n);
    total += n;
  }
  sc3(NR_write, 2, "bytes=", 6);
  char d[24];
  int i = 23;
  d[i] = '\n';
  do d[--i] = (char)('0' + total % 10), total /= 10; while (total);
  sc3(NR_write, 2, d + i, 24 - i);
  return 3;
}
