// Cryptographic extension: snippets from tests/asm/crypto.S. Expected values are published test
// vectors (FIPS-197 Appendix B for one AES round, the MixColumns example columns, FIPS 180
// digests of "abc" for one SHA-1 / SHA-256 block) or worked out by hand from the manual's
// definitions.
#include <map>

#include "backend/jit/nvrtc.hpp"
#include "backend/jit/translate.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("crypto");
  return s;
}

struct Q {
  uint64_t lo, hi;
  bool operator==(const Q&) const = default;
};
std::ostream& operator<<(std::ostream& o, const Q& q) {
  return o << std::hex << "{0x" << q.lo << ", 0x" << q.hi << "}" << std::dec;
}

// 16 bytes written as hex in memory order (byte 0 first), as FIPS-197 writes AES states.
Q bytes(const char* hex) {
  Q q{0, 0};
  for (int i = 0; i < 16; ++i) {
    const uint64_t b = std::stoul(std::string(hex + 2 * i, 2), nullptr, 16);
    (i < 8 ? q.lo : q.hi) |= b << (8 * (i & 7));
  }
  return q;
}
// Four 32-bit lanes, lane 0 first.
Q words(uint32_t w0, uint32_t w1, uint32_t w2, uint32_t w3) {
  return {uint64_t(w0) | uint64_t(w1) << 32, uint64_t(w2) | uint64_t(w3) << 32};
}

// Runs t_<name> with the given V registers; returns the machine's registers after the HLT.
Registers run(const char* name, std::initializer_list<std::pair<int, Q>> vregs) {
  auto m = snippets().machine();
  Registers r = m->registers();
  for (auto [n, q] : vregs) {
    r.v[n][0] = q.lo;
    r.v[n][1] = q.hi;
  }
  r.pc = snippets().symbol(std::string("t_") + name);
  m->set_registers(r);
  const Status st = m->run(10000);
  EXPECT_EQ(st.signal, StopReason::Halt) << name;
  return m->registers();
}
Q v(const Registers& r, int n) { return {r.v[n][0], r.v[n][1]}; }

// ---------------------------------------------------------------- AES
// FIPS-197 Appendix B, round 1.
const char* const kInput = "3243f6a8885a308d313198a2e0370734";
const char* const kKey = "2b7e151628aed2a6abf7158809cf4f3c";
const char* const kRound1Start = "193de3bea0f4e22b9ac68d2ae9f84808";     // input ^ key
const char* const kAfterShiftRows = "d4bf5d30e0b452aeb84111f11e2798e5";  // after SubBytes, ShiftRows
const char* const kAfterMixColumns = "046681e5e0cb199a48f8d37a2806264c";

TEST(Crypto, AeseIsAddRoundKeySubBytesShiftRows) {
  EXPECT_EQ(v(run("aese", {{0, bytes(kInput)}, {1, bytes(kKey)}}), 0), bytes(kAfterShiftRows));
}

TEST(Crypto, AesmcMixesColumns) {
  EXPECT_EQ(v(run("aesmc", {{0, Q{1, 2}}, {1, bytes(kAfterShiftRows)}}), 0), bytes(kAfterMixColumns));
  // The usual example columns: db 13 53 45 -> 8e 4d a1 bc, f2 0a 22 5c -> 9f dc 58 9d; columns
  // of equal bytes are fixed points.
  EXPECT_EQ(v(run("aesmc_same", {{0, bytes("db135345f20a225c01010101c6c6c6c6")}}), 0),
            bytes("8e4da1bc9fdc589d01010101c6c6c6c6"));
}

TEST(Crypto, AesimcAndAesdInvert) {
  EXPECT_EQ(v(run("aesimc", {{1, bytes(kAfterMixColumns)}}), 0), bytes(kAfterShiftRows));
  EXPECT_EQ(v(run("aesimc", {{1, bytes("8e4da1bc9fdc589d01010101c6c6c6c6")}}), 0),
            bytes("db135345f20a225c01010101c6c6c6c6"));
  // InvSubBytes(InvShiftRows(state ^ key)) undoes the round: state ^ key = kAfterShiftRows.
  const Q after = bytes(kAfterShiftRows), key = bytes(kKey);
  EXPECT_EQ(v(run("aesd", {{0, Q{after.lo ^ key.lo, after.hi ^ key.hi}}, {1, key}}), 0), bytes(kRound1Start));
}

// ---------------------------------------------------------------- SHA, single instructions
TEST(Crypto, Sha1h) {
  EXPECT_EQ(v(run("sha1h", {{0, Q{7, 7}}, {1, Q{0xffffffff80000001, 3}}}), 0), (Q{0x60000000, 0}));
}

TEST(Crypto, Sha1su0) {
  // (Vn<63:0> : Vd<127:64>) ^ Vd ^ Vm
  EXPECT_EQ(v(run("sha1su0", {{0, Q{0x1, 0x2}}, {1, Q{0x4, 0x8}}, {2, Q{0x10, 0x20}}}), 0), (Q{0x13, 0x26}));
}

TEST(Crypto, Sha1su1) {
  // T = [d0^n1, d1^n2, d2^n3, d3] = [3, 0, 0, 0x80000000]; ROL 1 each, top ^= ROL(T0, 2)
  EXPECT_EQ(v(run("sha1su1", {{0, words(1, 0, 0, 0x80000000)}, {1, words(0xffffffff, 2, 0, 0)}}), 0),
            words(6, 0, 0, 0xd));
}

TEST(Crypto, Sha256su0) {
  // T = [d1, d2, d3, n0]; sigma0(0x80) = ROR 7 ^ ROR 18 ^ SHR 3 = 0x00200011
  EXPECT_EQ(v(run("sha256su0", {{0, words(5, 0, 0, 0)}, {1, words(0x80, 9, 9, 9)}}), 0), words(5, 0, 0, 0x00200011));
}

TEST(Crypto, Sha256su1) {
  // r0 = sigma1(m2) + d0 + n1, r1 = sigma1(m3) + d1 + n2, r2 = sigma1(r0) + d2 + n3,
  // r3 = sigma1(r1) + d3 + m0, sigma1 = ROR 17 ^ ROR 19 ^ SHR 10:
  // sigma1(0x400) = 0x02800001, sigma1(0x02800001) = 0x110, sigma1(0x107) = 0xa36000
  EXPECT_EQ(v(run("sha256su1",
                  {{0, words(0, 7, 0, 0)}, {1, words(0xdead, 0, 0x100, 0x10)}, {2, words(0x100000, 0xbeef, 0x400, 0)}}),
              0),
            words(0x02800001, 0x107, 0x120, 0xb36000));
}

// ---------------------------------------------------------------- SHA, one block of "abc"
// The padded block of "abc": 61 62 63 80, zeros, bit length 0x18.
const Q kAbc[4] = {words(0x61626380, 0, 0, 0), words(0, 0, 0, 0), words(0, 0, 0, 0), words(0, 0, 0, 0x18)};

TEST(Crypto, Sha256Block) {
  static const uint32_t k[64] = {
      0x428a2f98, 0x71374491, 0xb5c0fbcf, 0xe9b5dba5, 0x3956c25b, 0x59f111f1, 0x923f82a4, 0xab1c5ed5,
      0xd807aa98, 0x12835b01, 0x243185be, 0x550c7dc3, 0x72be5d74, 0x80deb1fe, 0x9bdc06a7, 0xc19bf174,
      0xe49b69c1, 0xefbe4786, 0x0fc19dc6, 0x240ca1cc, 0x2de92c6f, 0x4a7484aa, 0x5cb0a9dc, 0x76f988da,
      0x983e5152, 0xa831c66d, 0xb00327c8, 0xbf597fc7, 0xc6e00bf3, 0xd5a79147, 0x06ca6351, 0x14292967,
      0x27b70a85, 0x2e1b2138, 0x4d2c6dfc, 0x53380d13, 0x650a7354, 0x766a0abb, 0x81c2c92e, 0x92722c85,
      0xa2bfe8a1, 0xa81a664b, 0xc24b8b70, 0xc76c51a3, 0xd192e819, 0xd6990624, 0xf40e3585, 0x106aa070,
      0x19a4c116, 0x1e376c08, 0x2748774c, 0x34b0bcb5, 0x391c0cb3, 0x4ed8aa4a, 0x5b9cca4f, 0x682e6ff3,
      0x748f82ee, 0x78a5636f, 0x84c87814, 0x8cc70208, 0x90befffa, 0xa4506ceb, 0xbef9a3f7, 0xc67178f2};
  auto m = snippets().machine();
  Registers r = m->registers();
  auto set = [&](int n, const Q& q) { r.v[n][0] = q.lo, r.v[n][1] = q.hi; };
  for (int i = 0; i < 4; ++i) set(i, kAbc[i]);
  for (int i = 0; i < 16; ++i) set(16 + i, words(k[4 * i], k[4 * i + 1], k[4 * i + 2], k[4 * i + 3]));
  set(4, words(0x6a09e667, 0xbb67ae85, 0x3c6ef372, 0xa54ff53a));
  set(5, words(0x510e527f, 0x9b05688c, 0x1f83d9ab, 0x5be0cd19));
  r.pc = snippets().symbol("t_sha256_block");
  m->set_registers(r);
  EXPECT_EQ(m->run(10000).signal, StopReason::Halt);
  const Registers o = m->registers();
  // SHA-256("abc") = ba7816bf 8f01cfea 414140de 5dae2223 b00361a3 96177a9c b410ff61 f20015ad
  EXPECT_EQ(v(o, 4), words(0xba7816bf, 0x8f01cfea, 0x414140de, 0x5dae2223));
  EXPECT_EQ(v(o, 5), words(0xb00361a3, 0x96177a9c, 0xb410ff61, 0xf20015ad));
}

TEST(Crypto, Sha1Block) {
  auto m = snippets().machine();
  Registers r = m->registers();
  auto set = [&](int n, const Q& q) { r.v[n][0] = q.lo, r.v[n][1] = q.hi; };
  for (int i = 0; i < 4; ++i) set(i, kAbc[i]);
  const uint32_t k[4] = {0x5a827999, 0x6ed9eba1, 0x8f1bbcdc, 0xca62c1d6};
  for (int i = 0; i < 4; ++i) set(16 + i, words(k[i], k[i], k[i], k[i]));
  set(4, words(0x67452301, 0xefcdab89, 0x98badcfe, 0x10325476));
  set(5, words(0xc3d2e1f0, 0, 0, 0));
  r.pc = snippets().symbol("t_sha1_block");
  m->set_registers(r);
  EXPECT_EQ(m->run(10000).signal, StopReason::Halt);
  const Registers o = m->registers();
  // SHA-1("abc") = a9993e36 4706816a ba3e2571 7850c26c 9cd0d89d
  EXPECT_EQ(v(o, 4), words(0xa9993e36, 0x4706816a, 0xba3e2571, 0x7850c26c));
  EXPECT_EQ(v(o, 5), words(0x9cd0d89d, 0, 0, 0));
}

// ---------------------------------------------------------------- UNDEFINED
TEST(CryptoUndefined, ReservedFieldsAndLaterExtensionsStop) {
  const uint32_t words_[] = {
      0x4e684820,  // aese with size = 01
      0x4e288820,  // AES class, opcode 01000
      0x5e027020,  // three-register SHA, opcode 111
      0x5e420020,  // sha1c with size = 01
      0x5e283820,  // two-register SHA, opcode 00011
      0xce628020,  // sha512h q0, q1, v2.2d (SHA512, later extension)
      0xcec08020,  // sha512su0 v0.2d, v1.2d
      0xce020c20,  // eor3 (SHA3, later extension)
      0xce420c20,  // sm3ss1 (SM3, later extension)
  };
  for (uint32_t w : words_) {
    auto m = words_machine({w});
    Registers r = m->registers();
    r.v[0][0] = 0x1111, r.v[0][1] = 0x2222;
    m->set_registers(r);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
    EXPECT_EQ(m->registers().v[0][0], 0x1111u) << std::hex << w;
    EXPECT_EQ(m->registers().v[0][1], 0x2222u) << std::hex << w;
  }
}

// ---------------------------------------------------------------- GPU translated mode
// The handlers compile under NVRTC (docs/jit.md) with constant words.
TEST(CryptoJit, NvrtcCompilesTheHandlers) {
  std::string why;
  if (!jit::nvrtc_available(&why)) GTEST_SKIP() << "needs NVRTC: " << why;
  const uint32_t code_words[] = {
      0x4e285820,  // aesd v0.16b, v1.16b
      0x4e287820,  // aesimc v0.16b, v1.16b
      0x5e025020,  // sha256h2 q0, q1, v2.4s
      0x5e022020,  // sha1m q0, s1, v2.4s
      0x5e282820,  // sha256su0 v0.4s, v1.4s
      0xd4400000,  // hlt #0
  };
  std::map<uint64_t, uint32_t> code;
  for (size_t i = 0; i < std::size(code_words); ++i) code[0x1000 + 4 * i] = code_words[i];
  const jit::Translation t = jit::translate({0x1000}, [&code](uint64_t a, uint32_t* w) {
    auto it = code.find(a);
    if (it == code.end()) return false;
    *w = it->second;
    return true;
  });
  EXPECT_EQ(t.words.size(), std::size(code_words));
  EXPECT_NE(t.source.find("core::op_crypto_sha2(c, 0x5e282820u)"), std::string::npos);
  EXPECT_FALSE(jit::compile_cubin(t.source, 90).empty());
}

}  // namespace
}  // namespace cuarm::test
