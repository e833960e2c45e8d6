// Advanced SIMD floating point, one-operand classes (included from simd_fp.hpp): two-register
// misc FP opcodes (vector and scalar), FCVTN/FCVTL/FCVTXN, and the fixed-point conversions of
// the shift-by-immediate class.
#pragma once
#include "simd_fp_lanes.hpp"

namespace cuarm::core {

// The operation of a two-register misc FP opcode (01100..01111, 11000..11111) and its argument;
// false when unallocated in the vector (scalar = false) or scalar form.
CUARM_HD CUARM_INLINE bool sf_misc_decode(uint32_t u, uint32_t a, uint32_t opcode, bool scalar, uint32_t fpcr,
                                          uint32_t& op, uint32_t& arg) {
  arg = u ? kSfArgUnsigned : 0;
  switch (opcode) {
    case 0x0c: op = u ? kSfCmGeZ : kSfCmGtZ; return a;
    case 0x0d: op = u ? kSfCmLeZ : kSfCmEqZ; return a;
    case 0x0e: op = kSfCmLtZ; return a && !u;
    case 0x0f: op = u ? kSfNeg : kSfAbs; return a && !scalar;
    case 0x18:    // FRINTN (U=0), FRINTP (U=0, size<1>), FRINTA (U=1)
    case 0x19: {  // FRINTM, FRINTZ (U=0), FRINTX, FRINTI (U=1)
      op = kSfRound;
      if (u) {
        if (opcode == 0x18 && a) return false;
        arg = opcode == 0x18 ? uint32_t(fp::kTieAway)
              : a            ? fp::rounding_mode(fpcr)
                             : fp::rounding_mode(fpcr) | kSfArgExact;
      } else {
        arg = (bit(opcode, 0) << 1) | a;  // FPDecodeRounding(o1:o2): N, P, M, Z
      }
      return !scalar;
    }
    case 0x1a:  // FCVTNS/NU (size<1>=0), FCVTPS/PU
    case 0x1b:  // FCVTMS/MU, FCVTZS/ZU
      op = kSfToInt;
      arg |= (bit(opcode, 0) << 1) | a;
      return true;
    case 0x1c:  // FCVTAS/AU (size<1>=0); URECPE, URSQRTE (vector)
      if (a) {
        op = u ? kSfURsqrte : kSfURecpe;
        return !scalar;
      }
      op = kSfToInt;
      arg |= fp::kTieAway;
      return true;
    case 0x1d:  // SCVTF/UCVTF (size<1>=0), FRECPE/FRSQRTE
      if (a) {
        op = u ? kSfRsqrte : kSfRecpe;
      } else {
        op = kSfFromInt;
        arg |= fp::rounding_mode(fpcr);
      }
      return true;
    case 0x1f:  // FSQRT (vector, U=1), FRECPX (scalar, U=0)
      op = scalar ? kSfRecpx : kSfSqrt;
      return a && u != scalar;
    default: return false;  // 11110, FRINT32/64 (ARMv8.5); 01110 with U=1
  }
}

// Two-register misc FP opcodes, vector.
template <class C>
CUARM_HD Stop op_simd_fp_misc(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), sz = bit(w, 22), fpcr = c.s.fpcr;
  uint32_t op, arg;
  if (!sf_misc_decode(bit(w, 29), bit(w, 23), bits(w, 16, 12), false, fpcr, op, arg) || (sz && !q) ||
      (sz && (op == kSfURecpe || op == kSfURsqrte)))
    return undefined(c, w);
  const int n = sz ? 64 : 32;
  uint32_t fl = c.s.fpsr;
  vset(c, bits(w, 4, 0), sf_unary(op, arg, n, (q ? 128u : 64u) / uint32_t(n), vget(c, bits(w, 9, 5)), fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

// Two-register misc FP opcodes, scalar.
template <class C>
CUARM_HD Stop op_simd_fp_smisc(C& c, uint32_t w) {
  const uint32_t fpcr = c.s.fpcr;
  uint32_t op, arg;
  if (!sf_misc_decode(bit(w, 29), bit(w, 23), bits(w, 16, 12), true, fpcr, op, arg)) return undefined(c, w);
  uint32_t fl = c.s.fpsr;
  vset(c, bits(w, 4, 0), sf_unary(op, arg, bit(w, 22) ? 64 : 32, 1, vget(c, bits(w, 9, 5)), fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

// FCVTN/FCVTN2 (U=0, 10110), FCVTL/FCVTL2 (U=0, 10111), FCVTXN/FCVTXN2 (U=1, 10110, sz=1).
// sz selects single<->half (0) or double<->single (1). Q is the part: a narrowing writes the
// lower half (upper zeroed) or the upper half (lower kept); a widening reads the lower or upper
// half of Vn.
template <class C>
CUARM_HD Stop op_simd_fp_narrow(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), u = bit(w, 29), sz = bit(w, 22), widen = bit(w, 12);
  if (bit(w, 23) || (u && (widen || !sz))) return undefined(c, w);
  const int narrow_bits = sz ? 32 : 16, wide_bits = sz ? 64 : 32;
  const uint32_t d = bits(w, 4, 0), fpcr = c.s.fpcr;
  const Vec128 a = vget(c, bits(w, 9, 5));
  uint32_t fl = c.s.fpsr;
  const uint32_t count = 64u / uint32_t(narrow_bits);
  if (widen) {
    const Vec128 src{q ? a.hi : a.lo, 0};
    vset(c, d, sf_convert(narrow_bits, wide_bits, count, src, fp::rounding_mode(fpcr), fpcr, fl));
  } else {
    const uint32_t rounding = u ? uint32_t(fp::kOdd) : fp::rounding_mode(fpcr);
    const uint64_t part = sf_convert(wide_bits, narrow_bits, count, a, rounding, fpcr, fl).lo;
    if (q)
      c.s.v[d][1] = part;
    else
      vset64(c, d, part);
  }
  c.s.fpsr = fl;
  return Stop::None;
}

// FCVTXN (scalar): Sd = Dn rounded to odd (sz=1 only; the row fixes size<1>=0).
template <class C>
CUARM_HD Stop op_simd_fp_sfcvtxn(C& c, uint32_t w) {
  if (!bit(w, 22)) return undefined(c, w);
  uint32_t fl = c.s.fpsr;
  vset(c, bits(w, 4, 0), sf_convert(64, 32, 1, vget(c, bits(w, 9, 5)), fp::kOdd, c.s.fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

// SCVTF, UCVTF, FCVTZS, FCVTZU (fixed-point) from immh:immb: esize 32 (immh=01xx) or 64
// (1xxx), fbits = 2*esize - immh:immb; false for immh=000x (unallocated) and 001x (FP16).
CUARM_HD CUARM_INLINE bool sf_fixed_decode(uint32_t w, uint32_t fpcr, int& n, uint32_t& op, uint32_t& arg) {
  const uint32_t immh = bits(w, 22, 19), opcode = bits(w, 15, 11);
  if (immh < 4 || (opcode != 0x1c && opcode != 0x1f)) return false;
  n = immh >= 8 ? 64 : 32;
  arg = sf_arg_fbits(uint32_t(2 * n) - bits(w, 22, 16)) | (bit(w, 29) ? kSfArgUnsigned : 0);
  if (opcode == 0x1c) {
    op = kSfFromInt;
    arg |= fp::rounding_mode(fpcr);
  } else {
    op = kSfToInt;
    arg |= fp::kZero;
  }
  return true;
}

template <class C>
CUARM_HD Stop op_simd_fp_cvt_fixed(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), fpcr = c.s.fpcr;
  int n;
  uint32_t op, arg;
  if (!sf_fixed_decode(w, fpcr, n, op, arg) || (n == 64 && !q)) return undefined(c, w);
  uint32_t fl = c.s.fpsr;
  vset(c, bits(w, 4, 0), sf_unary(op, arg, n, (q ? 128u : 64u) / uint32_t(n), vget(c, bits(w, 9, 5)), fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

template <class C>
CUARM_HD Stop op_simd_fp_scvt_fixed(C& c, uint32_t w) {
  const uint32_t fpcr = c.s.fpcr;
  int n;
  uint32_t op, arg;
  if (!sf_fixed_decode(w, fpcr, n, op, arg)) return undefined(c, w);
  uint32_t fl = c.s.fpsr;
  vset(c, bits(w, 4, 0), sf_unary(op, arg, n, 1, vget(c, bits(w, 9, 5)), fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

}  // namespace cuarm::core
