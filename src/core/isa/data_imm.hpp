// Data processing -- immediate (Arm manual C4.1.86): PC-relative addressing (ADR, ADRP),
// add/subtract (immediate), logical (immediate), move wide (immediate), bitfield (SBFM, BFM,
// UBFM and their aliases) and extract (EXTR, ROR alias).
#pragma once
#include "core/exec.hpp"

// Rows: X(name, pattern, handler, flags). See isa/table.hpp for the row format.
// Fields: s=sf, o=op/opc/op21 (and o0 in EXTR), S=S, h=sh/hw, N=N, r=immr, and in the
// logical/bitfield/extract rows the 6 bits after immr (or Rm) are imms; i=imm, m=Rm, n=Rn, d=Rd.
// Add/subtract with tags (bit 23 = 1, ARMv8.5 MTE) is left out of the add/sub row, so it stays
// UNDEFINED.
#define CUARM_ISA_DATA_IMM(X)                                          \
  X(ADR, "oii10000iiiiiiiiiiiiiiiiiiiddddd", op_adr, 0)                \
  X(ADD_IMM, "soS100010hiiiiiiiiiiiinnnnnddddd", op_add_imm, 0)        \
  X(LOGIC_IMM, "soo100100Nrrrrrrssssssnnnnnddddd", op_logic_imm, 0)    \
  X(MOVE_WIDE, "soo100101hhiiiiiiiiiiiiiiiiddddd", op_move_wide, 0)    \
  X(BITFIELD, "soo100110Nrrrrrrssssssnnnnnddddd", op_bitfield, 0)      \
  X(EXTR, "soo100111Nommmmmssssssnnnnnddddd", op_extr, 0)

namespace cuarm::core {

// Result of the manual's DecodeBitMasks(); ok == false where the manual says UNDEFINED.
struct BitMasks {
  uint64_t wmask, tmask;
  bool ok;
};

// DecodeBitMasks(immN, imms, immr, immediate) for M = 64 or 32 (the 64-bit masks; a 32-bit
// instruction uses their low halves, which equal the 32-bit masks since esize divides 32).
CUARM_HD constexpr BitMasks decode_bit_masks(uint32_t n, uint32_t imms, uint32_t immr, bool immediate,
                                              uint32_t datasize) {
  // len = HighestSetBit(immN:NOT(imms)): the element size is 2^len bits.
  const uint32_t x = (n << 6) | (~imms & 0x3f);
  int len = -1;
  for (int b = 6; b >= 0; --b)
    if ((x >> b) & 1) {
      len = b;
      break;
    }
  if (len < 1 || (1u << len) > datasize) return {0, 0, false};
  const uint32_t levels = (1u << len) - 1;
  // An all-ones S would give an all-ones logical immediate: the manual reserves it.
  if (immediate && (imms & levels) == levels) return {0, 0, false};
  const uint32_t s = imms & levels, r = immr & levels, esize = 1u << len;
  const uint32_t d = (s - r) & levels;  // 6-bit subtract with borrow, low len bits kept
  const uint64_t emask = esize == 64 ? ~uint64_t(0) : (uint64_t(1) << esize) - 1;
  const uint64_t welem = (s + 1 >= 64) ? ~uint64_t(0) : (uint64_t(1) << (s + 1)) - 1;
  const uint64_t telem = (d + 1 >= 64) ? ~uint64_t(0) : (uint64_t(1) << (d + 1)) - 1;
  uint64_t w = r == 0 ? welem : ((welem >> r) | (welem << (esize - r))) & emask;  // ROR(welem, R)
  uint64_t t = telem;
  for (uint32_t sz = esize; sz < 64; sz <<= 1) {  // Replicate() to 64 bits
    w |= w << sz;
    t |= t << sz;
  }
  return {w, t, true};
}

// Compile-time self-checks: known masks and the two reserved forms.
static_assert(decode_bit_masks(0, 0x3c, 0, true, 64).wmask == 0x5555555555555555ull, "2-bit element");
static_assert(decode_bit_masks(0, 0x27, 0, true, 64).wmask == 0x00ff00ff00ff00ffull, "16-bit element");
static_assert(decode_bit_masks(1, 0x3f, 0, true, 64).ok == false, "all-ones reserved");
static_assert(decode_bit_masks(0, 0x3f, 0, false, 64).ok == false, "len < 1 reserved");

// ADR (op=0): Xd = PC + imm; ADRP (op=1): Xd = page of PC + imm * 4096. Rd 31 is XZR.
template <class C>
CUARM_HD Stop op_adr(C& c, uint32_t w) {
  const int64_t imm = sext((uint64_t(bits(w, 23, 5)) << 2) | bits(w, 30, 29), 21);
  const uint64_t v = bit(w, 31) ? (c.pc & ~uint64_t(0xfff)) + (uint64_t(imm) << 12) : c.pc + uint64_t(imm);
  wr(c, bits(w, 4, 0), v);
  return Stop::None;
}

// ADD/ADDS/SUB/SUBS (immediate): Rn is SP-capable; Rd is SP without S and XZR with S (the
// CMP/CMN aliases). SUB is Rn + NOT(imm) + 1, as the manual's AddWithCarry() form.
template <class C>
CUARM_HD Stop op_add_imm(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), sub = bit(w, 30), setflags = bit(w, 29);
  const uint64_t imm = uint64_t(bits(w, 21, 10)) << (bit(w, 22) ? 12 : 0);
  const uint64_t a = xsp(c, bits(w, 9, 5));
  if (!setflags) {  // ADD/SUB (the common case): no flags to compute
    wsp(c, bits(w, 4, 0), sub ? a - imm : a + imm, sf);
    return Stop::None;
  }
  uint32_t nzcv;
  const uint64_t r = add_with_carry(a, sub ? ~imm : imm, sub, sf, &nzcv);
  c.s.nzcv = nzcv;
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

// AND/ORR/EOR/ANDS (immediate): Rd is SP except for ANDS (XZR, the TST alias).
template <class C>
CUARM_HD Stop op_logic_imm(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), opc = bits(w, 30, 29);
  if (!sf && bit(w, 22)) return undefined(c, w);  // N=1 needs a 64-bit element
  const BitMasks bm = decode_bit_masks(bit(w, 22), bits(w, 15, 10), bits(w, 21, 16), true, sf ? 64 : 32);
  if (!bm.ok) return undefined(c, w);
  const uint64_t a = xr(c, bits(w, 9, 5));
  const uint32_t d = bits(w, 4, 0);
  switch (opc) {
    case 0: wsp(c, d, a & bm.wmask, sf); break;
    case 1: wsp(c, d, a | bm.wmask, sf); break;
    case 2: wsp(c, d, a ^ bm.wmask, sf); break;
    default: {
      const uint64_t r = a & bm.wmask;
      c.s.nzcv = logic_flags(r, sf);
      wr(c, d, r, sf);
      break;
    }
  }
  return Stop::None;
}

// MOVN (opc=00), MOVZ (10), MOVK (11); opc=01 and, for W registers, hw >= 2 are unallocated.
template <class C>
CUARM_HD Stop op_move_wide(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), opc = bits(w, 30, 29), hw = bits(w, 22, 21), d = bits(w, 4, 0);
  if (opc == 1 || (!sf && hw >= 2)) return undefined(c, w);
  const uint32_t pos = hw * 16;
  const uint64_t imm = uint64_t(bits(w, 20, 5)) << pos;
  uint64_t r;
  if (opc == 3)
    r = (xr(c, d) & ~(uint64_t(0xffff) << pos)) | imm;
  else
    r = opc == 0 ? ~imm : imm;
  wr(c, d, r, sf);
  return Stop::None;
}

// SBFM (opc=00), BFM (01), UBFM (10): the manual's one algorithm for all their aliases
// (ASR/LSL/LSR, SXT*/UXT*, SBFIZ/SBFX/UBFIZ/UBFX/BFI/BFXIL).
template <class C>
CUARM_HD Stop op_bitfield(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), opc = bits(w, 30, 29), n = bit(w, 22);
  const uint32_t immr = bits(w, 21, 16), imms = bits(w, 15, 10), d = bits(w, 4, 0);
  if (opc == 3 || n != sf) return undefined(c, w);
  if (!sf && ((immr | imms) & 0x20)) return undefined(c, w);
  const uint32_t datasize = sf ? 64 : 32;
  const BitMasks bm = decode_bit_masks(n, imms, immr, false, datasize);
  if (!bm.ok) return undefined(c, w);  // not reachable after the checks above; kept for safety
  const uint64_t dmask = ones(int(datasize));
  const uint64_t wmask = bm.wmask & dmask, tmask = bm.tmask & dmask;
  const bool inzero = opc != 1, extend = opc == 0;
  const uint64_t dst = inzero ? 0 : xr(c, d);
  const uint64_t src = xr(c, bits(w, 9, 5)) & dmask;
  const uint64_t bot = (dst & ~wmask) | (ror(src, immr, int(datasize)) & wmask);
  const uint64_t top = extend ? (((src >> imms) & 1) ? dmask : 0) : dst;
  wr(c, d, (top & ~tmask) | (bot & tmask), sf);
  return Stop::None;
}

// EXTR: bits <lsb+datasize-1:lsb> of Rn:Rm (ROR (immediate) when Rn == Rm).
template <class C>
CUARM_HD Stop op_extr(C& c, uint32_t w) {
  const uint32_t sf = bit(w, 31), lsb = bits(w, 15, 10);
  if (bits(w, 30, 29) != 0 || bit(w, 21) != 0) return undefined(c, w);  // op21, o0
  if (bit(w, 22) != sf || (!sf && lsb >= 32)) return undefined(c, w);
  const uint64_t hi = xr(c, bits(w, 9, 5)), lo = xr(c, bits(w, 20, 16));
  uint64_t r;
  if (sf)
    r = lsb == 0 ? lo : (lo >> lsb) | (hi << (64 - lsb));
  else
    r = (((hi & 0xffffffffu) << 32) | (lo & 0xffffffffu)) >> lsb;
  wr(c, bits(w, 4, 0), r, sf);
  return Stop::None;
}

}  // namespace cuarm::core
