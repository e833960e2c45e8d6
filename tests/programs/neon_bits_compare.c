/* Bitwise and compare/select: vandq/vorrq/veorq/vbicq/vornq/vmvnq, vcntq, vclzq, vclsq, vrbitq,
   vtstq, vceqq/vcgtq/vcgeq/vcltq/vcleq (integer and float, NaN), vceqzq, vbslq, vmaxq/vminq. */
#include <arm_neon.h>
#include <math.h>
#include <stdint.h>
#include <stdio.h>

/* The compiler folds intrinsics on known constants; hiding the inputs makes the instructions run. */
#define HIDE(p) __asm__ volatile("" : : "r"(p) : "memory")

static void p(const char *n, uint8x16_t v) {
  printf("%-6s", n);
  for (int i = 0; i < 16; ++i) printf(" %02x", v[i]);
  printf("\n");
}
static void p32(const char *n, uint32x4_t v) { printf("%-6s %08x %08x %08x %08x\n", n, v[0], v[1], v[2], v[3]); }

int main(void) {
  uint8_t x[16], y[16];
  for (int i = 0; i < 16; ++i) {
    x[i] = (uint8_t)(i * 45 + 7);
    y[i] = (uint8_t)(0xf0 >> (i % 5));
  }
  HIDE(x);
  HIDE(y);
  uint8x16_t X = vld1q_u8(x), Y = vld1q_u8(y);
  p("and", vandq_u8(X, Y));
  p("orr", vorrq_u8(X, Y));
  p("eor", veorq_u8(X, Y));
  p("bic", vbicq_u8(X, Y));
  p("orn", vornq_u8(X, Y));
  p("mvn", vmvnq_u8(X));
  p("cnt", vcntq_u8(X));
  p("clz", vclzq_u8(X));
  p("cls", vreinterpretq_u8_s8(vclsq_s8(vreinterpretq_s8_u8(X))));
  p("rbit", vrbitq_u8(X));
  p("tst", vtstq_u8(X, Y));
  p("cgt", vcgtq_u8(X, Y));
  p("scgt", vcgtq_s8(vreinterpretq_s8_u8(X), vreinterpretq_s8_u8(Y)));
  p("cge", vcgeq_u8(X, Y));
  p("ceqz", vceqzq_u8(vandq_u8(X, Y)));
  p("bsl", vbslq_u8(vcgtq_u8(X, Y), X, Y));
  p("max", vmaxq_u8(X, Y));
  p("smin", vreinterpretq_u8_s8(vminq_s8(vreinterpretq_s8_u8(X), vreinterpretq_s8_u8(Y))));
  uint32_t w[4] = {0, 1, 0x00010000u, 0xffffffffu};
  HIDE(w);
  uint32x4_t W = vld1q_u32(w);
  p32("clz32", vclzq_u32(W));
  p32("cls32", vreinterpretq_u32_s32(vclsq_s32(vreinterpretq_s32_u32(W))));
  float f[4] = {1.0f, NAN, -0.0f, INFINITY}, g[4] = {1.0f, 1.0f, 0.0f, -INFINITY};
  HIDE(f);
  HIDE(g);
  float32x4_t F = vld1q_f32(f), G = vld1q_f32(g);
  p32("fceq", vceqq_f32(F, G));
  p32("fcgt", vcgtq_f32(F, G));
  p32("fcge", vcgeq_f32(F, G));
  p32("fclt", vcltq_f32(F, G));
  p32("fcle", vcleq_f32(F, G));
  p32("fcagt", vcagtq_f32(F, G));
  p32("fceqz", vceqzq_f32(F));
  p32("fcltz", vcltzq_f32(vnegq_f32(F)));
  float32x4_t sel = vbslq_f32(vcgtq_f32(F, G), F, G);
  printf("fsel %a %a %a %a\n", (double)sel[0], (double)sel[1], (double)sel[2], (double)sel[3]);
  return 0;
}
