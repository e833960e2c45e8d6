// Advanced SIMD integer classes with widening, narrowing or shifted results (Arm manual encoding classes
// "Advanced SIMD three different", "... shift by immediate", "... x indexed element", vector
// and scalar): the long/wide/high-narrow add, subtract, absolute difference and multiply
// family including the saturating doubling forms and PMULL (8-bit and the 64-bit crypto form),
// every integer shift by immediate, and the integer multiplies by element.
// Profile: ARMv8.0-A Cortex-A53 (no RDM, no dot product, no FP16). Reserved size/immh values,
// unallocated opcodes and later extensions inside these rows are UNDEFINED. The FP forms of the
// same encoding groups (fixed-point conversions, FMLA/FMLS/FMUL/FMULX by element) belong to
// simd_fp.hpp and are not matched here; neither is immh=0000 of the vector shift group (the
// modified-immediate class).
//
// Handlers are CUARM_NOINLINE: they are large and rarely hot, so the interpreter's dispatch
// stays small on the GPU. Each reads every source register before writing V[d] (Vd may equal
// Vn or Vm).
#pragma once
#include "simd_shift_long_ops.hpp"

// Field letters: Q=Q u=U z=size m=Rm o=opcode n=Rn d=Rd h=immh i=immb L=L M=M H=H.
// Shift by immediate, vector: one row per element size (immh's highest set bit), so that
// immh=0000 stays with the modified-immediate class, and per opcode half: 0oooo (same-size
// shifts) and 10ooo (narrowing shifts and SSHLL/USHLL; these have no 64-bit element form), so
// that the fixed-point conversions (11100, 11111) stay with simd_fp.hpp.
// By element: opcodes xxx0 and xx11 and 1101 are the integer forms (and later extensions,
// UNDEFINED); the FP forms are 0001, 0101, 1001.
#define CUARM_ISA_SIMD_SHIFT_LONG(X)                                                         \
  X(SIMD_SHL_3DIFF, "0Qu01110zz1mmmmmoooo00nnnnnddddd", op_simd_3diff, 0)                    \
  X(SIMD_SHL_3DIFF_SCALAR, "01011110zz1mmmmm1oo100nnnnnddddd", op_simd_3diff_scalar, 0)      \
  X(SIMD_SHL_SHIFT_D, "0Qu0111101hhhiii0oooo1nnnnnddddd", op_simd_shift_imm, 0)              \
  X(SIMD_SHL_SHIFT_S, "0Qu01111001hhiii0oooo1nnnnnddddd", op_simd_shift_imm, 0)              \
  X(SIMD_SHL_SHIFT_H, "0Qu011110001hiii0oooo1nnnnnddddd", op_simd_shift_imm, 0)              \
  X(SIMD_SHL_SHIFT_B, "0Qu0111100001iii0oooo1nnnnnddddd", op_simd_shift_imm, 0)              \
  X(SIMD_SHL_SHIFTN_S, "0Qu01111001hhiii10ooo1nnnnnddddd", op_simd_shift_imm, 0)             \
  X(SIMD_SHL_SHIFTN_H, "0Qu011110001hiii10ooo1nnnnnddddd", op_simd_shift_imm, 0)             \
  X(SIMD_SHL_SHIFTN_B, "0Qu0111100001iii10ooo1nnnnnddddd", op_simd_shift_imm, 0)             \
  X(SIMD_SHL_SHIFT_SCALAR, "01u111110hhhhiii0oooo1nnnnnddddd", op_simd_shift_imm_scalar, 0)  \
  X(SIMD_SHL_SHIFTN_SCALAR, "01u111110hhhhiii10ooo1nnnnnddddd", op_simd_shift_imm_scalar, 0) \
  X(SIMD_SHL_ELEM_EVEN, "0Qu01111zzLMmmmmooo0H0nnnnnddddd", op_simd_elem, 0)                 \
  X(SIMD_SHL_ELEM_ODD, "0Qu01111zzLMmmmmoo11H0nnnnnddddd", op_simd_elem, 0)                  \
  X(SIMD_SHL_ELEM_RDMULH, "0Qu01111zzLMmmmm1101H0nnnnnddddd", op_simd_elem, 0)               \
  X(SIMD_SHL_ELEM_SCALAR_LONG, "01011111zzLMmmmmoo11H0nnnnnddddd", op_simd_elem_scalar, 0)   \
  X(SIMD_SHL_ELEM_SCALAR_MULH, "01011111zzLMmmmm110oH0nnnnnddddd", op_simd_elem_scalar, 0)

namespace cuarm::core {

namespace shl {

// opcode (bits 15:12) -> long operation, for U=0 / U=1 (None: unallocated).
CUARM_HD CUARM_INLINE LongOp long_op_3diff(uint32_t opcode, uint32_t u) {
  switch (opcode) {
    case 0:
    case 1: return LongOp::Add;
    case 2:
    case 3: return LongOp::Sub;
    case 5: return LongOp::Aba;
    case 7: return LongOp::Abd;
    case 8: return LongOp::Mla;
    case 10: return LongOp::Mls;
    case 12: return LongOp::Mul;
    case 9: return u ? LongOp::None : LongOp::QdMla;
    case 11: return u ? LongOp::None : LongOp::QdMls;
    case 13: return u ? LongOp::None : LongOp::QdMul;
    default: return LongOp::None;
  }
}

// The element index and register of the by-element operand: size 01 uses H:L:M and V0-V15,
// size 10 uses H:L and M:Rm. Returns false for sizes 00 and 11 (reserved for integer forms).
CUARM_HD CUARM_INLINE bool elem_operand(uint32_t w, uint32_t* index, uint32_t* rm) {
  const uint32_t size = bits(w, 23, 22), h = bit(w, 11), l = bit(w, 21), mbit = bit(w, 20);
  if (size == 1) {
    *index = h << 2 | l << 1 | mbit;
    *rm = bits(w, 19, 16);
    return true;
  }
  if (size == 2) {
    *index = h << 1 | l;
    *rm = bits(w, 20, 16);
    return true;
  }
  return false;
}

}  // namespace shl

// ------------------------------------------------------------------ three different
// SADDL..UMULL, SADDW/USUBW, ADDHN/SUBHN/RADDHN/RSUBHN, SQDMLAL/SQDMLSL/SQDMULL, PMULL (and
// their "2" forms, Q=1, which take the upper half of the narrow operands or write the upper
// half of Vd).
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_3diff(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), u = bit(w, 29), size = bits(w, 23, 22), opcode = bits(w, 15, 12);
  const uint32_t m = bits(w, 20, 16), n = bits(w, 9, 5), d = bits(w, 4, 0);
  const Vec128 vn = vget(c, n), vm = vget(c, m), vd = vget(c, d);
  Vec128 r{0, 0};
  if (opcode == 14) {  // PMULL/PMULL2: 8x8 -> 16 bits, or 64x64 -> 128 bits (crypto extension)
    if (u || size == 1 || size == 2) return undefined(c, w);
    if (size == 3) {
      r = shl::clmul64(q ? vn.hi : vn.lo, q ? vm.hi : vm.lo);
    } else {
      for (uint32_t e = 0; e < 8; ++e)
        velem_put(r, e, 16, shl::clmul8(velem_get(vn, 8 * q + e, 8), velem_get(vm, 8 * q + e, 8)));
    }
    vset(c, d, r);
    return Stop::None;
  }
  if (size == 3) return undefined(c, w);
  const uint32_t esize = 8u << size, elements = 64 / esize;
  if (opcode == 4 || opcode == 6) {  // ADDHN, SUBHN, RADDHN, RSUBHN: high half of 2*esize sums
    const uint64_t round = u ? uint64_t(1) << (esize - 1) : 0;
    for (uint32_t e = 0; e < elements; ++e) {
      const uint64_t a = velem_get(vn, e, 2 * esize), b = velem_get(vm, e, 2 * esize);
      const uint64_t s = (opcode == 4 ? a + b : a - b) + round;
      velem_put(r, e, esize, s >> esize);
    }
    if (q)
      vset(c, d, vd.lo, r.lo);  // Vpart[d, 1]: the lower half of Vd is kept
    else
      vset64(c, d, r.lo);
    return Stop::None;
  }
  const shl::LongOp op = shl::long_op_3diff(opcode, u);
  if (op == shl::LongOp::None || (shl::long_op_saturates(op) && size == 0)) return undefined(c, w);
  const bool wide = opcode == 1 || opcode == 3;  // SADDW/SSUBW: Vn holds 2*esize elements
  bool sat = false;
  for (uint32_t e = 0; e < elements; ++e) {
    const uint64_t a = wide ? velem_get(vn, e, 2 * esize) : shl::ext(velem_get(vn, q * elements + e, esize), esize, u);
    const uint64_t b = shl::ext(velem_get(vm, q * elements + e, esize), esize, u);
    velem_put(r, e, 2 * esize, shl::long_elem(op, u, a, b, velem_get(vd, e, 2 * esize), esize, sat));
  }
  vset(c, d, r);
  if (sat) set_qc(c);
  return Stop::None;
}

// Scalar SQDMLAL, SQDMLSL, SQDMULL (opcodes 1001, 1011, 1101; U=0): 16 or 32-bit elements.
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_3diff_scalar(C& c, uint32_t w) {
  const uint32_t size = bits(w, 23, 22), opcode = bits(w, 15, 12);
  const uint32_t m = bits(w, 20, 16), n = bits(w, 9, 5), d = bits(w, 4, 0);
  const shl::LongOp op = shl::long_op_3diff(opcode, 0);
  if (op == shl::LongOp::None || size == 0 || size == 3) return undefined(c, w);
  const uint32_t esize = 8u << size;
  bool sat = false;
  const uint64_t r =
      shl::long_elem(op, 0, shl::ext(velem_u(c, n, 0, esize), esize, 0), shl::ext(velem_u(c, m, 0, esize), esize, 0),
                     velem_u(c, d, 0, 2 * esize), esize, sat);
  vset64(c, d, r & ones(int(2 * esize)));
  if (sat) set_qc(c);
  return Stop::None;
}

// ------------------------------------------------------------------ shift by immediate
// Vector: SSHR..USHLL (see shl::shift_same_elem / shl::shift_narrow_elem for the opcodes).
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_shift_imm(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), u = bit(w, 29), immh = bits(w, 22, 19), immhb = bits(w, 22, 16);
  const uint32_t opcode = bits(w, 15, 11), n = bits(w, 9, 5), d = bits(w, 4, 0);
  const uint32_t hs = immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;  // HighestSetBit(immh)
  const uint32_t esize = 8u << hs;
  const Vec128 vn = vget(c, n), vd = vget(c, d);
  Vec128 r{0, 0};
  bool sat = false;
  if (opcode < 16) {
    if ((hs == 3 && !q) || !shl::shift_same_allocated(opcode, u)) return undefined(c, w);
    const uint32_t elements = (q ? 128 : 64) / esize;
    for (uint32_t e = 0; e < elements; ++e)
      velem_put(r, e, esize,
                shl::shift_same_elem(opcode, u, velem_get(vn, e, esize), velem_get(vd, e, esize), esize, immhb, sat));
    vset_q(c, d, r, q);
  } else if (opcode == 20) {  // SSHLL/USHLL (SXTL/UXTL): Vpart[n, Q] widened, shifted left
    const uint32_t elements = 64 / esize, shift = immhb - esize;
    for (uint32_t e = 0; e < elements; ++e) {
      const uint64_t x = velem_get(vn, q * elements + e, esize);
      velem_put(r, e, 2 * esize, (u ? x : uint64_t(sext(x, int(esize)))) << shift);
    }
    vset(c, d, r);
  } else {
    if (opcode > 19) return undefined(c, w);
    const uint32_t elements = 64 / esize;
    for (uint32_t e = 0; e < elements; ++e)
      velem_put(r, e, esize, shl::shift_narrow_elem(opcode, u, velem_get(vn, e, 2 * esize), esize, immhb, sat));
    if (q)
      vset(c, d, vd.lo, r.lo);
    else
      vset64(c, d, r.lo);
  }
  if (sat) set_qc(c);
  return Stop::None;
}

// Scalar: SSHR..SRI/SLI/SHL need a 64-bit element (immh=1xxx); SQSHL/UQSHL/SQSHLU take any
// size; SQSHRN/UQSHRN/SQRSHRN/UQRSHRN/SQSHRUN/SQRSHRUN any but 64 (no 128-bit source). No SHRN,
// RSHRN, SSHLL, USHLL forms.
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_shift_imm_scalar(C& c, uint32_t w) {
  const uint32_t u = bit(w, 29), immh = bits(w, 22, 19), immhb = bits(w, 22, 16);
  const uint32_t opcode = bits(w, 15, 11), n = bits(w, 9, 5), d = bits(w, 4, 0);
  if (immh == 0) return undefined(c, w);
  const uint32_t hs = immh >= 8 ? 3 : immh >= 4 ? 2 : immh >= 2 ? 1 : 0;
  const uint32_t esize = 8u << hs;
  bool sat = false;
  uint64_t r;
  if (opcode < 16) {
    if (!shl::shift_same_allocated(opcode, u)) return undefined(c, w);
    if (opcode < 12 && hs != 3) return undefined(c, w);
    r = shl::shift_same_elem(opcode, u, velem_u(c, n, 0, esize), velem_u(c, d, 0, esize), esize, immhb, sat);
  } else {
    if (opcode > 19 || hs == 3 || (opcode < 18 && !u)) return undefined(c, w);
    r = shl::shift_narrow_elem(opcode, u, velem_u(c, n, 0, 2 * esize), esize, immhb, sat);
  }
  vset64(c, d, r & ones(int(esize)));
  if (sat) set_qc(c);
  return Stop::None;
}

// ------------------------------------------------------------------ x indexed element
// Vector: MUL, MLA, MLS, SQDMULH, SQRDMULH (same size), SMLAL..UMULL and SQDMLAL/SQDMLSL/SQDMULL
// (long, "2" forms with Q=1), all by element.
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_elem(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), u = bit(w, 29), opcode = bits(w, 15, 12);
  const uint32_t n = bits(w, 9, 5), d = bits(w, 4, 0);
  uint32_t index, rm;
  if (!shl::elem_operand(w, &index, &rm)) return undefined(c, w);
  const uint32_t esize = 8u << bits(w, 23, 22);
  const uint64_t b = velem_u(c, rm, index, esize);  // raw: the same-size forms use it as is
  const Vec128 vn = vget(c, n), vd = vget(c, d);
  Vec128 r{0, 0};
  bool sat = false;
  const uint32_t key = u << 4 | opcode;
  if (key == 0x08 || key == 0x10 || key == 0x14 || key == 0x0c || key == 0x0d) {
    // MUL (U=0 1000), MLA (U=1 0000), MLS (U=1 0100), SQDMULH (1100), SQRDMULH (1101)
    const uint32_t elements = (q ? 128 : 64) / esize;
    for (uint32_t e = 0; e < elements; ++e) {
      const uint64_t a = velem_get(vn, e, esize), acc = velem_get(vd, e, esize);
      uint64_t x;
      if (key == 0x0c || key == 0x0d)
        x = shl::sqdmulh_elem(a, b, esize, key == 0x0d, sat);
      else if (key == 0x08)
        x = a * b;
      else if (key == 0x10)
        x = acc + a * b;
      else
        x = acc - a * b;
      velem_put(r, e, esize, x);
    }
    vset_q(c, d, r, q);
  } else {
    shl::LongOp op;
    switch (key) {
      case 0x02:
      case 0x12: op = shl::LongOp::Mla; break;  // SMLAL, UMLAL
      case 0x06:
      case 0x16: op = shl::LongOp::Mls; break;  // SMLSL, UMLSL
      case 0x0a:
      case 0x1a: op = shl::LongOp::Mul; break;  // SMULL, UMULL
      case 0x03: op = shl::LongOp::QdMla; break;
      case 0x07: op = shl::LongOp::QdMls; break;
      case 0x0b: op = shl::LongOp::QdMul; break;
      // U=0 0000/0100 FMLAL/FMLSL (FHM), 1110 SDOT, 1111, U=1 1110 UDOT, 1101 SQRDMLAH,
      // 1111 SQRDMLSH, 0011/0111 FCMLA: later extensions; the rest unallocated.
      default: return undefined(c, w);
    }
    const uint32_t elements = 64 / esize;
    for (uint32_t e = 0; e < elements; ++e)
      velem_put(r, e, 2 * esize,
                shl::long_elem(op, u, shl::ext(velem_get(vn, q * elements + e, esize), esize, u), shl::ext(b, esize, u),
                               velem_get(vd, e, 2 * esize), esize, sat));
    vset(c, d, r);
  }
  if (sat) set_qc(c);
  return Stop::None;
}

// Scalar by element (U=0): SQDMLAL (0011), SQDMLSL (0111), SQDMULL (1011), SQDMULH (1100),
// SQRDMULH (1101); opcode 1111 is unallocated.
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_elem_scalar(C& c, uint32_t w) {
  const uint32_t opcode = bits(w, 15, 12), n = bits(w, 9, 5), d = bits(w, 4, 0);
  uint32_t index, rm;
  if (opcode == 15 || !shl::elem_operand(w, &index, &rm)) return undefined(c, w);
  const uint32_t esize = 8u << bits(w, 23, 22);
  const uint64_t a = velem_u(c, n, 0, esize), b = velem_u(c, rm, index, esize);
  bool sat = false;
  uint64_t r;
  uint32_t rsize = 2 * esize;
  if (opcode >= 12) {
    r = shl::sqdmulh_elem(a, b, esize, opcode == 13, sat);
    rsize = esize;
  } else {
    const shl::LongOp op = opcode == 3 ? shl::LongOp::QdMla : opcode == 7 ? shl::LongOp::QdMls : shl::LongOp::QdMul;
    r = shl::long_elem(op, 0, shl::ext(a, esize, 0), shl::ext(b, esize, 0), velem_u(c, d, 0, 2 * esize), esize, sat);
  }
  vset64(c, d, r & ones(int(rsize)));
  if (sat) set_qc(c);
  return Stop::None;
}

}  // namespace cuarm::core
