/* Across-lane reductions and pairwise operations: vaddvq, vmaxvq, vminvq, vmaxnmvq, vaddlvq,
   vpaddq, vpmaxq, vpminq, vpaddlq, vpadalq, on integer and float lanes. */
#include <arm_neon.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

int main(void) {
  int8_t s8[16];
  uint16_t u16[8];
  for (int i = 0; i < 16; ++i) s8[i] = (int8_t)(i * 23 - 100);
  for (int i = 0; i < 8; ++i) u16[i] = (uint16_t)(i * 9000 + 123);
  HIDE(s8);
  HIDE(u16);
  int8x16_t S8 = vld1q_s8(s8);
  uint16x8_t U16 = vld1q_u16(u16);
  printf("s8: addv=%d maxv=%d minv=%d addlv=%d\n", vaddvq_s8(S8), vmaxvq_s8(S8), vminvq_s8(S8), vaddlvq_s8(S8));
  printf("u16: addv=%u maxv=%u minv=%u addlv=%u\n", vaddvq_u16(U16), vmaxvq_u16(U16), vminvq_u16(U16), vaddlvq_u16(U16));
  int8x16_t P = vpaddq_s8(S8, S8);
  printf("paddq_s8");
  for (int i = 0; i < 16; ++i) printf(" %d", P[i]);
  printf("\n");
  uint16x8_t M = vpmaxq_u16(U16, vrev64q_u16(U16)), N = vpminq_u16(U16, U16);
  printf("pmax/pmin");
  for (int i = 0; i < 8; ++i) printf(" %u/%u", M[i], N[i]);
  printf("\n");
  int16x8_t L = vpaddlq_s8(S8);
  int16x8_t A = vpadalq_s8(L, S8);
  printf("paddl/padal");
  for (int i = 0; i < 8; ++i) printf(" %d/%d", L[i], A[i]);
  printf("\n");
  float f[4] = {1.5f, -2.25f, NAN, 1e30f}, g[4] = {0.5f, 8.0f, -3.0f, 2.0f};
  HIDE(f);
  HIDE(g);
  float32x4_t F = vld1q_f32(f), G = vld1q_f32(g);
  printf("f32: addv(g)=%a maxv(g)=%a minv(g)=%a maxv(f)=%a maxnmv(f)=%a minnmv(f)=%a\n", (double)vaddvq_f32(G),
         (double)vmaxvq_f32(G), (double)vminvq_f32(G), (double)vmaxvq_f32(F), (double)vmaxnmvq_f32(F),
         (double)vminnmvq_f32(F));
  float32x4_t PF = vpaddq_f32(F, G), PM = vpmaxq_f32(G, F);
  printf("paddq_f32 %a %a %a %a pmaxq %a %a %a %a\n", (double)PF[0], (double)PF[1], (double)PF[2], (double)PF[3],
         (double)PM[0], (double)PM[1], (double)PM[2], (double)PM[3]);
  uint32_t w[4] = {0xffffffffu, 1, 0x80000000u, 0x7fffffffu};
  HIDE(w);
  uint32x4_t W = vld1q_u32(w);
  printf("u32 addv=%u (wraps) addlv=%llu maxv=%u\n", vaddvq_u32(W), (unsigned long long)vaddlvq_u32(W), vmaxvq_u32(W));
  double dd[2] = {0.1, 0.2};
  HIDE(dd);
  float64x2_t D = vld1q_f64(dd);
  printf("f64 addv %a pmaxv %a\n", vaddvq_f64(D), vmaxvq_f64(D));
  return 0;
}
