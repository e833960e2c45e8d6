// Branches: B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET.
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_BRANCH(X)                                         \
  X(B_IMM, "o00101iiiiiiiiiiiiiiiiiiiiiiiiii", op_b_imm, 0)         \
  X(B_COND, "01010100iiiiiiiiiiiiiiiiiii0cccc", op_b_cond, 0)       \
  X(CBZ, "s011010oiiiiiiiiiiiiiiiiiiittttt", op_cbz, 0)             \
  X(TBZ, "b011011obbbbbiiiiiiiiiiiiiittttt", op_tbz, 0)             \
  X(BR_REG, "110101100oo11111000000nnnnn00000", op_br_reg, 0)

namespace cuarm::core {

// B / BL imm26
template <class C>
CUARM_HD Stop op_b_imm(C& c, uint32_t w) {
  if (bit(w, 31)) c.s.x[30] = c.pc + 4;
  c.s.pc = c.pc + uint64_t(sext(uint64_t(bits(w, 25, 0)) << 2, 28));
  return Stop::None;
}

template <class C>
CUARM_HD Stop op_b_cond(C& c, uint32_t w) {
  if (cond_holds(c.s.nzcv, bits(w, 3, 0))) c.s.pc = c.pc + uint64_t(sext(uint64_t(bits(w, 23, 5)) << 2, 21));
  return Stop::None;
}

// CBZ (op=0) / CBNZ (op=1)
template <class C>
CUARM_HD Stop op_cbz(C& c, uint32_t w) {
  uint64_t v = xr(c, bits(w, 4, 0));
  if (!bit(w, 31)) v &= 0xffffffffu;
  if ((v == 0) != bool(bit(w, 24))) c.s.pc = c.pc + uint64_t(sext(uint64_t(bits(w, 23, 5)) << 2, 21));
  return Stop::None;
}

// TBZ (op=0) / TBNZ (op=1): bit number b5:b40
template <class C>
CUARM_HD Stop op_tbz(C& c, uint32_t w) {
  const uint32_t b = (bit(w, 31) << 5) | bits(w, 23, 19);
  const uint32_t set = (xr(c, bits(w, 4, 0)) >> b) & 1;
  if (set == bit(w, 24)) c.s.pc = c.pc + uint64_t(sext(uint64_t(bits(w, 18, 5)) << 2, 16));
  return Stop::None;
}

// BR (opc=00), BLR (01), RET (10); the 3-bit opc field sits at 23:21. Others are UNDEFINED here.
template <class C>
CUARM_HD Stop op_br_reg(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 23, 21);
  const uint64_t target = xr(c, bits(w, 9, 5));
  if (opc == 0 || opc == 2) {
    c.s.pc = target;
  } else if (opc == 1) {
    c.s.x[30] = c.pc + 4;
    c.s.pc = target;
  } else {
    return undefined(c, w);
  }
  return Stop::None;
}

}  // namespace cuarm::core
