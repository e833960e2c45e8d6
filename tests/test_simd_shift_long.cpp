// Advanced SIMD three different, shift by immediate and by-element (integer) snippets from
// tests/asm/simd_shift_long.S. Expected values are worked out by hand from the Arm manual's
// definitions (element by element, noted where not obvious).
#include <map>

#include "backend/jit/nvrtc.hpp"
#include "backend/jit/translate.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("simd_shift_long");
  return s;
}

constexpr uint32_t kQC = 1u << 27;

struct Q {
  uint64_t lo, hi;
};
struct Out {
  std::string name;
  uint64_t lo, hi;
  uint32_t fpsr;
};

// Runs t_<name> with the given V registers (and FPSR); returns V0 and FPSR.
Out run(const char* name, std::initializer_list<std::pair<int, Q>> vregs, uint32_t fpsr = 0) {
  auto m = snippets().machine();
  Registers r = m->registers();
  for (auto [n, q] : vregs) {
    r.v[n][0] = q.lo;
    r.v[n][1] = q.hi;
  }
  r.fpsr = fpsr;
  r.pc = snippets().symbol(std::string("t_") + name);
  m->set_registers(r);
  const Status st = m->run(1000);
  EXPECT_EQ(st.signal, StopReason::Halt) << name;
  const Registers o = m->registers();
  return {name, o.v[0][0], o.v[0][1], o.fpsr};
}

void expect(const Out& o, uint64_t lo, uint64_t hi, bool qc = false) {
  EXPECT_EQ(o.lo, lo) << o.name << std::hex << " lo 0x" << o.lo;
  EXPECT_EQ(o.hi, hi) << o.name << std::hex << " hi 0x" << o.hi;
  EXPECT_EQ((o.fpsr & kQC) != 0, qc) << o.name << " QC";
}

constexpr Q kJunk{0x5555555555555555, 0xaaaaaaaaaaaaaaaa};

// ---------------------------------------------------------------- three different
TEST(SimdShlThreeDiff, AddSubLong) {
  // bytes 80 7f ff 01 + 80 01 ff ff
  const Q b1{0x0000000001ff7f80, 0x1234567812345678}, b2{0x00000000ffff0180, 0x8765432187654321};
  expect(run("saddl", {{1, b1}, {2, b2}}), 0x0000fffe0080ff00, 0);  // -256, 128, -2, 0
  expect(run("uaddl", {{1, b1}, {2, b2}}), 0x010001fe00800100, 0);  // 0x100, 0x80, 0x1fe, 0x100
  // upper halves: 7fff+0001, 8000+8000, 1+2, ffff+ffff as signed 32-bit sums
  expect(run("saddl2", {{1, {kJunk.lo, 0xffff000180007fff}}, {2, {kJunk.lo, 0xffff000280000001}}}), 0xffff000000008000,
         0xfffffffe00000003);
  expect(run("ssubl", {{1, {0x000000007fff8000, kJunk.hi}}, {2, {0x00000000ffff0001, kJunk.hi}}}), 0x00008000ffff7fff,
         0);  // -32768-1, 32767-(-1)
  expect(run("usubl2", {{1, {kJunk.lo, 0xffffffff00000000}}, {2, {kJunk.lo, 0x0000000100000001}}}), 0xffffffffffffffff,
         0x00000000fffffffe);
}

TEST(SimdShlThreeDiff, AddSubWide) {
  const Q wide{5, 0x8000000000000000}, narrow{0xffffffff00000007, kJunk.hi};
  expect(run("ssubw", {{1, wide}, {2, narrow}}), 0xfffffffffffffffe, 0x8000000000000001);
  expect(run("usubw", {{1, wide}, {2, narrow}}), 0xfffffffffffffffe, 0x7fffffff00000001);
  // 1 + -1, 7fff + 1, 8000 + -1, ffff + 1, 0 + -128 (bytes of the upper half)
  expect(run("saddw2", {{1, {0xffff80007fff0001, 0}}, {2, {kJunk.lo, 0x0000008001ff01ff}}}), 0x00007fff80000000,
         0x000000000000ff80);
  expect(run("uaddw", {{1, {0x00000001ffffffff, 0x0000000300000002}}, {2, {0x00008000ffff0001, kJunk.hi}}}),
         0x0001000000000000, 0x0000000300008002);
}

TEST(SimdShlThreeDiff, HighNarrow) {
  const Q h1{0x00007f7fffff1280, 0}, h2{0x0000000100010000, 0};
  expect(run("addhn", {{1, h1}, {2, h2}}), 0x007f0012, 0);   // 0x12, 0x100 -> 00, 0x7f, 0
  expect(run("raddhn", {{1, h1}, {2, h2}}), 0x00800013, 0);  // +0x80 first
  expect(run("addhn2", {{0, {0x1111111111111111, 0x2222222222222222}}, {1, h1}, {2, h2}}), 0x1111111111111111,
         0x007f0012);
  const Q s1{0x0001000012340000, 0x8000000000000000}, s2{0x0001000100000001, 0x0000800000000000};
  expect(run("subhn", {{0, kJunk}, {1, s1}, {2, s2}}), 0x7fff0000ffff1233, 0);
  expect(run("rsubhn", {{1, s1}, {2, s2}}), 0x8000000000001234, 0);  // +0x8000 first
  // (0x180000000 + 2^31) >> 32 = 2, (0 - 1 + 2^31) mod 2^64 >> 32 = 0
  expect(run("rsubhn2_s", {{0, {0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb}}, {1, {0x0000000180000000, 0}}, {2, {0, 1}}}),
         0xaaaaaaaaaaaaaaaa, 2);
}

TEST(SimdShlThreeDiff, AbsoluteDifference) {
  const Q acc{0x00000000fffe0005, 7}, b1{0x0180, kJunk.hi}, b2{0x057f, kJunk.hi};
  expect(run("sabal", {{0, acc}, {1, b1}, {2, b2}}), 0x0000000000020104, 7);  // 5+255, 0xfffe+4
  expect(run("uabal", {{0, acc}, {1, b1}, {2, b2}}), 0x0000000000020006, 7);  // 5+1, 0xfffe+4
  const Q s1{0x0000000580000000, 0x0000000580000000}, s2{0xfffffffb7fffffff, 0xfffffffb7fffffff};
  expect(run("sabdl", {{1, s1}, {2, s2}}), 0xffffffff, 10);  // |-2^31 - (2^31-1)|, |5 - -5|
  expect(run("uabdl2", {{1, s1}, {2, s2}}), 1, 0xfffffff6);
}

TEST(SimdShlThreeDiff, MultiplyLong) {
  const Q acc{10, 0}, h1{0x000000008000ffff, 0}, h2{0x0000000080007fff, 0};
  expect(run("smlal", {{0, acc}, {1, h1}, {2, h2}}), 0x40000000ffff800b, 0);  // 10 - 32767, 2^30
  expect(run("umlal", {{0, acc}, {1, h1}, {2, h2}}), 0x400000007ffe800b, 0);  // 10 + 0x7ffe8001
  expect(run("smlsl", {{0, acc}, {1, h1}, {2, h2}}), 0xc000000000008009, 0);
  expect(run("umlsl", {{0, acc}, {1, h1}, {2, h2}}), 0xc000000080018009, 0);
  const Q s1{0xffffffff80000000, kJunk.hi}, s2{0x0000000280000000, kJunk.hi};
  expect(run("smull", {{1, s1}, {2, s2}}), 0x4000000000000000, 0xfffffffffffffffe);
  expect(run("umull", {{1, s1}, {2, s2}}), 0x4000000000000000, 0x00000001fffffffe);
  // bytes 80 7f ff 02 x 80 7f 03 fd: 16384, 16129, -3, -6
  expect(run("smull2_b", {{1, {kJunk.lo, 0x0000000002ff7f80}}, {2, {kJunk.lo, 0x00000000fd037f80}}}),
         0xfffafffd3f014000, 0);
}

TEST(SimdShlThreeDiff, SaturatingDoubling) {
  // 2*min*min saturates; 2*0x4000*2; 2*-1*3; 2*-32768*32767
  expect(run("sqdmull", {{1, {0x8000ffff40008000, 0}}, {2, {0x7fff000300028000, 0}}}), 0x000100007fffffff,
         0x80010000fffffffa, true);
  expect(run("sqdmull", {{1, {0x0000000040000000, 0}}, {2, {0x0000000000020000, 0}}}), 0x0001000000000000, 0, false);
  expect(run("sqdmull2_s", {{1, {0, 0x8000000080000000}}, {2, {0, 0x7fffffff80000000}}}), 0x7fffffffffffffff,
         0x8000000100000000, true);
  // 0x7fffffffffffff00 + 0x200 saturates; 1 + 2*-2*3
  expect(run("sqdmlal", {{0, {0x7fffffffffffff00, 1}}, {1, {0xfffffffe00000100, 0}}, {2, {0x0000000300000001, 0}}}),
         0x7fffffffffffffff, 0xfffffffffffffff5, true);
  // min - 2 saturates; 5 - sat(2*min*min) = 5 - 0x7fffffff
  expect(run("sqdmlsl", {{0, {0x0000000580000000, 0}}, {1, {0x0000000080000001, 0}}, {2, {0x0000000080000001, 0}}}),
         0x8000000680000000, 0, true);
}

TEST(SimdShlThreeDiff, PolynomialMultiply) {
  // 03*03 = 05, ff*ff = 5555, 80*80 = 4000, 00*55 = 0
  expect(run("pmull_b", {{1, {0x0080ff03, kJunk.hi}}, {2, {0x5580ff03, kJunk.hi}}}), 0x0000400055550005, 0);
  expect(run("pmull2_b", {{1, {kJunk.lo, 0x0080ff03}}, {2, {kJunk.lo, 0x5580ff03}}}), 0x0000400055550005, 0);
  // (2^64-1) * (x+1) = (2^64-1) ^ (2^64-1)<<1; x^63 * x^63 = x^126
  expect(run("pmull_q", {{1, {~0ull, kJunk.hi}}, {2, {3, kJunk.hi}}}), 1, 1);
  expect(run("pmull_q", {{1, {1ull << 63, 0}}, {2, {1ull << 63, 0}}}), 0, 1ull << 62);
  expect(run("pmull2_q", {{1, {kJunk.lo, 1ull << 63}}, {2, {kJunk.lo, 0x8000000000000001}}}), 1ull << 63,
         0x4000000000000000);
}

TEST(SimdShlThreeDiff, Scalar) {
  expect(run("sqdmull_s", {{0, kJunk}, {1, {0xaaaaaaaaaaaa8000, 0xffff}}, {2, {0x123456789abc8000, 1}}}), 0x7fffffff, 0,
         true);
  expect(run("sqdmull_s", {{1, {0xfffe, 0}}, {2, {0x0003, 0}}}), 0xfffffff4, 0, false);  // 2*-2*3
  expect(run("sqdmlal_d", {{0, {0x8000000000000005, 0x99}}, {1, {0xffffffff, 0}}, {2, {3, 0}}}), 0x8000000000000000, 0,
         true);
  // 0x7ffffff0 - 2*-16*1 saturates; the bits above the element of Vd do not take part
  expect(run("sqdmlsl_s", {{0, {0xdead00007ffffff0, 5}}, {1, {0xfff0, 0}}, {2, {1, 0}}}), 0x7fffffff, 0, true);
}

// ---------------------------------------------------------------- shift by immediate
TEST(SimdShlShift, ShiftRight) {
  const Q b{0x0000000001ff7f80, 0xfe};
  expect(run("sshr_b1", {{1, b}}), 0x00ff3fc0, 0xff);
  expect(run("ushr_b1", {{1, b}}), 0x007f3f40, 0x7f);
  expect(run("sshr_b8", {{0, kJunk}, {1, b}}), 0x00ff00ff, 0);  // by the element size: sign copies
  expect(run("ushr_b8", {{0, kJunk}, {1, b}}), 0, 0);
  // (x + 2) >> 2 of 6, -6, 5, -32768, 32767
  const Q h{0x80000005fffa0006, 0x7fff};
  expect(run("srshr_h2", {{1, h}}), 0xe0000001ffff0002, 0x2000);
  expect(run("urshr_h2", {{1, h}}), 0x200000013fff0002, 0x2000);
}

TEST(SimdShlShift, ShiftRightAccumulate) {
  const Q acc{0x0000000a0000000a, 0x0000000a0000000a}, s{0x7fffffff80000000, 0x40000000c0000000};
  expect(run("ssra_s31", {{0, acc}, {1, s}}), 0x0000000a00000009, 0x0000000a00000009);
  expect(run("usra_s31", {{0, acc}, {1, s}}), 0x0000000a0000000b, 0x0000000a0000000b);
  // by 64 with rounding: signed values always round to 0; unsigned 2^63 rounds to 1
  const Q d{0x8000000000000000, 0x7fffffffffffffff};
  expect(run("srsra_d64", {{0, {100, 100}}, {1, d}}), 100, 100);
  expect(run("ursra_d64", {{0, {100, 100}}, {1, d}}), 101, 100);
}

TEST(SimdShlShift, InsertAndShiftLeft) {
  expect(run("sri_b3", {{0, {~0ull, 0x1234}}, {1, {0x80ff00, kJunk.hi}}}), 0xe0e0e0e0e0f0ffe0, 0);
  expect(run("sri_b8", {{0, {~0ull, 0x1234}}, {1, {0x80ff00, kJunk.hi}}}), ~0ull, 0);  // Vd kept
  expect(run("sli_b3", {{0, {~0ull, 0x1234}}, {1, {0x21ff00, kJunk.hi}}}), 0x07070707070fff07, 0);
  expect(run("sli_h0", {{0, kJunk}, {1, {0x1234567890abcdef, 1}}}), 0x1234567890abcdef, 0);
  expect(run("shl_d63", {{1, {1, 3}}}), 1ull << 63, 1ull << 63);
  expect(run("shl_s0", {{1, {0xdeadbeefcafef00d, 0x1111}}}), 0xdeadbeefcafef00d, 0);
}

TEST(SimdShlShift, SaturatingShiftLeft) {
  const Q b{0x000000003fbfc040, 0};  // 40 c0 bf 3f
  expect(run("sqshl_b1", {{1, b}}), 0x7e80807f, 0, true);
  expect(run("uqshl_b1", {{1, b}}), 0x7effff80, 0, true);
  expect(run("sqshlu_b1", {{1, b}}), 0x7e000080, 0, true);
  expect(run("sqshl_b1", {{1, {0x3f, 0}}}), 0x7e, 0, false);
  expect(run("sqshl_b1", {{1, {0x3f, 0}}}, kQC), 0x7e, 0, true);  // QC is sticky
  expect(run("uqshl_d63", {{1, {1, 2}}}), 1ull << 63, ~0ull, true);
}

TEST(SimdShlShift, Narrow) {
  // halfwords 1234 1238 fff0 0700 | 07f8 0ff8 1000 0ff0, shifted right by 4
  const Q h{0x0700fff012381234, 0x0ff010000ff807f8};
  expect(run("shrn_h4", {{0, kJunk}, {1, h}}), 0xff00ff7f70ff2323, 0);
  expect(run("rshrn_h4", {{1, h}}), 0xff00008070ff2423, 0);
  expect(run("sqshrn_h4", {{1, h}}), 0x7f7f7f7f70ff7f7f, 0, true);
  expect(run("uqshrn_h4", {{1, h}}), 0xffffff7f70ffffff, 0, true);
  expect(run("sqrshrn_h4", {{1, h}}), 0x7f7f7f7f70ff7f7f, 0, true);  // (-16 + 8) >> 4 = -1
  expect(run("uqrshrn_h4", {{1, h}}), 0xffffff8070ffffff, 0, true);
  expect(run("sqshrun_h4", {{1, h}}), 0xffffff7f7000ffff, 0, true);
  expect(run("sqrshrun_h4", {{1, h}}), 0xffffff807000ffff, 0, true);
  expect(run("sqshrn_h4", {{1, {0x0700ff0007f00010, 0}}}), 0x0000000070f07f01, 0, false);
  expect(
      run("shrn2_d32", {{0, {0x1111111111111111, 0x2222222222222222}}, {1, {0x123456789abcdef0, 0xfedcba9876543210}}}),
      0x1111111111111111, 0xfedcba9812345678);
  // (2^32-1 + 1) >> 1 = 2^31 saturates; (-(2^32) + 1 + 1) >> 1 = -2^31 + 1
  expect(run("sqrshrn2_d1", {{0, {0x3333333333333333, 7}}, {1, {0x00000000ffffffff, 0xffffffff00000001}}}),
         0x3333333333333333, 0x800000017fffffff, true);
}

TEST(SimdShlShift, Long) {
  const Q b{0x0000000001ff7f80, kJunk.hi};
  expect(run("sxtl_b", {{1, b}}), 0x0001ffff007fff80, 0);
  expect(run("ushll_b7", {{1, b}}), 0x00807f803f804000, 0);
  expect(run("sshll2_s31", {{1, {kJunk.lo, 0x00000003ffffffff}}}), 0xffffffff80000000, 0x0000000180000000);
  expect(run("uxtl2_h", {{1, {kJunk.lo, 0x8000ffff00017fff}}}), 0x0000000100007fff, 0x000080000000ffff);
}

TEST(SimdShlShift, Scalar) {
  const Q min{0x8000000000000000, kJunk.hi};
  expect(run("sshr_d64", {{1, min}}), ~0ull, 0);
  expect(run("ushr_d64", {{1, min}}), 0, 0);
  expect(run("urshr_d64", {{1, min}}), 1, 0);
  expect(run("srshr_d64", {{1, min}}), 0, 0);
  expect(run("ursra_d1", {{0, {1, 5}}, {1, {~0ull, 5}}}), 0x8000000000000001, 0);  // 1 + (2^64-1+1)/2
  expect(run("ssra_d1", {{0, {1, 5}}, {1, {~0ull, 5}}}), 0, 0);
  expect(run("sri_d64", {{0, {0x1234, 0x5678}}, {1, {~0ull, 1}}}), 0x1234, 0);
  expect(run("sli_d63", {{0, {0x0123456789abcdef, 1}}, {1, {3, 1}}}), 0x8123456789abcdef, 0);
  expect(run("shl_d1", {{1, {0xc000000000000001, 1}}}), 0x8000000000000002, 0);
  expect(run("sqshl_d1", {{1, {0x4000000000000000, 0}}}), 0x7fffffffffffffff, 0, true);
  expect(run("sqshl_d1", {{1, {0xc000000000000000, 0}}}), 0x8000000000000000, 0, false);
  expect(run("sqshl_b7", {{1, {0xff01, 0}}}), 0x7f, 0, true);  // only byte 0 takes part
  expect(run("sqshl_b7", {{1, {0x01ff, 0}}}), 0x80, 0, false);
  expect(run("uqshl_h15", {{1, {1, 0}}}), 0x8000, 0, false);
  expect(run("uqshl_h15", {{1, {2, 0}}}), 0xffff, 0, true);
  expect(run("sqshlu_s0", {{1, {0xffffffff, 0}}}), 0, 0, true);
  expect(run("sqshlu_s0", {{1, {0x7fffffff, 0}}}), 0x7fffffff, 0, false);
  expect(run("sqshrn_s_d", {{1, {0xffffffff00000000, 0}}}), 0xffffffff, 0, false);
  expect(run("sqshrn_s_d", {{1, {0x8000000000000000, 0}}}), 0x80000000, 0, false);
  expect(run("uqrshrn_h_s", {{1, {0xffff8000, 0}}}), 0xffff, 0, true);
  expect(run("uqrshrn_h_s", {{1, {0x12347fff, 0}}}), 0x1234, 0, false);
  expect(run("sqrshrun_b_h", {{1, {0x7f80, 0}}}), 0x80, 0, false);
  expect(run("sqrshrun_b_h", {{1, {0xff80, 0}}}), 0, 0, false);  // -128 rounds to 0
  expect(run("sqrshrun_b_h", {{1, {0xff7f, 0}}}), 0, 0, true);   // -129 rounds to -1
}

// ---------------------------------------------------------------- by element
TEST(SimdShlElement, SameSize) {
  expect(run("mul_h7", {{1, {0xffff800000020001, kJunk.hi}}, {2, {kJunk.lo, 0x0003000000000000}}}), 0xfffd800000060003,
         0);
  expect(run("mul_v15_h5",
             {{1, {0x0004000300020001, 0x8000000700060005}}, {15, {0x9999999999999999, 0x7777777700025555}}}),
         0x0008000600040002, 0x0000000e000c000a);
  expect(run("mul_v31_s1", {{1, {0x0000000200000001, 0x80000000ffffffff}}, {31, {0x0000000377777777, kJunk.hi}}}),
         0x0000000600000003, 0x80000000fffffffd);
  expect(run("mla_s3", {{0, {0x0000000200000001, 0x0000000400000003}},
                        {1, {0x0000000100000001, 0xffffffff00000002}},
                        {2, {kJunk.lo, 0x0000001055555555}}}),
         0x0000001200000011, 0xfffffff400000023);
  expect(run("mls_h2", {{0, {0x0002000100000064, 9}}, {1, {0xffff00000001000a, 0}}, {2, {0x0000000500000000, 0}}}),
         0x00070001fffb0032, 0);
}

TEST(SimdShlElement, Long) {
  const Q h{0xffff7fff80000001, 0xffff7fff80000001}, m1{0x00000000fffe0000, 0};
  expect(run("smull_h1", {{1, h}, {2, m1}}), 0x00010000fffffffe, 0x00000002ffff0002);
  expect(run("umull2_h1", {{1, h}, {2, m1}}), 0x7fff00000000fffe, 0xfffd00027ffe0002);
  expect(run("smlal2_s2", {{0, {10, 20}}, {1, {kJunk.lo, 0x0000000580000000}}, {2, {kJunk.lo, 0x12345678ffffffff}}}),
         0x8000000a, 15);
  expect(run("umlal_s0", {{0, {1, 2}}, {1, {0x00000002ffffffff, kJunk.hi}}, {2, {0x55555555ffffffff, kJunk.hi}}}),
         0xfffffffe00000002, 0x0000000200000000);
  const Q acc{0x0000000100000000, 0}, a{0x0000000000018000, 0}, m0{0x8000, 0};
  expect(run("smlsl_h0", {{0, acc}, {1, a}, {2, m0}}), 0x00008001c0000000, 0);
  expect(run("umlsl_h0", {{0, acc}, {1, a}, {2, m0}}), 0xffff8001c0000000, 0);
}

TEST(SimdShlElement, SaturatingDoubling) {
  expect(run("sqdmull_h0", {{1, {0x00007fff00018000, 0}}, {2, {0x8000, 0}}}), 0xffff00007fffffff, 0x0000000080010000,
         true);
  expect(run("sqdmlal2_s1", {{0, {0x7ffffffffffffffe, 5}}, {1, {0, 0xffffffff00000001}}, {2, {0x0000000212345678, 0}}}),
         0x7fffffffffffffff, 1, true);
  expect(run("sqdmlsl_h3", {{0, {0x800000000000000a, 0}}, {1, {0x0000000000010001, 0}}, {2, {0x0003000000000000, 0}}}),
         0x8000000000000004, 0, true);
  expect(run("sqdmulh_h0", {{1, {0xc000000140008000, 0}}, {2, {0x8000, 0}}}), 0x4000ffffc0007fff, 0, true);
  // by 0x4000: 2*x*0x4000 >> 16 is x/2, truncated or rounded
  const Q x{0x7fffffff00020001, kJunk.hi}, half{0x4000, 0};
  expect(run("sqdmulh_h0", {{1, x}, {2, half}}), 0x3fffffff00010000, 0, false);
  expect(run("sqrdmulh_h0", {{1, x}, {2, half}}), 0x4000000000010001, 0, false);
  expect(run("sqdmulh_s1", {{1, {0x4000000080000000, 0xffffffff00000001}}, {2, {0x8000000000000000, 0}}}),
         0xc00000007fffffff, 0x00000001ffffffff, true);
  expect(run("sqrdmulh_s1", {{1, {0x7fffffff00000001, kJunk.hi}}, {2, {0x4000000000000000, 0}}}), 0x4000000000000001, 0,
         false);
}

TEST(SimdShlElement, Scalar) {
  expect(run("sqdmulh_e_h", {{0, kJunk}, {1, {0x1111111111118000, 1}}, {2, {0x8000000000000000, 0}}}), 0x7fff, 0, true);
  expect(run("sqrdmulh_e_s", {{1, {0x7fffffff, 0}}, {2, {0, 0x40000000}}}), 0x40000000, 0, false);
  expect(run("sqdmull_e_d", {{1, {0x80000000, 0}}, {2, {0x8000000000000000, 0}}}), 0x7fffffffffffffff, 0, true);
  expect(run("sqdmlal_e_s", {{0, {0x64, 3}}, {1, {0xfffd, 0}}, {2, {0, 0x0002000000000000}}}), 0x58, 0, false);
  expect(run("sqdmlsl_e_d", {{0, {0x800000000000000a, 3}}, {1, {1, 0}}, {2, {0, 0x7fffffff00000000}}}),
         0x8000000000000000, 0, true);
}

// ---------------------------------------------------------------- UNDEFINED
TEST(SimdShlUndefined, ReservedFieldsStop) {
  const uint32_t words[] = {
      0x0ee20020,  // saddl with size = 11
      0x0e62e020,  // pmull with size = 01
      0x0ea2e020,  // pmull with size = 10
      0x2e22e020,  // pmull with U = 1
      0x0e22f020,  // three different, opcode 1111
      0x0e22d020,  // sqdmull (vector) with size = 00
      0x2e62d020,  // sqdmull with U = 1
      0x5e22d020,  // sqdmull (scalar) with size = 00
      0x5ee2d020,  // sqdmull (scalar) with size = 11
      0x7e62d020,  // sqdmull (scalar) with U = 1
      0x5e620020,  // scalar three different, opcode 0000 (no scalar SADDL)
      0x0f7f0420,  // sshr v0.2d with Q = 0
      0x0f0d4420,  // sri with U = 0
      0x0f096420,  // sqshlu with U = 0
      0x0f0f0c20,  // shift by immediate, opcode 00001
      0x0f7f8420,  // shrn with immh = 1xxx
      0x0f3fac20,  // shift by immediate, opcode 10101
      0x5f0f0420,  // sshr (scalar) with immh = 0001
      0x5f0f8420,  // scalar opcode 10000 with U = 0 (no scalar SHRN)
      0x5f0fa420,  // scalar opcode 10100 (no scalar SSHLL)
      0x5f017420,  // sqshl (scalar) with immh = 0000
      0x5f7f9420,  // sqshrn (scalar) with immh = 1xxx
      0x0f128020,  // mul by element with size = 00
      0x0fd28020,  // mul by element with size = 11
      0x2f52d020,  // sqrdmlah by element (RDM, later extension)
      0x0f82e020,  // sdot by element (later extension)
      0x2f82e020,  // udot by element (later extension)
      0x0f820020,  // fmlal by element (FHM, later extension)
      0x2f528020,  // by element, U = 1 opcode 1000
      0x5f12c020,  // sqdmulh (scalar, by element) with size = 00
      0x5f52f020,  // scalar by element, opcode 1111
      0x7f52d020,  // sqrdmlah (scalar, by element)
  };
  for (uint32_t w : words) {
    auto m = words_machine({w});
    Registers r = m->registers();
    r.v[0][0] = 0x1111, r.v[0][1] = 0x2222, r.fpsr = 0;
    m->set_registers(r);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
    const Registers o = m->registers();
    EXPECT_EQ(o.v[0][0], 0x1111u) << std::hex << w;
    EXPECT_EQ(o.v[0][1], 0x2222u) << std::hex << w;
    EXPECT_EQ(o.fpsr, 0u) << std::hex << w;
  }
}

// ---------------------------------------------------------------- GPU translated mode
// The handlers compile under NVRTC (docs/jit.md) with constant words, one word of each row.
TEST(SimdShlJit, NvrtcCompilesTheHandlers) {
  std::string why;
  if (!jit::nvrtc_available(&why)) GTEST_SKIP() << "needs NVRTC: " << why;
  const uint32_t words[] = {
      0x0e220020,  // saddl v0.8h, v1.8b, v2.8b
      0x5ea29020,  // sqdmlal d0, s1, s2
      0x6f403420,  // ursra v0.2d, v1.2d, #64
      0x4f237420,  // sqshl v0.4s, v1.4s, #3
      0x6f155420,  // sli v0.8h, v1.8h, #5
      0x6f084420,  // sri v0.16b, v1.16b, #8
      0x6f398c20,  // sqrshrun2 v0.4s, v1.2d, #7
      0x2f109420,  // uqshrn v0.4h, v1.4s, #16
      0x6f0ba420,  // ushll2 v0.8h, v1.16b, #3
      0x7f7f6420,  // sqshlu d0, d1, #63
      0x5f089c20,  // sqrshrn b0, h1, #8
      0x6f7f0820,  // mla v0.8h, v1.8h, v15.h[7]
      0x4f727020,  // sqdmlsl2 v0.4s, v1.8h, v2.h[3]
      0x4fbfd820,  // sqrdmulh v0.4s, v1.4s, v31.s[3]
      0x5fa2b020,  // sqdmull d0, s1, v2.s[1]
      0x5f62c020,  // sqdmulh h0, h1, v2.h[2]
      0xd4400000,  // hlt #0
  };
  std::map<uint64_t, uint32_t> code;
  for (size_t i = 0; i < std::size(words); ++i) code[0x1000 + 4 * i] = words[i];
  const jit::Translation t = jit::translate({0x1000}, [&code](uint64_t a, uint32_t* w) {
    auto it = code.find(a);
    if (it == code.end()) return false;
    *w = it->second;
    return true;
  });
  EXPECT_EQ(t.words.size(), std::size(words));
  EXPECT_NE(t.source.find("core::op_simd_elem_scalar(c, 0x5f62c020u)"), std::string::npos);
  EXPECT_FALSE(jit::compile_cubin(t.source, 90).empty());
}

}  // namespace
}  // namespace cuarm::test
