/* Structured loads and stores: vld1q/vst1q, vld2q/vst2q (de/interleave pairs), vld3q/vst3q (RGB),
   vld4q, lane loads vld1q_lane, vld1q_dup, and the x2/x3/x4 multi-register forms. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void show(const char *n, const uint8_t *b, int len) {
  printf("%-8s", n);
  for (int i = 0; i < len; ++i) printf("%02x%s", b[i], i % 16 == 15 ? " " : "");
  printf("\n");
}

int main(void) {
  uint8_t src[64], out[64];
  for (int i = 0; i < 64; ++i) src[i] = (uint8_t)(i * 3 + 1);
  HIDE(src);
  uint8x16x2_t two = vld2q_u8(src);
  vst1q_u8(out, two.val[0]);
  vst1q_u8(out + 16, two.val[1]);
  show("vld2q", out, 32);
  vst2q_u8(out, (uint8x16x2_t){{two.val[1], two.val[0]}});
  show("vst2q", out, 32);
  uint8x16x3_t rgb = vld3q_u8(src);
  uint8x16_t gray = vhaddq_u8(vhaddq_u8(rgb.val[0], rgb.val[2]), rgb.val[1]);
  vst1q_u8(out, gray);
  show("gray", out, 16);
  vst3q_u8(out, (uint8x16x3_t){{rgb.val[2], rgb.val[1], rgb.val[0]}});
  show("bgr", out, 48);
  uint8x16x4_t four = vld4q_u8(src);
  vst1q_u8(out, vaddq_u8(four.val[0], four.val[3]));
  show("vld4q", out, 16);
  uint16_t h[32];
  for (int i = 0; i < 32; ++i) h[i] = (uint16_t)(i * 1000);
  HIDE(h);
  uint16x8x4_t hx = vld1q_u16_x4(h);
  uint16x8_t sum = vaddq_u16(vaddq_u16(hx.val[0], hx.val[1]), vaddq_u16(hx.val[2], hx.val[3]));
  vst1q_u16(h, sum);
  printf("x4 sum");
  for (int i = 0; i < 8; ++i) printf(" %u", h[i]);
  printf("\n");
  uint32_t w[4] = {1, 2, 3, 4}, one = 0xabcdef01u;
  HIDE(w);
  HIDE(&one);
  uint32x4_t v = vld1q_lane_u32(&one, vld1q_u32(w), 2);
  uint32x4_t d = vld1q_dup_u32(&one);
  vst1q_u32(w, vaddq_u32(v, d));
  printf("lane/dup %08x %08x %08x %08x\n", w[0], w[1], w[2], w[3]);
  float f[8] = {1, 2, 3, 4, 5, 6, 7, 8};
  HIDE(f);
  float32x4x2_t fp = vld2q_f32(f);
  float32x4_t prod = vmulq_f32(fp.val[0], fp.val[1]);
  vst1q_lane_f32(&f[0], prod, 3);
  printf("complex-ish %g %g\n", (double)vgetq_lane_f32(prod, 0), (double)f[0]);
  return 0;
}
