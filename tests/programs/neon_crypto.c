/* Crypto extension intrinsics: AES (vaeseq/vaesmcq/vaesdq/vaesimcq) on the FIPS-197 AES-128
   example, SHA-256 (vsha256hq/h2q/su0q/su1q) on "abc", SHA-1 (vsha1cq & co.) on "abc", and
   PMULL (vmull_p64, vmull_p8). Expected digests are the published test vectors. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static const uint8_t sbox_rcon[10] = {0x01, 0x02, 0x04, 0x08, 0x10, 0x20, 0x40, 0x80, 0x1b, 0x36};

/* AES-128 key expansion using AESE with a zero round key as the S-box. */
static void expand(const uint8_t key[16], uint8x16_t rk[11]) {
  uint32_t w[44];
  memcpy(w, key, 16);
  for (int i = 4; i < 44; ++i) {
    uint32_t t = w[i - 1];
    if (i % 4 == 0) {
      uint8x16_t v = vreinterpretq_u8_u32(vdupq_n_u32(t));
      v = vaeseq_u8(v, vdupq_n_u8(0));  /* SubBytes (ShiftRows is harmless: all columns equal) */
      uint32_t s = vgetq_lane_u32(vreinterpretq_u32_u8(v), 0);
      t = ((s >> 8) | (s << 24)) ^ sbox_rcon[i / 4 - 1];
    }
    w[i] = w[i - 4] ^ t;
  }
  for (int r = 0; r < 11; ++r) rk[r] = vld1q_u8((const uint8_t *)&w[4 * r]);
}

static void sha256_abc(void) {
  static const uint32_t K[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5, 0xd807aa98, 0x12835b01,
      0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174, 0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc,
      0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da, 0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147,
      0x06ca6351, 0x14292967, 0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070, 0x19a4c116, 0x1e376c08,
      0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3, 0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208,
      0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  uint8_t block[64] = {'a', 'b', 'c', 0x80};
  block[63] = 24;
  HIDE(block);
  uint32x4_t abcd = {0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a}, efgh = {0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19};
  uint32x4_t m[4];
  for (int i = 0; i < 4; ++i) m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(block + 16 * i)));
  uint32x4_t a0 = abcd, e0 = efgh;
  for (int i = 0; i < 16; ++i) {
    uint32x4_t wk = vaddq_u32(m[i % 4], vld1q_u32(K + 4 * i));
    uint32x4_t t = abcd;
    abcd = vsha256hq_u32(abcd, efgh, wk);
    efgh = vsha256h2q_u32(efgh, t, wk);
    if (i < 12) m[i % 4] = vsha256su1q_u32(vsha256su0q_u32(m[i % 4], m[(i + 1) % 4]), m[(i + 2) % 4], m[(i + 3) % 4]);
  }
  abcd = vaddq_u32(abcd, a0);
  efgh = vaddq_u32(efgh, e0);
  printf("sha256(abc) %08x%08x%08x%08x%08x%08x%08x%08x\n", abcd[0], abcd[1], abcd[2], abcd[3], efgh[0], efgh[1], efgh[2],
         efgh[3]);
}

static void sha1_abc(void) {
  uint8_t block[64] = {'a', 'b', 'c', 0x80};
  block[63] = 24;
  HIDE(block);
  uint32x4_t abcd = {0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476};
  uint32_t e = 0xc3d2e1f0;
  uint32x4_t m[4];
  for (int i = 0; i < 4; ++i) m[i] = vreinterpretq_u32_u8(vrev32q_u8(vld1q_u8(block + 16 * i)));
  const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
  uint32x4_t a0 = abcd;
  uint32_t e0 = e;
  for (int i = 0; i < 20; ++i) {
    uint32x4_t wk = vaddq_u32(m[i % 4], vdupq_n_u32(k[i / 5]));
    uint32_t en = vsha1h_u32(vgetq_lane_u32(abcd, 0));
    if (i < 5) abcd = vsha1cq_u32(abcd, e, wk);
    else if (i < 10 || i >= 15) abcd = vsha1pq_u32(abcd, e, wk);
    else abcd = vsha1mq_u32(abcd, e, wk);
    e = en;
    if (i < 16) m[i % 4] = vsha1su1q_u32(vsha1su0q_u32(m[i % 4], m[(i + 1) % 4], m[(i + 2) % 4]), m[(i + 3) % 4]);
  }
  abcd = vaddq_u32(abcd, a0);
  printf("sha1(abc) %08x%08x%08x%08x%08x\n", abcd[0], abcd[1], abcd[2], abcd[3], e + e0);
}

int main(void) {
  uint8_t key[16], pt[16];
  for (int i = 0; i < 16; ++i) {
    key[i] = (uint8_t)i;
    pt[i] = (uint8_t)(i * 0x11);
  }
  HIDE(key);
  HIDE(pt);
  uint8x16_t rk[11];
  expand(key, rk);
  uint8x16_t s = vld1q_u8(pt);
  for (int r = 0; r < 9; ++r) s = vaesmcq_u8(vaeseq_u8(s, rk[r]));
  s = veorq_u8(vaeseq_u8(s, rk[9]), rk[10]);
  printf("aes128 enc");
  for (int i = 0; i < 16; ++i) printf(" %02x", s[i]);
  printf("\n");
  s = vaesdq_u8(s, rk[10]);
  for (int r = 9; r > 0; --r) s = vaesdq_u8(vaesimcq_u8(s), vaesimcq_u8(rk[r]));  /* equivalent inverse cipher */
  s = veorq_u8(s, rk[0]);
  printf("aes128 dec");
  for (int i = 0; i < 16; ++i) printf(" %02x", s[i]);
  printf("\n");
  sha256_abc();
  sha1_abc();
  poly64_t pa = 0x8000000000000001ull, pb = 0xffffffffffffffffull;
  HIDE(&pa);
  HIDE(&pb);
  poly128_t pr = vmull_p64(pa, pb);
  printf("pmull64 %016llx%016llx\n", (unsigned long long)(pr >> 64), (unsigned long long)pr);
  poly8x8_t x = vreinterpret_p8_u8(vcreate_u8(0x0102040810204080ull)), y = vreinterpret_p8_u8(vcreate_u8(0xffffffffffffffffull));
  poly16x8_t p8 = vmull_p8(x, y);
  printf("pmull8");
  for (int i = 0; i < 8; ++i) printf(" %04x", p8[i]);
  printf("\n");
  return 0;
}
