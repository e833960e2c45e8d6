// Scalar floating point (Arm manual C4.1.96 "Data Processing -- Scalar Floating-Point and
// Advanced SIMD", the FP classes): conversions between FP and fixed-point/integer,
// data-processing 1/2/3 source, compare, conditional compare, immediate, conditional select.
// Single (type 00) and double (type 01). Half precision (type 11) is the FP16 extension except
// for FCVT to and from half, which ARMv8.0 has; type 10 is unallocated except for FMOV of the
// top half of a V register. M and S are fixed at 0 (M or S set is unallocated, matches no row).
// All arithmetic is in the soft-float library (core/fp/fp.hpp).
#pragma once
#include "core/exec.hpp"
#include "core/fp/fp.hpp"

// Field letters: s=sf t=type r=rmode o=opcode c=scale/cond n=Rn d=Rd m=Rm p=op i=imm8
// v=imm5/nzcv x=o1 y=o0 a=Ra.
#define CUARM_ISA_FP_SCALAR(X)                                                  \
  X(FP_CVT_FIXED, "s0011110tt0rroooccccccnnnnnddddd", op_fp_cvt_fixed, 0)     \
  X(FP_CVT_INT, "s0011110tt1rrooo000000nnnnnddddd", op_fp_cvt_int, 0)          \
  X(FP_DP1, "00011110tt1oooooo10000nnnnnddddd", op_fp_dp1, 0)                  \
  X(FP_CMP, "00011110tt1mmmmmpp1000nnnnnooooo", op_fp_cmp, 0)                  \
  X(FP_IMM, "00011110tt1iiiiiiii100vvvvvddddd", op_fp_imm, 0)                  \
  X(FP_CCMP, "00011110tt1mmmmmcccc01nnnnnpvvvv", op_fp_ccmp, 0)                \
  X(FP_DP2, "00011110tt1mmmmmoooo10nnnnnddddd", op_fp_dp2, 0)                  \
  X(FP_CSEL, "00011110tt1mmmmmcccc11nnnnnddddd", op_fp_csel, 0)                \
  X(FP_DP3, "00011111ttxmmmmmyaaaaannnnnddddd", op_fp_dp3, 0)

namespace cuarm::core {

// Element size of an FP type field for arithmetic: 32 (00), 64 (01), 0 for the others.
CUARM_HD CUARM_INLINE int fp_arith_size(uint32_t type) { return type == 0 ? 32 : type == 1 ? 64 : 0; }

// The low n bits of V[r].
template <class C>
CUARM_HD CUARM_INLINE uint64_t vread(C& c, uint32_t r, int n) {
  return c.s.v[r][0] & ones(n);
}
// V[r] = a scalar, zero-extended to 128 bits.
template <class C>
CUARM_HD CUARM_INLINE void vwrite_scalar(C& c, uint32_t r, uint64_t v) {
  c.s.v[r][0] = v;
  c.s.v[r][1] = 0;
}

// SCVTF, UCVTF, FCVTZS, FCVTZU (fixed-point): fbits = 64 - scale.
template <class C>
CUARM_HD Stop op_fp_cvt_fixed(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), scale = bits(w, 15, 10), ro = bits(w, 20, 16);
  const int n = fp_arith_size(bits(w, 23, 22));
  const bool to_fp = ro == 0x02 || ro == 0x03, to_int = ro == 0x18 || ro == 0x19;  // rmode:opcode
  if (n == 0 || (!to_fp && !to_int) || (!sf && scale < 32)) return undefined(c, w);
  const int fbits = 64 - int(scale), isize = sf ? 64 : 32;
  const bool is_unsigned = ro & 1;
  uint32_t fl = c.s.fpsr;
  const uint32_t fpcr = c.s.fpcr;
  if (to_fp) {
    const uint64_t r = fp::from_fixed(xr(c, bits(w, 9, 5)), isize, is_unsigned, fbits, n,
                                      fp::rounding_mode(fpcr), fpcr, fl);
    vwrite_scalar(c, bits(w, 4, 0), r);
  } else {
    const uint64_t r = fp::to_fixed(vread(c, bits(w, 9, 5), n), n, isize, is_unsigned, fbits, fp::kZero, fpcr, fl);
    wr(c, bits(w, 4, 0), r, sf);
  }
  c.s.fpsr = fl;
  return Stop::None;
}

// FCVT{N,P,M,Z,A}{S,U}, SCVTF, UCVTF (integer), FMOV (general).
template <class C>
CUARM_HD Stop op_fp_cvt_int(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), type = bits(w, 23, 22), rmode = bits(w, 20, 19), opcode = bits(w, 18, 16);
  const uint32_t rn = bits(w, 9, 5), rd = bits(w, 4, 0);
  if (opcode >= 6) {  // FMOV: W<->S, X<->D, X<->V.D[1]; the half forms are FP16
    const bool ws = !sf && type == 0 && rmode == 0, xd = sf && type == 1 && rmode == 0,
               top = sf && type == 2 && rmode == 1;
    if (!ws && !xd && !top) return undefined(c, w);
    if (opcode == 6) {
      wr(c, rd, top ? c.s.v[rn][1] : c.s.v[rn][0], sf);
    } else if (top) {
      c.s.v[rd][1] = xr(c, rn);  // the low half is kept
    } else {
      vwrite_scalar(c, rd, xr(c, rn) & ones(sf ? 64 : 32));
    }
    return Stop::None;
  }
  const int n = fp_arith_size(type);
  if (n == 0 || (opcode >= 2 && rmode != 0)) return undefined(c, w);
  const int isize = sf ? 64 : 32;
  const bool is_unsigned = opcode & 1;
  uint32_t fl = c.s.fpsr;
  const uint32_t fpcr = c.s.fpcr;
  if (opcode == 2 || opcode == 3) {
    vwrite_scalar(c, rd, fp::from_fixed(xr(c, rn), isize, is_unsigned, 0, n, fp::rounding_mode(fpcr), fpcr, fl));
  } else {
    // rmode 00..11 is N, P, M, Z (the FPRounding values); opcode 10x is A (ties away).
    const uint32_t rounding = opcode >= 4 ? uint32_t(fp::kTieAway) : rmode;
    wr(c, rd, fp::to_fixed(vread(c, rn, n), n, isize, is_unsigned, 0, rounding, fpcr, fl), sf);
  }
  c.s.fpsr = fl;
  return Stop::None;
}

// FMOV (register), FABS, FNEG, FSQRT, FCVT (between precisions), FRINTN/P/M/Z/A/X/I.
template <class C>
CUARM_HD Stop op_fp_dp1(C& c, uint32_t w) {
  const uint32_t type = bits(w, 23, 22), opcode = bits(w, 20, 15), rn = bits(w, 9, 5), rd = bits(w, 4, 0);
  const uint32_t fpcr = c.s.fpcr;
  if ((opcode >> 2) == 1) {  // FCVT: opc (bits 16:15) is the destination type
    const uint32_t opc = opcode & 3;
    if (type == 2 || opc == 2 || opc == type) return undefined(c, w);
    const int from = type == 0 ? 32 : type == 1 ? 64 : 16, to = opc == 0 ? 32 : opc == 1 ? 64 : 16;
    uint32_t fl = c.s.fpsr;
    vwrite_scalar(c, rd, fp::convert(vread(c, rn, from), from, to, fp::rounding_mode(fpcr), fpcr, fl));
    c.s.fpsr = fl;
    return Stop::None;
  }
  const int n = fp_arith_size(type);
  if (n == 0 || opcode > 0x0f || opcode == 0x0d) return undefined(c, w);
  const uint64_t a = vread(c, rn, n);
  uint32_t fl = c.s.fpsr;
  uint64_t r;
  switch (opcode) {
    case 0: r = a; break;
    case 1: r = fp::abs(a, n); break;
    case 2: r = fp::neg(a, n); break;
    case 3: r = fp::sqrt(a, n, fpcr, fl); break;
    default: {
      // FRINT: opcode<2:0> is N, P, M, Z (the FPRounding values), A (ties away), -, X, I.
      const uint32_t rm = opcode & 7;
      const uint32_t rounding = rm < 4 ? rm : rm == 4 ? uint32_t(fp::kTieAway) : fp::rounding_mode(fpcr);
      r = fp::round_int(a, n, rounding, rm == 6, fpcr, fl);
      break;
    }
  }
  vwrite_scalar(c, rd, r);
  c.s.fpsr = fl;
  return Stop::None;
}

// FCMP, FCMPE (opcode2<4>: signalling), with a register or #0.0 (opcode2<3>; Rm ignored).
template <class C>
CUARM_HD Stop op_fp_cmp(C& c, uint32_t w) {
  const uint32_t opcode2 = bits(w, 4, 0);
  const int n = fp_arith_size(bits(w, 23, 22));
  if (n == 0 || bits(w, 15, 14) != 0 || (opcode2 & 7) != 0) return undefined(c, w);
  const uint64_t b = (opcode2 & 8) ? 0 : vread(c, bits(w, 20, 16), n);
  uint32_t fl = c.s.fpsr;
  c.s.nzcv = fp::compare(vread(c, bits(w, 9, 5), n), b, n, opcode2 & 0x10, c.s.fpcr, fl);
  c.s.fpsr = fl;
  return Stop::None;
}

// FMOV (scalar, immediate): VFPExpandImm.
template <class C>
CUARM_HD Stop op_fp_imm(C& c, uint32_t w) {
  const int n = fp_arith_size(bits(w, 23, 22));
  if (n == 0 || bits(w, 9, 5) != 0) return undefined(c, w);
  const uint32_t imm8 = bits(w, 20, 13);
  const int e = n == 32 ? 8 : 11, f = n - e - 1;
  const uint32_t b6 = bit(imm8, 6);
  // exp = NOT(b6) : Replicate(b6, E-3) : imm8<5:4>
  const uint64_t exp = (uint64_t(b6 ^ 1) << (e - 1)) | ((b6 ? ones(e - 3) : 0) << 2) | bits(imm8, 5, 4);
  const uint64_t r = (uint64_t(bit(imm8, 7)) << (n - 1)) | (exp << f) | (uint64_t(bits(imm8, 3, 0)) << (f - 4));
  vwrite_scalar(c, bits(w, 4, 0), r);
  return Stop::None;
}

// FCCMP, FCCMPE: compare when the condition holds, else NZCV = #nzcv.
template <class C>
CUARM_HD Stop op_fp_ccmp(C& c, uint32_t w) {
  const int n = fp_arith_size(bits(w, 23, 22));
  if (n == 0) return undefined(c, w);
  if (!cond_holds(c.s.nzcv, bits(w, 15, 12))) {
    c.s.nzcv = bits(w, 3, 0) << 28;
    return Stop::None;
  }
  uint32_t fl = c.s.fpsr;
  c.s.nzcv = fp::compare(vread(c, bits(w, 9, 5), n), vread(c, bits(w, 20, 16), n), n, bit(w, 4), c.s.fpcr, fl);
  c.s.fpsr = fl;
  return Stop::None;
}

// FMUL, FDIV, FADD, FSUB, FMAX, FMIN, FMAXNM, FMINNM, FNMUL.
template <class C>
CUARM_HD Stop op_fp_dp2(C& c, uint32_t w) {
  const uint32_t opcode = bits(w, 15, 12);
  const int n = fp_arith_size(bits(w, 23, 22));
  if (n == 0 || opcode > 8) return undefined(c, w);
  const uint64_t a = vread(c, bits(w, 9, 5), n), b = vread(c, bits(w, 20, 16), n);
  const uint32_t fpcr = c.s.fpcr;
  uint32_t fl = c.s.fpsr;
  uint64_t r;
  switch (opcode) {
    case 0: r = fp::mul(a, b, n, fpcr, fl); break;
    case 1: r = fp::div(a, b, n, fpcr, fl); break;
    case 2: r = fp::add(a, b, n, fpcr, fl); break;
    case 3: r = fp::sub(a, b, n, fpcr, fl); break;
    case 4: r = fp::max(a, b, n, fpcr, fl); break;
    case 5: r = fp::min(a, b, n, fpcr, fl); break;
    case 6: r = fp::maxnm(a, b, n, fpcr, fl); break;
    case 7: r = fp::minnm(a, b, n, fpcr, fl); break;
    default: r = fp::neg(fp::mul(a, b, n, fpcr, fl), n); break;  // FNMUL negates the result, NaNs too
  }
  vwrite_scalar(c, bits(w, 4, 0), r);
  c.s.fpsr = fl;
  return Stop::None;
}

// FCSEL.
template <class C>
CUARM_HD Stop op_fp_csel(C& c, uint32_t w) {
  const int n = fp_arith_size(bits(w, 23, 22));
  if (n == 0) return undefined(c, w);
  const uint32_t r = cond_holds(c.s.nzcv, bits(w, 15, 12)) ? bits(w, 9, 5) : bits(w, 20, 16);
  vwrite_scalar(c, bits(w, 4, 0), vread(c, r, n));
  return Stop::None;
}

// FMADD, FMSUB, FNMADD, FNMSUB: one fused operation; the negations apply to the operands
// (so a NaN operand comes out with its sign flipped).
template <class C>
CUARM_HD Stop op_fp_dp3(C& c, uint32_t w) {
  const int n = fp_arith_size(bits(w, 23, 22));
  if (n == 0) return undefined(c, w);
  const uint32_t o1 = bit(w, 21), o0 = bit(w, 15);
  uint64_t a = vread(c, bits(w, 14, 10), n), x = vread(c, bits(w, 9, 5), n);
  const uint64_t y = vread(c, bits(w, 20, 16), n);
  if (o1) a = fp::neg(a, n);
  if (o0 != o1) x = fp::neg(x, n);
  uint32_t fl = c.s.fpsr;
  vwrite_scalar(c, bits(w, 4, 0), fp::fma(a, x, y, n, c.s.fpcr, fl));
  c.s.fpsr = fl;
  return Stop::None;
}

}  // namespace cuarm::core
