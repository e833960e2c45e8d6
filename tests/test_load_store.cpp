// Loads and stores (general-purpose registers). Every run starts with the data region filled
// with byte(kData + i) = i & 0xff and every X register holding kJunk, so expected values are
// read off the address by hand (e.g. the X at kData + 0x80 is 0x8786858483828180).
#include <string>

#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint64_t kJunk = 0xdeaddeaddeaddeadull;
constexpr uint64_t kUnmapped = 0x900000;  // outside the image, the data region and the stack

const Snippets& snippets() {
  static Snippets s("load_store");
  return s;
}

struct Result {
  std::unique_ptr<Machine> m;
  Status st;
};

Result go(const std::string& name, std::initializer_list<std::pair<int, uint64_t>> regs,
          StopReason expect = StopReason::Halt) {
  auto m = snippets().machine();
  std::vector<uint8_t> fill(kDataSize);
  for (size_t i = 0; i < fill.size(); ++i) fill[i] = uint8_t(i);
  m->write_memory(kData, fill);
  for (int r = 0; r < 31; ++r) m->set_x(r, kJunk);
  for (auto [r, v] : regs) m->set_x(r, v);
  m->set_pc(snippets().symbol(name));
  const Status st = m->run(10000);
  EXPECT_EQ(st.signal, expect) << name << " stopped with " << st.signal_name() << " at pc 0x" << std::hex << st.pc;
  return {std::move(m), st};
}

// Little-endian value of `bytes` bytes at addr.
uint64_t mem(const Machine& m, uint64_t addr, int bytes = 8) {
  const auto v = m.read_memory(addr, bytes);
  uint64_t r = 0;
  for (int i = bytes - 1; i >= 0; --i) r = (r << 8) | v[i];
  return r;
}

void expect_fault(const Result& r, uint64_t pc, uint64_t addr, AccessKind kind) {
  EXPECT_EQ(r.st.signal, StopReason::Fault);
  EXPECT_EQ(r.st.pc, pc);
  EXPECT_EQ(r.m->pc(), pc);
  EXPECT_EQ(r.st.fault_address, addr);
  EXPECT_EQ(r.st.fault_access, kind);
}

// ---------------------------------------------------------------- single register

TEST(LoadStore, LdrUnsignedOffsetSizesAndSignExtension) {
  auto r = go("t_ldr_uimm", {{1, kData}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(m.x(2), 0x83828180u);  // W load clears the junk high half
  EXPECT_EQ(m.x(3), 0x8382u);
  EXPECT_EQ(m.x(4), 0x81u);
  EXPECT_EQ(m.x(5), 0xffffffffffffff81u);  // LDRSB X
  EXPECT_EQ(m.x(6), 0x00000000ffffff81u);  // LDRSB W
  EXPECT_EQ(m.x(7), 0xffffffffffff8180u);  // LDRSH X
  EXPECT_EQ(m.x(8), 0x00000000ffff8180u);  // LDRSH W
  EXPECT_EQ(m.x(9), 0xffffffff83828180u);  // LDRSW
  EXPECT_EQ(m.x(10), 0x7fu);
  EXPECT_EQ(m.x(11), 0x7f7e7d7cu);
  EXPECT_EQ(m.x(12), 0xfffefdfcfbfaf9f8u);  // kData + 0x7ff8
  EXPECT_EQ(m.x(13), 0xffu);
  EXPECT_EQ(m.x(14), 0xfffeu);
  EXPECT_EQ(m.x(15), 0x06050403u);
  EXPECT_EQ(m.x(1), kData);
}

TEST(LoadStore, StrUnsignedOffsetAndXzr) {
  auto r =
      go("t_str_uimm", {{1, kData}, {2, 0x1122334455667788u}, {3, 0x99aabbccddeeff00u}, {4, 0xffff1234u}, {5, 0x1abu}});
  auto& m = *r.m;
  EXPECT_EQ(mem(m, kData + 8), 0x1122334455667788u);
  EXPECT_EQ(mem(m, kData + 16), 0x17161514ddeeff00u);
  EXPECT_EQ(mem(m, kData + 24), 0x1f1e1d1c1b1a1234u);
  EXPECT_EQ(mem(m, kData + 32), 0x27262524232221abu);
  EXPECT_EQ(mem(m, kData + 40), 0u);  // STR XZR stores zero
  EXPECT_EQ(mem(m, kData + 48), 0x3736353400000000u);
  EXPECT_EQ(mem(m, kData + 56), 0x3f3e3d3c3b3a0000u);
  EXPECT_EQ(mem(m, kData + 64), 0x4746454443424100u);
  EXPECT_EQ(mem(m, kData + 32760), 0x1122334455667788u);
  EXPECT_EQ(mem(m, kData), 0x0706050403020100u);  // untouched
}

TEST(LoadStore, UnscaledNegativeAndUnaligned) {
  auto r =
      go("t_unscaled", {{1, kData + 0x100}, {10, 0x0102030405060708u}, {11, 0xbeefu}, {12, 0x7fu}, {13, 0xcafef00du}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(m.x(2), 0x04030201u);
  EXPECT_EQ(m.x(3), 0xffffffffffffff81u);
  EXPECT_EQ(m.x(4), 0xffff8180u);
  EXPECT_EQ(m.x(5), 0xffffffff84838281u);
  EXPECT_EQ(m.x(6), 0xffu);
  EXPECT_EQ(m.x(7), 0x00u);
  EXPECT_EQ(m.x(8), 0xffffffffu);
  EXPECT_EQ(m.x(9), 0x00ffu);
  EXPECT_EQ(mem(m, kData + 0xf5), 0x0102030405060708u);
  EXPECT_EQ(mem(m, kData + 0xf4, 1), 0xf4u);
  EXPECT_EQ(mem(m, kData + 0xfd, 1), 0xfdu);
  EXPECT_EQ(mem(m, kData + 0x103, 2), 0xbeefu);
  EXPECT_EQ(mem(m, kData + 0x110), 0x171615cafef00d7fu);
}

TEST(LoadStore, PreAndPostIndexWriteback) {
  auto r = go("t_index", {{1, kData + 0x40},
                          {3, kData + 0x82},
                          {4, 0xa5a5a5a5a5a5a5a5u},
                          {5, kData + 0x100},
                          {6, 0x12345a5au},
                          {7, kData + 0x200},
                          {9, kData + 0x180},
                          {11, kData},
                          {12, 0x77u},
                          {13, kData + 0x400},
                          {15, kData + 0x22},
                          {17, kData + 0x11}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x4746454443424140u);  // post: old address
  EXPECT_EQ(m.x(1), kData + 0x50);
  EXPECT_EQ(m.x(2), 0xffffff81u);  // pre: new address
  EXPECT_EQ(m.x(3), kData + 0x81);
  EXPECT_EQ(mem(m, kData + 0xf8), 0xa5a5a5a5a5a5a5a5u);
  EXPECT_EQ(m.x(5), kData + 0xf8);
  EXPECT_EQ(mem(m, kData + 0x200, 4), 0x03025a5au);
  EXPECT_EQ(m.x(7), kData + 0x2ff);
  EXPECT_EQ(m.x(8), 0xffffffff83828180u);
  EXPECT_EQ(m.x(9), kData + 0x80);
  EXPECT_EQ(m.x(10), 0xa5u);  // kData + 0xff, written by the STR above
  EXPECT_EQ(m.x(11), kData + 0xff);
  EXPECT_EQ(mem(m, kData + 0x2ff, 2), 0x77ffu);
  EXPECT_EQ(m.x(13), kData + 0x300);
  EXPECT_EQ(m.x(14), 0x2322u);
  EXPECT_EQ(m.x(15), kData + 0x22);
  EXPECT_EQ(m.x(16), 0x18171615u);
  EXPECT_EQ(m.x(17), kData + 0x15);
}

TEST(LoadStore, UnprivilegedAtEl0) {
  auto r =
      go("t_unpriv",
         {{1, kData + 0x80}, {10, 0x1111111122222222u}, {11, 0x33333333cafebabeu}, {12, 0xffff4321u}, {13, 0x5aa5u}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x8f8e8d8c8b8a8988u);
  EXPECT_EQ(m.x(2), 0xffffffffffffff81u);
  EXPECT_EQ(m.x(3), 0x7f7eu);
  EXPECT_EQ(m.x(4), 0xffffffff83828180u);
  EXPECT_EQ(m.x(5), 0xffff8180u);
  EXPECT_EQ(m.x(6), 0x7fu);
  EXPECT_EQ(m.x(7), 0x7f7e7d7cu);
  EXPECT_EQ(m.x(8), 0xffffff83u);
  EXPECT_EQ(m.x(9), 0xffffffffffff8382u);
  EXPECT_EQ(mem(m, kData + 0x90), 0x1111111122222222u);
  EXPECT_EQ(mem(m, kData + 0xa0), 0xa7a6a5a4cafebabeu);
  EXPECT_EQ(mem(m, kData + 0x70), 0x7776757473724321u);
  EXPECT_EQ(mem(m, kData + 0x60), 0x67666564636261a5u);
  EXPECT_EQ(m.x(1), kData + 0x80);  // no writeback
}

TEST(LoadStore, RegisterOffsetExtendsAndShifts) {
  auto r = go("t_regoff", {{1, kData + 0x100},
                           {2, uint64_t(-0xf8)},
                           {4, 2},
                           {6, 0xffffffff00000020u},
                           {8, 0x00000000ffffff81u},  // W = -127
                           {10, uint64_t(-64)},
                           {14, 0x100000002u},
                           {16, 0x1111222233334444u},
                           {17, 0xfffffffeu},  // W = -2
                           {19, 5},
                           {20, 0xabcdu},
                           {21, 0x10},
                           {23, 0x12345678ffffffe0u},  // W = -32; the high half is ignored
                           {25, 0x81}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x0f0e0d0c0b0a0908u);
  EXPECT_EQ(m.x(3), 0x1716151413121110u);
  EXPECT_EQ(m.x(5), 0x83828180u);
  EXPECT_EQ(m.x(7), 0xffffffffffffff81u);
  EXPECT_EQ(m.x(9), 0x8180u);
  EXPECT_EQ(m.x(13), 0x0302u);
  EXPECT_EQ(m.x(15), 0x0706050403020100u);
  EXPECT_EQ(mem(m, kData + 0xf0), 0x1111222233334444u);
  EXPECT_EQ(m.x(18), 0x05u);
  EXPECT_EQ(mem(m, kData + 0x120, 4), 0x2322abcdu);
  EXPECT_EQ(m.x(22), 0xffffffff83828180u);
  EXPECT_EQ(m.x(24), 0x84838281u);
}

TEST(LoadStore, Literal) {
  auto r = go("t_literal", {});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x1122334455667788u);
  EXPECT_EQ(m.x(2), 0x55667788u);
  EXPECT_EQ(m.x(3), 0xffffffff80000001u);
  EXPECT_EQ(m.x(4), 0x0123456789abcdefu);
  EXPECT_EQ(m.x(5), 0x80000001u);
  EXPECT_EQ(m.x(6), 0x55667788u);
}

TEST(LoadStore, SpAsBase) {
  auto r = go("t_sp", {{0, 0x0a0a0a0a0a0a0a0au},
                       {2, 0x2222222222222222u},
                       {3, 0x3333333333333333u},
                       {9, uint64_t(-32)},
                       {12, 0xc0c0c0c0c0c0c0c0u},
                       {14, 0x1ee}});
  auto& m = *r.m;
  EXPECT_EQ(m.sp(), kStackTop);
  EXPECT_EQ(mem(m, kStackTop - 16), 0x0a0a0a0a0a0a0a0au);
  EXPECT_EQ(m.x(1), 0x0a0a0a0a0a0a0a0au);
  EXPECT_EQ(m.x(4), 0x3333333333333333u);
  EXPECT_EQ(m.x(10), 0x2222222222222222u);
  EXPECT_EQ(m.x(11), 0u);
  EXPECT_EQ(m.x(13), 0xc0c0c0c0c0c0c0c0u);
  EXPECT_EQ(m.x(5), 0xc0c0c0c0c0c0c0c0u);
  EXPECT_EQ(m.x(6), 0x3333333333333333u);
  EXPECT_EQ(mem(m, kStackTop - 48), 0u);
  EXPECT_EQ(mem(m, kStackTop - 40), 0u);
  EXPECT_EQ(m.x(7), 0u);
  EXPECT_EQ(m.x(8), 0xc0c0c0c0c0c0c0c0u);
  EXPECT_EQ(mem(m, kStackTop - 1, 1), 0xeeu);
  EXPECT_EQ(m.x(15), 0xeeu);
}

TEST(LoadStore, LoadIntoXzrIsDiscardedButStillAccesses) {
  auto r = go("t_load_xzr", {{1, kData}});
  EXPECT_EQ(r.m->x(0), 0x0f0e0d0c0b0a0908u);
  auto f = go("t_load_xzr", {{1, kUnmapped}}, StopReason::Fault);
  expect_fault(f, snippets().symbol("t_load_xzr"), kUnmapped, AccessKind::Read);
}

// ---------------------------------------------------------------- pairs

TEST(LoadStore, LdpLdnpLdpsw) {
  auto r = go("t_ldp", {{1, kData + 0x80},
                        {11, kData + 0x10},
                        {14, kData + 0x28},
                        {17, kData + 0xf8},
                        {22, kData + 0x180},
                        {27, kData + 0x180}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x8786858483828180u);
  EXPECT_EQ(m.x(2), 0x8f8e8d8c8b8a8988u);
  EXPECT_EQ(m.x(3), 0x7b7a7978u);
  EXPECT_EQ(m.x(4), 0x7f7e7d7cu);
  EXPECT_EQ(m.x(5), 0xffffffff83828180u);
  EXPECT_EQ(m.x(6), 0xffffffff87868584u);
  EXPECT_EQ(m.x(7), 0x9796959493929190u);
  EXPECT_EQ(m.x(8), 0x9f9e9d9c9b9a9998u);
  EXPECT_EQ(m.x(9), 0x1716151413121110u);
  EXPECT_EQ(m.x(10), 0x1f1e1d1c1b1a1918u);
  EXPECT_EQ(m.x(11), kData + 0x20);
  EXPECT_EQ(m.x(12), 0x23222120u);
  EXPECT_EQ(m.x(13), 0x27262524u);
  EXPECT_EQ(m.x(14), kData + 0x20);
  EXPECT_EQ(m.x(15), 0x03020100u);  // LDPSW of positive words
  EXPECT_EQ(m.x(16), 0x07060504u);
  EXPECT_EQ(m.x(17), kData + 0x100);
  EXPECT_EQ(m.x(18), 0x03020100u);
  EXPECT_EQ(m.x(19), 0x07060504u);
  EXPECT_EQ(m.x(20), 0xffffffff83828180u);
  EXPECT_EQ(m.x(21), 0xffffffff87868584u);
  EXPECT_EQ(m.x(22), kData + 0x80);
  EXPECT_EQ(m.x(23), 0x7f7e7d7c7b7a7978u);
  EXPECT_EQ(m.x(24), 0x8786858483828180u);
  EXPECT_EQ(m.x(25), 0x83828180u);
  EXPECT_EQ(m.x(26), 0x87868584u);
}

TEST(LoadStore, StpStnp) {
  auto r = go("t_stp", {{1, kData + 0x80},
                        {2, 0x0202020202020202u},
                        {3, 0x0303030303030303u},
                        {4, 0xffffffff44444444u},
                        {5, 0x5555555555555555u},
                        {6, 0x0606060606060606u},
                        {7, 0x0707070707070707u},
                        {8, 0x88888888u},
                        {9, 0x99999999u},
                        {10, 0x1010101010101010u},
                        {11, 0x1111111111111111u},
                        {12, kData + 0x200},
                        {13, 0x13131313u},
                        {14, 0x14141414u},
                        {15, kData + 0x300},
                        {16, kData + 0x600}});
  auto& m = *r.m;
  EXPECT_EQ(mem(m, kData + 0x80), 0x0202020202020202u);
  EXPECT_EQ(mem(m, kData + 0x88), 0x0303030303030303u);
  EXPECT_EQ(mem(m, kData + 0x78), 0x5555555544444444u);
  EXPECT_EQ(mem(m, kData + 0x90), 0x0606060606060606u);
  EXPECT_EQ(mem(m, kData + 0x98), 0x0707070707070707u);
  EXPECT_EQ(mem(m, kData + 0xa0), 0x9999999988888888u);
  EXPECT_EQ(mem(m, kData + 0xa8), 0xafaeadacabaaa9a8u);
  EXPECT_EQ(mem(m, kData + 0x200), 0x1010101010101010u);
  EXPECT_EQ(mem(m, kData + 0x208), 0x1111111111111111u);
  EXPECT_EQ(m.x(12), kData + 0x1f0);
  EXPECT_EQ(mem(m, kData + 0x300), 0x0706050403020100u);
  EXPECT_EQ(mem(m, kData + 0x308), 0x1414141413131313u);
  EXPECT_EQ(m.x(15), kData + 0x308);
  EXPECT_EQ(mem(m, kData + 0xb0), 0u);
  EXPECT_EQ(mem(m, kData + 0xb8), 0u);
  EXPECT_EQ(mem(m, kData + 0x400), 0x0202020202020202u);
  EXPECT_EQ(mem(m, kData + 0x408), 0x0303030303030303u);
  EXPECT_EQ(m.x(1), kData + 0x80);
}

// ---------------------------------------------------------------- exclusives

TEST(LoadStoreExclusive, StxrAfterLdxrSucceedsOnce) {
  auto r = go("t_excl", {{1, kData + 0x40}, {3, 0x1234567890abcdefu}, {6, 0x5555}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x4746454443424140u);
  EXPECT_EQ(m.x(2), 0u);  // W status, zero-extended over the junk
  EXPECT_EQ(m.x(4), 1u);
  EXPECT_EQ(m.x(5), 1u);
  EXPECT_EQ(mem(m, kData + 0x40), 0x1234567890abcdefu);
}

TEST(LoadStoreExclusive, StxrWithoutLdxrFails) {
  auto r = go("t_stxr_alone", {{1, kData + 0x40}, {3, 0x1234567890abcdefu}});
  EXPECT_EQ(r.m->x(2), 1u);
  EXPECT_EQ(mem(*r.m, kData + 0x40), 0x4746454443424140u);
}

TEST(LoadStoreExclusive, AddressAndSizeMustMatch) {
  auto r = go("t_excl_mismatch", {{1, kData + 0x40}, {7, kData + 0x48}, {3, 0x1122334455667788u}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x4746454443424140u);
  EXPECT_EQ(m.x(2), 1u);
  EXPECT_EQ(m.x(4), 0x43424140u);
  EXPECT_EQ(m.x(5), 1u);
  EXPECT_EQ(m.x(6), 0x4746454443424140u);
  EXPECT_EQ(m.x(8), 1u);
  EXPECT_EQ(m.x(9), 0x40u);
  EXPECT_EQ(m.x(10), 0x4140u);
  EXPECT_EQ(m.x(11), 0u);
  EXPECT_EQ(mem(m, kData + 0x40), 0x4746454443427788u);
  EXPECT_EQ(mem(m, kData + 0x48), 0x4f4e4d4c4b4a4948u);
}

TEST(LoadStoreExclusive, ByteHalfWordDoubleAcquireRelease) {
  auto r = go("t_excl_sizes", {{1, kData + 0x41},
                               {3, 0x1ee},
                               {5, kData + 0x52},
                               {7, 0x12345678},
                               {9, kData + 0x64},
                               {11, 0xfedcba9876543210u},
                               {13, kData + 0x78},
                               {15, 0x0f0f0f0f0f0f0f0fu}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x41u);
  EXPECT_EQ(m.x(2), 0u);
  EXPECT_EQ(m.x(4), 0x5352u);
  EXPECT_EQ(m.x(6), 0u);
  EXPECT_EQ(m.x(8), 0x67666564u);
  EXPECT_EQ(m.x(10), 0u);
  EXPECT_EQ(m.x(12), 0x7f7e7d7c7b7a7978u);
  EXPECT_EQ(m.x(14), 0u);
  EXPECT_EQ(mem(m, kData + 0x40), 0x474645444342ee40u);
  EXPECT_EQ(mem(m, kData + 0x50), 0x5756555456785150u);
  EXPECT_EQ(mem(m, kData + 0x60), 0x7654321063626160u);
  EXPECT_EQ(mem(m, kData + 0x78), 0x0f0f0f0f0f0f0f0fu);
}

TEST(LoadStoreExclusive, Pairs) {
  auto r = go("t_excl_pair", {{1, kData + 0x80},
                              {4, 0x0123456789abcdefu},
                              {5, 0xfedcba9876543210u},
                              {9, kData + 0xc8},
                              {11, 0x11111111aaaaaaaau},
                              {12, 0x22222222bbbbbbbbu}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x8786858483828180u);
  EXPECT_EQ(m.x(2), 0x8f8e8d8c8b8a8988u);
  EXPECT_EQ(m.x(3), 0u);
  EXPECT_EQ(m.x(6), 1u);
  EXPECT_EQ(m.x(7), 0xcbcac9c8u);
  EXPECT_EQ(m.x(8), 0xcfcecdccu);
  EXPECT_EQ(m.x(10), 0u);
  EXPECT_EQ(mem(m, kData + 0xc8), 0xbbbbbbbbaaaaaaaau);
  EXPECT_EQ(m.x(13), 0x0123456789abcdefu);
  EXPECT_EQ(m.x(14), 0xfedcba9876543210u);
  EXPECT_EQ(m.x(15), 1u);
  EXPECT_EQ(m.x(16), 0x0123456789abcdefu);
  EXPECT_EQ(m.x(17), 1u);
  EXPECT_EQ(mem(m, kData + 0x80), 0x0123456789abcdefu);
  EXPECT_EQ(mem(m, kData + 0x88), 0xfedcba9876543210u);
}

TEST(LoadStoreExclusive, AlignmentFaults) {
  auto r = go("t_ldxr_one", {{1, kData + 4}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_ldxr_one"), kData + 4, AccessKind::Read);
  EXPECT_EQ(r.m->x(0), kJunk);

  // A store-exclusive checks alignment before the monitor: it faults even when not armed.
  r = go("t_stxr_one", {{1, kData + 4}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_stxr_one"), kData + 4, AccessKind::Write);
  EXPECT_EQ(r.m->x(2), kJunk);

  r = go("t_ldxp_one", {{1, kData + 8}}, StopReason::Fault);  // a pair of X needs 16
  expect_fault(r, snippets().symbol("t_ldxp_one"), kData + 8, AccessKind::Read);
  EXPECT_EQ(r.m->x(0), kJunk);
  EXPECT_EQ(r.m->x(2), kJunk);
  r = go("t_ldxp_one", {{1, kData + 0x10}});
  EXPECT_EQ(r.m->x(0), 0x1716151413121110u);
  EXPECT_EQ(r.m->x(2), 0x1f1e1d1c1b1a1918u);

  r = go("t_ldxp_w_one", {{1, kData + 4}}, StopReason::Fault);  // a pair of W needs 8
  expect_fault(r, snippets().symbol("t_ldxp_w_one"), kData + 4, AccessKind::Read);
  r = go("t_ldxp_w_one", {{1, kData + 8}});
  EXPECT_EQ(r.m->x(0), 0x0b0a0908u);
  EXPECT_EQ(r.m->x(2), 0x0f0e0d0cu);

  r = go("t_stxp_one", {{1, kData + 8}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_stxp_one"), kData + 8, AccessKind::Write);
  EXPECT_EQ(r.m->x(2), kJunk);
}

TEST(LoadStoreExclusive, UnmappedAndReadOnly) {
  auto r = go("t_ldxr_one", {{1, kUnmapped}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_ldxr_one"), kUnmapped, AccessKind::Read);

  // The image is readable: the load-exclusive arms the monitor, the store then faults.
  const uint64_t text = snippets().symbol("t_ldxr_stxr");
  r = go("t_ldxr_stxr", {{1, text}, {3, 0x77}}, StopReason::Fault);
  expect_fault(r, text + 4, text, AccessKind::Write);
  EXPECT_EQ(r.m->x(0), 0xc8027c23c85f7c20u);  // the two words there (ldxr, stxr)
  EXPECT_EQ(r.m->x(2), kJunk);
  EXPECT_EQ(mem(*r.m, text, 4), 0xc85f7c20u);  // ldxr x0, [x1]: unchanged
}

TEST(LoadStoreExclusive, AcquireRelease) {
  auto r = go("t_acq_rel", {{1, kData + 0x80},
                            {3, kData + 0x81},
                            {5, kData + 0x82},
                            {7, kData + 0x84},
                            {8, 0x8888888888888888u},
                            {9, kData + 0x100},
                            {10, 0x1aa},
                            {11, kData + 0x109},
                            {12, 0x1bbbb},
                            {13, kData + 0x10a},
                            {14, 0xcccccccc},
                            {15, kData + 0x10c}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(0), 0x8786858483828180u);
  EXPECT_EQ(m.x(2), 0x81u);
  EXPECT_EQ(m.x(4), 0x8382u);
  EXPECT_EQ(m.x(6), 0x87868584u);
  EXPECT_EQ(mem(m, kData + 0x100), 0x8888888888888888u);
  EXPECT_EQ(mem(m, kData + 0x108), 0xccccccccbbbbaa08u);
}

TEST(LoadStoreExclusive, AcquireReleaseAlignment) {
  auto r = go("t_ldarh_one", {{1, kData + 1}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_ldarh_one"), kData + 1, AccessKind::Read);
  r = go("t_ldarh_one", {{1, kData + 2}});
  EXPECT_EQ(r.m->x(0), 0x0302u);
  r = go("t_stlr_one", {{1, kData + 2}, {3, 0}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_stlr_one"), kData + 2, AccessKind::Write);
  EXPECT_EQ(mem(*r.m, kData), 0x0706050403020100u);
}

// ---------------------------------------------------------------- prefetch and faults

TEST(LoadStore, PrefetchIsANoOp) {
  auto r = go("t_prfm", {{1, kUnmapped}, {2, 3}});
  EXPECT_EQ(r.m->x(0), 1u);
  EXPECT_EQ(r.m->x(1), kUnmapped);
}

TEST(LoadStoreFault, StoreToReadOnlyImage) {
  const uint64_t text = snippets().symbol("t_str_ro");
  auto r = go("t_str_ro", {{0, 0x1234}, {1, text}}, StopReason::Fault);
  expect_fault(r, text, text, AccessKind::Write);
  EXPECT_EQ(r.m->x(0), 0x1234u);
  EXPECT_EQ(r.m->x(1), text);
  EXPECT_EQ(mem(*r.m, text, 4), 0xf9000020u);  // str x0, [x1]: unchanged

  const uint64_t wb = snippets().symbol("t_str_wb_ro");
  r = go("t_str_wb_ro", {{0, 0x1234}, {1, wb}}, StopReason::Fault);
  expect_fault(r, wb, wb + 8, AccessKind::Write);
  EXPECT_EQ(r.m->x(1), wb);  // no writeback
}

TEST(LoadStoreFault, LoadsLeaveRegistersUnchanged) {
  auto r = go("t_ldr_post_one", {{1, kUnmapped}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_ldr_post_one"), kUnmapped, AccessKind::Read);
  EXPECT_EQ(r.m->x(0), kJunk);
  EXPECT_EQ(r.m->x(1), kUnmapped);

  r = go("t_ldrb_one", {{1, kData}}, StopReason::Fault);  // pre-index to kData - 1
  expect_fault(r, snippets().symbol("t_ldrb_one"), kData - 1, AccessKind::Read);
  EXPECT_EQ(r.m->x(0), kJunk);
  EXPECT_EQ(r.m->x(1), kData);

  // An X load straddling the end of the data region faults at the first unmapped byte.
  r = go("t_ldr_x_one", {{1, kData + kDataSize - 4}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_ldr_x_one"), kData + kDataSize, AccessKind::Read);
  EXPECT_EQ(r.m->x(0), kJunk);
  r = go("t_ldr_x_one", {{1, kData + kDataSize - 8}});
  EXPECT_EQ(r.m->x(0), 0xfffefdfcfbfaf9f8u);
}

TEST(LoadStoreFault, PairsAreAllOrNothing) {
  const uint64_t last = kData + kDataSize - 8;
  auto r = go("t_stp_one", {{1, last - 16}, {2, 0x2222}, {3, 0x3333}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_stp_one"), kData + kDataSize, AccessKind::Write);
  EXPECT_EQ(mem(*r.m, last), 0xfffefdfcfbfaf9f8u);  // first half not written
  EXPECT_EQ(r.m->x(1), last - 16);

  r = go("t_ldp_one", {{1, last}}, StopReason::Fault);
  expect_fault(r, snippets().symbol("t_ldp_one"), kData + kDataSize, AccessKind::Read);
  EXPECT_EQ(r.m->x(2), kJunk);
  EXPECT_EQ(r.m->x(3), kJunk);
  EXPECT_EQ(r.m->x(1), last);
}

// ---------------------------------------------------------------- CONSTRAINED UNPREDICTABLE

TEST(LoadStore, RegisterOverlapsBehaveAsQemu) {
  auto r = go("t_wb_same",
              {{1, kData}, {2, kData}, {3, kData + 0x100}, {4, kData + 0x20}, {5, kData + 0x40}, {8, kData + 0x80}});
  auto& m = *r.m;
  EXPECT_EQ(m.x(1), kData + 8);  // load writeback with Rt == Rn: the address wins
  EXPECT_EQ(m.x(2), kData + 0x10);
  EXPECT_EQ(mem(m, kData + 0x108), kData + 0x100);  // store writeback: the old Rn is stored
  EXPECT_EQ(m.x(4), kData + 0x30);                  // LDP Rt == Rt2 == Rn: the address wins
  EXPECT_EQ(m.x(6), 0x5756555453525150u);
  EXPECT_EQ(m.x(5), kData + 0x50);         // LDP Rt2 == Rn
  EXPECT_EQ(m.x(3), 0x8786858483828180u);  // LDP Rt == Rt2: the first element
}

TEST(LoadStoreExclusive, RegisterOverlapsBehaveAsQemu) {
  auto r = go("t_excl_same", {{1, kData + 0x40}, {2, kData + 0x80}, {3, 0x3333}, {4, 0x4444}});
  auto& m = *r.m;
  EXPECT_EQ(mem(m, kData + 0x40), 0x3333u);  // STXR Rs == Rt: the old Rt is stored
  EXPECT_EQ(m.x(3), 0u);
  EXPECT_EQ(mem(m, kData + 0x80), 0x4444u);  // STXR Rs == Rn: the old Rn is the address
  EXPECT_EQ(m.x(2), 0u);
  EXPECT_EQ(m.x(0), 0x8786858483828180u);
  EXPECT_EQ(m.x(5), 0x4f4e4d4c4b4a4948u);  // LDXP Rt == Rt2: the second element
}

// ---------------------------------------------------------------- UNDEFINED encodings

void expect_undefined(uint32_t word) {
  auto m = words_machine({word, 0xd4400000 /* hlt #0 */});
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << word;
  EXPECT_EQ(st.pc, 0x1000u) << std::hex << word;
  EXPECT_EQ(st.insn, word) << std::hex << word;
}

TEST(LoadStoreUndefined, LaterExtensions) {
  expect_undefined(0xf8210002);  // ldadd x1, x2, [x0]       (LSE, ARMv8.1)
  expect_undefined(0xf8208041);  // swp x0, x1, [x2]         (LSE)
  expect_undefined(0xc8a07c41);  // cas x0, x1, [x2]         (LSE)
  expect_undefined(0x48207c82);  // casp x0, x1, x2, x3, [x4] (LSE)
  expect_undefined(0xc8df7c20);  // ldlar x0, [x1]           (LOR, ARMv8.1)
  expect_undefined(0xc89f7c20);  // stllr x0, [x1]           (LOR)
  expect_undefined(0xf8bfc020);  // ldapr x0, [x1]           (RCpc, ARMv8.3)
  expect_undefined(0xf8200420);  // ldraa x0, [x1]           (PAC, ARMv8.3)
  expect_undefined(0xd9400020);  // ldapur x0, [x1]          (RCpc, ARMv8.4)
  expect_undefined(0xd9200820);  // stg x0, [x1]             (MTE, ARMv8.5)
  expect_undefined(0x69000440);  // stgp x0, x1, [x2]        (MTE; the store slot of LDPSW)
}

TEST(LoadStoreUndefined, Unallocated) {
  expect_undefined(0xe9400440);  // ldp with opc=11
  expect_undefined(0x68400440);  // ldnp with opc=01 (no LDNPSW)
  expect_undefined(0xb9c00020);  // ldrsw w0, [x1]: size=10 opc=11 (unsigned offset)
  expect_undefined(0xb8c00020);  // the same, unscaled
  expect_undefined(0xf8c00020);  // size=11 opc=11, unscaled
  expect_undefined(0xf8808420);  // prfm with post-index: size=11 opc=10
  expect_undefined(0xf8808c20);  // prfm with pre-index
  expect_undefined(0xf8800820);  // "ldtrsw x" slot: size=11 opc=10 unprivileged
  expect_undefined(0xb8c00820);  // size=10 opc=11 unprivileged
  expect_undefined(0xf8620820);  // ldr x0, [x1, w2, uxtb]: option<1> == 0
  expect_undefined(0xf862a820);  // ldr x0, [x1, w2, sxth]
  expect_undefined(0xf8a20820);  // prfm [x1, w2, uxtb]: option<1> == 0 also for PRFM
  expect_undefined(0x087f0401);  // exclusive pair with size=0x (CASP slot)
}

}  // namespace
}  // namespace cuarm::test
