// Soft-float library: Arm floating-point semantics, bit-exact, on raw bit patterns.
//
// Every operation follows the Arm manual's pseudocode (FPUnpack, FPRound, FPProcessNaNs, FPAdd,
// FPMulAdd, FPToFixed, ...) for ARMv8.0-A with pure integer arithmetic, so it gives the same
// bits on the host and on the GPU. Include this header only.
//
// Interface (namespace cuarm::core::fp). Operands and results are raw encodings of `n` bits
// (n = esize = 16, 32 or 64) carried in uint64_t; bits above n of the result are zero, bits
// above n of an operand are ignored. `fpcr` is the FPCR value (AHP bit 26, DN 25, FZ 24, RMode
// 23:22 are used; trap enables are ignored: the A53 never traps). Exceptions are OR'ed into
// `fpsr` as cumulative flags: kIOC (bit 0), kDZC (1), kOFC (2), kUFC (3), kIXC (4), kIDC (7).
// Arithmetic is meant for n = 32/64; n = 16 is for conversions (ARMv8.0 has no half arithmetic).
//
//   add(a, b, n, fpcr, fpsr)            a + b                 (FPAdd)
//   sub(a, b, n, fpcr, fpsr)            a - b                 (FPSub)
//   mul(a, b, n, fpcr, fpsr)            a * b                 (FPMul)
//   mulx(a, b, n, fpcr, fpsr)           FMULX: inf * 0 = +-2  (FPMulX)
//   div(a, b, n, fpcr, fpsr)            a / b                 (FPDiv)
//   sqrt(a, n, fpcr, fpsr)                                    (FPSqrt)
//   fma(addend, a, b, n, fpcr, fpsr)    addend + a*b, one rounding (FPMulAdd). FMSUB/FNMADD/
//                                       FNMSUB negate operands (neg()) before the call.
//   max, min, maxnm, minnm(a, b, n, fpcr, fpsr)               (FPMax, FPMin, FPMaxNum, FPMinNum)
//   compare(a, b, n, signal_nans, fpcr, fpsr) -> NZCV in bits 31:28 (FPCompare)
//   compare_eq/compare_ge/compare_gt(a, b, n, fpcr, fpsr) -> bool (FPCompareEQ/GE/GT)
//   recip_estimate(a, n, fpcr, fpsr)    FRECPE                (FPRecipEstimate)
//   rsqrt_estimate(a, n, fpcr, fpsr)    FRSQRTE               (FPRSqrtEstimate)
//   recip_step(a, b, n, fpcr, fpsr)     FRECPS: 2 - a*b       (FPRecipStepFused)
//   rsqrt_step(a, b, n, fpcr, fpsr)     FRSQRTS: (3 - a*b)/2  (FPRSqrtStepFused)
//   recpx(a, n, fpcr, fpsr)             FRECPX                (FPRecpX)
//   recip_estimate_int(a), rsqrt_estimate_int(a)  the 9-bit tables (RecipEstimate,
//                                       RecipSqrtEstimate), also for URECPE/URSQRTE
//   convert(a, from, to, rounding, fpcr, fpsr)    FPConvert between 16/32/64 bits (FCVT uses
//                                       rounding_mode(fpcr); FCVTXN uses kOdd); AHP applies to
//                                       half operands and results
//   to_fixed(a, n, int_size, is_unsigned, fbits, rounding, fpcr, fpsr)  FPToFixed to a 32/64-bit
//                                       integer (zero-extended), saturating with IOC
//   from_fixed(v, int_size, is_unsigned, fbits, n, rounding, fpcr, fpsr)  FixedToFP
//   round_int(a, n, rounding, exact, fpcr, fpsr)  FPRoundInt (FRINTX: exact = true)
//   neg(a, n), abs(a, n)                sign-bit operations (no NaN processing, no flags)
//   rounding_mode(fpcr)                 FPCR.RMode as a Rounding
// Rounding: kTieEven, kPosInf, kNegInf, kZero (= FPCR.RMode values), kTieAway (FRINTA,
// FCVTA*), kOdd (FCVTXN).
//
// Fast path (fp_fast.hpp): add, sub, mul, div, sqrt and fma of n = 32/64 use the IEEE
// arithmetic of the host or the GPU (device code and NVRTC alike) when FPCR.RMode is round to
// nearest, the operands are zeros or normals and the result is exact zero or normal above the
// smallest normal (and finite), with IXC from error-free transformations; otherwise the soft
// path. soft_add, soft_sub, soft_mul, soft_div, soft_sqrt and soft_fma are the soft path alone
// (for tests).
#pragma once
#include "fp_arith.hpp"
#include "fp_convert.hpp"
#include "fp_core.hpp"

namespace cuarm::core::fp {

CUARM_HD CUARM_INLINE uint64_t neg(uint64_t a, int n) { return (a ^ (uint64_t(1) << (n - 1))) & ones(n); }
CUARM_HD CUARM_INLINE uint64_t abs(uint64_t a, int n) { return a & ones(n - 1); }

}  // namespace cuarm::core::fp
