// The execution context every instruction handler receives, and the helpers they share.
// Handlers are function templates `template <class C> CUARM_HD Stop f(C& c, uint32_t w)`; C is
// Exec<Mem> for whatever memory view the backend uses, so CPU and GPU run the same code.
// Contract: before a handler runs, c.next holds the next sequential address (c.pc + 4);
// branches overwrite it. (pc and the retired count live in the context, not in CpuState, so
// that the loop keeps them in registers; the loop writes them back when it stops.) A handler that returns a stop other than None/Syscall must leave the
// architectural state untouched (the loop puts pc back on the instruction).
#pragma once
#include "bits.hpp"
#include "memory.hpp"
#include "state.hpp"

namespace cuarm::core {

template <class Mem>
struct Exec {
  CpuState& s;
  Mem& m;
  uint64_t pc;           // address of the instruction being executed
  uint64_t next;         // address of the next instruction (branches write it)
  uint64_t retired_end;  // the guest's retired count when this run's budget is used up
  uint64_t left;         // instructions this run may still retire (counts down)
};

// Instructions retired over the guest's life before the current one.
template <class C>
CUARM_HD CUARM_INLINE uint64_t retired(const C& c) {
  return c.retired_end - c.left;
}

// Register 31 reads as zero (XZR/WZR) ...
template <class C>
CUARM_HD CUARM_INLINE uint64_t xr(C& c, uint32_t n) {
  return n == 31 ? 0 : c.s.x[n];
}
// ... or as the stack pointer, depending on the encoding.
template <class C>
CUARM_HD CUARM_INLINE uint64_t xsp(C& c, uint32_t n) {
  return n == 31 ? c.s.sp : c.s.x[n];
}
// Write Xn (n == 31 discards); when sf == 0 the value is a W register, zero-extended.
template <class C>
CUARM_HD CUARM_INLINE void wr(C& c, uint32_t n, uint64_t v, uint32_t sf = 1) {
  if (!sf) v &= 0xffffffffu;
  if (n != 31) c.s.x[n] = v;
}
template <class C>
CUARM_HD CUARM_INLINE void wsp(C& c, uint32_t n, uint64_t v, uint32_t sf = 1) {
  if (!sf) v &= 0xffffffffu;
  if (n == 31)
    c.s.sp = v;
  else
    c.s.x[n] = v;
}

template <class C>
CUARM_HD CUARM_INLINE Stop undefined(C& c, uint32_t w) {
  c.s.stop.insn = w;
  return Stop::Undefined;
}

template <class C>
CUARM_HD CUARM_INLINE Stop fault(C& c, uint64_t addr, Access a) {
  c.s.stop.fault_addr = addr;
  c.s.stop.access = a;
  return Stop::Fault;
}

// Checked loads/stores. On failure they record the fault; the handler returns Stop::Fault.
template <class T, class C>
CUARM_HD CUARM_INLINE bool load(C& c, uint64_t addr, T& out) {
  uint64_t bad;
  if (c.m.template read<T>(addr, out, &bad)) return true;
  fault(c, bad, Access::Read);
  return false;
}
template <class T, class C>
CUARM_HD CUARM_INLINE bool store(C& c, uint64_t addr, T v) {
  uint64_t bad;
  if (c.m.template write<T>(addr, v, &bad)) return true;
  fault(c, bad, Access::Write);
  return false;
}
// For instructions that store several parts: check the whole range first so that a fault
// leaves memory unchanged.
template <class C>
CUARM_HD CUARM_INLINE bool can_store(C& c, uint64_t addr, uint64_t len) {
  uint64_t bad;
  if (c.m.writable(addr, len, &bad)) return true;
  fault(c, bad, Access::Write);
  return false;
}

// ConditionHolds() from the Arm manual.
CUARM_HD CUARM_INLINE bool cond_holds(uint32_t nzcv, uint32_t cond) {
  const bool n = nzcv & kFlagN, z = nzcv & kFlagZ, cf = nzcv & kFlagC, v = nzcv & kFlagV;
  bool r;
  switch (cond >> 1) {
    case 0: r = z; break;
    case 1: r = cf; break;
    case 2: r = n; break;
    case 3: r = v; break;
    case 4: r = cf && !z; break;
    case 5: r = n == v; break;
    case 6: r = n == v && !z; break;
    default: r = true; break;
  }
  if ((cond & 1) && cond != 15) r = !r;
  return r;
}

// AddWithCarry() for 32 (sf=0) or 64 (sf=1) bits; returns the result and the NZCV it sets.
CUARM_HD CUARM_INLINE uint64_t add_with_carry(uint64_t a, uint64_t b, uint32_t carry, uint32_t sf,
                                              uint32_t* nzcv) {
  if (sf) {
    const uint64_t r = a + b + carry;
    const bool c = (r < a) || (carry && r == a);
    const bool v = ((~(a ^ b) & (a ^ r)) >> 63) & 1;
    *nzcv = ((r >> 63) ? kFlagN : 0) | (r == 0 ? kFlagZ : 0) | (c ? kFlagC : 0) | (v ? kFlagV : 0);
    return r;
  }
  const uint32_t a32 = uint32_t(a), b32 = uint32_t(b);
  const uint64_t wide = uint64_t(a32) + b32 + carry;
  const uint32_t r = uint32_t(wide);
  const bool c = wide >> 32;
  const bool v = ((~(a32 ^ b32) & (a32 ^ r)) >> 31) & 1;
  *nzcv = ((r >> 31) ? kFlagN : 0) | (r == 0 ? kFlagZ : 0) | (c ? kFlagC : 0) | (v ? kFlagV : 0);
  return r;
}

// N and Z for a logical result of 32/64 bits (C and V cleared).
CUARM_HD CUARM_INLINE uint32_t logic_flags(uint64_t r, uint32_t sf) {
  if (!sf) r &= 0xffffffffu;
  const bool n = sf ? (r >> 63) : ((r >> 31) & 1);
  return (n ? kFlagN : 0) | (r == 0 ? kFlagZ : 0);
}

}  // namespace cuarm::core
