// Advanced SIMD floating point (Arm manual C4.1.95 "Data Processing -- Scalar Floating-Point and
// Advanced SIMD"), single (sz=0) and double (sz=1) precision: the FP opcodes of three same,
// two-register miscellaneous, across lanes and x indexed element (vector and scalar forms),
// scalar pairwise, and the fixed-point conversions of the shift-by-immediate class.
// The FP16 forms (their own half-precision classes, and size=00 by element, immh=001x
// conversions) and the later extensions sharing these classes (FMLAL/FMLSL, FCMLA, FRINT32/64,
// BFCVTN) match no row or are rejected by the handler: UNDEFINED. Reserved inside the rows:
// sz=1 with Q=0 (.1D), across lanes other than .4S, by element with sz:L=11 or size<1>=0,
// URECPE/URSQRTE and FCVTXN with the wrong sz, conversions with immh=000x/001x.
// All arithmetic is in the soft-float library (core/fp/fp.hpp), one element at a time, in the
// operand order of the manual's pseudocode (it decides NaN propagation); the element loops are
// out of line (simd_fp_lanes.hpp), the handlers only read V registers, call one and write V[d].
#pragma once
#include "core/exec.hpp"
#include "core/simd.hpp"
#include "simd_fp_lanes.hpp"

// Field letters: Q=Q u=U a=size<1> (o1/a) b=sz (size<0>) m=Rm o=opcode n=Rn d=Rd, L/M/H the
// index bits of by element, h=immh, i=immb.
// Three same: opcode 11xxx. Two-register misc: opcodes 011xx (compares with zero, FABS/FNEG),
// 1011x (FCVTN/FCVTL/FCVTXN), 11xxx (the rest). Across lanes and scalar pairwise: opcode 011xx.
// By element: opcodes 0001/0101 (FMLA/FMLS, U=0) and 1001 (FMUL/FMULX), size<1>=1 fixed.
// Fixed-point conversions: opcodes 11100/11111, immh=01xx (single) or 1xxx (double) (immh=0000
// is the modified-immediate class, SIMD_PERM_MOVI).
#define CUARM_ISA_SIMD_FP(X)                                                          \
  X(SIMD_FP_3SAME, "0Qu01110ab1mmmmm11ooo1nnnnnddddd", op_simd_fp_3same, 0)           \
  X(SIMD_FP_S3SAME, "01u11110ab1mmmmm11ooo1nnnnnddddd", op_simd_fp_s3same, 0)         \
  X(SIMD_FP_MISC, "0Qu01110ab1000011ooo10nnnnnddddd", op_simd_fp_misc, 0)             \
  X(SIMD_FP_MISC_CMP, "0Qu01110ab10000011oo10nnnnnddddd", op_simd_fp_misc, 0)         \
  X(SIMD_FP_MISC_NARROW, "0Qu01110ab100001011o10nnnnnddddd", op_simd_fp_narrow, 0)    \
  X(SIMD_FP_SMISC, "01u11110ab1000011ooo10nnnnnddddd", op_simd_fp_smisc, 0)           \
  X(SIMD_FP_SMISC_CMP, "01u11110ab10000011oo10nnnnnddddd", op_simd_fp_smisc, 0)       \
  X(SIMD_FP_SMISC_FCVTXN, "011111100b100001011010nnnnnddddd", op_simd_fp_sfcvtxn, 0)  \
  X(SIMD_FP_ACROSS, "0Q101110ab11000011oo10nnnnnddddd", op_simd_fp_across, 0)         \
  X(SIMD_FP_SPAIR, "01u11110ab11000011oo10nnnnnddddd", op_simd_fp_spair, 0)           \
  X(SIMD_FP_ELEM_FMLA, "0Q0011111bLMmmmm0o01H0nnnnnddddd", op_simd_fp_elem, 0)        \
  X(SIMD_FP_ELEM_FMUL, "0Qu011111bLMmmmm1001H0nnnnnddddd", op_simd_fp_elem, 0)        \
  X(SIMD_FP_SELEM_FMLA, "010111111bLMmmmm0o01H0nnnnnddddd", op_simd_fp_selem, 0)      \
  X(SIMD_FP_SELEM_FMUL, "01u111111bLMmmmm1001H0nnnnnddddd", op_simd_fp_selem, 0)      \
  X(SIMD_FP_CVT_FIXED_S, "0Qu01111001hhiii111oo1nnnnnddddd", op_simd_fp_cvt_fixed, 0) \
  X(SIMD_FP_CVT_FIXED_D, "0Qu0111101hhhiii111oo1nnnnnddddd", op_simd_fp_cvt_fixed, 0) \
  X(SIMD_FP_SCVT_FIXED, "01u111110hhhhiii111oo1nnnnnddddd", op_simd_fp_scvt_fixed, 0)

namespace cuarm::core {

// ---------------------------------------------------------------- three same, pairwise, across

// The operation of a three-same FP opcode (U:size<1>:opcode<2:0>), kSfNone if unallocated.
// Pairwise ops (FMAXNMP, FADDP, FMAXP, ...) are flagged with kSfPairwise.
constexpr uint32_t kSfPairwise = 0x80;
CUARM_HD CUARM_INLINE uint32_t sf_three_same_op(uint32_t u, uint32_t a, uint32_t opc) {
  // clang-format off
  constexpr uint8_t kOps[32] = {
      // U=0, size<1>=0: FMAXNM FMLA FADD FMULX FCMEQ (FMLAL) FMAX FRECPS
      kSfMaxNm, kSfMla, kSfAdd, kSfMulX, kSfCmEq, kSfNone, kSfMax, kSfRecps,
      // U=0, size<1>=1: FMINNM FMLS FSUB - - (FMLSL) FMIN FRSQRTS
      kSfMinNm, kSfMls, kSfSub, kSfNone, kSfNone, kSfNone, kSfMin, kSfRsqrts,
      // U=1, size<1>=0: FMAXNMP (FMLAL2) FADDP FMUL FCMGE FACGE FMAXP FDIV
      kSfMaxNm | kSfPairwise, kSfNone, kSfAdd | kSfPairwise, kSfMul, kSfCmGe, kSfAcGe, kSfMax | kSfPairwise, kSfDiv,
      // U=1, size<1>=1: FMINNMP (FMLSL2) FABD - FCMGT FACGT FMINP -
      kSfMinNm | kSfPairwise, kSfNone, kSfAbd, kSfNone, kSfCmGt, kSfAcGt, kSfMin | kSfPairwise, kSfNone};
  // clang-format on
  return kOps[(u << 4) | (a << 3) | opc];
}

// Three same (vector): FMAXNM FMLA FADD FMULX FCMEQ FMAX FRECPS FMINNM FMLS FSUB FMIN FRSQRTS
// FMAXNMP FADDP FMUL FCMGE FACGE FMAXP FDIV FMINNMP FABD FCMGT FACGT FMINP.
template <class C>
CUARM_HD Stop op_simd_fp_3same(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), sz = bit(w, 22);
  const uint32_t op = sf_three_same_op(bit(w, 29), bit(w, 23), bits(w, 13, 11));
  if (op == kSfNone || (sz && !q)) return undefined(c, w);
  const int n = sz ? 64 : 32;
  const uint32_t count = (q ? 128u : 64u) / uint32_t(n), d = bits(w, 4, 0);
  uint32_t fl = c.s.fpsr;
  const Vec128 r = sf_binary(op & ~kSfPairwise, n, count, (op & kSfPairwise) ? count : 0, vget(c, bits(w, 9, 5)),
                             vget(c, bits(w, 20, 16)), vget(c, d), c.s.fpcr, fl);
  vset(c, d, r);
  c.s.fpsr = fl;
  return Stop::None;
}

// Scalar three same: FMULX FCMEQ FRECPS FRSQRTS FCMGE FACGE FABD FCMGT FACGT.
template <class C>
CUARM_HD Stop op_simd_fp_s3same(C& c, uint32_t w) {
  const uint32_t u = bit(w, 29), a = bit(w, 23), opc = bits(w, 13, 11);
  // Allocated (U:size<1>:opcode<2:0>): 0 0 011, 0 0 100, 0 0 111, 0 1 111, 1 0 100, 1 0 101,
  // 1 1 010, 1 1 100, 1 1 101.
  constexpr uint32_t kScalar =
      (1u << 3) | (1u << 4) | (1u << 7) | (1u << 15) | (1u << 20) | (1u << 21) | (1u << 26) | (1u << 28) | (1u << 29);
  if (!((kScalar >> ((u << 4) | (a << 3) | opc)) & 1)) return undefined(c, w);
  const int n = bit(w, 22) ? 64 : 32;
  uint32_t fl = c.s.fpsr;
  const Vec128 r = sf_binary(sf_three_same_op(u, a, opc), n, 1, 0, vget(c, bits(w, 9, 5)), vget(c, bits(w, 20, 16)),
                             Vec128{0, 0}, c.s.fpcr, fl);
  vset(c, bits(w, 4, 0), r);
  c.s.fpsr = fl;
  return Stop::None;
}

// The operation of an across-lanes / scalar pairwise opcode 011xx (size<1>:opcode<1:0>):
// 00 FMAXNM, 01 FADD (pairwise only), 11 FMAX, 10 FMINNM, 13 FMIN; kSfNone otherwise.
CUARM_HD CUARM_INLINE uint32_t sf_reduce_op(uint32_t a, uint32_t opc2) {
  switch (opc2) {
    case 0: return a ? kSfMinNm : kSfMaxNm;
    case 1: return a ? kSfNone : kSfAdd;
    case 3: return a ? kSfMin : kSfMax;
    default: return kSfNone;
  }
}

// FMAXNMV, FMAXV, FMINNMV, FMINV (.4S only; U=0 is the FP16 form): the manual's Reduce splits
// the vector in halves, op(op(e0, e1), op(e2, e3)).
template <class C>
CUARM_HD Stop op_simd_fp_across(C& c, uint32_t w) {
  const uint32_t op = sf_reduce_op(bit(w, 23), bits(w, 13, 12));
  if (op == kSfNone || op == kSfAdd || bit(w, 22) || !bit(w, 30)) return undefined(c, w);
  uint32_t fl = c.s.fpsr;
  const uint32_t fpcr = c.s.fpcr;
  const Vec128 a = vget(c, bits(w, 9, 5));
  const Vec128 halves = sf_binary(op, 32, 2, 4, a, a, a, fpcr, fl);
  vset(c, bits(w, 4, 0), sf_binary(op, 32, 1, 2, halves, halves, halves, fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

// Scalar pairwise FMAXNMP, FADDP, FMAXP, FMINNMP, FMINP: op(Vn[0], Vn[1]) of a .2S or .2D
// source (U=0 is the FP16 form).
template <class C>
CUARM_HD Stop op_simd_fp_spair(C& c, uint32_t w) {
  const uint32_t op = sf_reduce_op(bit(w, 23), bits(w, 13, 12));
  if (op == kSfNone || !bit(w, 29)) return undefined(c, w);
  const int n = bit(w, 22) ? 64 : 32;
  uint32_t fl = c.s.fpsr;
  const Vec128 a = vget(c, bits(w, 9, 5));
  vset(c, bits(w, 4, 0), sf_binary(op, n, 1, 2, a, a, a, c.s.fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

// ---------------------------------------------------------------- by element

// The by-element operation (FMLA, FMLS, FMUL, FMULX) and its indexed operand Vm[index],
// replicated; false for reserved encodings (sz:L = 11).
template <class C>
CUARM_HD CUARM_INLINE bool sf_elem_decode(C& c, uint32_t w, uint32_t& op, Vec128& b) {
  const uint32_t sz = bit(w, 22), l = bit(w, 21), h = bit(w, 11);
  if (sz && l) return false;
  if (bit(w, 15))
    op = bit(w, 29) ? kSfMulX : kSfMul;
  else
    op = bit(w, 14) ? kSfMls : kSfMla;
  const uint32_t esize = sz ? 64 : 32, index = sz ? h : (h << 1) | l;
  const uint64_t x = velem_u(c, bits(w, 20, 16), index, esize);  // Rm is M:Rm for single and double
  b = sz ? Vec128{x, x} : Vec128{x | (x << 32), x | (x << 32)};
  return true;
}

// FMLA, FMLS, FMUL, FMULX (by element), vector: every element of Vn against Vm[index].
template <class C>
CUARM_HD Stop op_simd_fp_elem(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), sz = bit(w, 22), d = bits(w, 4, 0);
  uint32_t op;
  Vec128 b;
  if ((sz && !q) || !sf_elem_decode(c, w, op, b)) return undefined(c, w);
  const int n = sz ? 64 : 32;
  uint32_t fl = c.s.fpsr;
  const Vec128 r =
      sf_binary(op, n, (q ? 128u : 64u) / uint32_t(n), 0, vget(c, bits(w, 9, 5)), b, vget(c, d), c.s.fpcr, fl);
  vset(c, d, r);
  c.s.fpsr = fl;
  return Stop::None;
}

// FMLA, FMLS, FMUL, FMULX (by element), scalar: Vn[0] against Vm[index].
template <class C>
CUARM_HD Stop op_simd_fp_selem(C& c, uint32_t w) {
  const uint32_t d = bits(w, 4, 0);
  uint32_t op;
  Vec128 b;
  if (!sf_elem_decode(c, w, op, b)) return undefined(c, w);
  uint32_t fl = c.s.fpsr;
  const Vec128 r = sf_binary(op, bit(w, 22) ? 64 : 32, 1, 0, vget(c, bits(w, 9, 5)), b, vget(c, d), c.s.fpcr, fl);
  vset(c, d, r);
  c.s.fpsr = fl;
  return Stop::None;
}

}  // namespace cuarm::core

#include "simd_fp_misc.hpp"
