/* Permutations: vzip1q/vzip2q, vuzp1q/vuzp2q, vtrn1q/vtrn2q, vextq, vrev16q/vrev32q/vrev64q,
   vtbl1/vqtbl1q/vqtbl2q (out-of-range indexes give 0), vtbx, vcopyq_lane, vcombine. */
#include <arm_neon.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void p(const char *n, uint8x16_t v) {
  uint8_t b[16];
  vst1q_u8(b, v);
  printf("%-8s", n);
  for (int i = 0; i < 16; ++i) printf(" %02x", b[i]);
  printf("\n");
}

int main(void) {
  uint8_t x[16], y[16], idx[16];
  for (int i = 0; i < 16; ++i) {
    x[i] = (uint8_t)i;
    y[i] = (uint8_t)(0xa0 + i);
    idx[i] = (uint8_t)((i * 7 + 3) % 40);
  }
  HIDE(x);
  HIDE(y);
  HIDE(idx);
  uint8x16_t X = vld1q_u8(x), Y = vld1q_u8(y), I = vld1q_u8(idx);
  p("zip1", vzip1q_u8(X, Y));
  p("zip2", vzip2q_u8(X, Y));
  p("uzp1", vuzp1q_u8(X, Y));
  p("uzp2", vuzp2q_u8(X, Y));
  p("trn1", vtrn1q_u8(X, Y));
  p("trn2", vtrn2q_u8(X, Y));
  p("ext5", vextq_u8(X, Y, 5));
  p("rev16", vrev16q_u8(X));
  p("rev32", vrev32q_u8(X));
  p("rev64", vrev64q_u8(X));
  p("qtbl1", vqtbl1q_u8(Y, I));
  p("qtbl2", vqtbl2q_u8((uint8x16x2_t){{X, Y}}, I));
  p("qtbx1", vqtbx1q_u8(X, Y, I));
  uint8x8_t t = vtbl1_u8(vget_low_u8(Y), vget_low_u8(I));
  p("tbl1", vcombine_u8(t, vtbx1_u8(vget_high_u8(X), vget_high_u8(Y), vget_high_u8(I))));
  uint16x8_t H = vreinterpretq_u16_u8(X);
  p("zip16", vreinterpretq_u8_u16(vzip1q_u16(H, vreinterpretq_u16_u8(Y))));
  uint32x4_t W = vreinterpretq_u32_u8(X);
  p("copylane", vreinterpretq_u8_u32(vcopyq_laneq_u32(W, 0, vreinterpretq_u32_u8(Y), 3)));
  uint64x2_t D = vreinterpretq_u64_u8(X);
  p("trn64", vreinterpretq_u8_u64(vtrn2q_u64(D, vreinterpretq_u64_u8(Y))));
  return 0;
}
