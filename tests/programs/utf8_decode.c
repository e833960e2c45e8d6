/* A UTF-8 decoder/encoder state machine over valid and invalid byte sequences; code points,
   replacement counts, and re-encoding round trips. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static int decode(const unsigned char *s, size_t n, uint32_t *out, int *bad) {
  int count = 0;
  *bad = 0;
  for (size_t i = 0; i < n;) {
    unsigned char c = s[i];
    int len = c < 0x80 ? 1 : (c & 0xe0) == 0xc0 ? 2 : (c & 0xf0) == 0xe0 ? 3 : (c & 0xf8) == 0xf0 ? 4 : 0;
    uint32_t cp = len == 1 ? c : len == 2 ? c & 0x1f : len == 3 ? c & 0x0f : c & 0x07;
    int ok = len > 0 && i + (size_t)len <= n;
    for (int k = 1; ok && k < len; ++k) {
      if ((s[i + k] & 0xc0) != 0x80) ok = 0;
      cp = cp << 6 | (s[i + k] & 0x3f);
    }
    static const uint32_t min[5] = {0, 0, 0x80, 0x800, 0x10000};
    if (ok && (cp < min[len] || cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))) ok = 0;
    if (!ok) {
      out[count++] = 0xfffd;
      ++*bad;
      ++i;
    } else {
      out[count++] = cp;
      i += (size_t)len;
    }
  }
  return count;
}
static size_t encode(const uint32_t *cp, int n, unsigned char *o) {
  size_t k = 0;
  for (int i = 0; i < n; ++i) {
    uint32_t c = cp[i];
    if (c < 0x80) o[k++] = (unsigned char)c;
    else if (c < 0x800) { o[k++] = (unsigned char)(0xc0 | c >> 6); o[k++] = (unsigned char)(0x80 | (c & 0x3f)); }
    else if (c < 0x10000) { o[k++] = (unsigned char)(0xe0 | c >> 12); o[k++] = (unsigned char)(0x80 | (c >> 6 & 0x3f)); o[k++] = (unsigned char)(0x80 | (c & 0x3f)); }
    else { o[k++] = (unsigned char)(0xf0 | c >> 18); o[k++] = (unsigned char)(0x80 | (c >> 12 & 0x3f)); o[k++] = (unsigned char)(0x80 | (c >> 6 & 0x3f)); o[k++] = (unsigned char)(0x80 | (c & 0x3f)); }
  }
  return k;
}

int main(void) {
  const char *tests[] = {"plain", "caf\xc3\xa9", "\xe2\x82\xac 100", "\xf0\x9f\x98\x80!", "\xc0\xaf overlong",
                         "\xed\xa0\x80 surrogate", "\xf4\x90\x80\x80 too big", "cut \xe2\x82", "\x80\xbf stray",
                         "\xce\xba\xe1\xbd\xb9\xcf\x83\xce\xbc\xce\xb5"};
  for (int t = 0; t < 10; ++t) {
    uint32_t cps[64];
    int bad;
    size_t n = strlen(tests[t]);
    int c = decode((const unsigned char *)tests[t], n, cps, &bad);
    printf("%2d: %d code points, %d bad:", t, c, bad);
    for (int i = 0; i < c; ++i) printf(" U+%04X", cps[i]);
    unsigned char re[256];
    size_t m = encode(cps, c, re);
    printf(" | roundtrip %s\n", !bad && m == n && !memcmp(re, tests[t], n) ? "same" : "differs");
  }
  return 0;
}
