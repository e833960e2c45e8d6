// Branches (Arm manual, "Branches, Exception Generating and System instructions"): B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET.
// Left UNDEFINED on purpose: BC.cond (B.cond with bit 4 set, ARMv8.8), the pointer
// authentication forms of the register branches (BRAA*, BLRAA*, RETAA/RETAB, ARMv8.3: op3 or
// op4 non-zero, or opc<3> set), ERET/ERETAA/DRPS (opc<2> set, not EL0 instructions) and opc = 0011.
#pragma once
#include "core/exec.hpp"

// Rows: X(name, pattern, handler, flags). See isa/table.hpp for the row format.
// Fields: o = op (opc<1:0> in BR_REG), i = imm26/imm19/imm14, c = cond, s = sf, b = b5:b40,
// t = Rt, n = Rn.
#define CUARM_ISA_BRANCH(X)                                         \
  X(B_IMM, "o00101iiiiiiiiiiiiiiiiiiiiiiiiii", op_b_imm, 0)         \
  X(B_COND, "01010100iiiiiiiiiiiiiiiiiii0cccc", op_b_cond, 0)       \
  X(CBZ, "s011010oiiiiiiiiiiiiiiiiiiittttt", op_cbz, 0)             \
  X(TBZ, "b011011obbbbbiiiiiiiiiiiiiittttt", op_tbz, 0)             \
  X(BR_REG, "110101100oo11111000000nnnnn00000", op_br_reg, 0)

namespace cuarm::core {

// B (op=0) / BL (op=1): imm26 words either way, +-128 MiB.
template <class C>
CUARM_HD Stop op_b_imm(C& c, uint32_t w) {
  if (bit(w, 31)) c.s.x[30] = c.pc + 4;
  c.next = c.pc + uint64_t(sext(uint64_t(bits(w, 25, 0)) << 2, 28));
  return Stop::None;
}

// B.cond: all 16 conditions; AL and NV both mean always (ConditionHolds).
template <class C>
CUARM_HD Stop op_b_cond(C& c, uint32_t w) {
  if (cond_holds(c.s.nzcv, bits(w, 3, 0))) c.next = c.pc + uint64_t(sext(uint64_t(bits(w, 23, 5)) << 2, 21));
  return Stop::None;
}

// CBZ (op=0) / CBNZ (op=1)
template <class C>
CUARM_HD Stop op_cbz(C& c, uint32_t w) {
  uint64_t v = xr(c, bits(w, 4, 0));
  if (!bit(w, 31)) v &= 0xffffffffu;
  if ((v == 0) != bool(bit(w, 24))) c.next = c.pc + uint64_t(sext(uint64_t(bits(w, 23, 5)) << 2, 21));
  return Stop::None;
}

// TBZ (op=0) / TBNZ (op=1): bit number b5:b40 (b5 = 0 is the W form, bits 0..31).
template <class C>
CUARM_HD Stop op_tbz(C& c, uint32_t w) {
  const uint32_t b = (bit(w, 31) << 5) | bits(w, 23, 19);
  const uint32_t set = (xr(c, bits(w, 4, 0)) >> b) & 1;
  if (set == bit(w, 24)) c.next = c.pc + uint64_t(sext(uint64_t(bits(w, 18, 5)) << 2, 16));
  return Stop::None;
}

// BR (opc=0000), BLR (0001), RET (0010). The row fixes opc<3:2> (bits 24:23) = 00, op2 = 11111,
// op3 = 000000 and op4 = 00000, so only opc = 0011 is left to reject. The target is read before
// BLR writes X30, so BLR X30 jumps to the old X30.
template <class C>
CUARM_HD Stop op_br_reg(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 23, 21);
  const uint64_t target = xr(c, bits(w, 9, 5));
  if (opc == 0 || opc == 2) {
    c.next = target;
  } else if (opc == 1) {
    c.s.x[30] = c.pc + 4;
    c.next = target;
  } else {
    return undefined(c, w);
  }
  return Stop::None;
}

}  // namespace cuarm::core
