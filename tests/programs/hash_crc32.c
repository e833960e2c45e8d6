/* CRC-32 (IEEE, reflected) bitwise and table-driven, CRC-32C, and Adler-32, on known vectors
   ("123456789" -> cbf43926 / e3069283) and generated data. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t crc_bitwise(const unsigned char *p, size_t n, uint32_t poly) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (poly & -(c & 1));
  }
  return ~c;
}
static uint32_t table[256];
static uint32_t crc_table(const unsigned char *p, size_t n) {
  uint32_t c = 0xffffffffu;
  for (size_t i = 0; i < n; ++i) c = table[(c ^ p[i]) & 0xff] ^ (c >> 8);
  return ~c;
}
static uint32_t adler32(const unsigned char *p, size_t n) {
  uint32_t a = 1, b = 0;
  for (size_t i = 0; i < n; ++i) {
    a = (a + p[i]) % 65521;
    b = (b + a) % 65521;
  }
  return b << 16 | a;
}

int main(void) {
  for (uint32_t i = 0; i < 256; ++i) {
    uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (0xedb88320u & -(c & 1));
    table[i] = c;
  }
  const char *tests[] = {"", "a", "abc", "123456789", "The quick brown fox jumps over the lazy dog"};
  for (int i = 0; i < 5; ++i) {
    const unsigned char *s = (const unsigned char *)tests[i];
    size_t n = strlen(tests[i]);
    printf("%-45s crc32=%08x table=%08x crc32c=%08x adler=%08x\n", tests[i], crc_bitwise(s, n, 0xedb88320u),
           crc_table(s, n), crc_bitwise(s, n, 0x82f63b78u), adler32(s, n));
  }
  static unsigned char big[100000];
  for (int i = 0; i < 100000; ++i) big[i] = (unsigned char)(i * i + (i >> 8));
  printf("big crc32=%08x table=%08x adler=%08x\n", crc_bitwise(big, sizeof big, 0xedb88320u), crc_table(big, sizeof big),
         adler32(big, sizeof big));
  return 0;
}
