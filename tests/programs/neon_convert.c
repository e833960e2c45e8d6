/* Conversions: vcvtq_s32_f32 (toward zero), vcvtnq/vcvtmq/vcvtpq/vcvtaq (rounding modes),
   vcvtq_f32_s32/u32, fixed-point vcvtq_n, f32<->f64 (vcvt_f64_f32, vcvt_f32_f64), vrndq family;
   out-of-range and NaN inputs saturate. */
#include <arm_neon.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void pi(const char *n, int32x4_t v) {
  printf("%-8s %d %d %d %d\n", n, vgetq_lane_s32(v, 0), vgetq_lane_s32(v, 1), vgetq_lane_s32(v, 2), vgetq_lane_s32(v, 3));
}
static void pf(const char *n, float32x4_t v) {
  printf("%-8s %a %a %a %a\n", n, (double)vgetq_lane_f32(v, 0), (double)vgetq_lane_f32(v, 1),
         (double)vgetq_lane_f32(v, 2), (double)vgetq_lane_f32(v, 3));
}

int main(void) {
  float in[3][4] = {{2.5f, -2.5f, 3.5f, -0.5f}, {1.7f, -1.7f, 3e9f, -3e9f}, {NAN, INFINITY, -INFINITY, 0.49999997f}};
  HIDE(in);
  for (int r = 0; r < 3; ++r) {
    float32x4_t v = vld1q_f32(in[r]);
    pi("cvt", vcvtq_s32_f32(v));
    pi("cvtn", vcvtnq_s32_f32(v));
    pi("cvtm", vcvtmq_s32_f32(v));
    pi("cvtp", vcvtpq_s32_f32(v));
    pi("cvta", vcvtaq_s32_f32(v));
    uint32x4_t u = vcvtq_u32_f32(v);
    printf("cvtu     %u %u %u %u\n", vgetq_lane_u32(u, 0), vgetq_lane_u32(u, 1), vgetq_lane_u32(u, 2), vgetq_lane_u32(u, 3));
    pi("fix16", vcvtq_n_s32_f32(v, 16));
    pf("rndn", vrndnq_f32(v));
    pf("rnda", vrndaq_f32(v));
    pf("rndm", vrndmq_f32(v));
    pf("rnd", vrndq_f32(v));
  }
  int32_t iv[4] = {16777217, -16777219, INT32_MAX, INT32_MIN};
  HIDE(iv);
  pf("s32->f", vcvtq_f32_s32(vld1q_s32(iv)));
  pf("u32->f", vcvtq_f32_u32(vreinterpretq_u32_s32(vld1q_s32(iv))));
  pf("fix->f", vcvtq_n_f32_s32(vld1q_s32(iv), 10));
  float32x2_t f2 = vld1_f32(in[1]);
  float64x2_t d = vcvt_f64_f32(f2);
  printf("f->d     %a %a\n", vgetq_lane_f64(d, 0), vgetq_lane_f64(d, 1));
  double dv[2] = {1.0 / 3.0, 1e300};
  HIDE(dv);
  float32x2_t back = vcvt_f32_f64(vld1q_f64(dv));
  printf("d->f     %a %a\n", (double)vget_lane_f32(back, 0), (double)vget_lane_f32(back, 1));
  int64x2_t l = vcvtq_s64_f64(vld1q_f64(dv));
  printf("d->s64   %lld %lld\n", (long long)vgetq_lane_s64(l, 0), (long long)vgetq_lane_s64(l, 1));
  return 0;
}
