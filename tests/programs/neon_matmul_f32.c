/* 4x4 float matrix products with vfmaq_laneq_f32 (column-major, as graphics code does),
   compared with a scalar loop; a 64x64 product by 4x4 blocks; dot products with vfmaq and
   vaddvq. */
#include <arm_neon.h>
#include <math.h>
#include <stdio.h>

static void mat4(const float *a, const float *b, float *c) {
  float32x4_t a0 = vld1q_f32(a), a1 = vld1q_f32(a + 4), a2 = vld1q_f32(a + 8), a3 = vld1q_f32(a + 12);
  for (int j = 0; j < 4; ++j) {
    float32x4_t bj = vld1q_f32(b + 4 * j);
    float32x4_t r = vmulq_laneq_f32(a0, bj, 0);
    r = vfmaq_laneq_f32(r, a1, bj, 1);
    r = vfmaq_laneq_f32(r, a2, bj, 2);
    r = vfmaq_laneq_f32(r, a3, bj, 3);
    vst1q_f32(c + 4 * j, r);
  }
}

#define N 64
static float A[N * N], B[N * N], C[N * N];

int main(void) {
  float a[16], b[16], c[16];
  for (int i = 0; i < 16; ++i) {
    a[i] = sinf((float)i) * 2.0f;
    b[i] = 1.0f / (float)(i + 1);
  }
  __asm__ volatile("" : : "r"(a), "r"(b) : "memory");
  mat4(a, b, c);
  for (int j = 0; j < 4; ++j) {
    for (int i = 0; i < 4; ++i) {
      float s = 0;
      for (int k = 0; k < 4; ++k) s = fmaf(a[4 * k + i], b[4 * j + k], s);
      printf("%a/%s ", (double)c[4 * j + i], s == c[4 * j + i] ? "=" : "!");
    }
    printf("\n");
  }
  for (int i = 0; i < N * N; ++i) {
    A[i] = (float)((i * 37) % 101) / 50.0f - 1.0f;
    B[i] = (float)((i * 91) % 103) / 51.0f - 1.0f;
  }
  for (int bj = 0; bj < N; bj += 4)
    for (int bi = 0; bi < N; bi += 4) {
      float32x4_t acc[4] = {vdupq_n_f32(0), vdupq_n_f32(0), vdupq_n_f32(0), vdupq_n_f32(0)};
      for (int k = 0; k < N; ++k) {
        float32x4_t col = vld1q_f32(&A[k * N + bi]);
        for (int j = 0; j < 4; ++j) acc[j] = vfmaq_n_f32(acc[j], col, B[(bj + j) * N + k]);
      }
      for (int j = 0; j < 4; ++j) vst1q_f32(&C[(bj + j) * N + bi], acc[j]);
    }
  float32x4_t sum = vdupq_n_f32(0);
  for (int i = 0; i < N * N; i += 4) sum = vfmaq_f32(sum, vld1q_f32(&C[i]), vld1q_f32(&C[i]));
  printf("sum of squares %a, C[0]=%a C[4095]=%a\n", (double)vaddvq_f32(sum), (double)C[0], (double)C[N * N - 1]);
  return 0;
}
