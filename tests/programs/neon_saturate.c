/* Saturating arithmetic: vqaddq/vqsubq signed and unsigned, vqmovn/vqmovun narrowing, vqdmulhq,
   vqrdmulhq, vqshlq/vqrshlq, vqabsq/vqnegq; FPSR.QC is read back after each group. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static unsigned qc(void) {
  uint64_t fpsr;
  __asm__ volatile("mrs %0, fpsr" : "=r"(fpsr));
  __asm__ volatile("msr fpsr, %0" ::"r"(0ull));
  return (unsigned)(fpsr >> 27) & 1;
}
static void p8(const char *n, int8x16_t v) {
  int8_t b[16];
  vst1q_s8(b, v);
  printf("%-9s", n);
  for (int i = 0; i < 16; ++i) printf(" %4d", b[i]);
  printf("  qc=%u\n", qc());
}
static void p16(const char *n, int16x8_t v) {
  int16_t b[8];
  vst1q_s16(b, v);
  printf("%-9s", n);
  for (int i = 0; i < 8; ++i) printf(" %6d", b[i]);
  printf("  qc=%u\n", qc());
}

int main(void) {
  qc();
  int8_t a[16], b[16];
  for (int i = 0; i < 16; ++i) {
    a[i] = (int8_t)(i * 17 - 128);
    b[i] = (int8_t)(100 - i * 13);
  }
  HIDE(a);
  HIDE(b);
  int8x16_t A = vld1q_s8(a), B = vld1q_s8(b);
  p8("qadd", vqaddq_s8(A, B));
  p8("qsub", vqsubq_s8(A, B));
  p8("add", vaddq_s8(A, B));
  p8("uqadd", vreinterpretq_s8_u8(vqaddq_u8(vreinterpretq_u8_s8(A), vreinterpretq_u8_s8(B))));
  p8("uqsub", vreinterpretq_s8_u8(vqsubq_u8(vreinterpretq_u8_s8(B), vreinterpretq_u8_s8(A))));
  p8("qabs", vqabsq_s8(A));
  p8("qneg", vqnegq_s8(A));
  p8("qshl", vqshlq_s8(A, vdupq_n_s8(2)));
  p8("qrshl-", vqrshlq_s8(A, vdupq_n_s8(-3)));
  int16_t h[8] = {32767, -32768, 16384, -16384, 1000, -1, 12345, 20000};
  HIDE(h);
  int16x8_t H = vld1q_s16(h);
  p16("qdmulh", vqdmulhq_s16(H, H));
  p16("qrdmulh", vqrdmulhq_s16(H, vdupq_n_s16(-32768)));
  p16("qdmulhn", vqdmulhq_n_s16(H, 23170));
  int32_t w[4] = {70000, -70000, 200, -300};
  HIDE(w);
  int32x4_t W = vld1q_s32(w);
  int16x4_t n1 = vqmovn_s32(W);
  uint16x4_t n2 = vqmovun_s32(W);
  printf("qmovn %d %d %d %d qc=%u\n", vget_lane_s16(n1, 0), vget_lane_s16(n1, 1), vget_lane_s16(n1, 2),
         vget_lane_s16(n1, 3), qc());
  printf("qmovun %u %u %u %u qc=%u\n", vget_lane_u16(n2, 0), vget_lane_u16(n2, 1), vget_lane_u16(n2, 2),
         vget_lane_u16(n2, 3), qc());
  int64_t big[2] = {INT64_MAX - 5, INT64_MIN + 5}, ten[2] = {10, -10};
  HIDE(big);
  HIDE(ten);
  int64x2_t L = vqaddq_s64(vld1q_s64(big), vld1q_s64(ten));
  printf("qadd64 %llx %llx qc=%u\n", (unsigned long long)vgetq_lane_s64(L, 0), (unsigned long long)vgetq_lane_s64(L, 1), qc());
  return 0;
}
