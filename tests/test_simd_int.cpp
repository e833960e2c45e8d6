// Advanced SIMD integer: snippets from tests/asm/simd_int.S. Expected values are worked out by
// hand from the Arm manual's definitions (lane by lane, in the comments where not obvious).
#include <cstdio>
#include <cstring>
#include <ostream>

#include "core/table_info.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("simd_int");
  return s;
}

constexpr uint32_t kQC = 1u << 27;
constexpr uint64_t kAll = ~0ull, kMin64 = 1ull << 63, kMax64 = kMin64 - 1;

struct V {
  uint64_t lo, hi;
  bool operator==(const V& o) const { return lo == o.lo && hi == o.hi; }
};
void PrintTo(const V& v, std::ostream* os) {
  char buf[48];
  std::snprintf(buf, sizeof buf, "%016llx:%016llx", (unsigned long long)v.hi, (unsigned long long)v.lo);
  *os << buf;
}

// A 128-bit value from its lanes of `bits` bits, lane 0 first (missing lanes are 0).
template <int bits>
V lanes(std::initializer_list<uint64_t> l) {
  V v{0, 0};
  int i = 0;
  for (uint64_t x : l) {
    const int pos = i++ * bits;
    const uint64_t m = bits == 64 ? kAll : (1ull << bits) - 1;
    (pos < 64 ? v.lo : v.hi) |= (x & m) << (pos % 64);
  }
  return v;
}
const auto B = lanes<8>;
const auto H = lanes<16>;
const auto S = lanes<32>;
const auto D = lanes<64>;

// What v0 holds before a snippet that does not read it: the result must replace all of it.
constexpr V kJunk{0xdeadbeefcafef00dull, 0x0123456789abcdefull};

struct Out {
  V v0;
  uint32_t fpsr;
};

// Runs t_<name> with v1 = a, v2 = b, v0 = d and FPSR = fpsr; returns v0 and FPSR.
Out run(const char* name, V a, V b = {0, 0}, V d = kJunk, uint32_t fpsr = 0) {
  auto m = snippets().machine();
  m->set_pc(snippets().symbol(std::string("t_") + name));
  Registers r = m->registers();
  r.v[0][0] = d.lo, r.v[0][1] = d.hi;
  r.v[1][0] = a.lo, r.v[1][1] = a.hi;
  r.v[2][0] = b.lo, r.v[2][1] = b.hi;
  r.fpsr = fpsr;
  m->set_registers(r);
  const Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt) << name;
  const Registers o = m->registers();
  EXPECT_EQ(o.v[1][0], a.lo) << name;  // sources unchanged
  EXPECT_EQ(o.v[2][1], b.hi) << name;
  return {{o.v[0][0], o.v[0][1]}, o.fpsr};
}

// v0 after t_<name>, and whether it saturated (QC set from a clear FPSR).
void expect(const char* name, V a, V b, V want, bool qc, V d = kJunk) {
  const Out o = run(name, a, b, d);
  EXPECT_EQ(o.v0, want) << name;
  EXPECT_EQ(o.fpsr, qc ? kQC : 0u) << name;
}

// ---------------------------------------------------------------- three same: halving
TEST(SimdIntThreeSame, Halving) {
  // Signed (a+b)>>1 rounds toward minus infinity: -128 + 127 = -1 -> -1; 0 + -1 -> -1.
  expect("shadd_8b", B({0x7f, 0x80, 0xff, 0x01, 0x80, 0x7f, 0x00, 0xfe}),
         B({0x7f, 0x80, 0x01, 0x01, 0x7f, 0x01, 0xff, 0xfe}), B({0x7f, 0x80, 0x00, 0x01, 0xff, 0x40, 0xff, 0xfe}),
         false);
  // Unsigned sums keep their ninth bit: 255 + 1 = 256 -> 128; 255 + 255 -> 255.
  expect("uhadd_16b", {B({0x7f, 0x80, 0xff, 0x01, 0x80, 0x7f, 0x00, 0xfe}).lo, kAll},
         {B({0x7f, 0x80, 0x01, 0x01, 0x7f, 0x01, 0xff, 0xfe}).lo, kAll},
         {B({0x7f, 0x80, 0x80, 0x01, 0x7f, 0x40, 0x7f, 0xfe}).lo, kAll}, false);
  // (a+b+1)>>1: (-32768 - 32768 + 1) >> 1 = -32768; (-1 + 0 + 1) >> 1 = 0.
  expect("srhadd_4h", H({0x7fff, 0x8000, 0xffff, 0x0001}), H({0x7fff, 0x8000, 0x0000, 0x0002}),
         H({0x7fff, 0x8000, 0x0000, 0x0002}), false);
  expect("urhadd_8h", H({0xffff, 0xffff, 1, 0, 0x8000, 3, 0, 0}), H({0xffff, 0, 2, 0, 0x8000, 4, 0, 1}),
         H({0xffff, 0x8000, 2, 0, 0x8000, 4, 0, 1}), false);
  // (-2^31 - (2^31-1)) >> 1 = -2^31 (floor of -2^31 + 0.5); (2^31-1 + 2^31) >> 1 = 2^31-1.
  expect("shsub_2s", S({0x80000000, 0x7fffffff}), S({0x7fffffff, 0x80000000}), S({0x80000000, 0x7fffffff}),
         false);
  // Unsigned differences may be negative before the shift: (0-1)>>1 = -1; (1-(2^32-1))>>1 = -(2^31-1).
  expect("uhsub_4s", S({0, 5, 0xffffffff, 1}), S({1, 3, 0, 0xffffffff}),
         S({0xffffffff, 1, 0x7fffffff, 0x80000001}), false);
}

// ---------------------------------------------------------------- three same: saturating add/sub
TEST(SimdIntThreeSame, SaturatingAddSub) {
  // 127+1, -128-1, 112+16 and 64+64 saturate; -112-16 = -128 and -64-64 = -128 do not.
  expect("sqadd_16b", B({0x7f, 0x80, 0x70, 0x90, 0x01, 0xff, 0x40, 0xc0}),
         B({0x01, 0xff, 0x10, 0xf0, 0x02, 0xff, 0x40, 0xc0}), B({0x7f, 0x80, 0x7f, 0x80, 0x03, 0xfe, 0x7f, 0x80}),
         true);
  expect("sqadd_16b", B({1, 2, 3}), B({0x7d, 0x7d, 0x7c}), B({0x7e, 0x7f, 0x7f}), false);
  expect("uqadd_8h", H({0xffff, 0x8000, 1, 0xfffe}), H({1, 0x8000, 2, 1}), H({0xffff, 0xffff, 3, 0xffff}), true);
  expect("sqadd_2d", D({kMax64, kMin64}), D({1, kAll}), D({kMax64, kMin64}), true);
  expect("sqadd_2d", D({kMax64 - 1, kMin64 + 1}), D({1, kAll}), D({kMax64, kMin64}), false);
  expect("uqadd_2d", D({kAll, 5}), D({1, 7}), D({kAll, 12}), true);
  expect("uqadd_2d", D({kAll - 1, kMin64}), D({1, kMax64}), D({kAll, kAll}), false);
  // -2^31 - 1 and (2^31-1) - (-1) and 0 - (-2^31) saturate; 5 - 7 = -2 does not.
  expect("sqsub_4s", S({0x80000000, 0x7fffffff, 0, 5}), S({1, 0xffffffff, 0x80000000, 7}),
         S({0x80000000, 0x7fffffff, 0x7fffffff, 0xfffffffe}), true);
  expect("uqsub_16b", B({5, 3, 0, 0xff}), B({3, 5, 1, 0xff}), B({2, 0, 0, 0}), true);
  expect("sqsub_2d", D({kMin64, kMax64}), D({1, kAll}), D({kMin64, kMax64}), true);
  expect("sqsub_2d", D({kMin64, kMax64}), D({0, 1}), D({kMin64, kMax64 - 1}), false);
  expect("uqsub_2d", D({1, 10}), D({2, 3}), D({0, 7}), true);
}

TEST(SimdIntThreeSame, QcIsStickyAndOtherFpsrBitsStay) {
  // A non-saturating operation leaves a set QC (and the other FPSR bits) alone.
  const uint32_t flags = kQC | 0x9f;  // QC, IDC and the cumulative exception bits
  Out o = run("sqadd_16b", B({1}), B({2}), kJunk, flags);
  EXPECT_EQ(o.v0, B({3}));
  EXPECT_EQ(o.fpsr, flags);
  o = run("uqadd_8h", H({0xffff}), H({1}), kJunk, 0x1);
  EXPECT_EQ(o.v0, H({0xffff}));
  EXPECT_EQ(o.fpsr, kQC | 0x1);
}

// ---------------------------------------------------------------- three same: compares
TEST(SimdIntThreeSame, Compares) {
  expect("cmgt_8b", B({1, 0x80, 0x7f, 0, 0xff, 5, 0, 0}), B({0, 0x7f, 0x80, 0, 0, 5, 1, 0}),
         B({0xff, 0, 0xff, 0, 0, 0, 0, 0}), false);
  expect("cmgt_2d", D({kMin64, 2}), D({kMax64, 1}), D({0, kAll}), false);
  expect("cmhi_2d", D({kMin64, 1}), D({kMax64, 1}), D({kAll, 0}), false);
  expect("cmge_4h", H({0x8000, 5, 0xffff, 3}), H({0x8000, 6, 1, 3}), H({0xffff, 0, 0, 0xffff}), false);
  expect("cmhs_4s", S({0xffffffff, 5, 0, 7}), S({1, 6, 0, 7}), S({0xffffffff, 0, 0xffffffff, 0xffffffff}),
         false);
  expect("cmtst_4s", S({0x0f, 0xf0, 0, 0x80000000}), S({0x10, 0x30, 0, 0x80000000}),
         S({0, 0xffffffff, 0, 0xffffffff}), false);
  expect("cmeq_2d", D({5, 6}), D({5, 7}), D({kAll, 0}), false);
}

// ---------------------------------------------------------------- three same: shifts by register
TEST(SimdIntThreeSame, ShiftByRegister) {
  // Only the bottom byte of each element of Vm counts, as a signed amount.
  expect("sshl_2d", D({0x8000000000000010, 0x10}), D({0xff, 0xffffffffffffff3b}),
         D({0xc000000000000008, 0x8000000000000000}), false);
  // -64 or less: all sign bits; 64 or more: 0.
  expect("sshl_2d", D({kMin64, kMax64}), D({0xc0, 0x80}), D({kAll, 0}), false);
  expect("sshl_2d", D({1, kAll}), D({0x40, 0x7f}), D({0, 0}), false);
  expect("ushl_4s", S({0x80000001, 0x80000001, 0xffffffff, 1}), S({0xff, 0x01, 0xe0, 0x20}),
         S({0x40000000, 2, 0, 0}), false);
  // 64<<1, 1<<7, 127<<8, 32<<2 saturate; -64<<1 = -128 does not; -127>>1 = -64; 0<<127 = 0.
  expect("sqshl_8b", B({0x40, 0xc0, 0x01, 0x81, 0x00, 0x7f, 0x80, 0x20}),
         B({1, 1, 7, 0xff, 0x7f, 0x08, 0xfc, 2}), B({0x7f, 0x80, 0x7f, 0xc0, 0x00, 0x7f, 0xf8, 0x7f}), true);
  expect("uqshl_8h", H({0x8000, 1, 0x7fff, 0xffff, 0, 3}), H({1, 15, 1, 0xfff0, 0x40, 0xffe}),
         H({0xffff, 0x8000, 0xfffe, 0, 0, 0}), true);
  // Rounding right shifts add 2^(n-1) first: (5+1)>>1 = 3, (-5+1)>>1 = -2, (6+2)>>2 = 2,
  // (-2^31 + 2^31) >> 32 = 0.
  expect("srshl_4s", S({5, 0xfffffffb, 6, 0x80000000}), S({0xff, 0xff, 0xfe, 0xe0}),
         S({3, 0xfffffffe, 2, 0}), false);
  // (128+128)>>8 = 1, (255+128)>>8 = 1, (3+1)>>1 = 2, (1+2)>>2 = 0, 0x10<<2; high half 0xff<<1.
  expect("urshl_16b", {B({0x80, 0xff, 0x03, 0x01, 0x10}).lo, kAll}, {B({0xf8, 0xf8, 0xff, 0xfe, 0x02}).lo, 0x0101010101010101},
         {B({1, 1, 2, 0, 0x40}).lo, 0xfefefefefefefefe}, false);
  expect("sqrshl_2d", D({0x4000000000000000, kAll}), D({1, 0xff}), D({kMax64, 0}), true);
  // (2^64-1 + 1) >> 1 = 2^63 (the rounding carry is kept); 2^63 << 1 saturates.
  expect("uqrshl_2d", D({kAll, kMin64}), D({0xff, 1}), D({kMin64, kAll}), true);
  expect("sqshl_2d", D({kMin64, 1}), D({0, 62}), D({kMin64, 0x4000000000000000}), false);
  expect("sqshl_2d", D({kAll, 0xc000000000000000}), D({63, 1}), D({kMin64, kMin64}), false);
  expect("sqshl_2d", D({1, kAll}), D({63, 64}), D({kMax64, kMin64}), true);
  expect("uqshl_2d", D({1, 3}), D({63, 63}), D({kMin64, kAll}), true);
  // (2^63-1 + 1) >> 1 = 2^62; (-2^63 + 2^62) >> 63 = -1.
  expect("srshl_2d", D({kMax64, kMin64}), D({0xff, 0xc1}), D({0x4000000000000000, kAll}), false);
  // (2^64-1 + 2^63) >> 64 = 1; (2^63 + 2^62) >> 63 = 1.
  expect("urshl_2d", D({kAll, kMin64}), D({0xc0, 0xc1}), D({1, 1}), false);
}

// ---------------------------------------------------------------- three same: max/min/difference
TEST(SimdIntThreeSame, MaxMinDifference) {
  expect("smax_4s", S({0x80000000, 5, 0xffffffff, 0x7fffffff}), S({0x7fffffff, 7, 0, 0x80000000}),
         S({0x7fffffff, 7, 0, 0x7fffffff}), false);
  expect("umax_8b", B({0x80, 1, 0xff}), B({0x7f, 2, 0}), B({0x80, 2, 0xff}), false);
  expect("smin_8h", H({0x8000, 5, 0xffff, 0x7fff}), H({0x7fff, 7, 0, 0x8000}), H({0x8000, 5, 0xffff, 0x8000}),
         false);
  expect("umin_16b", {0x0000000000ff0180, kAll}, {0x000000000000027f, 0x0101010101010101},
         {0x000000000000017f, 0x0101010101010101}, false);
  // |-128 - 127| = 255 fits the unsigned result.
  expect("sabd_8b", B({0x80, 0x7f, 5, 3}), B({0x7f, 0x80, 3, 5}), B({0xff, 0xff, 2, 2}), false);
  expect("uabd_4h", H({0, 0xffff, 10, 3}), H({0xffff, 0, 3, 10}), H({0xffff, 0xffff, 7, 7}), false);
  // 10 + (2^32-1) wraps to 9; (2^32-1) + 2 wraps to 1.
  expect("saba_2s", S({0x80000000, 1}), S({0x7fffffff, 3}), S({9, 1}), false, {0xffffffff0000000a, kAll});
  expect("uaba_16b", {0x1010101010101010, 0x1010101010101010}, {0x3030303030303030, 0x3030303030303030},
         {0x2121212121212121, 0x2121212121212121}, false, {0x0101010101010101, 0x0101010101010101});
}

// ---------------------------------------------------------------- three same: arithmetic
TEST(SimdIntThreeSame, AddSubMultiply) {
  expect("add_2d", D({kAll, 5}), D({1, 7}), D({0, 12}), false);
  expect("add_8b", B({0xff, 0x80, 1}), B({1, 0x80, 2}), B({0, 0, 3}), false);
  expect("sub_4h", H({0, 5, 0x8000, 1}), H({1, 3, 1, 1}), H({0xffff, 2, 0x7fff, 0}), false);
  // 0xffff + 0x100*1 = 0x100ff -> 0x00ff; 0x100 + 0x100*0x100 -> 0x0100 (the product wraps).
  expect("mla_8h", H({2, 0x100, 0x100}), H({3, 1, 0x100}), H({7, 0x00ff, 0x0100, 0, 0, 0, 0, 9}), false,
         H({1, 0xffff, 0x100, 0, 0, 0, 0, 9}));
  expect("mls_4s", S({3, 1}), S({4, 1}), S({0xfffffffe, 0xffffffff, 0, 0}), false, S({10, 0, 0, 0}));
  expect("mul_16b", B({0x10, 0xff, 3}), B({0x10, 0xff, 5}), B({0x00, 0x01, 0x0f}), false);
  // Carry-less: (x+1)(x+1) = x^2+1; 0xff * (x+1) = 0xff ^ 0x1fe = 0x101 -> 0x01.
  expect("pmul_8b", B({0x03, 0x80, 0xff, 0x02}), B({0x03, 0x02, 0x03, 0x80}), B({0x05, 0x00, 0x01, 0x00}),
         false);
}

TEST(SimdIntThreeSame, DoublingMultiplyHigh) {
  // 2*(-2^15)^2 >> 16 = 2^15 saturates; 2*2^28 >> 16 = 2^13; 2*(-2^15)(2^15-1) >> 16 = -(2^15-1);
  // 2*3*(-3) >> 16 = -1.
  expect("sqdmulh_4h", H({0x8000, 0x4000, 0x8000, 3}), H({0x8000, 0x4000, 0x7fff, 0xfffd}),
         H({0x7fff, 0x2000, 0x8001, 0xffff}), true);
  expect("sqdmulh_2s", S({0x40000000, 0xc0000000}), S({0x40000000, 0x40000000}), S({0x20000000, 0xe0000000}),
         false);
  // Rounding adds 2^31 before >> 32: 2*2^30 + 2^31 = 2^32 -> 1; 2*(-9) + 2^31 -> 0;
  // 2*(-2^31)(2^31-1) + 2^31 = 2^32*(1-2^31) + 2^31 -> 1-2^31.
  expect("sqrdmulh_4s", S({0x80000000, 0x40000000, 3, 0x80000000}), S({0x80000000, 1, 0xfffffffd, 0x7fffffff}),
         S({0x7fffffff, 1, 0, 0x80000001}), true);
}

TEST(SimdIntThreeSame, Pairwise) {
  // The operands are Vm:Vn, Vn's elements first; result element i combines elements 2i and 2i+1.
  expect("smaxp_4s", S({1, 0x80000000, 5, 7}), S({0xffffffff, 0, 3, 0x7fffffff}), S({1, 7, 0, 0x7fffffff}),
         false);
  expect("umaxp_8b", B({1, 2, 0x80, 0x7f, 0, 0, 5, 4}), B({0xff, 0, 3, 3, 0, 1, 9, 8}),
         B({2, 0x80, 0, 5, 0xff, 3, 1, 9}), false);
  expect("sminp_4h", H({0x8000, 0x7fff, 5, 0xffff}), H({1, 2, 3, 3}), H({0x8000, 0xffff, 1, 3}), false);
  expect("uminp_16b", {0x0807060504030201, 0x100f0e0d0c0b0a09}, {0xf0e0d0c0b0a09080, 0x00ffeeddccbbaa99},
         {0x0f0d0b0907050301, 0x00ddbb99e0c0a080}, false);
  expect("addp_4s", S({1, 2, 0xffffffff, 1}), S({10, 20, 0x80000000, 0x80000000}), S({3, 0, 30, 0}), false);
  expect("addp_2d", D({1, 2}), D({kAll, 2}), D({3, 1}), false);
  expect("addp_8b", B({1, 2, 3, 4, 5, 6, 7, 8}), B({0x80, 0x80, 1, 1, 0, 0, 0xff, 0xff}),
         B({3, 7, 0x0b, 0x0f, 0, 2, 0, 0xfe}), false);
}

TEST(SimdIntThreeSame, Logical) {
  const V a{0xff00ff00ff00ff00, 0x0123456789abcdef}, b{0xf0f0f0f0f0f0f0f0, 0xffffffff00000000};
  const V d{0xcccccccccccccccc, 0xaaaaaaaaaaaaaaaa};
  expect("and_16b", a, b, {0xf000f000f000f000, 0x0123456700000000}, false);
  expect("bic_16b", a, b, {0x0f000f000f000f00, 0x0000000089abcdef}, false);
  expect("orr_8b", a, b, {0xfff0fff0fff0fff0, 0}, false);
  expect("mov_8b", a, a, {0xff00ff00ff00ff00, 0}, false);
  expect("orn_16b", a, b, {0xff0fff0fff0fff0f, 0x01234567ffffffff}, false);
  expect("eor_16b", a, b, {0x0ff00ff00ff00ff0, 0xfedcba9889abcdef}, false);
  // BSL: Vd selects Vn (1) or Vm (0). BIT: Vm selects Vn (1) or Vd. BIF: Vm selects Vd (1) or Vn.
  expect("bsl_16b", a, b, {0xfc30fc30fc30fc30, 0x5577557788aa88aa}, false, d);
  expect("bit_16b", a, b, {0xfc0cfc0cfc0cfc0c, 0x01234567aaaaaaaa}, false, d);
  expect("bif_16b", a, b, {0xcfc0cfc0cfc0cfc0, 0xaaaaaaaa89abcdef}, false, d);
}

// ---------------------------------------------------------------- scalar three same
TEST(SimdIntScalarThreeSame, SaturatingAndCompares) {
  // Only the low element is read; the rest of V0 becomes zero.
  const V junk{0x123456789abcde00, kAll};
  expect("sqadd_b", {junk.lo | 0x7f, kAll}, {0xff01, 5}, D({0x7f}), true);
  expect("uqadd_h", {0xfff0, kAll}, {0x0010, 0}, D({0xffff}), true);
  expect("sqsub_s", {0x80000000, 0}, {1, 0}, D({0x80000000}), true);
  expect("uqsub_d", {3, 7}, {5, 0}, D({0}), true);
  expect("sqadd_d", {1, 7}, {2, 0}, D({3}), false);
  expect("cmgt_d", {kAll, 0}, {kAll - 1, 0}, D({kAll}), false);
  expect("cmge_d", {kAll - 1, 0}, {kAll, 0}, D({0}), false);
  expect("cmhi_d", {kAll, 0}, {1, 0}, D({kAll}), false);
  expect("cmhs_d", {1, 0}, {1, 0}, D({kAll}), false);
  expect("cmtst_d", {1, 0}, {2, 0}, D({0}), false);
  expect("cmeq_d", {7, 1}, {7, 2}, D({kAll}), false);
  expect("add_d", {kAll, 1}, {2, 1}, D({1}), false);
  expect("sub_d", {0, 1}, {1, 1}, D({kAll}), false);
  expect("sqdmulh_h", {0x8000, 0}, {0x8000, 0}, D({0x7fff}), true);
  expect("sqrdmulh_s", {0x40000000, 0}, {0x40000000, 0}, D({0x20000000}), false);
}

TEST(SimdIntScalarThreeSame, Shifts) {
  expect("sshl_d", {kMin64, 0}, {0xff, 0}, D({0xc000000000000000}), false);
  expect("ushl_d", {kMin64, 0}, {0xff, 0}, D({0x4000000000000000}), false);
  expect("srshl_d", {3, 0}, {0xff, 0}, D({2}), false);
  expect("urshl_d", {kAll, 0}, {0xff, 0}, D({kMin64}), false);
  expect("sqshl_b", {0x40, 0}, {1, 0}, D({0x7f}), true);
  expect("uqshl_s", {0x80000000, 0}, {1, 0}, D({0xffffffff}), true);
  // (-32768 + 1) >> 1 = -16384.
  expect("sqrshl_h", {0x8000, 0}, {0xff, 0}, D({0xc000}), false);
  expect("uqrshl_d", {5, 0}, {0xfe, 0}, D({1}), false);
}

// ---------------------------------------------------------------- two-register misc
TEST(SimdIntMisc, ReverseAndPairwiseLong) {
  expect("rev64_8b", {0x0706050403020100, kAll}, {}, {0x0001020304050607, 0}, false);
  expect("rev64_4s", S({0, 1, 2, 3}), {}, S({1, 0, 3, 2}), false);
  expect("rev32_8h", H({0, 1, 2, 3, 4, 5, 6, 7}), {}, H({1, 0, 3, 2, 5, 4, 7, 6}), false);
  expect("rev16_16b", {0x0706050403020100, 0x0f0e0d0c0b0a0908}, {}, {0x0607040502030001, 0x0e0f0c0d0a0b0809},
         false);
  expect("saddlp_4h", B({0x80, 0x80, 0x7f, 0x7f, 0xff, 0x01, 0xff, 0xff}), {}, H({0xff00, 0x00fe, 0, 0xfffe}),
         false);
  expect("uaddlp_2d", S({0xffffffff, 0xffffffff, 1, 2}), {}, D({0x1fffffffe, 3}), false);
  // 1 + (-65536); 0x7fffffff + 1 wraps; -1 + -1.
  expect("sadalp_4s", H({0x8000, 0x8000, 1, 0, 0, 0, 0xffff, 0xffff}), {},
         S({0xffff0001, 0x80000000, 0, 0xfffffffe}), false, S({1, 0x7fffffff, 0, 0}));
  expect("uadalp_1d", S({1, 1, 7, 7}), {}, D({1, 0}), false, D({kAll, kAll}));
}

TEST(SimdIntMisc, SaturatingAccumulate) {
  // SUQADD: Vd signed + Vn unsigned. 127+1, -1+129 and 16+112 saturate; -128+255 = 127 does not.
  expect("suqadd_16b", B({0x01, 0xff, 0x80, 0x81, 0x70}), {}, B({0x7f, 0x7f, 0x00, 0x7f, 0x7f}), true,
         B({0x7f, 0x80, 0x80, 0xff, 0x10}));
  // USQADD: Vd unsigned + Vn signed. 5-6 and 2^32-1 + 1 saturate.
  expect("usqadd_4s", S({0xfffffffa, 1, 0x7fffffff, 0x80000000}), {}, S({0, 0xffffffff, 0x7fffffff, 0}), true,
         S({5, 0xffffffff, 0, 0x80000000}));
  // -2^63 + (2^64-1) = 2^63-1 and 1 + (2^63-2) fit.
  expect("suqadd_2d", D({kAll, kMax64 - 1}), {}, D({kMax64, kMax64}), false, D({kMin64, 1}));
  expect("suqadd_2d", D({kMin64, kMax64}), {}, D({kMax64, kMax64}), true, D({kAll, 1}));
  // A negative accumulator can overflow too: -1 + (2^64-1) saturates; -2^63 + 2^63 = 0.
  expect("suqadd_2d", D({kAll, kMin64}), {}, D({kMax64, 0}), true, D({kAll, kMin64}));
  expect("usqadd_2d", D({1, kAll - 1}), {}, D({kAll, 0}), true, D({kAll, 1}));
  expect("usqadd_2d", D({kMin64, kAll - 1}), {}, D({kMax64, 0}), false, D({kAll, 2}));
}

TEST(SimdIntMisc, CountsAndBits) {
  // CLS counts the bits after the sign bit that equal it.
  expect("cls_8b", B({0x00, 0xff, 0x01, 0x80, 0x40, 0xc0, 0x3f, 0xe0}), {}, B({7, 7, 6, 0, 0, 1, 1, 2}), false);
  expect("cls_8h", H({0xffff, 0, 0x8000, 1, 0xfffe, 0x4000, 0, 0}), {}, H({15, 15, 0, 14, 14, 0, 15, 15}), false);
  expect("clz_4s", S({0, 1, 0x80000000, 0xffff}), {}, S({32, 31, 0, 16}), false);
  expect("clz_16b", {0x000000000f800100, kAll}, {}, {0x0808080804000708, 0}, false);
  expect("cnt_16b", {0x00ff0f0103070f1f, 0xaaaaaaaaaaaaaaaa}, {}, {0x0008040102030405, 0x0404040404040404}, false);
  expect("not_8b", {0x0123456789abcdef, kAll}, {}, {0xfedcba9876543210, 0}, false);
  expect("rbit_16b", {0xc300ff12a00f8001, 0x0101010101010101}, {}, {0xc300ff4805f00180, 0x8080808080808080},
         false);
}

TEST(SimdIntMisc, AbsNegCompareZero) {
  expect("sqabs_8b", B({0x80, 0x81, 0xff, 0x00, 0x7f, 0x01, 0xc0, 0x40}), {},
         B({0x7f, 0x7f, 0x01, 0x00, 0x7f, 0x01, 0x40, 0x40}), true);
  expect("sqneg_2d", D({kMin64, 5}), {}, D({kMax64, 0xfffffffffffffffb}), true);
  // ABS and NEG wrap: the most negative value stays, and QC is not touched.
  expect("abs_2d", D({kMin64, kAll}), {}, D({kMin64, 1}), false);
  expect("neg_8h", H({1, 0, 0x8000, 0xffff}), {}, H({0xffff, 0, 0x8000, 1}), false);
  expect("cmgt0_4s", S({1, 0, 0xffffffff, 0x80000000}), {}, S({0xffffffff, 0, 0, 0}), false);
  expect("cmge0_8b", B({1, 0, 0xff, 0x80, 0x7f}), {}, B({0xff, 0xff, 0, 0, 0xff, 0xff, 0xff, 0xff}), false);
  expect("cmeq0_2d", D({0, 1}), {}, D({kAll, 0}), false);
  expect("cmle0_8h", H({1, 0, 0xffff, 0x8000, 0x7fff}), {}, H({0, 0xffff, 0xffff, 0xffff, 0, 0xffff, 0xffff, 0xffff}),
         false);
  expect("cmlt0_16b", {B({0x80, 0x7f, 0xff, 0}).lo, 0x8080808080808080}, {}, {B({0xff, 0, 0xff, 0}).lo, kAll},
         false);
}

TEST(SimdIntMisc, Narrow) {
  const V a{0x1234567890abcdef, 0xfedcba9876543210};
  expect("xtn_8b", a, {}, {0xdc9854103478abef, 0}, false);
  // The 2 forms write the upper half and keep the lower half of Vd.
  expect("xtn2_16b", a, {}, {0x1111111111111111, 0xdc9854103478abef}, false, {0x1111111111111111, kAll});
  expect("sqxtn_4h", S({0x00008000, 0xffff7fff, 0x00007fff, 0xffff8000}), {}, H({0x7fff, 0x8000, 0x7fff, 0x8000}),
         true);
  expect("sqxtn2_8h", S({1, 0xffffffff, 0, 0x12}), {}, {0x2222222222222222, 0x00120000ffff0001}, false,
         {0x2222222222222222, kAll});
  expect("uqxtn_2s", D({0x100000000, 0xffffffff}), {}, S({0xffffffff, 0xffffffff}), true);
  expect("sqxtun_8b", H({0x0100, 0xffff, 0x00ff, 0x8000, 0x7fff, 0x0080, 0, 1}), {},
         B({0xff, 0, 0xff, 0, 0xff, 0x80, 0, 1}), true);
  expect("sqxtun2_4s", D({0x80000000, 0xffffffff80000000}), {}, {0x3333333333333333, 0x0000000080000000}, true,
         {0x3333333333333333, kAll});
  expect("shll_8h", {0x0000000000ff8001, kAll}, {}, H({0x0100, 0x8000, 0xff00}), false);
  expect("shll2_2d", {kAll, 0x8000000000000001}, {}, D({0x100000000, 0x8000000000000000}), false);
}

TEST(SimdIntScalarMisc, All) {
  expect("suqadd_b", {0x01, kAll}, {}, D({0x7f}), true, {0xffffffffffffff7f, kAll});
  expect("usqadd_d", {0xfffffffffffffffa, 1}, {}, D({0}), true, {5, kAll});
  expect("sqabs_h", {0x8000, 0}, {}, D({0x7fff}), true);
  expect("sqneg_s", {0x80000000, 0}, {}, D({0x7fffffff}), true);
  expect("sqabs_d", {kAll, 0}, {}, D({1}), false);
  expect("cmgt0_d", {1, 0}, {}, D({kAll}), false);
  expect("cmge0_d", {0, 0}, {}, D({kAll}), false);
  expect("cmeq0_d", {1, 0}, {}, D({0}), false);
  expect("cmle0_d", {kMin64, 0}, {}, D({kAll}), false);
  expect("cmlt0_d", {0, 0}, {}, D({0}), false);
  expect("abs_d", {0xfffffffffffffffb, 0}, {}, D({5}), false);
  expect("neg_d", {kMin64, 0}, {}, D({kMin64}), false);
  // -129 -> -128; 2^32-1 fits; 65536 -> 65535.
  expect("sqxtn_b", {0xff7f, kAll}, {}, D({0x80}), true);
  expect("uqxtn_s", {0xffffffff, kAll}, {}, D({0xffffffff}), false);
  expect("sqxtun_h", {0x00010000, kAll}, {}, D({0xffff}), true);
}

// ---------------------------------------------------------------- across lanes, scalar pairwise
TEST(SimdIntAcross, All) {
  expect("saddlv_8b", {0x8080808080808080, kAll}, {}, D({0xfc00}), false);  // 8 * -128
  expect("uaddlv_4s", {kAll, kAll}, {}, D({0x3fffffffc}), false);
  expect("smaxv_16b", {0x80808080808080ff, 0x8080801080808001}, {}, D({0x10}), false);
  expect("umaxv_4h", H({1, 0xffff, 0x8000, 0}), {}, D({0xffff}), false);
  expect("sminv_4s", S({1, 0x80000000, 0xffffffff, 0x7fffffff}), {}, D({0x80000000}), false);
  expect("uminv_8b", {0x8007030409ff0305, 0x0101010101010101}, {}, D({3}), false);
  expect("addv_8h", {kAll, kAll}, {}, D({0xfff8}), false);  // 8 * -1, modulo 2^16
  expect("addp_d", {kAll, 2}, {}, D({1}), false);
}

// ---------------------------------------------------------------- unallocated encodings
TEST(SimdIntUndefined, ReservedFormsStop) {
  const uint32_t words[] = {
      0x4ee20420,  // shadd v0.2d, v1.2d, v2.2d (size = 11)
      0x0ee20c20,  // sqadd v0.1d, v1.1d, v2.1d (size = 11, Q = 0)
      0x4ee29c20,  // mul v0.2d, v1.2d, v2.2d
      0x4ee29420,  // mla v0.2d, v1.2d, v2.2d
      0x2e629c20,  // pmul v0.4h, v1.4h, v2.4h
      0x4e22b420,  // sqdmulh v0.16b, v1.16b, v2.16b
      0x6ee2b420,  // sqrdmulh v0.2d, v1.2d, v2.2d
      0x6ea2bc20,  // three same U = 1, opcode 10111
      0x0ee2bc20,  // addp v0.1d, v1.1d, v2.1d (size = 11, Q = 0)
      0x4ee2a420,  // smaxp v0.2d, v1.2d, v2.2d
      0x6ee27420,  // uabd v0.2d, v1.2d, v2.2d
      0x6ee27c20,  // uaba v0.2d, v1.2d, v2.2d
      0x4ee26420,  // smax v0.2d, v1.2d, v2.2d
      0x5e228420,  // add b0, b1, b2
      0x5ea23420,  // cmgt s0, s1, s2
      0x7e625420,  // urshl h0, h1, h2
      0x5e22b420,  // sqdmulh b0, b1, b2
      0x5ee2b420,  // sqdmulh d0, d1, d2
      0x5ee20420,  // shadd d0, d1, d2 (no scalar form)
      0x5ee29c20,  // mul d0, d1, d2 (no scalar form)
      0x7e221c20,  // eor (scalar three same opcode 00011)
      0x5ee2bc20,  // addp d0, d1, d2 (no scalar three same form)
      0x4ee00820,  // rev64 v0.2d, v1.2d
      0x6ea00820,  // rev32 v0.4s, v1.4s
      0x4e601820,  // rev16 v0.8h, v1.8h
      0x6e201820,  // misc U = 1, opcode 00001
      0x4ee02820,  // saddlp v0.1q, v1.2d
      0x4ee04820,  // cls v0.2d, v1.2d
      0x4e605820,  // cnt v0.8h, v1.8h
      0x6ea05820,  // not with size = 10
      0x6ee05820,  // rbit with size = 11
      0x0ee0b820,  // abs v0.1d, v1.1d
      0x6ea0a820,  // cmlt #0 with U = 1
      0x0ee12820,  // xtn with size = 11
      0x0e613820,  // shll with U = 0
      0x6ee13820,  // shll2 with size = 11
      0x6ee14820,  // uqxtn2 with size = 11
      0x5e20b820,  // abs b0, b1
      0x5ea08820,  // cmgt s0, s1, #0
      0x5ee14820,  // sqxtn with size = 11
      0x5e212820,  // xtn b0, h1 (no scalar form)
      0x5ea00820,  // rev64 (no scalar form)
      0x7e613820,  // shll (no scalar form)
      0x7ee0a820,  // cmlt #0 scalar with U = 1
      0x5e204820,  // cls b0, b1 (no scalar form)
      0x4ef1b820,  // addv d0, v1.2d
      0x0eb1b820,  // addv s0, v1.2s
      0x2eb03820,  // uaddlv d0, v1.2s
      0x6e31b820,  // across lanes U = 1, opcode 11011
      0x4e302820,  // across lanes opcode 00010
      0x4e313820,  // across lanes opcode 10011
      0x5eb1b820,  // addp s0, v1.2s (size != 11)
  };
  for (uint32_t w : words) {
    auto m = words_machine({w});
    Registers r = m->registers();
    for (int i = 0; i < 3; ++i) r.v[i][0] = 0x1111111111111111ull * (i + 1), r.v[i][1] = ~r.v[i][0];
    r.fpsr = 0;
    m->set_registers(r);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
    const Registers o = m->registers();
    EXPECT_EQ(o.v[0][0], r.v[0][0]) << std::hex << w;
    EXPECT_EQ(o.v[0][1], r.v[0][1]) << std::hex << w;
    EXPECT_EQ(o.fpsr, 0u) << std::hex << w;
  }
}

// The FP opcodes of these encoding classes belong to other rows (or stay UNDEFINED): none of
// them may decode to a SIMD_INT_ row.
TEST(SimdIntUndefined, FpOpcodesAreNotIntegerRows) {
  const uint32_t fp_words[] = {
      0x4e22d420,  // fadd v0.4s, v1.4s, v2.4s
      0x4e62dc20,  // fmulx v0.2d, v1.2d, v2.2d
      0x5e62e420,  // fcmeq d0, d1, d2
      0x5e22fc20,  // frecps s0, s1, s2
      0x4ea0f820,  // fabs v0.4s, v1.4s
      0x6ee0f820,  // fneg v0.2d, v1.2d
      0x4ea0c820,  // fcmgt v0.4s, v1.4s, #0.0
      0x5ee0e820,  // fcmlt d0, d1, #0.0
      0x0e216820,  // fcvtn v0.4h, v1.4s
      0x0e617820,  // fcvtl v0.2d, v1.2s
      0x7e616820,  // fcvtxn s0, d1
      0x4e21d820,  // scvtf v0.4s, v1.4s
      0x7e61d820,  // ucvtf d0, d1
      0x0ea1c820,  // urecpe v0.2s, v1.2s
      0x6ea1c820,  // ursqrte v0.4s, v1.4s
      0x4e218820,  // frintn v0.4s, v1.4s
      0x6e30f820,  // fmaxv s0, v1.4s
      0x6eb0c820,  // fminnmv s0, v1.4s
      0x7e30d820,  // faddp s0, v1.2s
      0x7e70f820,  // fmaxp d0, v1.2d
      0x6e22c420,  // fmaxnmp v0.4s, v1.4s, v2.4s
  };
  for (uint32_t w : fp_words) {
    const core::Op op = core::decode(w);
    for (const auto& r : core::kTable) {
      if (r.op == op) {
        EXPECT_NE(std::strncmp(r.name, "SIMD_INT_", 9), 0) << std::hex << w << " decodes to " << r.name;
      }
    }
  }
}

}  // namespace
}  // namespace cuarm::test
