/* Plain C loops the compiler vectorises at -O3 (and not at -O0): saxpy, dot products, integer
   sums with widening, min/max reductions, conditional selects, byte histogram-like counts,
   strided and reversed access. */
#include <stdint.h>
#include <stdio.h>

#define N 1003
static float x[N], y[N];
static double dx[N], dy[N];
static int32_t ia[N], ib[N];
static int16_t sa[N];
static uint8_t bytes[N];

int main(void) {
  for (int i = 0; i < N; ++i) {
    x[i] = (float)i * 0.25f - 100.0f;
    y[i] = (float)(N - i) / 7.0f;
    dx[i] = (double)i / 3.0;
    dy[i] = (double)(i % 17) - 8.5;
    ia[i] = i * 7919 % 1000 - 500;
    ib[i] = (i * 31) % 97;
    sa[i] = (int16_t)(i * 123 - 30000);
    bytes[i] = (uint8_t)(i * 11);
  }
  __asm__ volatile("" : : "r"(x), "r"(y), "r"(dx), "r"(dy) : "memory");
  __asm__ volatile("" : : "r"(ia), "r"(ib), "r"(sa), "r"(bytes) : "memory");
  for (int i = 0; i < N; ++i) y[i] = 2.5f * x[i] + y[i];
  float fdot = 0;
  for (int i = 0; i < N; ++i) fdot += x[i] * y[i];
  double ddot = 0;
  for (int i = 0; i < N; ++i) ddot += dx[i] * dy[i];
  int64_t isum = 0;
  for (int i = 0; i < N; ++i) isum += (int64_t)ia[i] * ib[i];
  int32_t ssum = 0;
  for (int i = 0; i < N; ++i) ssum += sa[i];
  int32_t mn = ia[0], mx = ia[0];
  for (int i = 1; i < N; ++i) {
    mn = ia[i] < mn ? ia[i] : mn;
    mx = ia[i] > mx ? ia[i] : mx;
  }
  for (int i = 0; i < N; ++i) ib[i] = ia[i] > 0 ? ia[i] * 2 : -ia[i] / 3;
  uint32_t cnt = 0;
  for (int i = 0; i < N; ++i) cnt += bytes[i] > 128;
  int64_t strided = 0;
  for (int i = 0; i < N; i += 3) strided += ib[i];
  for (int i = 0; i < N / 2; ++i) {
    int32_t t = ia[i];
    ia[i] = ia[N - 1 - i];
    ia[N - 1 - i] = t;
  }
  uint32_t h = 0;
  for (int i = 0; i < N; ++i) h = h * 31 + (uint32_t)ia[i] + (uint32_t)ib[i];
  float fmaxv = x[0];
  for (int i = 1; i < N; ++i) fmaxv = fmaxv > y[i] ? fmaxv : y[i];
  printf("fdot=%a ddot=%a isum=%lld ssum=%d min=%d max=%d cnt=%u strided=%lld h=%08x fmax=%a\n", (double)fdot, ddot,
         (long long)isum, ssum, mn, mx, cnt, (long long)strided, h, (double)fmaxv);
  return 0;
}
