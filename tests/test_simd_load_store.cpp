// SIMD&FP loads and stores (SIMD_LDST_ rows). Every run starts with the data region filled
// with byte(kData + i) = i & 0xff, every X register holding kJunk and every V register holding
// V[n] = {lo 0x8877665544332211 + n, hi 0xffeeddccbbaa9900 + n}, so expected values are read
// off the address and the register number by hand (e.g. the D at kData + 0x88 is
// 0x8f8e8d8c8b8a8988).
#include <string>

#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint64_t kJunk = 0xdeaddeaddeaddeadull;
constexpr uint64_t kLo = 0x8877665544332211ull, kHi = 0xffeeddccbbaa9900ull;

const Snippets& snippets() {
  static Snippets s("simd_load_store");
  return s;
}

struct Result {
  std::unique_ptr<Machine> m;
  Status st;
  Registers r;
};

Result go(const std::string& name, std::initializer_list<std::pair<int, uint64_t>> regs, uint64_t sp = 0,
          StopReason expect = StopReason::Halt) {
  auto m = snippets().machine();
  std::vector<uint8_t> fill(kDataSize);
  for (size_t i = 0; i < fill.size(); ++i) fill[i] = uint8_t(i);
  m->write_memory(kData, fill);
  Registers r = m->registers();
  for (int i = 0; i < 31; ++i) r.x[i] = kJunk;
  for (int i = 0; i < 32; ++i) r.v[i][0] = kLo + i, r.v[i][1] = kHi + i;
  for (auto [n, v] : regs) r.x[n] = v;
  if (sp) r.sp = sp;
  r.pc = snippets().symbol(name);
  m->set_registers(r);
  const Status st = m->run(10000);
  EXPECT_EQ(st.signal, expect) << name << " stopped with " << st.signal_name() << " at pc 0x" << std::hex << st.pc;
  Registers out = m->registers();
  return {std::move(m), st, out};
}

// Little-endian value of `bytes` bytes at addr.
uint64_t mem(const Machine& m, uint64_t addr, int bytes = 8) {
  const auto v = m.read_memory(addr, bytes);
  uint64_t r = 0;
  for (int i = bytes - 1; i >= 0; --i) r = (r << 8) | v[i];
  return r;
}

#define EXPECT_V(res, n, lo, hi)                                   \
  do {                                                             \
    EXPECT_EQ((res).r.v[n][0], uint64_t(lo)) << "v" << (n) << " lo"; \
    EXPECT_EQ((res).r.v[n][1], uint64_t(hi)) << "v" << (n) << " hi"; \
  } while (0)

// ---------------------------------------------------------------- single register

TEST(SimdLoadStore, LdrEverySizeUnsignedOffsetAndUnscaled) {
  auto r = go("t_vldr_uimm", {{1, kData}, {2, kData + 0x100}});
  EXPECT_V(r, 0, 0x81, 0);  // B/H/S/D loads zero the rest of the register
  EXPECT_V(r, 1, 0x8382, 0);
  EXPECT_V(r, 2, 0x87868584, 0);
  EXPECT_V(r, 3, 0x8f8e8d8c8b8a8988, 0);
  EXPECT_V(r, 4, 0x9796959493929190, 0x9f9e9d9c9b9a9998);
  EXPECT_V(r, 5, 0xf7f6f5f4f3f2f1f0, 0xfffefdfcfbfaf9f8);  // kData + 4095 * 16
  EXPECT_V(r, 6, 0x0a09080706050403, 0x1211100f0e0d0c0b);  // LDUR Q at kData + 3
  EXPECT_V(r, 7, 0x0706050403020100, 0);
  EXPECT_V(r, 8, 0x00ff, 0);  // bytes ff 00 at kData + 0x1ff
  EXPECT_V(r, 9, 0xff, 0);
  EXPECT_V(r, 10, 0xfffe, 0);
  EXPECT_V(r, 11, 0xfffefdfc, 0);
  EXPECT_V(r, 12, 0xfffefdfcfbfaf9f8, 0);
  EXPECT_V(r, 13, kLo + 13, kHi + 13);  // untouched
  EXPECT_EQ(r.r.x[1], kData);
  EXPECT_EQ(r.r.x[2], kData + 0x100);
}

TEST(SimdLoadStore, StrEverySize) {
  auto r = go("t_vstr_uimm", {{1, kData}});
  auto& m = *r.m;
  EXPECT_EQ(mem(m, kData), 0x4433221322121100u);  // byte 0 untouched, B at 1, H at 2, S at 4
  EXPECT_EQ(mem(m, kData + 8), 0x8877665544332214u);
  EXPECT_EQ(mem(m, kData + 16), 0x8877665544332215u);  // Q: both halves
  EXPECT_EQ(mem(m, kData + 24), 0xffeeddccbbaa9904u);
  EXPECT_EQ(mem(m, kData + 32, 1), 0x20u);
  EXPECT_EQ(mem(m, kData + 33), 0x8877665544332216u);  // STUR Q at an odd address
  EXPECT_EQ(mem(m, kData + 41), 0xffeeddccbbaa9905u);
  EXPECT_EQ(mem(m, kData + 49, 1), 0x31u);
  EXPECT_EQ(mem(m, kData + 50, 4), 0x44332218u);
  EXPECT_EQ(mem(m, kData + 54, 1), 0x36u);
  EXPECT_EQ(mem(m, kData + 0xfff0), 0x8877665544332217u);
  EXPECT_EQ(mem(m, kData + 0xfff8), 0xffeeddccbbaa9906u);
}

TEST(SimdLoadStore, LdrLiteral) {
  auto r = go("t_vldr_lit", {});
  EXPECT_V(r, 0, 0x3f800000, 0);
  EXPECT_V(r, 1, 0x400921fb54442d18, 0);
  EXPECT_V(r, 2, 0x0123456789abcdef, 0xfedcba9876543210);
  EXPECT_V(r, 3, 0x0123456789abcdef, 0xfedcba9876543210);
  auto b = go("t_vldr_lit_back", {});
  EXPECT_V(b, 4, 0x400921fb54442d18, 0);
}

TEST(SimdLoadStore, PreAndPostIndex) {
  auto r = go("t_vindex", {{1, kData + 0x40}, {2, kData + 0x80}}, kData + 0x200);
  EXPECT_V(r, 0, 0x4746454443424140, 0x4f4e4d4c4b4a4948);
  EXPECT_V(r, 1, 0x4f4e4d4c4b4a4948, 0);
  EXPECT_EQ(r.r.x[1], kData + 0x48);
  EXPECT_EQ(mem(*r.m, kData + 0x84, 4), 0x44332214u);  // S then H over it
  EXPECT_V(r, 4, 0x80, 0);
  EXPECT_EQ(r.r.x[2], kData + 0x17f);
  EXPECT_V(r, 5, 0xf7f6f5f4f3f2f1f0, 0xfffefdfcfbfaf9f8);
  EXPECT_EQ(mem(*r.m, kData + 0x1f0), kLo + 6);
  EXPECT_EQ(mem(*r.m, kData + 0x1f8), kHi + 6);
  EXPECT_EQ(r.r.sp, kData + 0x210);
}

TEST(SimdLoadStore, RegisterOffsetExtendAndShift) {
  auto r = go("t_vregoff", {{1, kData},
                            {2, 3},
                            {3, 0xffffffff00000002u},
                            {4, 0xffffffffu},
                            {5, kData + 0x100},
                            {6, uint64_t(-2)}});
  EXPECT_V(r, 0, 0x3736353433323130, 0x3f3e3d3c3b3a3938);  // 3 << 4
  EXPECT_V(r, 1, 0x1716151413121110, 0);                   // UXTW 2, << 3
  EXPECT_V(r, 2, 0xfffefdfc, 0);                           // SXTW -1, << 2
  EXPECT_V(r, 3, 0x0403, 0);                               // no shift
  EXPECT_V(r, 4, 0x03, 0);                                 // B with LSL #0
  EXPECT_V(r, 5, 0xfe, 0);                                 // SXTX -2
  EXPECT_EQ(mem(*r.m, kData + 0x18), kLo + 7);
  EXPECT_EQ(mem(*r.m, kData + 0x102), kLo + 8);  // UXTW without shift
  EXPECT_EQ(mem(*r.m, kData + 0x10a), kHi + 8);
}

TEST(SimdLoadStore, Pairs) {
  auto r = go("t_vpair", {{1, kData + 0x100}, {2, kData + 0x200}});
  auto& m = *r.m;
  EXPECT_V(r, 0, 0x03020100, 0);
  EXPECT_V(r, 1, 0x07060504, 0);
  EXPECT_V(r, 2, 0xf7f6f5f4f3f2f1f0, 0);
  EXPECT_V(r, 3, 0xfffefdfcfbfaf9f8, 0);
  EXPECT_V(r, 4, 0x2726252423222120, 0x2f2e2d2c2b2a2928);
  EXPECT_V(r, 5, 0x3736353433323130, 0x3f3e3d3c3b3a3938);
  EXPECT_V(r, 6, 0x2726252423222120, 0x2f2e2d2c2b2a2928);
  EXPECT_V(r, 7, 0x3736353433323130, 0x3f3e3d3c3b3a3938);
  EXPECT_V(r, 8, 0x0f0e0d0c0b0a0908, 0);
  EXPECT_V(r, 9, 0x1716151413121110, 0);
  EXPECT_V(r, 18, 0xf7f6f5f4f3f2f1f0, 0xfffefdfcfbfaf9f8);  // kData + 0x100 + 63 * 16
  EXPECT_V(r, 19, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
  EXPECT_EQ(r.r.x[1], kData + 0x100);
  EXPECT_EQ(mem(m, kData + 0x200), 0x4433221c4433221bu);
  EXPECT_EQ(mem(m, kData + 0x210), kLo + 14);  // STP D overwritten by STP Q
  EXPECT_EQ(mem(m, kData + 0x218), kHi + 14);
  EXPECT_EQ(mem(m, kData + 0x220), kLo + 15);
  EXPECT_EQ(mem(m, kData + 0x228), kHi + 15);
  EXPECT_EQ(r.r.x[2], kData + 0x250);
  EXPECT_EQ(mem(m, kData + 0x250), 0x5756555453525150u);  // untouched
  EXPECT_EQ(mem(m, kData + 0x260), kLo + 16);
  EXPECT_EQ(mem(m, kData + 0x268), kHi + 16);
  EXPECT_EQ(mem(m, kData + 0x270), kLo + 17);
  EXPECT_EQ(mem(m, kData + 0x278), kHi + 17);
}

// CONSTRAINED UNPREDICTABLE (the loaded value is UNKNOWN); we keep the second element, as QEMU.
TEST(SimdLoadStore, PairLoadSameRegisterKeepsTheSecond) {
  auto r = go("t_vpair_same", {{1, kData + 0x100}});
  EXPECT_V(r, 20, 0x0f0e0d0c0b0a0908, 0);
}

// ---------------------------------------------------------------- multiple structures

TEST(SimdLoadStore, Ld1MultipleRegisters) {
  auto r = go("t_ld1_multi", {{1, kData}, {2, kData + 0x100}, {3, 5}});
  EXPECT_V(r, 1, 0x0706050403020100, 0);  // Q=0 zeroes the upper halves
  EXPECT_V(r, 2, 0x0f0e0d0c0b0a0908, 0);
  EXPECT_V(r, 3, kLo + 3, kHi + 3);
  EXPECT_V(r, 4, 0x0706050403020100, 0);
  EXPECT_V(r, 5, 0x0f0e0d0c0b0a0908, 0);
  EXPECT_V(r, 6, 0x1716151413121110, 0);
  EXPECT_V(r, 7, 0x1f1e1d1c1b1a1918, 0);
  EXPECT_V(r, 8, 0x2726252423222120, 0);
  EXPECT_V(r, 9, 0x2c2b2a2928272625, 0);
  EXPECT_EQ(r.r.x[1], kData + 0x25);  // #32, then Xm = 5
  EXPECT_V(r, 30, 0x0706050403020100, 0x0f0e0d0c0b0a0908);
  EXPECT_V(r, 31, 0x1716151413121110, 0x1f1e1d1c1b1a1918);
  EXPECT_V(r, 0, 0x2726252423222120, 0x2f2e2d2c2b2a2928);  // wrapped to V0
  EXPECT_EQ(r.r.x[2], kData + 0x100);
}

TEST(SimdLoadStore, Ld2Ld3Ld4MultipleDeinterleave) {
  auto r = go("t_ldn_multi", {{1, kData}});
  EXPECT_V(r, 1, 0x0f0d0b0907050301, 0);  // LD2 .8b: odd bytes
  EXPECT_V(r, 2, 0x0b0a090803020100, 0x1b1a191813121110);
  EXPECT_V(r, 3, 0x0f0e0d0c07060504, 0x1f1e1d1c17161514);
  EXPECT_V(r, 4, 0x13120d0c07060100, 0);  // LD3 .4h: halves 0, 3, 6, 9
  EXPECT_V(r, 5, 0x15140f0e09080302, 0);
  EXPECT_V(r, 6, 0x171611100b0a0504, 0);
  EXPECT_V(r, 7, 0x0706050403020100, 0x2726252423222120);  // LD4 .2d: doublewords 0 and 4
  EXPECT_V(r, 8, 0x0f0e0d0c0b0a0908, 0x2f2e2d2c2b2a2928);
  EXPECT_V(r, 9, 0x1716151413121110, 0x3736353433323130);
  EXPECT_V(r, 10, 0x1f1e1d1c1b1a1918, 0x3f3e3d3c3b3a3938);
  EXPECT_V(r, 29, 0x5c5854504c484440, 0x7c7874706c686460);  // LD4 .16b from kData + 0x40
  EXPECT_V(r, 30, 0x5d5955514d494541, 0x7d7975716d696561);
  EXPECT_V(r, 31, 0x5e5a56524e4a4642, 0x7e7a76726e6a6662);
  EXPECT_V(r, 0, 0x5f5b57534f4b4743, 0x7f7b77736f6b6763);
  EXPECT_V(r, 11, 0x4746454443424140, 0x5f5e5d5c5b5a5958);  // LD3 .2d
  EXPECT_V(r, 12, 0x4f4e4d4c4b4a4948, 0x6766656463626160);
  EXPECT_V(r, 13, 0x5756555453525150, 0x6f6e6d6c6b6a6968);
  EXPECT_EQ(r.r.x[1], 2 * (kData + 0x40));  // post-index by Xm = Xn
}

TEST(SimdLoadStore, St1St2St3St4Multiple) {
  auto r = go("t_st_multi", {{1, kData},
                             {2, kData + 0x40},
                             {3, kData + 0x80},
                             {4, kData + 0xc0},
                             {5, kData + 0x100},
                             {6, 0x40},
                             {7, kData + 0x180}});
  auto& m = *r.m;
  EXPECT_EQ(mem(m, kData), kLo);
  EXPECT_EQ(mem(m, kData + 8), kHi);
  EXPECT_EQ(mem(m, kData + 0x40), 0x4444333322221312u);  // ST2 .8b interleaves bytes
  EXPECT_EQ(mem(m, kData + 0x48), 0x8888777766665555u);
  EXPECT_EQ(mem(m, kData + 0x50), 0x5756555453525150u);  // untouched
  EXPECT_EQ(mem(m, kData + 0x80), 0x4433221544332214u);  // ST3 .2s
  EXPECT_EQ(mem(m, kData + 0x88), 0x8877665544332216u);
  EXPECT_EQ(mem(m, kData + 0x90), 0x8877665588776655u);
  EXPECT_EQ(mem(m, kData + 0x98), 0x9f9e9d9c9b9a9998u);
  EXPECT_EQ(r.r.x[3], kData + 0x98);
  const uint64_t st4[8] = {0x221a221922182217u, 0x4433443344334433u, 0x6655665566556655u, 0x8877887788778877u,
                           0x9909990899079906u, 0xbbaabbaabbaabbaau, 0xddccddccddccddccu, 0xffeeffeeffeeffeeu};
  for (int j = 0; j < 8; ++j) EXPECT_EQ(mem(m, kData + 0xc0 + 8 * j), st4[j]) << j;
  EXPECT_EQ(mem(m, kData + 0x100), kLo + 31);  // V31 then V0
  EXPECT_EQ(mem(m, kData + 0x108), kHi + 31);
  EXPECT_EQ(mem(m, kData + 0x110), kLo);
  EXPECT_EQ(mem(m, kData + 0x118), kHi);
  EXPECT_EQ(r.r.x[5], kData + 0x140);
  for (int j = 0; j < 4; ++j) EXPECT_EQ(mem(m, kData + 0x180 + 8 * j), kLo + 10 + j) << j;
  EXPECT_EQ(mem(m, kData + 0x1a0), 0xa7a6a5a4a3a2a1a0u);
  EXPECT_EQ(r.r.x[7], kData + 0x1a0);
}

// ---------------------------------------------------------------- single structures

TEST(SimdLoadStore, SingleLaneLoadsKeepOtherLanes) {
  auto r = go("t_ld_single", {{1, kData + 0x10}, {2, 3}, {3, kData + 0x40}});
  EXPECT_V(r, 0, 0x8877665544334342, 0x10eeddccbbaa9900);  // b[15] = 0x10, later h[0] = 0x4342
  EXPECT_V(r, 1, 0x8877111044332212, kHi + 1);
  EXPECT_V(r, 2, kLo + 2, 0x13121110bbaa9902);
  EXPECT_V(r, 3, kLo + 3, 0x17161514bbaa9903);
  EXPECT_V(r, 4, kLo + 4, 0x1f1e1d1c1b1a1918);
  EXPECT_V(r, 5, kLo + 5, 0x2726252423222120);
  EXPECT_V(r, 6, kLo + 6, 0x2f2e2d2c2b2a2928);
  EXPECT_V(r, 7, 0x8877665544331818, kHi + 7);
  EXPECT_V(r, 8, 0x8877665544331919, kHi + 8);
  EXPECT_V(r, 9, 0x8877665544331a1a, kHi + 9);
  EXPECT_V(r, 10, 0x8877665544331b1b, kHi + 10);
  EXPECT_V(r, 11, 0x434241404433221c, kHi + 11);  // Q=0 lane form keeps the upper half
  EXPECT_V(r, 31, 0x8877665544334140, kHi + 31);
  EXPECT_EQ(r.r.x[1], kData + 0x1b);  // #8, then Xm = 3
  EXPECT_EQ(r.r.x[3], kData + 0x40);
}

TEST(SimdLoadStore, ReplicateLoads) {
  auto r = go("t_ld_rep", {{1, kData + 0x20}, {2, 0x100}});
  EXPECT_V(r, 2, 0x2322212023222120, 0x2322212023222120);
  EXPECT_V(r, 3, 0x2726252427262524, 0x2726252427262524);
  EXPECT_V(r, 4, 0x2726252423222120, 0);
  EXPECT_V(r, 5, 0x2f2e2d2c2b2a2928, 0);
  EXPECT_V(r, 6, 0x3736353433323130, 0);
  EXPECT_V(r, 30, 0x3f3e3d3c3b3a3938, 0x3f3e3d3c3b3a3938);
  EXPECT_V(r, 31, 0x4746454443424140, 0x4746454443424140);
  EXPECT_V(r, 0, 0x4f4e4d4c4b4a4948, 0x4f4e4d4c4b4a4948);
  EXPECT_V(r, 1, 0x5756555453525150, 0x5756555453525150);
  EXPECT_V(r, 7, 0x3938393839383938, 0);
  EXPECT_V(r, 8, 0x3b3a3b3a3b3a3b3a, 0);
  EXPECT_V(r, 9, 0x3d3c3d3c3d3c3d3c, 0);
  EXPECT_V(r, 10, 0x3f3e3f3e3f3e3f3e, 0);
  EXPECT_EQ(r.r.x[1], kData + 0x140);
}

TEST(SimdLoadStore, ReplicateOneAndEightBit) {
  // The first two replicate loads are overwritten later in t_ld_rep; check them on their own.
  auto m = snippets().machine();
  std::vector<uint8_t> fill(kDataSize);
  for (size_t i = 0; i < fill.size(); ++i) fill[i] = uint8_t(i);
  m->write_memory(kData, fill);
  m->set_x(1, kData + 0x20);
  m->set_pc(snippets().symbol("t_ld_rep"));
  ASSERT_EQ(m->run(2).signal, StopReason::MaxCycles);
  const Registers g = m->registers();
  EXPECT_EQ(g.v[0][0], 0x2020202020202020u);  // LD1R .8b
  EXPECT_EQ(g.v[0][1], 0u);
  EXPECT_EQ(g.v[1][0], 0x2120212021202120u);  // LD1R .8h
  EXPECT_EQ(g.v[1][1], 0x2120212021202120u);
}

TEST(SimdLoadStore, SingleLaneStores) {
  auto r = go("t_st_single", {{1, kData + 0x300},
                              {2, kData + 0x310},
                              {3, kData + 0x320},
                              {4, kData + 0x340},
                              {5, uint64_t(-8)}});
  auto& m = *r.m;
  EXPECT_EQ(mem(m, kData + 0x300, 2), 0x0199u);  // byte 9 of V0, next byte untouched
  EXPECT_EQ(mem(m, kData + 0x310, 5), 0x14ffeeffeeu);
  EXPECT_EQ(r.r.x[2], kData + 0x314);
  EXPECT_EQ(mem(m, kData + 0x320), 0x4433221544332214u);
  EXPECT_EQ(mem(m, kData + 0x328, 5), 0x2c44332216u);
  for (int j = 0; j < 4; ++j) EXPECT_EQ(mem(m, kData + 0x340 + 8 * j), kHi + 6 + j) << j;
  EXPECT_EQ(r.r.x[4], kData + 0x338);
}

// ---------------------------------------------------------------- faults and UNDEFINED

void expect_untouched_fault(const Result& r, const std::string& name, uint64_t base, AccessKind kind) {
  EXPECT_EQ(r.st.signal, StopReason::Fault);
  EXPECT_EQ(r.st.pc, snippets().symbol(name));
  EXPECT_EQ(r.st.fault_address, kData + kDataSize);
  EXPECT_EQ(r.st.fault_access, kind);
  EXPECT_EQ(r.r.x[1], base);  // no writeback
  for (int i = 0; i < 32; ++i) EXPECT_V(r, i, kLo + i, kHi + i);
  // The last 64 bytes of the data region still hold the fill: byte i is i & 0xff.
  for (uint64_t a = kData + kDataSize - 64; a < kData + kDataSize; a += 8)
    EXPECT_EQ(mem(*r.m, a), 0x0706050403020100u + 0x0101010101010101u * ((a - kData) & 0xff))
        << std::hex << a;
}

TEST(SimdLoadStore, FaultsLeaveStateUnchanged) {
  struct F {
    const char* name;
    uint64_t base;
    AccessKind kind;
  };
  const F cases[] = {{"t_vfault_ld4", kData + 0xffe0, AccessKind::Read},
                     {"t_vfault_st1", kData + 0xfff8, AccessKind::Write},
                     {"t_vfault_stp", kData + 0xfff0, AccessKind::Write},
                     {"t_vfault_ldp", kData + 0xfff0, AccessKind::Read},
                     {"t_vfault_st4_lane", kData + 0xfffc, AccessKind::Write}};
  for (const F& f : cases) {
    SCOPED_TRACE(f.name);
    auto r = go(f.name, {{1, f.base}}, 0, StopReason::Fault);
    expect_untouched_fault(r, f.name, f.base, f.kind);
  }
}

TEST(SimdLoadStore, UnallocatedEncodingsAreUndefined) {
  const uint32_t words[] = {
      0xdc000080,  // LDR (literal) opc=11
      0x7c800020,  // STUR with size=01, opc=10 (no H form with opc<1>=1)
      0xfdc00020,  // LDR (unsigned offset) size=11, opc=11
      0x3c000820,  // unprivileged class with V=1 (no STTR for SIMD&FP)
      0x3ce20820,  // LDR Q register offset with option=000 (UXTB)
      0xed400420,  // LDP opc=11
      0x4c401020,  // LD multiple opcode=0001
      0x0c408c20,  // LD2 {.1d} (size=11, Q=0, more than one element a structure)
      0x0cdf0c20,  // LD4 {.1d}, post-index
      0x0d00c020,  // ST1R: replicate with L=0
      0x0d40d020,  // LD1R with S=1
      0x0d404420,  // LD1 {.h}[] with size<0>=1
      0x0d409420,  // LD1 {.d}[] with S=1
      0x0d408820,  // LD1 {.s}[] with size<1>=1
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
