/* Reciprocal and reciprocal square root estimates (vrecpeq/vrsqrteq, f32 and u32) refined by
   Newton-Raphson steps (vrecpsq/vrsqrtsq), compared with exact division and sqrt. */
#include <arm_neon.h>
#include <math.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

int main(void) {
  float in[4][4] = {{1.0f, 3.0f, 0.1f, 1e30f}, {-7.0f, 1e-40f, 0.0f, INFINITY}, {2.0f, 1e-20f, 65504.0f, -0.0f},
                          {123.456f, 0.75f, 1e38f, NAN}};
  HIDE(in);
  for (int r = 0; r < 4; ++r) {
    float32x4_t x = vld1q_f32(in[r]);
    float32x4_t e = vrecpeq_f32(x);
    float32x4_t e1 = vmulq_f32(e, vrecpsq_f32(x, e));
    float32x4_t e2 = vmulq_f32(e1, vrecpsq_f32(x, e1));
    float32x4_t s = vrsqrteq_f32(x);
    float32x4_t s1 = vmulq_f32(s, vrsqrtsq_f32(vmulq_f32(x, s), s));
    for (int i = 0; i < 4; ++i) {
      float xi = in[r][i];
      printf("x=%-14a recpe=%-14a step1=%-14a step2=%-14a 1/x=%-14a rsqrte=%-14a step=%a\n", (double)xi,
             (double)e[i], (double)e1[i], (double)e2[i], (double)(1.0f / xi), (double)s[i], (double)s1[i]);
    }
  }
  uint32_t u[4] = {0x80000000u, 0x40000000u, 0xffffffffu, 0x12345678u};
  HIDE(u);
  uint32x4_t ue = vrecpeq_u32(vld1q_u32(u)), us = vrsqrteq_u32(vld1q_u32(u));
  printf("urecpe %08x %08x %08x %08x\n", ue[0], ue[1], ue[2], ue[3]);
  printf("ursqrte %08x %08x %08x %08x\n", us[0], us[1], us[2], us[3]);
  double d[2] = {3.0, 0.001};
  HIDE(d);
  float64x2_t de = vrecpeq_f64(vld1q_f64(d));
  float64x2_t ds = vrsqrteq_f64(vld1q_f64(d));
  printf("f64 recpe %a %a rsqrte %a %a\n", de[0], de[1], ds[0], ds[1]);
  return 0;
}
