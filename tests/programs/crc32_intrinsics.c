/* The CRC32 instructions through arm_acle.h (__crc32b/h/w/d and the CRC-32C forms), checked
   against a bitwise software CRC on the same data. */
#include <arm_acle.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t soft(uint32_t c, const uint8_t *p, size_t n, uint32_t poly) {
  for (size_t i = 0; i < n; ++i) {
    c ^= p[i];
    for (int k = 0; k < 8; ++k) c = (c >> 1) ^ (poly & -(c & 1));
  }
  return c;
}

int main(void) {
  static uint8_t data[4096];
  for (int i = 0; i < 4096; ++i) data[i] = (uint8_t)(i * 131 + (i >> 5));
  __asm__ volatile("" : : "r"(data) : "memory");
  for (size_t len = 0; len <= 4096; len = len * 3 + 1) {
    uint32_t c = 0xffffffffu, cc = 0xffffffffu;
    size_t i = 0;
    for (; i + 8 <= len; i += 8) {
      uint64_t v;
      memcpy(&v, data + i, 8);
      c = __crc32d(c, v);
      cc = __crc32cd(cc, v);
    }
    if (i + 4 <= len) {
      uint32_t v;
      memcpy(&v, data + i, 4);
      c = __crc32w(c, v);
      cc = __crc32cw(cc, v);
      i += 4;
    }
    if (i + 2 <= len) {
      uint16_t v;
      memcpy(&v, data + i, 2);
      c = __crc32h(c, v);
      cc = __crc32ch(cc, v);
      i += 2;
    }
    for (; i < len; ++i) {
      c = __crc32b(c, data[i]);
      cc = __crc32cb(cc, data[i]);
    }
    printf("len %4zu crc32 %08x (%s) crc32c %08x (%s)\n", len, ~c,
           ~c == ~soft(0xffffffffu, data, len, 0xedb88320u) ? "ok" : "MISMATCH", ~cc,
           ~cc == ~soft(0xffffffffu, data, len, 0x82f63b78u) ? "ok" : "MISMATCH");
  }
  const char *check = "123456789";
  uint32_t c = 0xffffffffu;
  for (int i = 0; i < 9; ++i) c = __crc32b(c, (uint8_t)check[i]);
  printf("check %08x\n", ~c);
  return 0;
}
