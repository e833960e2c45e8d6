// Data processing -- register (Arm manual C4.1.95 and its encoding classes): add/subtract
// (shifted and extended register), logical (shifted register), add/subtract with carry,
// conditional compare, conditional select, data-processing (1, 2 and 3 source), CRC32.
// Profile: ARMv8.0-A + CRC32. Field values the manual leaves unallocated, or gives to later
// extensions (PAC, MTE, flag manipulation), are UNDEFINED.
#pragma once
#include "core/exec.hpp"

// Field letters: s=sf o=op/opc/opcode S=S h=shift N=N m=Rm i=imm6/imm3/imm5 n=Rn d=Rd
// p=opt/op2/opcode2 x=option c=cond q=o2 r=o3 v=nzcv a=Ra u=op31 e=op54 z=o0.
#define CUARM_ISA_DATA_REG(X)                                                  \
  X(LOGICAL_SHREG, "soo01010hhNmmmmmiiiiiinnnnnddddd", op_logical_shreg, 0)    \
  X(ADDSUB_SHREG, "soS01011hh0mmmmmiiiiiinnnnnddddd", op_addsub_shreg, 0)      \
  X(ADDSUB_EXTREG, "soS01011pp1mmmmmxxxiiinnnnnddddd", op_addsub_extreg, 0)    \
  X(ADDSUB_CARRY, "soS11010000mmmmm000000nnnnnddddd", op_addsub_carry, 0)      \
  X(CCMP_REG, "soS11010010mmmmmcccc0qnnnnnrvvvv", op_ccmp, 0)                  \
  X(CCMP_IMM, "soS11010010iiiiicccc1qnnnnnrvvvv", op_ccmp, 0)                  \
  X(COND_SELECT, "soS11010100mmmmmccccppnnnnnddddd", op_cond_select, 0)        \
  X(DP_2SRC, "s0S11010110mmmmmoooooonnnnnddddd", op_dp_2src, 0)                \
  X(DP_1SRC, "s1S11010110pppppoooooonnnnnddddd", op_dp_1src, 0)                \
  X(DP_3SRC, "see11011uuummmmmzaaaaannnnnddddd", op_dp_3src, 0)

namespace cuarm::core {

// ShiftReg(): LSL/LSR/ASR/ROR of a 32- or 64-bit value; amount < datasize.
CUARM_HD CUARM_INLINE uint64_t shift_reg(uint64_t v, uint32_t type, uint32_t amount, uint32_t sf) {
  const int width = sf ? 64 : 32;
  v &= ones(width);
  switch (type) {
    case 0: return (v << amount) & ones(width);
    case 1: return v >> amount;
    case 2: return uint64_t(sext(v, width) >> amount) & ones(width);
    default: return ror(v, amount, width);
  }
}

// ExtendReg(): UXTB..SXTX (option), then LSL by 0..4.
CUARM_HD CUARM_INLINE uint64_t extend_reg(uint64_t v, uint32_t option, uint32_t shift) {
  const int len = 8 << (option & 3);
  const uint64_t e = (option & 4) ? uint64_t(sext(v, len)) : (v & ones(len));
  return e << shift;
}

// AND, BIC, ORR, ORN, EOR, EON, ANDS, BICS (shifted register); MOV/MVN/TST are aliases.
template <class C>
CUARM_HD Stop op_logical_shreg(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), opc = bits(w, 30, 29), imm6 = bits(w, 15, 10);
  if (!sf && imm6 >= 32) return undefined(c, w);
  uint64_t op2 = shift_reg(xr(c, bits(w, 20, 16)), bits(w, 23, 22), imm6, sf);
  if (bit(w, 21)) op2 = ~op2;
  const uint64_t op1 = xr(c, bits(w, 9, 5));
  uint64_t r;
  switch (opc) {
    case 1: r = op1 | op2; break;
    case 2: r = op1 ^ op2; break;
    default: r = op1 & op2; break;
  }
  if (opc == 3) c.s.nzcv = logic_flags(r, sf);
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// ADD, ADDS, SUB, SUBS (shifted register); Rd and Rn are XZR as register 31.
template <class C>
CUARM_HD Stop op_addsub_shreg(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), type = bits(w, 23, 22), imm6 = bits(w, 15, 10);
  if (type == 3 || (!sf && imm6 >= 32)) return undefined(c, w);
  uint64_t op2 = shift_reg(xr(c, bits(w, 20, 16)), type, imm6, sf);
  const uint32_t sub = bit(w, 30);
  if (sub) op2 = ~op2;
  uint32_t nzcv;
  const uint64_t r = add_with_carry(xr(c, bits(w, 9, 5)), op2, sub, sf, &nzcv);
  if (bit(w, 29)) c.s.nzcv = nzcv;
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// ADD, ADDS, SUB, SUBS (extended register): Rn is SP; Rd is SP for ADD/SUB, XZR for ADDS/SUBS.
template <class C>
CUARM_HD Stop op_addsub_extreg(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), shift = bits(w, 12, 10);
  if (bits(w, 23, 22) != 0 || shift > 4) return undefined(c, w);
  uint64_t op2 = extend_reg(xr(c, bits(w, 20, 16)), bits(w, 15, 13), shift);
  const uint32_t sub = bit(w, 30);
  if (sub) op2 = ~op2;
  uint32_t nzcv;
  const uint64_t r = add_with_carry(xsp(c, bits(w, 9, 5)), op2, sub, sf, &nzcv);
  if (bit(w, 29)) {
    c.s.nzcv = nzcv;
    wr(c, bits(w, 4, 0), r, sf);
  } else {
    wsp(c, bits(w, 4, 0), r, sf);
  }
  return Stop::None;
}

// ADC, ADCS, SBC, SBCS (NGC/NGCS are SBC/SBCS with Rn = XZR).
template <class C>
CUARM_HD Stop op_addsub_carry(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31);
  uint64_t op2 = xr(c, bits(w, 20, 16));
  if (bit(w, 30)) op2 = ~op2;
  uint32_t nzcv;
  const uint64_t r = add_with_carry(xr(c, bits(w, 9, 5)), op2, (c.s.nzcv & kFlagC) ? 1 : 0, sf, &nzcv);
  if (bit(w, 29)) c.s.nzcv = nzcv;
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// CCMN (op=0), CCMP (op=1), register (bit 11 = 0) or imm5 (bit 11 = 1) second operand.
// Only S=1, o2=0, o3=0 is allocated.
template <class C>
CUARM_HD Stop op_ccmp(C& c, uint32_t w) {
  if (!bit(w, 29) || bit(w, 10) || bit(w, 4)) return undefined(c, w);
  const uint32_t sf = bit(w, 31);
  if (cond_holds(c.s.nzcv, bits(w, 15, 12))) {
    uint64_t op2 = bit(w, 11) ? bits(w, 20, 16) : xr(c, bits(w, 20, 16));
    const uint32_t sub = bit(w, 30);
    if (sub) op2 = ~op2;
    uint32_t nzcv;
    add_with_carry(xr(c, bits(w, 9, 5)), op2, sub, sf, &nzcv);
    c.s.nzcv = nzcv;
  } else {
    c.s.nzcv = bits(w, 3, 0) << 28;
  }
  return Stop::None;
}

// CSEL, CSINC (op2<0>), CSINV (op), CSNEG (op and op2<0>); CSET/CSETM/CINC/CINV/CNEG are aliases.
template <class C>
CUARM_HD Stop op_cond_select(C& c, uint32_t w) {
  const uint32_t op2 = bits(w, 11, 10);
  if (bit(w, 29) || (op2 & 2)) return undefined(c, w);
  const uint32_t sf = bit(w, 31);
  uint64_t r;
  if (cond_holds(c.s.nzcv, bits(w, 15, 12))) {
    r = xr(c, bits(w, 9, 5));
  } else {
    r = xr(c, bits(w, 20, 16));
    if (bit(w, 30)) r = ~r;
    if (op2 & 1) r += 1;
  }
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// CRC32*/CRC32C* over `bytes` bytes of val, bit-reflected as the manual's pseudocode works out:
// each data bit enters at the low end, and the reflected polynomial is applied bit by bit.
CUARM_HD CUARM_INLINE uint32_t crc32_update(uint32_t acc, uint64_t val, int bytes, uint32_t rpoly) {
  for (int i = 0; i < bytes; ++i) {
    acc ^= uint32_t(val >> (8 * i)) & 0xffu;
    for (int k = 0; k < 8; ++k) acc = (acc >> 1) ^ (rpoly & (0u - (acc & 1u)));
  }
  return acc;
}

// UDIV, SDIV, LSLV, LSRV, ASRV, RORV, CRC32{B,H,W,X}, CRC32C{B,H,W,X}.
template <class C>
CUARM_HD Stop op_dp_2src(C& c, uint32_t w) {
  if (bit(w, 29)) return undefined(c, w);
  const uint32_t sf = bit(w, 31), opcode = bits(w, 15, 10);
  const int width = sf ? 64 : 32;
  const uint64_t a = xr(c, bits(w, 9, 5)) & ones(width), b = xr(c, bits(w, 20, 16)) & ones(width);
  uint64_t r;
  switch (opcode) {
    case 0x02:  // UDIV: division by zero gives 0 (no trap in AArch64)
      r = b == 0 ? 0 : a / b;
      break;
    case 0x03: {  // SDIV: rounds toward zero; INT_MIN / -1 wraps to INT_MIN
      const int64_t sa = sext(a, width), sb = sext(b, width);
      if (sb == 0)
        r = 0;
      else if (sb == -1)
        r = 0 - a;  // avoids the C++ overflow of INT64_MIN / -1
      else
        r = uint64_t(sa / sb);
      break;
    }
    case 0x08: r = shift_reg(a, 0, uint32_t(b) % width, sf); break;  // LSLV
    case 0x09: r = shift_reg(a, 1, uint32_t(b) % width, sf); break;  // LSRV
    case 0x0a: r = shift_reg(a, 2, uint32_t(b) % width, sf); break;  // ASRV
    case 0x0b: r = shift_reg(a, 3, uint32_t(b) % width, sf); break;  // RORV
    case 0x10: case 0x11: case 0x12: case 0x13:
    case 0x14: case 0x15: case 0x16: case 0x17: {
      // CRC32X/CRC32CX only with sf=1, the B/H/W forms only with sf=0.
      const uint32_t sz = opcode & 3;
      if ((sz == 3) != bool(sf)) return undefined(c, w);
      const uint32_t rpoly = (opcode & 4) ? 0x82F63B78u : 0xEDB88320u;  // 0x1EDC6F41 / 0x04C11DB7 reflected
      r = crc32_update(uint32_t(a), xr(c, bits(w, 20, 16)), 1 << sz, rpoly);
      wr(c, bits(w, 4, 0), r, 0);
      return Stop::None;
    }
    default:
      return undefined(c, w);
  }
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// RBIT, REV16, REV32, REV, CLZ, CLS. opcode2 != 0 is PAC (ARMv8.3): UNDEFINED here.
template <class C>
CUARM_HD Stop op_dp_1src(C& c, uint32_t w) {
  if (bit(w, 29) || bits(w, 20, 16) != 0) return undefined(c, w);
  const uint32_t sf = bit(w, 31), opcode = bits(w, 15, 10);
  const uint64_t v = xr(c, bits(w, 9, 5)) & ones(sf ? 64 : 32);
  uint64_t r;
  switch (opcode) {
    case 0:  // RBIT
      r = sf ? bitreverse64(v) : bitreverse64(v) >> 32;
      break;
    case 1:  // REV16: bytes swapped inside each halfword
      r = ((v >> 8) & 0x00ff00ff00ff00ffull) | ((v & 0x00ff00ff00ff00ffull) << 8);
      break;
    case 2:  // REV32 (64-bit) or REV (32-bit): bytes reversed inside each word
      r = ror(byteswap64(v), 32, 64);
      break;
    case 3:  // REV (64-bit); the 32-bit encoding is unallocated
      if (!sf) return undefined(c, w);
      r = byteswap64(v);
      break;
    case 4:  // CLZ
      r = sf ? clz64(v) : clz64(v) - 32;
      break;
    case 5: {  // CLS: CountLeadingZeroBits(x<N-1:1> EOR x<N-2:0>)
      const uint64_t diff = ((v ^ (v << 1)) & ones(sf ? 64 : 32)) | 1;
      r = sf ? clz64(diff) : clz64(diff) - 32;
      break;
    }
    default:
      return undefined(c, w);
  }
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// MADD, MSUB, SMADDL, SMSUBL, SMULH, UMADDL, UMSUBL, UMULH. Ra of SMULH/UMULH is "(11111)"
// in the manual; other values are ignored, as on hardware.
template <class C>
CUARM_HD Stop op_dp_3src(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), op31 = bits(w, 23, 21), o0 = bit(w, 15);
  if (bits(w, 30, 29) != 0 || (!sf && op31 != 0)) return undefined(c, w);
  const uint64_t n = xr(c, bits(w, 9, 5)), m = xr(c, bits(w, 20, 16)), a = xr(c, bits(w, 14, 10));
  uint64_t prod;
  switch (op31) {
    case 0: prod = n * m; break;                                           // MADD/MSUB
    case 1: prod = uint64_t(sext(n, 32) * sext(m, 32)); break;             // SMADDL/SMSUBL
    case 5: prod = (n & 0xffffffffu) * (m & 0xffffffffu); break;           // UMADDL/UMSUBL
    case 2:                                                                // SMULH
      if (o0) return undefined(c, w);
      wr(c, bits(w, 4, 0), uint64_t(smulh(int64_t(n), int64_t(m))));
      return Stop::None;
    case 6:                                                                // UMULH
      if (o0) return undefined(c, w);
      wr(c, bits(w, 4, 0), umulh(n, m));
      return Stop::None;
    default:
      return undefined(c, w);
  }
  wr(c, bits(w, 4, 0), o0 ? a - prod : a + prod, sf);
  return Stop::None;
}

}  // namespace cuarm::core
