// SIMD&FP loads and stores (Arm manual C4.1.88, the V=1 encodings): LDR (literal) of S/D/Q;
// LDR/STR of B/H/S/D/Q (unscaled, post-index, pre-index, register offset, unsigned offset);
// LDP/STP/LDNP/STNP of S/D/Q; the Advanced SIMD structure loads and stores LD1-LD4/ST1-ST4
// (multiple structures, single lane, LD1R-LD4R replicate), with and without post-index.
// Unallocated: unprivileged forms (LDTR/STTR have no V=1 encoding: no row), size/opc pairs
// other than B/H/S/D/Q, opc=11 of literals and pairs, the structure opcodes the manual leaves
// unallocated (handlers return UNDEFINED).
// Every multi-part access reads all of its memory before writing a register, and checks a
// store's whole range before writing memory, so that a fault leaves the state unchanged.
#pragma once
#include "core/exec.hpp"
#include "core/simd.hpp"

// Field letters: s=size o=opc L=L i=imm9/imm12/imm19/imm7 m=Rm x=option S=S a=Rt2 n=Rn t=Rt
// Q=Q R=R (structure count bit of the single-structure forms).
#define CUARM_ISA_SIMD_LOAD_STORE(X)                                                 \
  X(SIMD_LDST_LIT, "oo011100iiiiiiiiiiiiiiiiiiittttt", op_simd_ldr_lit, kMemory)           \
  X(SIMD_LDST_UNSCALED, "ss111100oo0iiiiiiiii00nnnnnttttt", op_simd_ldst_imm9, kMemory)    \
  X(SIMD_LDST_POST, "ss111100oo0iiiiiiiii01nnnnnttttt", op_simd_ldst_imm9, kMemory)        \
  X(SIMD_LDST_PRE, "ss111100oo0iiiiiiiii11nnnnnttttt", op_simd_ldst_imm9, kMemory)         \
  X(SIMD_LDST_REGOFF, "ss111100oo1mmmmmxxxS10nnnnnttttt", op_simd_ldst_regoff, kMemory)    \
  X(SIMD_LDST_UIMM, "ss111101ooiiiiiiiiiiiinnnnnttttt", op_simd_ldst_uimm, kMemory)        \
  X(SIMD_LDST_PAIR_NA, "oo1011000Liiiiiiiaaaaannnnnttttt", op_simd_ldst_pair, kMemory)     \
  X(SIMD_LDST_PAIR_POST, "oo1011001Liiiiiiiaaaaannnnnttttt", op_simd_ldst_pair, kMemory)   \
  X(SIMD_LDST_PAIR_OFF, "oo1011010Liiiiiiiaaaaannnnnttttt", op_simd_ldst_pair, kMemory)    \
  X(SIMD_LDST_PAIR_PRE, "oo1011011Liiiiiiiaaaaannnnnttttt", op_simd_ldst_pair, kMemory)    \
  X(SIMD_LDST_MULT, "0Q0011000L000000oooossnnnnnttttt", op_simd_ldst_multiple, kMemory)    \
  X(SIMD_LDST_MULT_POST, "0Q0011001L0mmmmmoooossnnnnnttttt", op_simd_ldst_multiple, kMemory) \
  X(SIMD_LDST_SINGLE, "0Q0011010LR00000oooSssnnnnnttttt", op_simd_ldst_single, kMemory)    \
  X(SIMD_LDST_SINGLE_POST, "0Q0011011LRmmmmmoooSssnnnnnttttt", op_simd_ldst_single, kMemory)

namespace cuarm::core {

// A load of 1 << scale bytes (scale 0..4) into V[t], zero-extended to 128 bits. Both halves
// of a Q load are read before the register is written.
template <class C>
CUARM_HD CUARM_INLINE bool vload(C& c, uint64_t addr, uint32_t scale, Vec128& out) {
  if (scale == 4) return load<uint64_t>(c, addr, out.lo) && load<uint64_t>(c, addr + 8, out.hi);
  out.hi = 0;
  switch (scale) {
    case 0: {
      uint8_t v;
      if (!load<uint8_t>(c, addr, v)) return false;
      out.lo = v;
      return true;
    }
    case 1: {
      uint16_t v;
      if (!load<uint16_t>(c, addr, v)) return false;
      out.lo = v;
      return true;
    }
    case 2: {
      uint32_t v;
      if (!load<uint32_t>(c, addr, v)) return false;
      out.lo = v;
      return true;
    }
    default: return load<uint64_t>(c, addr, out.lo);
  }
}

// A store of the low 1 << scale bytes of V[t]. The caller has checked the range (can_store)
// where a partial store must not happen.
template <class C>
CUARM_HD CUARM_INLINE bool vstore(C& c, uint64_t addr, uint32_t scale, const Vec128& v) {
  switch (scale) {
    case 0: return store<uint8_t>(c, addr, uint8_t(v.lo));
    case 1: return store<uint16_t>(c, addr, uint16_t(v.lo));
    case 2: return store<uint32_t>(c, addr, uint32_t(v.lo));
    case 3: return store<uint64_t>(c, addr, v.lo);
    default: return can_store(c, addr, 16) && store<uint64_t>(c, addr, v.lo) && store<uint64_t>(c, addr + 8, v.hi);
  }
}

// Access size of the single-register forms: size=00..11 with opc<1>=0 are B/H/S/D; size=00
// with opc<1>=1 is Q (scale 4); other opc<1>=1 combinations are unallocated (returns -1).
CUARM_HD CUARM_INLINE int simd_scale(uint32_t size, uint32_t opc) {
  if (!(opc & 2)) return int(size);
  return size == 0 ? 4 : -1;
}

// Shared tail of the single-register forms: access `addr`, then (wback) set Rn to new_base.
// Rn is 31 = SP. Rt is a V register, so it never overlaps the base.
template <class C>
CUARM_HD Stop simd_ldst_one(C& c, uint32_t scale, bool load_op, uint32_t t, uint64_t addr, bool wback, uint32_t n,
                            uint64_t new_base) {
  if (load_op) {
    Vec128 v;
    if (!vload(c, addr, scale, v)) return Stop::Fault;
    vset(c, t, v);
  } else if (!vstore(c, addr, scale, vget(c, t))) {
    return Stop::Fault;
  }
  if (wback) wsp(c, n, new_base);
  return Stop::None;
}

// LDR (literal, SIMD&FP): opc=00 S, 01 D, 10 Q, 11 unallocated.
template <class C>
CUARM_HD Stop op_simd_ldr_lit(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 31, 30);
  if (opc == 3) return undefined(c, w);
  const uint64_t addr = c.pc + uint64_t(sext(uint64_t(bits(w, 23, 5)) << 2, 21));
  return simd_ldst_one(c, opc + 2, true, bits(w, 4, 0), addr, false, 0, 0);
}

// The imm9 classes by bits 11:10: 00 unscaled (LDUR/STUR), 01 post-index, 11 pre-index. (10,
// unprivileged, has no SIMD&FP form and no row.)
template <class C>
CUARM_HD Stop op_simd_ldst_imm9(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 23, 22), mode = bits(w, 11, 10), n = bits(w, 9, 5);
  const int scale = simd_scale(bits(w, 31, 30), opc);
  if (scale < 0) return undefined(c, w);
  const uint64_t base = xsp(c, n);
  const uint64_t moved = base + uint64_t(sext(bits(w, 20, 12), 9));
  return simd_ldst_one(c, uint32_t(scale), opc & 1, bits(w, 4, 0), mode == 1 ? base : moved, mode != 0, n, moved);
}

// Register offset: address = Rn + ExtendReg(Rm, option, S ? scale : 0); option<1> == 0 is
// unallocated.
template <class C>
CUARM_HD Stop op_simd_ldst_regoff(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 23, 22), option = bits(w, 15, 13);
  const int scale = simd_scale(bits(w, 31, 30), opc);
  if (scale < 0 || !(option & 2)) return undefined(c, w);
  uint64_t off = xr(c, bits(w, 20, 16));
  if (option == 2)
    off &= 0xffffffffu;  // UXTW
  else if (option == 6)
    off = uint64_t(sext(off, 32));  // SXTW
  if (bit(w, 12)) off <<= scale;
  return simd_ldst_one(c, uint32_t(scale), opc & 1, bits(w, 4, 0), xsp(c, bits(w, 9, 5)) + off, false, 0, 0);
}

// Unsigned offset: address = Rn + imm12 << scale.
template <class C>
CUARM_HD Stop op_simd_ldst_uimm(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 23, 22);
  const int scale = simd_scale(bits(w, 31, 30), opc);
  if (scale < 0) return undefined(c, w);
  const uint64_t addr = xsp(c, bits(w, 9, 5)) + (uint64_t(bits(w, 21, 10)) << scale);
  return simd_ldst_one(c, uint32_t(scale), opc & 1, bits(w, 4, 0), addr, false, 0, 0);
}

// LDP/STP, LDNP/STNP (SIMD&FP): opc=00 S, 01 D, 10 Q, 11 unallocated; bits 24:23 as in the
// general-purpose pairs (00 no-allocate, 01 post-index, 10 offset, 11 pre-index).
// CONSTRAINED UNPREDICTABLE, resolved as QEMU (and so Unicorn) does: a load with Rt == Rt2
// leaves the second (higher address) element in the register.
template <class C>
CUARM_HD Stop op_simd_ldst_pair(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 31, 30), mode = bits(w, 24, 23), n = bits(w, 9, 5);
  const uint32_t t = bits(w, 4, 0), t2 = bits(w, 14, 10);
  if (opc == 3) return undefined(c, w);
  const uint32_t scale = opc + 2;
  const uint64_t base = xsp(c, n);
  const uint64_t moved = base + (uint64_t(sext(bits(w, 21, 15), 7)) << scale);
  const uint64_t addr = mode == 1 ? base : moved;
  const uint64_t step = uint64_t(1) << scale;
  if (bit(w, 22)) {
    Vec128 v1, v2;
    if (!vload(c, addr, scale, v1) || !vload(c, addr + step, scale, v2)) return Stop::Fault;
    vset(c, t, v1);
    vset(c, t2, v2);
  } else {
    if (!can_store(c, addr, 2 * step)) return Stop::Fault;
    vstore(c, addr, scale, vget(c, t));
    vstore(c, addr + step, scale, vget(c, t2));
  }
  if (mode == 1 || mode == 3) wsp(c, n, moved);
  return Stop::None;
}

// Reads `len` (<= 64) bytes at addr into buf; false (fault recorded) if any byte is unreadable.
template <class C>
CUARM_HD CUARM_INLINE bool read_block(C& c, uint64_t addr, uint32_t len, uint8_t* buf) {
  uint32_t i = 0;
  for (; i + 8 <= len; i += 8) {
    uint64_t v;
    if (!load<uint64_t>(c, addr + i, v)) return false;
    store_le<uint64_t>(buf + i, v);
  }
  for (; i < len; ++i)
    if (!load<uint8_t>(c, addr + i, buf[i])) return false;
  return true;
}

// Post-index writeback of the structure forms: Rm = 31 adds the bytes transferred, any other
// Rm adds Xm.
template <class C>
CUARM_HD CUARM_INLINE void struct_writeback(C& c, uint32_t w, uint64_t base, uint32_t total) {
  if (!bit(w, 23)) return;
  const uint32_t m = bits(w, 20, 16);
  wsp(c, bits(w, 9, 5), base + (m == 31 ? uint64_t(total) : c.s.x[m]));
}

// LD1-LD4 / ST1-ST4 (multiple structures). opcode (15:12): 0000 LD4 (4 elements a structure),
// 0010 LD1 x4 registers, 0100 LD3, 0110 LD1 x3, 0111 LD1 x1, 1000 LD2, 1010 LD1 x2; others
// unallocated, and so is size=11 with Q=0 for the forms with more than one element a
// structure. Element e of structure register s sits at offset (e*selem + s)*ebytes of the
// block; registers wrap from V31 to V0. A Q=0 load zeroes the upper halves.
// Out of line (with its 64-byte buffer) so that the interpreter's dispatch stays small.
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_ldst_multiple(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), load_op = bit(w, 22), opcode = bits(w, 15, 12), size = bits(w, 11, 10);
  const uint32_t t = bits(w, 4, 0);
  uint32_t rpt, selem;
  switch (opcode) {
    case 0: rpt = 1, selem = 4; break;
    case 2: rpt = 4, selem = 1; break;
    case 4: rpt = 1, selem = 3; break;
    case 6: rpt = 3, selem = 1; break;
    case 7: rpt = 1, selem = 1; break;
    case 8: rpt = 1, selem = 2; break;
    case 10: rpt = 2, selem = 1; break;
    default: return undefined(c, w);
  }
  if (size == 3 && q == 0 && selem != 1) return undefined(c, w);
  const uint32_t esize = 8u << size, ebytes = 1u << size;
  const uint32_t elements = (q ? 16u : 8u) / ebytes;
  const uint32_t total = rpt * selem * elements * ebytes;
  const uint64_t base = xsp(c, bits(w, 9, 5));
  uint8_t buf[64];
  if (load_op) {
    if (!read_block(c, base, total, buf)) return Stop::Fault;
    for (uint32_t r = 0; r < rpt; ++r) {
      // Build each register's new value whole: for Q=0 the upper half becomes zero.
      for (uint32_t s = 0; s < selem; ++s) {
        const uint32_t reg = (t + r + s) & 31;
        Vec128 v{0, 0};
        for (uint32_t e = 0; e < elements; ++e) {
          const uint32_t off = ((r * elements + e) * selem + s) * ebytes;
          uint64_t x = 0;
          for (uint32_t b = 0; b < ebytes; ++b) x |= uint64_t(buf[off + b]) << (8 * b);
          velem_put(v, e, esize, x);
        }
        vset(c, reg, v);
      }
    }
  } else {
    for (uint32_t r = 0; r < rpt; ++r)
      for (uint32_t s = 0; s < selem; ++s) {
        const Vec128 v = vget(c, (t + r + s) & 31);
        for (uint32_t e = 0; e < elements; ++e) {
          const uint32_t off = ((r * elements + e) * selem + s) * ebytes;
          const uint64_t x = velem_get(v, e, esize);
          for (uint32_t b = 0; b < ebytes; ++b) buf[off + b] = uint8_t(x >> (8 * b));
        }
      }
    if (!can_store(c, base, total)) return Stop::Fault;
    for (uint32_t i = 0; i < total; i += 8) store<uint64_t>(c, base + i, load_le<uint64_t>(buf + i));
  }
  struct_writeback(c, w, base, total);
  return Stop::None;
}

// LD1-LD4 / ST1-ST4 (single structure, one lane) and LD1R-LD4R (replicate). selem =
// opcode<0>:R + 1. opcode<2:1> picks the element size: 00 bytes (lane Q:S:size), 01 halves
// (size<0> must be 0; lane Q:S:size<1>), 10 words (size=00, lane Q:S) or doublewords (size=01,
// S=0, lane Q); 11 replicate (loads only, S=0; size is the element size). A lane load leaves
// the other lanes (and the upper half, even for Q=0) as they were; a replicate load fills
// every element of the 64- or 128-bit vector and zeroes the upper half for Q=0.
// Out of line, like the multiple-structure forms.
template <class C>
CUARM_HD CUARM_NOINLINE Stop op_simd_ldst_single(C& c, uint32_t w) {
  const uint32_t q = bit(w, 30), load_op = bit(w, 22), opcode = bits(w, 15, 13), s_bit = bit(w, 12);
  const uint32_t size = bits(w, 11, 10), t = bits(w, 4, 0);
  const uint32_t selem = ((opcode & 1) << 1 | bit(w, 21)) + 1;
  uint32_t scale = opcode >> 1, index = 0;
  bool replicate = false;
  switch (scale) {
    case 3:
      if (!load_op || s_bit) return undefined(c, w);
      scale = size;
      replicate = true;
      break;
    case 0: index = (q << 3) | (s_bit << 2) | size; break;
    case 1:
      if (size & 1) return undefined(c, w);
      index = (q << 2) | (s_bit << 1) | (size >> 1);
      break;
    default:
      if (size & 2) return undefined(c, w);
      if (size == 0) {
        index = (q << 1) | s_bit;
      } else {
        if (s_bit) return undefined(c, w);
        index = q;
        scale = 3;
      }
      break;
  }
  const uint32_t esize = 8u << scale, ebytes = 1u << scale, total = selem * ebytes;
  const uint64_t base = xsp(c, bits(w, 9, 5));
  uint8_t buf[32];
  if (load_op) {
    if (!read_block(c, base, total, buf)) return Stop::Fault;
    for (uint32_t s = 0; s < selem; ++s) {
      const uint32_t reg = (t + s) & 31;
      uint64_t x = 0;
      for (uint32_t b = 0; b < ebytes; ++b) x |= uint64_t(buf[s * ebytes + b]) << (8 * b);
      if (replicate) {
        Vec128 v{0, 0};
        for (uint32_t e = 0; e < (q ? 128u : 64u) / esize; ++e) velem_put(v, e, esize, x);
        vset(c, reg, v);
      } else {
        velem_set(c, reg, index, esize, x);
      }
    }
  } else {
    for (uint32_t s = 0; s < selem; ++s) {
      const uint64_t x = velem_u(c, (t + s) & 31, index, esize);
      for (uint32_t b = 0; b < ebytes; ++b) buf[s * ebytes + b] = uint8_t(x >> (8 * b));
    }
    if (!can_store(c, base, total)) return Stop::Fault;
    for (uint32_t i = 0; i < total; ++i) store<uint8_t>(c, base + i, buf[i]);
  }
  struct_writeback(c, w, base, total);
  return Stop::None;
}

}  // namespace cuarm::core
