// Advanced SIMD moves and permutes (Arm manual C4.1.95 "Data Processing -- Scalar Floating-Point
// and Advanced SIMD"): copy (DUP element/general, SMOV, UMOV, INS general/element), scalar copy
// (DUP element to scalar), permute (UZP1/2, TRN1/2, ZIP1/2), extract (EXT), table lookup
// (TBL/TBX of 1-4 registers), modified immediate (MOVI, MVNI, ORR, BIC, FMOV vector immediate).
// Unallocated inside the rows (UNDEFINED): imm5 = x0000; 64-bit elements with Q=0 for DUP;
// copy imm4 values other than 0000/0001/0011/0101/0111 (op=0) and op=1 or imm4=0011 with Q=0;
// SMOV/UMOV element sizes their destination cannot hold; permute opcode x00 and size=11 with
// Q=0; EXT with Q=0 and imm4<3>=1; modified immediate with o2=1 (FMOV half precision is
// FP16, not in the profile) and op=1, cmode=1111, Q=0.
// Words outside the rows (scalar copy with op=1 or imm4 != 0000, EXT/TBL with op2 != 00) match
// no row and are UNDEFINED.
#pragma once
#include "core/exec.hpp"
#include "core/simd.hpp"

// Field letters: Q=Q o=op (opcode in SIMD_PERM_ZIP, op2:len:op in TBL) i=imm5 (imm4 in EXT)
// j=imm4 s=size m=Rm (cmode in MOVI) n=Rn d=Rd l=len; in MOVI a..h are the immediate's bits
// (abc at 18:16, defgh at 9:5) and p=o2.
// SIMD_PERM_MOVI is the immh=0000 corner of the shift-by-immediate class (bits 22:19); it is
// flagged kCarveOut so that a later shift row with an immh field may cover the same words.
#define CUARM_ISA_SIMD_PERMUTE(X)                                                       \
  X(SIMD_PERM_COPY, "0Qo01110000iiiii0jjjj1nnnnnddddd", op_simd_copy, 0)                \
  X(SIMD_PERM_DUP_SCALAR, "01011110000iiiii000001nnnnnddddd", op_simd_dup_scalar, 0)    \
  X(SIMD_PERM_ZIP, "0Q001110ss0mmmmm0ooo10nnnnnddddd", op_simd_zip, 0)                  \
  X(SIMD_PERM_EXT, "0Q101110000mmmmm0iiii0nnnnnddddd", op_simd_ext, 0)                  \
  X(SIMD_PERM_TBL, "0Q001110000mmmmm0llo00nnnnnddddd", op_simd_tbl, 0)                  \
  X(SIMD_PERM_MOVI, "0Qo0111100000abcmmmmp1defghddddd", op_simd_movi, kCarveOut)

namespace cuarm::core {

// Element size (log2 bytes) of an imm5 field: its lowest set bit; -1 for x0000.
CUARM_HD CUARM_INLINE int imm5_size(uint32_t imm5) {
  for (int s = 0; s < 4; ++s)
    if (imm5 & (1u << s)) return s;
  return -1;
}

// Advanced SIMD copy. op=0: imm4 0000 DUP (element), 0001 DUP (general), 0011 INS (general,
// Q=1 only), 0101 SMOV, 0111 UMOV; op=1 (Q=1 only): INS (element), source index imm4<3:size>.
template <class C>
CUARM_HD Stop op_simd_copy(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), op = bit(w, 29), imm5 = bits(w, 20, 16), imm4 = bits(w, 14, 11);
  const uint32_t n = bits(w, 9, 5), d = bits(w, 4, 0);
  const int sz = imm5_size(imm5);
  if (sz < 0) return undefined(c, w);
  const uint32_t size = uint32_t(sz), esize = 8u << size, index = imm5 >> (size + 1);
  if (op) {
    if (!q) return undefined(c, w);
    velem_set(c, d, index, esize, velem_u(c, n, imm4 >> size, esize));  // INS (element)
    return Stop::None;
  }
  switch (imm4) {
    case 0:    // DUP (element)
    case 1: {  // DUP (general): the low esize bits of Wn/Xn
      if (size == 3 && !q) return undefined(c, w);
      const uint64_t x = imm4 == 0 ? velem_u(c, n, index, esize) : xr(c, n);
      Vec128 v{0, 0};
      for (uint32_t e = 0; e < (q ? 128u : 64u) / esize; ++e) velem_put(v, e, esize, x);
      vset(c, d, v);
      return Stop::None;
    }
    case 3:  // INS (general)
      if (!q) return undefined(c, w);
      velem_set(c, d, index, esize, xr(c, n));
      return Stop::None;
    case 5:  // SMOV: Wd (Q=0) takes bytes and halves, Xd (Q=1) also words
      if (size >= (q ? 3u : 2u)) return undefined(c, w);
      wr(c, d, velem_s(c, n, index, esize), q);
      return Stop::None;
    case 7:  // UMOV: Wd (Q=0) takes bytes, halves and words; Xd (Q=1) only doublewords
      if (q ? size != 3 : size == 3) return undefined(c, w);
      wr(c, d, velem_u(c, n, index, esize), q);
      return Stop::None;
    default: return undefined(c, w);
  }
}

// DUP (element), scalar form (MOV Bd/Hd/Sd/Dd, Vn.T[i]): the element, zero-extended to 128 bits.
template <class C>
CUARM_HD Stop op_simd_dup_scalar(C& c, uint32_t w) {
  const int sz = imm5_size(bits(w, 20, 16));
  if (sz < 0) return undefined(c, w);
  const uint32_t esize = 8u << sz, index = bits(w, 20, 16) >> (sz + 1);
  vset64(c, bits(w, 4, 0), velem_u(c, bits(w, 9, 5), index, esize));
  return Stop::None;
}

// UZP1/UZP2 (opcode 001/101), TRN1/TRN2 (010/110), ZIP1/ZIP2 (011/111); part = opcode<2>.
// Sources are read whole before V[d] is written (d may be n or m).
template <class C>
CUARM_HD Stop op_simd_zip(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), size = bits(w, 23, 22), opcode = bits(w, 14, 12);
  if ((opcode & 3) == 0 || (size == 3 && !q)) return undefined(c, w);
  const uint32_t esize = 8u << size, elements = (q ? 128u : 64u) / esize, part = opcode >> 2;
  const Vec128 a = vget(c, bits(w, 9, 5)), b = vget(c, bits(w, 20, 16));
  Vec128 r{0, 0};
  const uint32_t half = elements / 2;
  for (uint32_t e = 0; e < elements; ++e) {
    uint64_t x;
    switch (opcode & 3) {
      case 1: {  // UZP: even (part 0) or odd (part 1) elements of the concatenation m:n
        const uint32_t src = 2 * e + part;
        x = src < elements ? velem_get(a, src, esize) : velem_get(b, src - elements, esize);
        break;
      }
      case 2:  // TRN: pairs (n[2p+part], m[2p+part])
        x = velem_get((e & 1) ? b : a, (e & ~1u) + part, esize);
        break;
      default:  // ZIP: interleave the low (part 0) or high (part 1) halves
        x = velem_get((e & 1) ? b : a, part * half + e / 2, esize);
        break;
    }
    velem_put(r, e, esize, x);
  }
  vset(c, bits(w, 4, 0), r);
  return Stop::None;
}

// EXT: bytes imm4.. of the concatenation Vm:Vn (Vn the low part), 8 or 16 of them.
template <class C>
CUARM_HD Stop op_simd_ext(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), pos = bits(w, 14, 11);
  if (!q && (pos & 8)) return undefined(c, w);
  const Vec128 lo = vget(c, bits(w, 9, 5)), hi = vget(c, bits(w, 20, 16));
  const uint32_t bytes = q ? 16 : 8;
  Vec128 r{0, 0};
  for (uint32_t i = 0; i < bytes; ++i) {
    const uint32_t src = pos + i;
    velem_put(r, i, 8, src < bytes ? velem_get(lo, src, 8) : velem_get(hi, src - bytes, 8));
  }
  vset(c, bits(w, 4, 0), r);
  return Stop::None;
}

// TBL (op=0) / TBX (op=1): each byte of Vm indexes the table V[n]..V[n+len] (wrapping past
// V31); an index beyond the table gives 0 (TBL) or leaves the byte of Vd (TBX).
template <class C>
CUARM_HD Stop op_simd_tbl(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), regs = bits(w, 14, 13) + 1, tbx = bit(w, 12);
  const uint32_t n = bits(w, 9, 5), d = bits(w, 4, 0);
  const Vec128 idx = vget(c, bits(w, 20, 16)), old = vget(c, d);
  Vec128 r{0, 0};
  for (uint32_t i = 0; i < (q ? 16u : 8u); ++i) {
    const uint32_t k = uint32_t(velem_get(idx, i, 8));
    uint64_t x = tbx ? velem_get(old, i, 8) : 0;
    if (k < 16 * regs) x = velem_u(c, (n + k / 16) & 31, k % 16, 8);
    velem_put(r, i, 8, x);
  }
  vset_q(c, d, r, q);
  return Stop::None;
}

// AdvSIMDExpandImm(op, cmode, imm8) of the manual; cmode=1111 with op=1 is the double
// precision FMOV immediate.
CUARM_HD CUARM_INLINE uint64_t simd_expand_imm(uint32_t op, uint32_t cmode, uint64_t imm8) {
  const uint64_t rep32 = 0x0000000100000001ull, rep16 = 0x0001000100010001ull;
  switch (cmode >> 1) {
    case 0: return imm8 * rep32;
    case 1: return (imm8 << 8) * rep32;
    case 2: return (imm8 << 16) * rep32;
    case 3: return (imm8 << 24) * rep32;
    case 4: return imm8 * rep16;
    case 5: return (imm8 << 8) * rep16;
    case 6: return ((cmode & 1) ? ((imm8 << 16) | 0xffff) : ((imm8 << 8) | 0xff)) * rep32;
    default: break;
  }
  const uint64_t a = (imm8 >> 7) & 1, b = (imm8 >> 6) & 1, cdefgh = imm8 & 0x3f;
  if (!(cmode & 1)) {
    if (!op) return imm8 * 0x0101010101010101ull;
    uint64_t r = 0;  // each bit of imm8 becomes a byte of ones or zeros
    for (int i = 0; i < 8; ++i)
      if ((imm8 >> i) & 1) r |= uint64_t(0xff) << (8 * i);
    return r;
  }
  if (!op) {  // single precision a:NOT(b):bbbbb:cdefgh:Zeros(19)
    const uint64_t f = (a << 31) | ((b ^ 1) << 30) | ((b ? 0x1full : 0) << 25) | (cdefgh << 19);
    return f * rep32;
  }
  // double precision a:NOT(b):bbbbbbbb:cdefgh:Zeros(48)
  return (a << 63) | ((b ^ 1) << 62) | ((b ? 0xffull : 0) << 54) | (cdefgh << 48);
}

// Modified immediate: op=0: MOVI (cmode 0xx0, 10x0, 110x, 1110), ORR (0xx1, 10x1), FMOV
// single (1111); op=1: MVNI (0xx0, 10x0, 110x), BIC (0xx1, 10x1), MOVI 64-bit byte mask
// (1110; Q=0 is the scalar Dd form), FMOV double (1111, Q=1 only). Q=0 zeroes the upper half.
template <class C>
CUARM_HD Stop op_simd_movi(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), op = bit(w, 29), cmode = bits(w, 15, 12), d = bits(w, 4, 0);
  if (bit(w, 11) || (op && cmode == 15 && !q)) return undefined(c, w);
  const uint64_t imm8 = (bits(w, 18, 16) << 5) | bits(w, 9, 5);
  const uint64_t imm = simd_expand_imm(op, cmode, imm8);
  const bool logic = cmode < 12 && (cmode & 1);  // ORR / BIC
  Vec128 r;
  if (logic) {
    const Vec128 v = vget(c, d);
    r = op ? Vec128{v.lo & ~imm, v.hi & ~imm} : Vec128{v.lo | imm, v.hi | imm};
  } else if (op && cmode < 14) {
    r = Vec128{~imm, ~imm};  // MVNI
  } else {
    r = Vec128{imm, imm};
  }
  vset_q(c, d, r, q);
  return Stop::None;
}

}  // namespace cuarm::core
