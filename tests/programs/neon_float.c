/* Advanced SIMD floating point: vaddq/vsubq/vmulq/vdivq/vfmaq/vmlaq/vabsq/vnegq/vsqrtq/vmaxq/vminq/
   vmaxnmq on f32 and f64 lanes, with specials; printed with %a. */
#include <arm_neon.h>
#include <math.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void pf(const char *n, float32x4_t v) {
  float b[4];
  vst1q_f32(b, v);
  printf("%-7s %a %a %a %a\n", n, (double)b[0], (double)b[1], (double)b[2], (double)b[3]);
}
static void pd(const char *n, float64x2_t v) { printf("%-7s %a %a\n", n, vgetq_lane_f64(v, 0), vgetq_lane_f64(v, 1)); }

int main(void) {
  float a[4] = {1.5f, -0.1f, 3.0e38f, NAN}, b[4] = {0.25f, 1e-40f, 10.0f, 2.0f}, c[4] = {-1.0f, 0.0f, -0.0f, 7.0f};
  HIDE(a);
  HIDE(b);
  HIDE(c);
  float32x4_t A = vld1q_f32(a), B = vld1q_f32(b), C = vld1q_f32(c);
  pf("add", vaddq_f32(A, B));
  pf("sub", vsubq_f32(A, B));
  pf("mul", vmulq_f32(A, B));
  pf("div", vdivq_f32(A, B));
  pf("fma", vfmaq_f32(C, A, B));
  pf("fms", vfmsq_f32(C, A, B));
  pf("mla", vmlaq_f32(C, A, B));
  pf("abs", vabsq_f32(vnegq_f32(A)));
  pf("sqrt", vsqrtq_f32(B));
  pf("max", vmaxq_f32(A, C));
  pf("min", vminq_f32(A, C));
  pf("maxnm", vmaxnmq_f32(A, C));
  pf("minnm", vminnmq_f32(A, C));
  pf("abd", vabdq_f32(A, C));
  pf("muln", vmulq_n_f32(A, 3.0f));
  pf("mullane", vmulq_lane_f32(A, vget_low_f32(B), 1));
  double x[2] = {1.0 / 3.0, -1e308}, y[2] = {3.0, 10.0}, z[2] = {-1.0, 1e308};
  HIDE(x);
  HIDE(y);
  HIDE(z);
  float64x2_t X = vld1q_f64(x), Y = vld1q_f64(y), Z = vld1q_f64(z);
  pd("add", vaddq_f64(X, Y));
  pd("mul", vmulq_f64(X, Y));
  pd("div", vdivq_f64(Y, X));
  pd("fma", vfmaq_f64(Z, X, Y));
  pd("sqrt", vsqrtq_f64(Y));
  pd("max", vmaxq_f64(X, Z));
  pd("neg", vnegq_f64(X));
  float32x2_t lo = vget_low_f32(A), hi = vget_high_f32(B);
  float32x2_t s = vadd_f32(lo, hi);
  printf("64-bit add %a %a\n", (double)vget_lane_f32(s, 0), (double)vget_lane_f32(s, 1));
  return 0;
}
