// Advanced SIMD floating point, the element loops (included from simd_fp.hpp): each applies one
// soft-float library operation to every element of 128-bit values and returns the whole result
// (elements past `count` are zero, which gives the Q=0 and scalar zero-extension). They are out
// of line, so that a handler is only register reads, one call and register writes.
#pragma once
#include "core/fp/fp.hpp"
#include "core/simd.hpp"

namespace cuarm::core {

// Two-operand operations (three same, by element, pairwise, across lanes).
enum SfBinary : uint8_t {
  kSfNone,
  kSfAdd,
  kSfSub,
  kSfMul,
  kSfMulX,
  kSfDiv,
  kSfMax,
  kSfMin,
  kSfMaxNm,
  kSfMinNm,
  kSfMla,  // FPMulAdd(d, a, b)
  kSfMls,  // FPMulAdd(d, FPNeg(a), b)
  kSfAbd,  // FPAbs(FPSub(a, b))
  kSfRecps,
  kSfRsqrts,
  kSfCmEq,  // all ones when true, else zero
  kSfCmGe,
  kSfCmGt,
  kSfAcGe,  // on FPAbs of both operands
  kSfAcGt,
};

CUARM_HD CUARM_INLINE uint64_t sf_mask(bool t, int n) { return t ? ones(n) : 0; }

CUARM_HD CUARM_INLINE uint64_t sf_binary_elem(uint32_t op, uint64_t a, uint64_t b, uint64_t d, int n, uint32_t fpcr,
                                              uint32_t& fl) {
  switch (op) {
    case kSfAdd: return fp::add(a, b, n, fpcr, fl);
    case kSfSub: return fp::sub(a, b, n, fpcr, fl);
    case kSfMul: return fp::mul(a, b, n, fpcr, fl);
    case kSfMulX: return fp::mulx(a, b, n, fpcr, fl);
    case kSfDiv: return fp::div(a, b, n, fpcr, fl);
    case kSfMax: return fp::max(a, b, n, fpcr, fl);
    case kSfMin: return fp::min(a, b, n, fpcr, fl);
    case kSfMaxNm: return fp::maxnm(a, b, n, fpcr, fl);
    case kSfMinNm: return fp::minnm(a, b, n, fpcr, fl);
    case kSfMla: return fp::fma(d, a, b, n, fpcr, fl);
    case kSfMls: return fp::fma(d, fp::neg(a, n), b, n, fpcr, fl);
    case kSfAbd: return fp::abs(fp::sub(a, b, n, fpcr, fl), n);
    case kSfRecps: return fp::recip_step(a, b, n, fpcr, fl);
    case kSfRsqrts: return fp::rsqrt_step(a, b, n, fpcr, fl);
    case kSfCmEq: return sf_mask(fp::compare_eq(a, b, n, fpcr, fl), n);
    case kSfCmGe: return sf_mask(fp::compare_ge(a, b, n, fpcr, fl), n);
    case kSfCmGt: return sf_mask(fp::compare_gt(a, b, n, fpcr, fl), n);
    case kSfAcGe: return sf_mask(fp::compare_ge(fp::abs(a, n), fp::abs(b, n), n, fpcr, fl), n);
    default: return sf_mask(fp::compare_gt(fp::abs(a, n), fp::abs(b, n), n, fpcr, fl), n);  // kSfAcGt
  }
}

// r[e] = op(a[e], b[e], d[e]) for e < count (n-bit elements). Pairwise (pair_src = elements per
// source, 0 otherwise): the operands are elements 2e and 2e+1 of the concatenation b:a, a holding
// elements 0..pair_src-1.
CUARM_HD CUARM_NOINLINE inline Vec128 sf_binary(uint32_t op, int n, uint32_t count, uint32_t pair_src, const Vec128& a,
                                                const Vec128& b, const Vec128& d, uint32_t fpcr, uint32_t& fl) {
  const uint32_t esize = uint32_t(n);
  Vec128 r{0, 0};
  for (uint32_t e = 0; e < count; ++e) {
    uint64_t x, y;
    if (pair_src) {
      const uint32_t i = 2 * e;  // i and i+1 come from the same source (pair_src is even)
      const Vec128& src = i < pair_src ? a : b;
      const uint32_t j = i < pair_src ? i : i - pair_src;
      x = velem_get(src, j, esize);
      y = velem_get(src, j + 1, esize);
    } else {
      x = velem_get(a, e, esize);
      y = velem_get(b, e, esize);
    }
    velem_put(r, e, esize, sf_binary_elem(op, x, y, velem_get(d, e, esize), n, fpcr, fl));
  }
  return r;
}

// One-operand operations (two-register misc, fixed-point conversions). Their argument: bits 2:0
// a rounding (fp::Rounding), bit 3 unsigned, bit 4 exact (FRINTX), bits 14:8 fbits.
enum SfUnary : uint8_t {
  kSfRound,    // FRINT*
  kSfToInt,    // FCVT*S/U, FCVTZS/ZU (fixed)
  kSfFromInt,  // SCVTF/UCVTF (integer, fixed)
  kSfCmGtZ,    // compares with +0.0
  kSfCmGeZ,
  kSfCmEqZ,
  kSfCmLeZ,
  kSfCmLtZ,
  kSfAbs,
  kSfNeg,
  kSfSqrt,
  kSfRecpe,
  kSfRsqrte,
  kSfRecpx,
  kSfURecpe,
  kSfURsqrte,
};
constexpr uint32_t kSfArgUnsigned = 1u << 3, kSfArgExact = 1u << 4;
CUARM_HD CUARM_INLINE constexpr uint32_t sf_arg_fbits(uint32_t fbits) { return fbits << 8; }

CUARM_HD CUARM_INLINE uint64_t sf_unary_elem(uint32_t op, uint32_t arg, uint64_t a, int n, uint32_t fpcr,
                                             uint32_t& fl) {
  const uint32_t rounding = arg & 7;
  const bool uns = arg & kSfArgUnsigned;
  const int fbits = int(arg >> 8);
  switch (op) {
    case kSfRound: return fp::round_int(a, n, rounding, arg & kSfArgExact, fpcr, fl);
    case kSfToInt: return fp::to_fixed(a, n, n, uns, fbits, rounding, fpcr, fl);
    case kSfFromInt: return fp::from_fixed(a, n, uns, fbits, n, rounding, fpcr, fl);
    // Against zero the manual writes GT(x, 0), GE(x, 0), EQ(x, 0), GE(0, x) (LE), GT(0, x) (LT).
    case kSfCmGtZ: return sf_mask(fp::compare_gt(a, 0, n, fpcr, fl), n);
    case kSfCmGeZ: return sf_mask(fp::compare_ge(a, 0, n, fpcr, fl), n);
    case kSfCmEqZ: return sf_mask(fp::compare_eq(a, 0, n, fpcr, fl), n);
    case kSfCmLeZ: return sf_mask(fp::compare_ge(0, a, n, fpcr, fl), n);
    case kSfCmLtZ: return sf_mask(fp::compare_gt(0, a, n, fpcr, fl), n);
    case kSfAbs: return fp::abs(a, n);
    case kSfNeg: return fp::neg(a, n);
    case kSfSqrt: return fp::sqrt(a, n, fpcr, fl);
    case kSfRecpe: return fp::recip_estimate(a, n, fpcr, fl);
    case kSfRsqrte: return fp::rsqrt_estimate(a, n, fpcr, fl);
    case kSfRecpx: return fp::recpx(a, n, fpcr, fl);
    // UnsignedRecipEstimate / UnsignedRSqrtEstimate (32-bit elements): the top 9 bits in, the
    // 9-bit estimate out at the top; all ones when the input is below 0.5 (0.25 for the root).
    case kSfURecpe:
      return (a >> 31) == 0 ? ones(32) : uint64_t(fp::recip_estimate_int(uint32_t(a >> 23)) & 0x1ff) << 23;
    default:  // kSfURsqrte
      return (a >> 30) == 0 ? ones(32) : uint64_t(fp::rsqrt_estimate_int(uint32_t(a >> 23)) & 0x1ff) << 23;
  }
}

// r[e] = op(a[e]) for e < count (n-bit elements).
CUARM_HD CUARM_NOINLINE inline Vec128 sf_unary(uint32_t op, uint32_t arg, int n, uint32_t count, const Vec128& a,
                                               uint32_t fpcr, uint32_t& fl) {
  const uint32_t esize = uint32_t(n);
  Vec128 r{0, 0};
  for (uint32_t e = 0; e < count; ++e)
    velem_put(r, e, esize, sf_unary_elem(op, arg, velem_get(a, e, esize), n, fpcr, fl));
  return r;
}

// FPConvert of `count` elements from `from` bits (elements of a) to `to` bits (elements of the
// result), with the given rounding (FPCR's, or kOdd for FCVTXN).
CUARM_HD CUARM_NOINLINE inline Vec128 sf_convert(int from, int to, uint32_t count, const Vec128& a, uint32_t rounding,
                                                 uint32_t fpcr, uint32_t& fl) {
  Vec128 r{0, 0};
  for (uint32_t e = 0; e < count; ++e)
    velem_put(r, e, uint32_t(to), fp::convert(velem_get(a, e, uint32_t(from)), from, to, rounding, fpcr, fl));
  return r;
}

}  // namespace cuarm::core
