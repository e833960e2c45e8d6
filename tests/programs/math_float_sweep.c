/* The float libm functions over every 4099th float bit pattern in [0x00000000, 0x7f800000] and the
   negatives: results hashed per function. */
#include <math.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>

typedef float (*fn)(float);
static uint32_t bits(float f) {
  uint32_t u;
  memcpy(&u, &f, 4);
  return u;
}

int main(void) {
  struct { const char *name; fn f; } fs[] = {{"sinf", sinf},   {"cosf", cosf},     {"tanf", tanf},   {"expf", expf},
                                             {"exp2f", exp2f}, {"logf", logf},     {"log2f", log2f}, {"log10f", log10f},
                                             {"sqrtf", sqrtf}, {"cbrtf", cbrtf},   {"atanf", atanf}, {"tanhf", tanhf},
                                             {"erff", erff},   {"roundf", roundf}, {"asinf", asinf}, {"coshf", coshf}};
  for (unsigned k = 0; k < sizeof fs / sizeof fs[0]; ++k) {
    uint32_t h = 2166136261u;
    for (uint32_t u = 0; u <= 0x7f800000u; u += 4099 * 64) {
      for (int sign = 0; sign < 2; ++sign) {
        uint32_t v = u | (uint32_t)sign << 31;
        float f;
        memcpy(&f, &v, 4);
        h = (h ^ bits(fs[k].f(f))) * 16777619u;
      }
    }
    printf("%-7s %08x\n", fs[k].name, h);
  }
  uint32_t h = 0;
  for (int i = 1; i < 3000; ++i) h = h * 31 + bits(powf(i * 0.013f, 1.0f + i * 0.001f)) + bits(atan2f((float)i, -7.0f));
  printf("powf/atan2f %08x\n", h);
  return 0;
}
