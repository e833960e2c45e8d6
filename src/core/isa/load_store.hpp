// Loads and stores, general-purpose registers only (Arm manual C4.1.88 "Loads and Stores"):
// load register (literal), load/store register (unscaled, post-indexed, unprivileged,
// pre-indexed, register offset, unsigned offset), load/store pair (no-allocate, post-indexed,
// offset, pre-indexed), load/store exclusive (register and pair) and load-acquire/store-release.
// Profile: ARMv8.0-A. Every row fixes V (bit 26) to 0: SIMD&FP loads and stores (V=1) are the rows
// of simd_load_store.hpp. Later extensions stay UNDEFINED because no row matches them:
// CAS (exclusive class with o2=1, o1=1), CASP (o2=0, o1=1, size=0x), LDLAR/STLLR (o2=1, o0=0),
// LSE atomics and LDAPR (register class with bits 11:10 = 00), LDRAA/LDRAB (11:10 = x1),
// RCpc LDAPUR/STLUR and MTE tag stores (bits 29:24 = 011001).
#pragma once
#include "core/exec.hpp"

// Field letters: s=size (sz in the pair exclusives) o=opc (o0 in the exclusive rows)
// L=L i=imm9/imm12/imm19/imm7 m=Rm (Rs in the exclusive rows) x=option S=S
// a=Rt2 n=Rn t=Rt.
#define CUARM_ISA_LOAD_STORE(X)                                               \
  X(LDR_LIT, "oo011000iiiiiiiiiiiiiiiiiiittttt", op_ldr_lit, kMemory)               \
  X(LDST_UNSCALED, "ss111000oo0iiiiiiiii00nnnnnttttt", op_ldst_imm9, kMemory)       \
  X(LDST_POST, "ss111000oo0iiiiiiiii01nnnnnttttt", op_ldst_imm9, kMemory)           \
  X(LDST_UNPRIV, "ss111000oo0iiiiiiiii10nnnnnttttt", op_ldst_imm9, kMemory)         \
  X(LDST_PRE, "ss111000oo0iiiiiiiii11nnnnnttttt", op_ldst_imm9, kMemory)            \
  X(LDST_REGOFF, "ss111000oo1mmmmmxxxS10nnnnnttttt", op_ldst_regoff, kMemory)       \
  X(LDST_UIMM, "ss111001ooiiiiiiiiiiiinnnnnttttt", op_ldst_uimm, kMemory)           \
  X(LDST_PAIR_NA, "oo1010000Liiiiiiiaaaaannnnnttttt", op_ldst_pair, kMemory)        \
  X(LDST_PAIR_POST, "oo1010001Liiiiiiiaaaaannnnnttttt", op_ldst_pair, kMemory)      \
  X(LDST_PAIR_OFF, "oo1010010Liiiiiiiaaaaannnnnttttt", op_ldst_pair, kMemory)       \
  X(LDST_PAIR_PRE, "oo1010011Liiiiiiiaaaaannnnnttttt", op_ldst_pair, kMemory)       \
  X(LDST_EXCL, "ss0010000L0mmmmmoaaaaannnnnttttt", op_ldst_excl, kMemory)           \
  X(LDST_EXCL_PAIR, "1s0010000L1mmmmmoaaaaannnnnttttt", op_ldst_excl_pair, kMemory) \
  X(LDST_ORDERED, "ss0010001L0mmmmm1aaaaannnnnttttt", op_ldst_ordered, kMemory)

namespace cuarm::core {

// What a (size, opc) pair of the single-register classes does.
enum class MemKind : uint8_t { Store, Load, LoadSigned64, LoadSigned32, Prefetch, Unallocated };

// opc=00 STR*, 01 LDR* (zero-extending), 10 LDRS* to X (size=11: PRFM), 11 LDRS* to W
// (only bytes and halfwords: LDRSW has no W form).
CUARM_HD CUARM_INLINE MemKind mem_kind(uint32_t size, uint32_t opc) {
  switch (opc) {
    case 0: return MemKind::Store;
    case 1: return MemKind::Load;
    case 2: return size == 3 ? MemKind::Prefetch : MemKind::LoadSigned64;
    default: return size >= 2 ? MemKind::Unallocated : MemKind::LoadSigned32;
  }
}

// A zero-extended load of 1 << size bytes.
template <class C>
CUARM_HD CUARM_INLINE bool load_sized(C& c, uint64_t addr, uint32_t size, uint64_t& out) {
  switch (size) {
    case 0: {
      uint8_t v;
      if (!load<uint8_t>(c, addr, v)) return false;
      out = v;
      return true;
    }
    case 1: {
      uint16_t v;
      if (!load<uint16_t>(c, addr, v)) return false;
      out = v;
      return true;
    }
    case 2: {
      uint32_t v;
      if (!load<uint32_t>(c, addr, v)) return false;
      out = v;
      return true;
    }
    default: return load<uint64_t>(c, addr, out);
  }
}

template <class C>
CUARM_HD CUARM_INLINE bool store_sized(C& c, uint64_t addr, uint32_t size, uint64_t v) {
  switch (size) {
    case 0: return store<uint8_t>(c, addr, uint8_t(v));
    case 1: return store<uint16_t>(c, addr, uint16_t(v));
    case 2: return store<uint32_t>(c, addr, uint32_t(v));
    default: return store<uint64_t>(c, addr, v);
  }
}

// The loaded value as the destination register receives it.
CUARM_HD CUARM_INLINE uint64_t extend_loaded(uint64_t v, uint32_t size, MemKind k) {
  if (k == MemKind::Load) return v;
  const uint64_t s = uint64_t(sext(v, 8 << size));
  return k == MemKind::LoadSigned32 ? (s & 0xffffffffu) : s;
}

// Shared tail of the single-register forms: access `addr`, then (wback) set Rn to new_base.
// Rn is 31 = SP; Rt is 31 = XZR/WZR.
// CONSTRAINED UNPREDICTABLE cases, resolved as QEMU (and so Unicorn) does:
//   load with writeback and Rt == Rn: Rn ends up holding the written-back address (the
//   loaded value is lost);
//   store with writeback and Rt == Rn: the value stored is Rn before the writeback.
template <class C>
CUARM_HD Stop ldst_single(C& c, uint32_t size, MemKind k, uint32_t t, uint64_t addr, bool wback, uint32_t n,
                          uint64_t new_base) {
  if (k == MemKind::Store) {
    if (!store_sized(c, addr, size, xr(c, t))) return Stop::Fault;
  } else {
    uint64_t v;
    if (!load_sized(c, addr, size, v)) return Stop::Fault;
    wr(c, t, extend_loaded(v, size, k));
  }
  if (wback) wsp(c, n, new_base);
  return Stop::None;
}

// LDR (literal) W (opc=00) / X (01), LDRSW (literal) (10), PRFM (literal) (11): pc-relative.
template <class C>
CUARM_HD Stop op_ldr_lit(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 31, 30);
  if (opc == 3) return Stop::None;  // PRFM: a hint, no access and no fault
  const uint64_t addr = c.pc + uint64_t(sext(uint64_t(bits(w, 23, 5)) << 2, 21));
  const uint32_t size = opc == 1 ? 3 : 2;
  return ldst_single(c, size, opc == 2 ? MemKind::LoadSigned64 : MemKind::Load, bits(w, 4, 0), addr, false, 0, 0);
}

// The imm9 classes, told apart by bits 11:10: 00 unscaled (STUR/LDUR*, PRFUM), 01 post-index,
// 10 unprivileged (STTR/LDTR*: at EL0 they are the ordinary accesses), 11 pre-index.
// Only the unscaled class has a prefetch (size=11, opc=10); in the others it is unallocated.
template <class C>
CUARM_HD Stop op_ldst_imm9(C& c, uint32_t w) {
  const uint32_t size = bits(w, 31, 30), mode = bits(w, 11, 10), n = bits(w, 9, 5);
  const MemKind k = mem_kind(size, bits(w, 23, 22));
  if (k == MemKind::Unallocated || (k == MemKind::Prefetch && mode != 0)) return undefined(c, w);
  if (k == MemKind::Prefetch) return Stop::None;
  const uint64_t base = xsp(c, n);
  const uint64_t moved = base + uint64_t(sext(bits(w, 20, 12), 9));
  const bool wback = mode == 1 || mode == 3;
  return ldst_single(c, size, k, bits(w, 4, 0), mode == 1 ? base : moved, wback, n, moved);
}

// Register offset: address = Rn + ExtendReg(Rm, option, S ? size : 0). option<1> == 0 (UXTB,
// UXTH, SXTB, SXTH) is unallocated, for PRFM (register) too.
template <class C>
CUARM_HD Stop op_ldst_regoff(C& c, uint32_t w) {
  const uint32_t size = bits(w, 31, 30), option = bits(w, 15, 13);
  const MemKind k = mem_kind(size, bits(w, 23, 22));
  if (k == MemKind::Unallocated || !(option & 2)) return undefined(c, w);
  if (k == MemKind::Prefetch) return Stop::None;
  uint64_t off = xr(c, bits(w, 20, 16));  // Rm 31 is XZR/WZR
  if (option == 2)
    off &= 0xffffffffu;  // UXTW
  else if (option == 6)
    off = uint64_t(sext(off, 32));  // SXTW
  // option 011 (LSL/UXTX) and 111 (SXTX) use all 64 bits.
  if (bit(w, 12)) off <<= size;
  return ldst_single(c, size, k, bits(w, 4, 0), xsp(c, bits(w, 9, 5)) + off, false, 0, 0);
}

// Unsigned offset: address = Rn + imm12 << size (PRFM (immediate) for size=11, opc=10).
template <class C>
CUARM_HD Stop op_ldst_uimm(C& c, uint32_t w) {
  const uint32_t size = bits(w, 31, 30);
  const MemKind k = mem_kind(size, bits(w, 23, 22));
  if (k == MemKind::Unallocated) return undefined(c, w);
  if (k == MemKind::Prefetch) return Stop::None;
  const uint64_t addr = xsp(c, bits(w, 9, 5)) + (uint64_t(bits(w, 21, 10)) << size);
  return ldst_single(c, size, k, bits(w, 4, 0), addr, false, 0, 0);
}

// STP/LDP and STNP/LDNP: opc=00 W registers, 10 X registers, 01 LDPSW (load only; the store
// form is ARMv8.5 STGP; no LDNP form), 11 unallocated. Bits 24:23: 00 no-allocate (offset),
// 01 post-index, 10 offset, 11 pre-index.
// CONSTRAINED UNPREDICTABLE cases, resolved as QEMU (and Unicorn) does:
//   load with Rt == Rt2: the register holds the first (lower address) element;
//   load with writeback and Rt or Rt2 == Rn: Rn holds the written-back address;
//   store with writeback and Rt or Rt2 == Rn: the values stored are the registers before the
//   writeback.
template <class C>
CUARM_HD Stop op_ldst_pair(C& c, uint32_t w) {
  const uint32_t opc = bits(w, 31, 30), mode = bits(w, 24, 23), load_op = bit(w, 22);
  const uint32_t t = bits(w, 4, 0), t2 = bits(w, 14, 10), n = bits(w, 9, 5);
  if (opc == 3 || (opc == 1 && (mode == 0 || !load_op))) return undefined(c, w);
  const uint32_t size = opc == 2 ? 3 : 2;
  const MemKind k = opc == 1 ? MemKind::LoadSigned64 : MemKind::Load;
  const uint64_t base = xsp(c, n);
  const uint64_t moved = base + (uint64_t(sext(bits(w, 21, 15), 7)) << size);
  const uint64_t addr = mode == 1 ? base : moved;
  const uint64_t step = uint64_t(1) << size;
  if (load_op) {
    uint64_t v1, v2;
    if (!load_sized(c, addr, size, v1) || !load_sized(c, addr + step, size, v2)) return Stop::Fault;
    wr(c, t2, extend_loaded(v2, size, k));
    wr(c, t, extend_loaded(v1, size, k));
  } else {
    const uint64_t v1 = xr(c, t), v2 = xr(c, t2);
    if (!can_store(c, addr, 2 * step)) return Stop::Fault;
    store_sized(c, addr, size, v1);
    store_sized(c, addr + step, size, v2);
  }
  if (mode == 1 || mode == 3) wsp(c, n, moved);
  return Stop::None;
}

// Store-exclusive status: 0 and the monitor passes only when a load-exclusive armed it for
// this address and size. The monitor is cleared either way (by the caller, after the store).
template <class C>
CUARM_HD CUARM_INLINE bool excl_passes(C& c, uint64_t addr, uint32_t bytes) {
  return c.s.excl_valid && c.s.excl_addr == addr && c.s.excl_size == bytes;
}

template <class C>
CUARM_HD CUARM_INLINE void excl_arm(C& c, uint64_t addr, uint32_t bytes) {
  c.s.excl_addr = addr;
  c.s.excl_size = bytes;
  c.s.excl_valid = 1;
}

// LDXR/LDAXR (L=1) and STXR/STLXR (L=0), sizes B/H/W/X; o0 (acquire/release) changes nothing
// for a single guest. The address must be aligned to the access size (alignment fault
// otherwise, also for a store-exclusive that would fail, as the manual's
// AArch64.ExclusiveMonitorsPass() checks alignment first). A failing store-exclusive accesses
// no memory, so it cannot fault otherwise.
// Rs (loads) and Rt2 are "should be 11111" fields; like QEMU we ignore their value.
// CONSTRAINED UNPREDICTABLE, resolved as QEMU does: STXR with Rs == Rt stores Rt's value
// before the status is written; with Rs == Rn the address is Rn before the status is written.
template <class C>
CUARM_HD Stop op_ldst_excl(C& c, uint32_t w) {
  const uint32_t size = bits(w, 31, 30), t = bits(w, 4, 0);
  const uint32_t bytes = 1u << size;
  const uint64_t addr = xsp(c, bits(w, 9, 5));
  if (bit(w, 22)) {
    if (addr & (bytes - 1)) return fault(c, addr, Access::Read);
    uint64_t v;
    if (!load_sized(c, addr, size, v)) return Stop::Fault;
    wr(c, t, v);
    excl_arm(c, addr, bytes);
    return Stop::None;
  }
  if (addr & (bytes - 1)) return fault(c, addr, Access::Write);
  const bool pass = excl_passes(c, addr, bytes);
  if (pass && !store_sized(c, addr, size, xr(c, t))) return Stop::Fault;
  c.s.excl_valid = 0;
  wr(c, bits(w, 20, 16), pass ? 0 : 1, 0);
  return Stop::None;
}

// LDXP/LDAXP (L=1), STXP/STLXP (L=0): two W (sz=0) or X (sz=1) registers, aligned to the
// pair's total size; the monitor covers the whole pair. (sz=0x forms with o1=1 in the
// manual's class are ARMv8.1 CASP: they do not match this row.)
// CONSTRAINED UNPREDICTABLE, resolved as QEMU does: LDXP with Rt == Rt2 leaves the second
// (higher address) element in the register (unlike LDP); STXP with Rs == Rt/Rt2/Rn uses the
// registers' values before the status is written.
template <class C>
CUARM_HD Stop op_ldst_excl_pair(C& c, uint32_t w) {
  const uint32_t size = 2 + bit(w, 30), t = bits(w, 4, 0), t2 = bits(w, 14, 10);
  const uint32_t bytes = 2u << size;
  const uint64_t addr = xsp(c, bits(w, 9, 5));
  const uint64_t step = uint64_t(1) << size;
  if (bit(w, 22)) {
    if (addr & (bytes - 1)) return fault(c, addr, Access::Read);
    uint64_t v1, v2;
    if (!load_sized(c, addr, size, v1) || !load_sized(c, addr + step, size, v2)) return Stop::Fault;
    wr(c, t, v1);
    wr(c, t2, v2);
    excl_arm(c, addr, bytes);
    return Stop::None;
  }
  if (addr & (bytes - 1)) return fault(c, addr, Access::Write);
  const bool pass = excl_passes(c, addr, bytes);
  if (pass) {
    const uint64_t v1 = xr(c, t), v2 = xr(c, t2);
    if (!can_store(c, addr, bytes)) return Stop::Fault;
    store_sized(c, addr, size, v1);
    store_sized(c, addr + step, size, v2);
  }
  c.s.excl_valid = 0;
  wr(c, bits(w, 20, 16), pass ? 0 : 1, 0);
  return Stop::None;
}

// LDAR (L=1) / STLR (L=0), sizes B/H/W/X: ordinary accesses for a single guest, but the
// address must be aligned to the access size (ARMv8.0; LSE2's relaxation is ARMv8.4).
// Rs and Rt2 are "should be 11111" fields; like QEMU 7 and Unicorn we ignore their value.
// o0=0 (LDLAR/STLLR, ARMv8.1 LOR) does not match this row.
template <class C>
CUARM_HD Stop op_ldst_ordered(C& c, uint32_t w) {
  const uint32_t size = bits(w, 31, 30), t = bits(w, 4, 0);
  const bool load_op = bit(w, 22);
  const uint64_t addr = xsp(c, bits(w, 9, 5));
  if (addr & ((1u << size) - 1)) return fault(c, addr, load_op ? Access::Read : Access::Write);
  return ldst_single(c, size, load_op ? MemKind::Load : MemKind::Store, t, addr, false, 0, 0);
}

}  // namespace cuarm::core
