/* Shifts, widening and narrowing: vshlq_n/vshrq_n/vrshrq_n/vsraq_n/vsliq_n/vsriq_n, vshlq by
   register (negative = right), vmovl, vmull/vmull_high, vaddl/vsubw, vshrn/vrshrn/vqshrun, vmovn,
   vabal, vmlal. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void p16(const char *n, int16x8_t v) {
  printf("%-9s", n);
  for (int i = 0; i < 8; ++i) printf(" %04x", (uint16_t)v[i]);
  printf("\n");
}
static void p32(const char *n, int32x4_t v) { printf("%-9s %08x %08x %08x %08x\n", n, v[0], v[1], v[2], v[3]); }

int main(void) {
  int16_t a[8] = {1, -1, 32767, -32768, 0x1234, -0x1234, 255, -256};
  int16_t sh[8] = {1, -1, 4, -4, 15, -15, 16, -16};
  int8_t b[16];
  for (int i = 0; i < 16; ++i) b[i] = (int8_t)(i * 29 - 120);
  HIDE(a);
  HIDE(sh);
  HIDE(b);
  int16x8_t A = vld1q_s16(a), S = vld1q_s16(sh);
  int8x16_t B = vld1q_s8(b);
  p16("shl3", vshlq_n_s16(A, 3));
  p16("shr3", vshrq_n_s16(A, 3));
  p16("ushr3", vreinterpretq_s16_u16(vshrq_n_u16(vreinterpretq_u16_s16(A), 3)));
  p16("rshr3", vrshrq_n_s16(A, 3));
  p16("sra5", vsraq_n_s16(A, A, 5));
  p16("sli4", vsliq_n_s16(A, S, 4));
  p16("sri4", vsriq_n_s16(A, S, 4));
  p16("shlreg", vshlq_s16(A, S));
  p16("rshlreg", vrshlq_s16(A, S));
  p16("ushlreg", vreinterpretq_s16_u16(vshlq_u16(vreinterpretq_u16_s16(A), S)));
  p16("movl", vmovl_s8(vget_low_s8(B)));
  p16("movl_hi", vmovl_high_s8(B));
  p16("mull", vmull_s8(vget_low_s8(B), vget_high_s8(B)));
  p16("addl", vaddl_s8(vget_low_s8(B), vget_high_s8(B)));
  p16("subw", vsubw_s8(A, vget_low_s8(B)));
  p16("abal", vabal_s8(A, vget_low_s8(B), vget_high_s8(B)));
  p16("shll8", vshll_n_s8(vget_low_s8(B), 8));
  int32x4_t W = vmull_s16(vget_low_s16(A), vget_high_s16(A));
  p32("mull16", W);
  p32("mull_hi", vmull_high_s16(A, S));
  p32("mlal", vmlal_s16(W, vget_low_s16(A), vget_low_s16(S)));
  p32("mlsl_n", vmlsl_n_s16(W, vget_high_s16(A), 1000));
  int8x8_t n1 = vshrn_n_s16(A, 4), n2 = vrshrn_n_s16(A, 4), n3 = vmovn_s16(A);
  uint8x8_t n4 = vqshrun_n_s16(A, 2);
  printf("narrow  ");
  for (int i = 0; i < 8; ++i) printf(" %02x/%02x/%02x/%02x", (uint8_t)n1[i], (uint8_t)n2[i], (uint8_t)n3[i], n4[i]);
  printf("\n");
  uint64_t d[2] = {0x8000000000000001ull, 0x00ff00ff00ff00ffull};
  HIDE(d);
  uint64x2_t D = vld1q_u64(d);
  uint64x2_t r = vshrq_n_u64(D, 63), l = vshlq_n_u64(D, 8), rr = vrshrq_n_u64(D, 4);
  printf("u64 %016llx %016llx | %016llx %016llx | %016llx %016llx\n", (unsigned long long)r[0], (unsigned long long)r[1],
         (unsigned long long)l[0], (unsigned long long)l[1], (unsigned long long)rr[0], (unsigned long long)rr[1]);
  return 0;
}
