/* Base64 encode/decode round trips (RFC 4648 vectors) and rejection of bad input. */
#include <stdio.h>
#include <string.h>

static const char *alpha = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

static size_t encode(const unsigned char *in, size_t n, char *out) {
  size_t o = 0;
  for (size_t i = 0; i < n; i += 3) {
    unsigned v = (unsigned)in[i] << 16 | (i + 1 < n ? in[i + 1] << 8 : 0) | (i + 2 < n ? in[i + 2] : 0);
    out[o++] = alpha[v >> 18 & 63];
    out[o++] = alpha[v >> 12 & 63];
    out[o++] = i + 1 < n ? alpha[v >> 6 & 63] : '=';
    out[o++] = i + 2 < n ? alpha[v & 63] : '=';
  }
  out[o] = 0;
  return o;
}
static long decode(const char *in, unsigned char *out) {
  size_t n = strlen(in), o = 0;
  if (n % 4) return -1;
  for (size_t i = 0; i < n; i += 4) {
    unsigned v = 0;
    int pad = 0;
    for (int k = 0; k < 4; ++k) {
      char c = in[i + k];
      const char *pos = c ? strchr(alpha, c) : NULL;
      if (c == '=' && i + 4 == n && k >= 2) { ++pad; v <<= 6; continue; }
      if (!pos || pad) return -1;
      v = v << 6 | (unsigned)(pos - alpha);
    }
    out[o++] = (unsigned char)(v >> 16);
    if (pad < 2) out[o++] = (unsigned char)(v >> 8);
    if (pad < 1) out[o++] = (unsigned char)v;
  }
  return (long)o;
}

int main(void) {
  const char *v[] = {"", "f", "fo", "foo", "foob", "fooba", "foobar", "Many hands make light work."};
  char enc[256];
  unsigned char dec[256];
  for (int i = 0; i < 8; ++i) {
    encode((const unsigned char *)v[i], strlen(v[i]), enc);
    long n = decode(enc, dec);
    printf("\"%s\" -> %s -> %ld ok=%d\n", v[i], enc, n, n == (long)strlen(v[i]) && !memcmp(dec, v[i], (size_t)n));
  }
  unsigned char bin[256];
  for (int i = 0; i < 256; ++i) bin[i] = (unsigned char)(255 - i);
  static char big[400];
  encode(bin, 190, big);
  printf("%s\n", big);
  const char *bad[] = {"abc", "ab=c", "a===", "####", "Zm9v"};
  for (int i = 0; i < 5; ++i) printf("decode %s -> %ld\n", bad[i], decode(bad[i], dec));
  return 0;
}
