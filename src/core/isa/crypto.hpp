// Cryptographic extension of the Cortex-A53 profile (Arm manual classes "Cryptographic AES",
// "... three-register SHA", "... two-register SHA"): AESE/AESD/AESMC/AESIMC,
// SHA1C/SHA1P/SHA1M/SHA1SU0/SHA256H/SHA256H2/SHA256SU1, SHA1H/SHA1SU1/SHA256SU0. PMULL (64-bit)
// lives with the other three-different forms in simd_shift_long.hpp.
// Written from the manual's pseudocode (AESSubBytes/ShiftRows/MixColumns, SHA1HashUpdate,
// SHA256hash). The AES S-box is computed (multiplicative inverse in GF(2^8), then the affine
// map) rather than read from a table, so that the same code runs on the GPU without a device
// copy of a table. Size fields other than 00 and the unassigned opcodes are UNDEFINED.
#pragma once
#include "core/simd.hpp"

// Field letters: o=opcode m=Rm n=Rn d=Rd.
#define CUARM_ISA_CRYPTO(X)                                             \
  X(CRYPTO_AES, "010011100010100001oo10nnnnnddddd", op_crypto_aes, 0)   \
  X(CRYPTO_SHA3, "01011110000mmmmm0ooo00nnnnnddddd", op_crypto_sha3, 0) \
  X(CRYPTO_SHA2, "010111100010100000oo10nnnnnddddd", op_crypto_sha2, 0)

namespace cuarm::core {

namespace crypto {

// ------------------------------------------------------------------ AES
// Multiplication in GF(2^8) modulo x^8 + x^4 + x^3 + x + 1.
CUARM_HD CUARM_INLINE uint32_t gf_mul(uint32_t a, uint32_t b) {
  uint32_t r = 0;
  for (int i = 0; i < 8; ++i) {
    if (b & 1) r ^= a;
    b >>= 1;
    a <<= 1;
    if (a & 0x100) a ^= 0x11b;
  }
  return r;
}
// Multiplicative inverse (0 maps to 0): a^254.
CUARM_HD CUARM_INLINE uint32_t gf_inv(uint32_t a) {
  uint32_t r = a;  // a^(2^k - 1) for k = 1..7, then squared: a^254
  for (int k = 1; k < 7; ++k) r = gf_mul(gf_mul(r, r), a);
  return gf_mul(r, r);
}
CUARM_HD CUARM_INLINE uint32_t rotl8(uint32_t x, int s) { return ((x << s) | (x >> (8 - s))) & 0xff; }
CUARM_HD CUARM_INLINE uint32_t aes_sbox(uint32_t x) {
  const uint32_t b = gf_inv(x);
  return b ^ rotl8(b, 1) ^ rotl8(b, 2) ^ rotl8(b, 3) ^ rotl8(b, 4) ^ 0x63;
}
CUARM_HD CUARM_INLINE uint32_t aes_inv_sbox(uint32_t y) {
  return gf_inv(rotl8(y, 1) ^ rotl8(y, 3) ^ rotl8(y, 6) ^ 0x05);
}

// The 128-bit state as 16 bytes; byte i is row i % 4, column i / 4.
struct AesState {
  uint8_t b[16];
};
CUARM_HD CUARM_INLINE AesState aes_bytes(const Vec128& v) {
  AesState s;
  for (int i = 0; i < 16; ++i) s.b[i] = uint8_t((i < 8 ? v.lo : v.hi) >> (8 * (i & 7)));
  return s;
}
CUARM_HD CUARM_INLINE Vec128 aes_vec(const AesState& s) {
  Vec128 v{0, 0};
  for (int i = 0; i < 16; ++i) (i < 8 ? v.lo : v.hi) |= uint64_t(s.b[i]) << (8 * (i & 7));
  return v;
}

// AESE: SubBytes(ShiftRows(state)); AESD: InvSubBytes(InvShiftRows(state)).
CUARM_HD inline CUARM_NOINLINE Vec128 aes_round(const Vec128& in, bool decrypt) {
  const AesState s = aes_bytes(in);
  AesState r;
  for (int col = 0; col < 4; ++col) {
    for (int row = 0; row < 4; ++row) {
      // ShiftRows moves row `row` left by `row` columns; InvShiftRows right.
      const int from = decrypt ? (col + 4 - row) & 3 : (col + row) & 3;
      const uint32_t x = s.b[row + 4 * from];
      r.b[row + 4 * col] = uint8_t(decrypt ? aes_inv_sbox(x) : aes_sbox(x));
    }
  }
  return aes_vec(r);
}

// AESMC: MixColumns (rows of the matrix 2 3 1 1 rotated); AESIMC: InvMixColumns (e b d 9).
CUARM_HD inline CUARM_NOINLINE Vec128 aes_mix(const Vec128& in, bool inverse) {
  const AesState s = aes_bytes(in);
  AesState r;
  const uint32_t k0 = inverse ? 0x0e : 2, k1 = inverse ? 0x0b : 3, k2 = inverse ? 0x0d : 1, k3 = inverse ? 9 : 1;
  for (int col = 0; col < 4; ++col) {
    const uint8_t* a = s.b + 4 * col;
    for (int row = 0; row < 4; ++row)
      r.b[4 * col + row] = uint8_t(gf_mul(k0, a[row]) ^ gf_mul(k1, a[(row + 1) & 3]) ^ gf_mul(k2, a[(row + 2) & 3]) ^
                                   gf_mul(k3, a[(row + 3) & 3]));
  }
  return aes_vec(r);
}

}  // namespace crypto

// Opcodes 00100 AESE, 00101 AESD, 00110 AESMC, 00111 AESIMC.
template <class C>
CUARM_HD CUARM_INLINE Stop op_crypto_aes(C& c, uint32_t w) {
  const uint32_t opcode = bits(w, 13, 12), n = bits(w, 9, 5), d = bits(w, 4, 0);
  const Vec128 vn = vget(c, n), vd = vget(c, d);
  if (opcode < 2)
    vset(c, d, crypto::aes_round(Vec128{vd.lo ^ vn.lo, vd.hi ^ vn.hi}, opcode == 1));
  else
    vset(c, d, crypto::aes_mix(vn, opcode == 3));
  return Stop::None;
}

namespace crypto {

// ------------------------------------------------------------------ SHA
CUARM_HD CUARM_INLINE uint32_t rol32(uint32_t x, int s) { return (x << s) | (x >> (32 - s)); }
CUARM_HD CUARM_INLINE uint32_t ror32(uint32_t x, int s) { return (x >> s) | (x << (32 - s)); }
CUARM_HD CUARM_INLINE uint32_t word32(const Vec128& v, int e) {
  return uint32_t((e < 2 ? v.lo : v.hi) >> (32 * (e & 1)));
}

// The SHA state as four 32-bit words, element 0 first.
struct Sha4 {
  uint32_t w[4];
};
CUARM_HD CUARM_INLINE Sha4 sha_words(const Vec128& v) {
  return Sha4{{word32(v, 0), word32(v, 1), word32(v, 2), word32(v, 3)}};
}
CUARM_HD CUARM_INLINE Vec128 sha_vec(const Sha4& s) {
  return Vec128{uint64_t(s.w[0]) | uint64_t(s.w[1]) << 32, uint64_t(s.w[2]) | uint64_t(s.w[3]) << 32};
}

// SHA1C (op 0: choose), SHA1P (1: parity), SHA1M (2: majority): four rounds on X = Qd, Y = Sn
// with the schedule words of Vm; each round ends with <Y, X> = ROL(Y:X, 32).
CUARM_HD inline CUARM_NOINLINE Vec128 sha1_hash(const Vec128& vd, uint32_t y, const Vec128& vm, uint32_t op) {
  Sha4 x = sha_words(vd);
  const Sha4 wv = sha_words(vm);
  for (int e = 0; e < 4; ++e) {
    const uint32_t b = x.w[1], cc = x.w[2], dd = x.w[3];
    uint32_t t;
    if (op == 0)
      t = ((cc ^ dd) & b) ^ dd;
    else if (op == 1)
      t = b ^ cc ^ dd;
    else
      t = (b & cc) | ((b | cc) & dd);
    y = y + rol32(x.w[0], 5) + t + wv.w[e];
    x.w[1] = rol32(x.w[1], 30);
    const uint32_t top = x.w[3];
    x.w[3] = x.w[2];
    x.w[2] = x.w[1];
    x.w[1] = x.w[0];
    x.w[0] = y;
    y = top;
  }
  return sha_vec(x);
}

CUARM_HD CUARM_INLINE uint32_t sha_choose(uint32_t x, uint32_t y, uint32_t z) { return ((y ^ z) & x) ^ z; }
CUARM_HD CUARM_INLINE uint32_t sha_majority(uint32_t x, uint32_t y, uint32_t z) { return (x & y) | ((x | y) & z); }

// SHA256hash(X, Y, W, part1): four rounds; <Y, X> = ROL(Y:X, 32) after each; returns X (part1,
// SHA256H) or Y (SHA256H2).
CUARM_HD inline CUARM_NOINLINE Vec128 sha256_hash(const Vec128& xv, const Vec128& yv, const Vec128& wv, bool part1) {
  Sha4 x = sha_words(xv), y = sha_words(yv);
  const Sha4 w = sha_words(wv);
  for (int e = 0; e < 4; ++e) {
    const uint32_t chs = sha_choose(y.w[0], y.w[1], y.w[2]);
    const uint32_t maj = sha_majority(x.w[0], x.w[1], x.w[2]);
    const uint32_t sigma1 = ror32(y.w[0], 6) ^ ror32(y.w[0], 11) ^ ror32(y.w[0], 25);
    const uint32_t sigma0 = ror32(x.w[0], 2) ^ ror32(x.w[0], 13) ^ ror32(x.w[0], 22);
    const uint32_t t = y.w[3] + sigma1 + chs + w.w[e];
    x.w[3] = t + x.w[3];
    y.w[3] = t + sigma0 + maj;
    // 256-bit rotate of Y:X left by one word: X's top word moves to Y's bottom, Y's top to X's.
    const uint32_t xtop = x.w[3], ytop = y.w[3];
    for (int i = 3; i > 0; --i) {
      x.w[i] = x.w[i - 1];
      y.w[i] = y.w[i - 1];
    }
    x.w[0] = ytop;
    y.w[0] = xtop;
  }
  return sha_vec(part1 ? x : y);
}

// SHA256SU1: the last two schedule words use the first two results.
CUARM_HD inline CUARM_NOINLINE Vec128 sha256_su1(const Vec128& v1, const Vec128& v2, const Vec128& v3) {
  const Sha4 op1 = sha_words(v1), op2 = sha_words(v2), op3 = sha_words(v3);
  const uint32_t t0[4] = {op2.w[1], op2.w[2], op2.w[3], op3.w[0]};  // operand3<31:0>:operand2<127:32>
  uint32_t t1[2] = {op3.w[2], op3.w[3]};                            // operand3<127:64>
  Sha4 r;
  for (int e = 0; e < 4; ++e) {
    if (e == 2) {
      t1[0] = r.w[0];
      t1[1] = r.w[1];
    }
    const uint32_t x = t1[e & 1];
    r.w[e] = (ror32(x, 17) ^ ror32(x, 19) ^ (x >> 10)) + op1.w[e] + t0[e];
  }
  return sha_vec(r);
}

}  // namespace crypto

// Opcodes 000 SHA1C, 001 SHA1P, 010 SHA1M, 011 SHA1SU0, 100 SHA256H, 101 SHA256H2,
// 110 SHA256SU1; 111 is unallocated.
template <class C>
CUARM_HD CUARM_INLINE Stop op_crypto_sha3(C& c, uint32_t w) {
  const uint32_t opcode = bits(w, 14, 12), m = bits(w, 20, 16), n = bits(w, 9, 5), d = bits(w, 4, 0);
  const Vec128 vd = vget(c, d), vn = vget(c, n), vm = vget(c, m);
  Vec128 r;
  switch (opcode) {
    case 0:
    case 1:
    case 2: r = crypto::sha1_hash(vd, uint32_t(vn.lo), vm, opcode); break;
    case 3:  // SHA1SU0: (Vn<63:0> : Vd<127:64>) EOR Vd EOR Vm
      r = Vec128{vd.hi ^ vd.lo ^ vm.lo, vn.lo ^ vd.hi ^ vm.hi};
      break;
    case 4: r = crypto::sha256_hash(vd, vn, vm, true); break;
    case 5: r = crypto::sha256_hash(vn, vd, vm, false); break;
    case 6: r = crypto::sha256_su1(vd, vn, vm); break;
    default: return undefined(c, w);
  }
  vset(c, d, r);
  return Stop::None;
}

// Opcodes 00000 SHA1H, 00001 SHA1SU1, 00010 SHA256SU0; 00011 is unallocated.
template <class C>
CUARM_HD CUARM_INLINE Stop op_crypto_sha2(C& c, uint32_t w) {
  const uint32_t opcode = bits(w, 13, 12), n = bits(w, 9, 5), d = bits(w, 4, 0);
  const crypto::Sha4 a = crypto::sha_words(vget(c, d)), b = crypto::sha_words(vget(c, n));
  crypto::Sha4 r;
  switch (opcode) {
    case 0:  // SHA1H: Sd = ROL(Sn, 30)
      vset64(c, d, crypto::rol32(b.w[0], 30));
      return Stop::None;
    case 1: {  // SHA1SU1: T = Vd EOR (Vn >> 32); each word ROL 1, the top one also EOR ROL(T0, 2)
      const uint32_t t[4] = {a.w[0] ^ b.w[1], a.w[1] ^ b.w[2], a.w[2] ^ b.w[3], a.w[3]};
      for (int e = 0; e < 4; ++e) r.w[e] = crypto::rol32(t[e], 1);
      r.w[3] ^= crypto::rol32(t[0], 2);
      break;
    }
    case 2: {  // SHA256SU0: T = Vn<31:0> : Vd<127:32>; sigma0(T[e]) + Vd[e]
      const uint32_t t[4] = {a.w[1], a.w[2], a.w[3], b.w[0]};
      for (int e = 0; e < 4; ++e) r.w[e] = (crypto::ror32(t[e], 7) ^ crypto::ror32(t[e], 18) ^ (t[e] >> 3)) + a.w[e];
      break;
    }
    default: return undefined(c, w);
  }
  vset(c, d, crypto::sha_vec(r));
  return Stop::None;
}

}  // namespace cuarm::core
