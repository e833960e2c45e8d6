// Advanced SIMD moves and permutes (SIMD_PERM_ rows). Unless a test sets them, every V register
// starts as V[n] = {lo 0x8877665544332211 + n, hi 0xffeeddccbbaa9900 + n} and every X register
// as kJunk, so expected values are read off the register number by hand.
#include <string>

#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint64_t kJunk = 0xdeaddeaddeaddeadull;
constexpr uint64_t kLo = 0x8877665544332211ull, kHi = 0xffeeddccbbaa9900ull;
constexpr uint64_t kX1 = 0x1122334455667788ull;

const Snippets& snippets() {
  static Snippets s("simd_permute");
  return s;
}

struct VSet {
  int n;
  uint64_t lo, hi;
};

Registers go(const std::string& name, std::initializer_list<std::pair<int, uint64_t>> xs,
             std::initializer_list<VSet> vs = {}) {
  auto m = snippets().machine();
  Registers r = m->registers();
  for (int i = 0; i < 31; ++i) r.x[i] = kJunk;
  for (int i = 0; i < 32; ++i) r.v[i][0] = kLo + i, r.v[i][1] = kHi + i;
  for (auto [n, v] : xs) r.x[n] = v;
  for (const VSet& v : vs) r.v[v.n][0] = v.lo, r.v[v.n][1] = v.hi;
  r.pc = snippets().symbol(name);
  m->set_registers(r);
  const Status st = m->run(1000);
  EXPECT_EQ(st.signal, StopReason::Halt) << name << " stopped with " << st.signal_name();
  return m->registers();
}

#define EXPECT_V(regs, n, lo, hi)                                  \
  do {                                                             \
    EXPECT_EQ((regs).v[n][0], uint64_t(lo)) << "v" << (n) << " lo"; \
    EXPECT_EQ((regs).v[n][1], uint64_t(hi)) << "v" << (n) << " hi"; \
  } while (0)

TEST(SimdPermute, CopyDupSmovUmovIns) {
  const Registers r = go("t_copy", {{1, kX1}});
  EXPECT_V(r, 0, 0x9999999999999999, 0x9999999999999999);  // DUP .16b, V1.b[9]
  EXPECT_V(r, 2, 0x4433443344334433, 0);                   // Q=0 zeroes the upper half
  EXPECT_V(r, 4, kHi + 5, kHi + 5);
  EXPECT_V(r, 6, 0x5566778855667788, 0x5566778855667788);  // DUP .4s, W1
  EXPECT_V(r, 7, 0x8888888888888888, 0);
  EXPECT_V(r, 8, kX1, kX1);
  EXPECT_EQ(r.x[9], 0x00000000ffffff88u);  // SMOV W: sign-extends to 32 bits only
  EXPECT_EQ(r.x[11], 0xffffffffffffffeeu);
  EXPECT_EQ(r.x[13], 0xffffffff88776655u);
  EXPECT_EQ(r.x[15], 0x9910u);
  EXPECT_EQ(r.x[17], 0xbbaa9912u);
  EXPECT_EQ(r.x[19], kHi + 20);
  EXPECT_EQ(r.x[21], 0xffu);
  EXPECT_V(r, 23, kLo + 23, 0x55667788bbaa9917);  // INS .s[3], W1: other lanes kept
  EXPECT_V(r, 24, kX1, kHi + 24);
  EXPECT_V(r, 25, 0x887766554433ff2a, kHi + 25);  // INS .b[1], V26.b[15]
  EXPECT_V(r, 27, kLo + 27, 0xffee222dbbaa991b);  // INS .h[6], V28.h[0]
  EXPECT_V(r, 29, kLo + 29, kLo + 29);
  EXPECT_EQ(r.x[30], 0x22u);
  EXPECT_EQ(r.x[1], kX1);
  EXPECT_V(r, 1, kLo + 1, kHi + 1);
}

TEST(SimdPermute, ScalarDupZeroesTheRest) {
  const Registers r = go("t_dup_scalar", {});
  EXPECT_V(r, 0, 0x01, 0);
  EXPECT_V(r, 2, 0xbbaa, 0);
  EXPECT_V(r, 4, 0x44332216, 0);
  EXPECT_V(r, 6, kHi + 7, 0);
  EXPECT_V(r, 8, kLo + 8, 0);
}

constexpr VSet kBytes1{1, 0x0706050403020100ull, 0x0f0e0d0c0b0a0908ull};  // bytes 0x00..0x0f
constexpr VSet kBytes2{2, 0x1716151413121110ull, 0x1f1e1d1c1b1a1918ull};  // bytes 0x10..0x1f

TEST(SimdPermute, ZipUzpTrn) {
  const Registers r = go("t_zip", {}, {kBytes1, kBytes2});
  EXPECT_V(r, 0, 0x1303120211011000, 0x1707160615051404);  // ZIP1 .16b
  EXPECT_V(r, 3, 0x1b1a0b0a19180908, 0x1f1e0f0e1d1c0d0c);  // ZIP2 .8h
  EXPECT_V(r, 4, 0x0b0a090803020100, 0x1b1a191813121110);  // UZP1 .4s
  EXPECT_V(r, 5, 0x1715131107050301, 0);                   // UZP2 .8b
  EXPECT_V(r, 6, 0x1514050411100100, 0x1d1c0d0c19180908);  // TRN1 .8h
  EXPECT_V(r, 7, 0x0f0e0d0c0b0a0908, 0x1f1e1d1c1b1a1918);  // TRN2 .2d
  EXPECT_V(r, 8, 0x1716151407060504, 0);                   // ZIP2 .2s
  EXPECT_V(r, 9, 0x0706050403020100, 0x1716151413121110);  // UZP1 .2d
  EXPECT_V(r, 10, 0x1707150513031101, 0x1f0f1d0d1b0b1909); // TRN2 .16b
  EXPECT_V(r, 1, 0x1312111003020100, 0);                   // ZIP1 .2s with Vd = Vn
}

TEST(SimdPermute, Ext) {
  const Registers r = go("t_ext", {}, {kBytes1, kBytes2});
  EXPECT_V(r, 0, 0x0a09080706050403, 0x1211100f0e0d0c0b);
  EXPECT_V(r, 3, 0x1615141312111007, 0);
  EXPECT_V(r, 4, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
  EXPECT_V(r, 5, 0x161514131211100f, 0x1e1d1c1b1a191817);
  EXPECT_V(r, 1, 0x1f1e1d1c1b1a1918, 0x0706050403020100);  // Vd = Vm
}

TEST(SimdPermute, TblTbx) {
  // Index bytes: 01 0f 00 40 ff 10 20 3f | 1f 2f 30 11 80 05 21 3e. The tables V1..V4 hold
  // bytes 0x00..0x3f, so an index k inside the table reads k.
  const Registers r = go("t_tbl", {},
                         {{0, 0x4746454443424140, 0x4f4e4d4c4b4a4948},
                          kBytes1,
                          kBytes2,
                          {3, 0x2726252423222120, 0x2f2e2d2c2b2a2928},
                          {4, 0x3736353433323130, 0x3f3e3d3c3b3a3938},
                          {5, 0x3f2010ff40000f01, 0x3e21058011302f1f},
                          {6, 0xeeeeeeeeeeeeeeee, 0xeeeeeeeeeeeeeeee},
                          {10, 0xaaaaaaaaaaaaaaaa, 0xbbbbbbbbbbbbbbbb},
                          {31, 0xf7f6f5f4f3f2f1f0, 0xfffefdfcfbfaf9f8}});
  EXPECT_V(r, 9, 0x0000400000f0fff1, 0x0000f5004100004f);  // {V31, V0}
  EXPECT_V(r, 0, 0x0000000000000f01, 0x0000050000000000);  // 1 register: k < 16
  EXPECT_V(r, 7, 0x0000100000000f01, 0);                   // 2 registers, Q=0
  EXPECT_V(r, 8, 0x3f20100000000f01, 0x3e21050011302f1f);  // 4 registers: k < 64
  EXPECT_V(r, 6, 0xee2010eeee000f01, 0xee2105ee11ee2f1f);  // TBX 3 registers keeps 0xee
  EXPECT_V(r, 10, 0xaaaaaaaaaa000f01, 0);                  // TBX Q=0 zeroes the upper half
  EXPECT_V(r, 5, 0x0000000000013e0f, 0x0000100000000000);  // Vd = table = indices
}

TEST(SimdPermute, ModifiedImmediate) {
  const Registers r = go("t_movi", {},
                         {{10, 0x0f0f0f0f0f0f0f0f, 0xf0f0f0f0f0f0f0f0},
                          {11, 0x0f0f0f0f0f0f0f0f, 0xf0f0f0f0f0f0f0f0},
                          {12, 0x0f0f0f0f0f0f0f0f, 0xf0f0f0f0f0f0f0f0}});
  EXPECT_V(r, 0, 0xabababababababab, 0xabababababababab);
  EXPECT_V(r, 1, 0x1200120012001200, 0);
  EXPECT_V(r, 2, 0x0034000000340000, 0x0034000000340000);
  EXPECT_V(r, 3, 0x000056ff000056ff, 0);  // MSL #8 shifts ones in
  EXPECT_V(r, 4, 0x0078ffff0078ffff, 0x0078ffff0078ffff);
  EXPECT_V(r, 5, 0xff00ff00ff00ff00, 0);  // MOVI Dd: scalar, upper half zero
  EXPECT_V(r, 6, 0x00ff0000ffff00ff, 0x00ff0000ffff00ff);
  EXPECT_V(r, 7, 0xedffffffedffffff, 0xedffffffedffffff);
  EXPECT_V(r, 8, 0xffcbffcbffcbffcb, 0);
  EXPECT_V(r, 9, 0xffa90000ffa90000, 0);
  EXPECT_V(r, 10, 0x0f3f0f3f0f3f0f3f, 0xf0f0f0f0f0f0f0f0);  // ORR .8h #0x30
  EXPECT_V(r, 11, 0x0f0f000f0f0f000f, 0);                   // BIC .2s: Q=0 zeroes the upper half
  EXPECT_V(r, 12, 0x000f000f000f000f, 0x00f000f000f000f0);
  EXPECT_V(r, 13, 0x3f8000003f800000, 0x3f8000003f800000);  // 1.0f
  EXPECT_V(r, 14, 0xbe000000be000000, 0);                   // -0.125f
  EXPECT_V(r, 15, 0x403f000000000000, 0x403f000000000000);  // 31.0
  EXPECT_V(r, 16, 0x9a0000009a000000, 0);
  EXPECT_V(r, 17, 0x7fff7fff7fff7fff, 0x7fff7fff7fff7fff);
}

TEST(SimdPermute, UnallocatedEncodingsAreUndefined) {
  const uint32_t words[] = {
      0x4e100420,  // DUP (element) with imm5 = 10000
      0x0e080420,  // DUP .1d (element), Q=0
      0x0e080c20,  // DUP .1d (general), Q=0
      0x0e011c20,  // INS (general) with Q=0
      0x0e042c20,  // SMOV W from an S element
      0x4e082c20,  // SMOV X from a D element
      0x4e043c20,  // UMOV X from an S element
      0x0e083c20,  // UMOV W from a D element
      0x4e011420,  // copy imm4 = 0010
      0x4e014420,  // copy imm4 = 1000
      0x2e010420,  // INS (element) with Q=0
      0x5e000420,  // DUP (scalar) with imm5 = 00000
      0x7e010420,  // scalar copy with op=1
      0x5e010c20,  // scalar copy with imm4 = 0001
      0x4e020820,  // permute opcode 000
      0x4e024820,  // permute opcode 100
      0x0ec23820,  // ZIP1 .1d (size=11, Q=0)
      0x2e024020,  // EXT .8b with imm4<3> = 1
      0x6e420020,  // extract with op2 = 01
      0x4e420020,  // table lookup with op2 = 01
      0x4f03fe00,  // FMOV .8h, #1.0 (FP16: not in the profile)
      0x4f030e00,  // modified immediate o2=1, cmode=0000
      0x2f03f600,  // FMOV .1d immediate (op=1, cmode=1111, Q=0)
  };
  for (uint32_t w : words) {
    auto m = words_machine({w});
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
  }
}

}  // namespace
}  // namespace cuarm::test
