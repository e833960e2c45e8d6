/* The float variants (sinf cosf expf logf powf sqrtf atan2f tanhf): own algorithms in glibc. */
#include <math.h>
#include <stdio.h>

int main(void) {
  float acc = 0.0f;
  for (int i = -30; i <= 30; ++i) {
    float x = i * 0.41f;
    float s = sinf(x), c = cosf(x), e = expf(x / 4), l = logf(fabsf(x) + 1e-3f);
    float p = powf(fabsf(x) + 0.5f, 1.7f), q = sqrtf(fabsf(x)), a = atan2f(x, 1.5f), t = tanhf(x);
    printf("%a %a %a %a %a %a %a %a\n", (double)s, (double)c, (double)e, (double)l, (double)p, (double)q, (double)a,
           (double)t);
    acc += s * c + e - l;
  }
  printf("acc=%a %.9g\n", (double)acc, (double)acc);
  printf("%a %a %a\n", (double)expf(89.0f), (double)expf(-104.0f), (double)logf(0.0f));
  return 0;
}
