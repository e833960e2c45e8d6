/* Advanced SIMD integer arithmetic: vaddq/vsubq/vmulq/vmlaq/vmlsq on 8/16/32/64-bit lanes,
   vabdq, vnegq, vabsq, vhaddq, vrhaddq; every lane printed in hex. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void p8(const char *n, uint8x16_t v) {
  uint8_t b[16];
  vst1q_u8(b, v);
  printf("%-8s", n);
  for (int i = 0; i < 16; ++i) printf(" %02x", b[i]);
  printf("\n");
}
static void p16(const char *n, uint16x8_t v) {
  uint16_t b[8];
  vst1q_u16(b, v);
  printf("%-8s", n);
  for (int i = 0; i < 8; ++i) printf(" %04x", b[i]);
  printf("\n");
}
static void p32(const char *n, uint32x4_t v) {
  uint32_t b[4];
  vst1q_u32(b, v);
  printf("%-8s %08x %08x %08x %08x\n", n, b[0], b[1], b[2], b[3]);
}
static void p64(const char *n, uint64x2_t v) {
  printf("%-8s %016llx %016llx\n", n, (unsigned long long)vgetq_lane_u64(v, 0), (unsigned long long)vgetq_lane_u64(v, 1));
}

int main(void) {
  uint8_t a8[16], b8[16];
  uint16_t a16[8], b16[8];
  uint32_t a32[4] = {1, 0x7fffffff, 0x80000000u, 0xdeadbeef}, b32[4] = {0xffffffffu, 2, 0x12345678, 77};
  for (int i = 0; i < 16; ++i) {
    a8[i] = (uint8_t)(i * 37 + 200);
    b8[i] = (uint8_t)(i * 11 + 3);
  }
  for (int i = 0; i < 8; ++i) {
    a16[i] = (uint16_t)(i * 9001 + 65000);
    b16[i] = (uint16_t)(i * 333 + 7);
  }
  HIDE(a8);
  HIDE(b8);
  HIDE(a16);
  HIDE(b16);
  HIDE(a32);
  HIDE(b32);
  uint8x16_t A8 = vld1q_u8(a8), B8 = vld1q_u8(b8);
  uint16x8_t A16 = vld1q_u16(a16), B16 = vld1q_u16(b16);
  uint32x4_t A32 = vld1q_u32(a32), B32 = vld1q_u32(b32);
  p8("add8", vaddq_u8(A8, B8));
  p8("sub8", vsubq_u8(A8, B8));
  p8("mul8", vmulq_u8(A8, B8));
  p8("mla8", vmlaq_u8(A8, A8, B8));
  p8("abd8", vabdq_u8(A8, B8));
  p8("hadd8", vhaddq_u8(A8, B8));
  p8("rhadd8", vrhaddq_u8(A8, B8));
  p8("abs8", vreinterpretq_u8_s8(vabsq_s8(vreinterpretq_s8_u8(A8))));
  p16("add16", vaddq_u16(A16, B16));
  p16("mul16", vmulq_u16(A16, B16));
  p16("mls16", vmlsq_u16(A16, A16, B16));
  p16("neg16", vreinterpretq_u16_s16(vnegq_s16(vreinterpretq_s16_u16(A16))));
  p32("add32", vaddq_u32(A32, B32));
  p32("sub32", vsubq_u32(A32, B32));
  p32("mul32", vmulq_u32(A32, B32));
  p32("mla32n", vmlaq_n_u32(A32, B32, 3));
  p32("mullane", vmulq_laneq_u32(A32, B32, 2));
  uint64_t a64[2] = {0xfffffffffffffff0ull, 0x123456789abcdefull}, b64 = 0x20;
  HIDE(a64);
  HIDE(&b64);
  uint64x2_t A64 = vld1q_u64(a64);
  uint64x2_t B64 = vld1q_dup_u64(&b64);
  p64("add64", vaddq_u64(A64, B64));
  p64("sub64", vsubq_u64(B64, A64));
  uint16x4_t lo = vget_low_u16(A16);
  p16("dup", vdupq_lane_u16(lo, 3));
  printf("addv8=%u addv32=%u\n", vaddvq_u8(A8), vaddvq_u32(A32));
  return 0;
}
