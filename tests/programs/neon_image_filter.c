/* An 8-bit image pipeline in NEON: 3-tap horizontal blur with widening adds and rounding narrow,
   saturating brightness, thresholding with compares, and a histogram; compared with scalar code. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#define W 64
#define H 32
static uint8_t img[H][W], out[H][W], ref[H][W];

int main(void) {
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; ++x) img[y][x] = (uint8_t)((x * x + y * 7 + (x ^ y) * 3) & 0xff);
  __asm__ volatile("" : : "r"(img) : "memory");
  for (int y = 0; y < H; ++y) {
    out[y][0] = img[y][0];
    out[y][W - 1] = img[y][W - 1];
    for (int x = 1; x + 16 < W; x += 16) {
      uint8x16_t l = vld1q_u8(&img[y][x - 1]), c = vld1q_u8(&img[y][x]), r = vld1q_u8(&img[y][x + 1]);
      uint16x8_t lo = vaddl_u8(vget_low_u8(l), vget_low_u8(r));
      uint16x8_t hi = vaddl_high_u8(l, r);
      lo = vmlal_u8(lo, vget_low_u8(c), vdup_n_u8(2));
      hi = vmlal_high_u8(hi, c, vdupq_n_u8(2));
      vst1q_u8(&out[y][x], vcombine_u8(vrshrn_n_u16(lo, 2), vrshrn_n_u16(hi, 2)));
    }
    for (int x = 49; x < W - 1; ++x) out[y][x] = (uint8_t)((img[y][x - 1] + 2 * img[y][x] + img[y][x + 1] + 2) >> 2);
    for (int x = 1; x < W - 1; ++x) ref[y][x] = (uint8_t)((img[y][x - 1] + 2 * img[y][x] + img[y][x + 1] + 2) >> 2);
    ref[y][0] = img[y][0];
    ref[y][W - 1] = img[y][W - 1];
  }
  printf("blur matches scalar: %d\n", memcmp(out, ref, sizeof out) == 0);
  uint32_t hist[4] = {0};
  uint64_t checksum = 0;
  for (int y = 0; y < H; ++y)
    for (int x = 0; x < W; x += 16) {
      uint8x16_t v = vqaddq_u8(vld1q_u8(&out[y][x]), vdupq_n_u8(40));
      uint8x16_t bright = vcgeq_u8(v, vdupq_n_u8(200));
      uint8x16_t t = vandq_u8(bright, vdupq_n_u8(1));
      hist[0] += vaddvq_u8(t);
      hist[1] += vaddvq_u8(vandq_u8(vceqq_u8(v, vdupq_n_u8(255)), vdupq_n_u8(1)));
      hist[2] += vaddlvq_u8(vshrq_n_u8(v, 4));
      hist[3] += vmaxvq_u8(v);
      checksum = checksum * 31 + vgetq_lane_u64(vreinterpretq_u64_u8(v), 0) + vgetq_lane_u64(vreinterpretq_u64_u8(v), 1);
    }
  printf("bright=%u saturated=%u nibbles=%u maxsum=%u checksum=%016llx\n", hist[0], hist[1], hist[2], hist[3],
         (unsigned long long)checksum);
  for (int x = 0; x < 16; ++x) printf("%02x", out[5][x]);
  printf("\n");
  return 0;
}
