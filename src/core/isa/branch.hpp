// Branches (Arm manual, "Branches, Exception Generating and System instructions"): B, BL, B.cond, CBZ/CBNZ, TBZ/TBNZ, BR, BLR, RET.
// Left UNDEFINED on purpose: BC.cond (B.cond with bit 4 set, ARMv8.8), the pointer
// authentication forms of the register branches (BRAA*, BLRAA*, RETAA/RETAB, ARMv8.3: op3 or
// op4 non-zero, or opc<3> set), ERET/ERETAA/DRPS (opc<2> set, not EL0 instructions) and opc = 0011.
#pragma once
#include "core/exec.hpp"

// Rows: X(name, pattern, handler, flags). See isa/table.hpp for the row format and the flags.
// Fields: i = imm26/imm19/imm14 (the word offset of a direct branch), c = cond, s = sf,
// o = op (CBNZ, TBNZ), b = b5:b40, t = Rt, n = Rn. B and BL, and BR, BLR and RET, are rows of
// their own (one handler each pair/triple) so that the flags can say which ones link.
#define CUARM_ISA_BRANCH(X)                                                                 \
  X(B, "000101iiiiiiiiiiiiiiiiiiiiiiiiii", op_b_imm, kBranch | kDirect)                     \
  X(BL, "100101iiiiiiiiiiiiiiiiiiiiiiiiii", op_b_imm, kBranch | kDirect | kLink)            \
  X(B_COND, "01010100iiiiiiiiiiiiiiiiiii0cccc", op_b_cond, kBranch | kDirect | kConditional) \
  X(CBZ, "s011010oiiiiiiiiiiiiiiiiiiittttt", op_cbz, kBranch | kDirect | kConditional)       \
  X(TBZ, "b011011obbbbbiiiiiiiiiiiiiittttt", op_tbz, kBranch | kDirect | kConditional)       \
  X(BR, "1101011000011111000000nnnnn00000", op_br_reg, kBranch)                             \
  X(BLR, "1101011000111111000000nnnnn00000", op_br_reg, kBranch | kLink)                    \
  X(RET, "1101011001011111000000nnnnn00000", op_br_reg, kBranch)

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

// BR (opc=0000), BLR (0001), RET (0010): the rows fix opc, op2 = 11111, op3 = 000000 and op4 =
// 00000 (opc = 0011 has no row: UNDEFINED). The target is read before BLR writes X30, so BLR X30
// jumps to the old X30.
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
