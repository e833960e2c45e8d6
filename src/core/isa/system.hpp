// System instructions as EL0 under Linux sees them on a Cortex-A53 (Arm manual, "Branches,
// Exception Generating and System instructions": hints, barriers, PSTATE, system instructions,
// system register move): hints, barriers and CLREX, SYS (the cache maintenance Linux opens to
// EL0), MRS and MSR (register). Everything else in the class traps at EL0 (Linux answers SIGILL)
// or belongs to a later extension, and so is UNDEFINED:
//   - MSR (immediate): SPSel/DAIFSet/DAIFClr trap at EL0; CFINV, XAFLAG, AXFLAG, UAO, PAN, DIT,
//     SSBS, ... are ARMv8.1+. It has no row.
//   - SYSL: nothing is readable at EL0. It has no row.
//   - HINT and barriers with Rt != 31, barrier op2 = 000/001/011 and SB (op2 = 111, ARMv8.5).
//   - op0 = 00 with CRn other than 0010/0011/0100 (WFET/WFIT and the like are ARMv8.7+).
#pragma once
#include "core/clock.hpp"
#include "core/exec.hpp"

// Rows: X(name, pattern, handler, flags). See isa/table.hpp for the row format.
// Fields: L (bit 21) is fixed per row, o = o0 (op0 = 2 + o0), p = op1, n = CRn, m = CRm,
// q = op2, t = Rt.
#define CUARM_ISA_SYSTEM(X)                                            \
  X(HINT, "11010101000000110010mmmmqqq11111", op_hint, 0)              \
  X(BARRIER, "11010101000000110011mmmmqqq11111", op_barrier, 0)        \
  X(SYS, "1101010100001pppnnnnmmmmqqqttttt", op_sys, kMemory)                \
  X(MSR_REG, "110101010001opppnnnnmmmmqqqttttt", op_msr_reg, 0)        \
  X(MRS, "110101010011opppnnnnmmmmqqqttttt", op_mrs, 0)

namespace cuarm::core {

// A system register as MRS/MSR name it in bits 20:5: op0, op1, CRn, CRm, op2.
CUARM_HD constexpr uint32_t sysreg(uint32_t op0, uint32_t op1, uint32_t crn, uint32_t crm, uint32_t op2) {
  return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
}

constexpr uint32_t kRegNZCV = sysreg(3, 3, 4, 2, 0);
constexpr uint32_t kRegFPCR = sysreg(3, 3, 4, 4, 0);
constexpr uint32_t kRegFPSR = sysreg(3, 3, 4, 4, 1);
constexpr uint32_t kRegTPIDR_EL0 = sysreg(3, 3, 13, 0, 2);
constexpr uint32_t kRegCTR_EL0 = sysreg(3, 3, 0, 0, 1);
constexpr uint32_t kRegDCZID_EL0 = sysreg(3, 3, 0, 0, 7);
constexpr uint32_t kRegCNTFRQ_EL0 = sysreg(3, 3, 14, 0, 0);
constexpr uint32_t kRegCNTVCT_EL0 = sysreg(3, 3, 14, 0, 2);
constexpr uint32_t kRegMIDR_EL1 = sysreg(3, 0, 0, 0, 0);
constexpr uint32_t kRegMPIDR_EL1 = sysreg(3, 0, 0, 0, 5);
constexpr uint32_t kRegREVIDR_EL1 = sysreg(3, 0, 0, 0, 6);
constexpr uint32_t kRegID_AA64PFR0_EL1 = sysreg(3, 0, 0, 4, 0);
constexpr uint32_t kRegID_AA64DFR0_EL1 = sysreg(3, 0, 0, 5, 0);
constexpr uint32_t kRegID_AA64ISAR0_EL1 = sysreg(3, 0, 0, 6, 0);
constexpr uint32_t kRegID_AA64MMFR0_EL1 = sysreg(3, 0, 0, 7, 0);

// ARMv8.0 FPCR: AHP, DN, FZ, RMode, Stride, Len (bits 26:20, 18:16). FZ16 (bit 19) is ARMv8.2;
// the trap enables (15, 12:8) are RAZ/WI on a Cortex-A53, whose FPU does not trap.
constexpr uint32_t kFpcrMask = 0x07f70000u;
// FPSR: N Z C V QC (31:27) and the cumulative flags IDC (7), IXC UFC OFC DZC IOC (4:0).
constexpr uint32_t kFpsrMask = 0xf800009fu;

// Values of the read-only registers, as Linux shows them to EL0 on a Cortex-A53. The timer and
// cache registers are read directly; the ID registers trap and the kernel emulates them with
// its sanitised view (Documentation/arm64/cpu-feature-registers.rst). Checked against
// `qemu-aarch64 -cpu cortex-a53` (7.2), which emulates that view:
//   CTR_EL0          0x84448004  IminLine 16 words, DminLine 16 words, L1Ip PIPT, CWG/ERG 16 words
//   DCZID_EL0        0x4         DC ZVA allowed, 2^4 words = 64-byte blocks
//   CNTFRQ_EL0       62500000
//   MIDR_EL1         0x410fd034  Arm, variant 0, Cortex-A53, revision 4
//   MPIDR_EL1        0x80000000  the kernel's safe value (RES1 bit 31 only)
//   REVIDR_EL1       0
//   ID_AA64PFR0_EL1  0x11        EL0 and EL1 AArch64 only; FP and AdvSIMD implemented (0)
//   ID_AA64DFR0_EL1  0x6         DebugVer ARMv8.0
//   ID_AA64ISAR0_EL1 0x11120     AES+PMULL, SHA1, SHA2, CRC32
//   ID_AA64MMFR0_EL1 0xff000000  TGran4/TGran64 hidden (the kernel's safe value)
//   every other op0=3 op1=0 CRn=0 CRm=4..7 register (PFR1, ZFR0, DFR1, AFR0/1, ISAR1/2,
//   MMFR1/2 and the reserved ones): 0
// In the CRm=0 group only MIDR, MPIDR and REVIDR are emulated; CRm=1..3 (the AArch32 ID
// registers) are not, so they and the rest of CRm=0 are UNDEFINED.
constexpr uint64_t kCTR_EL0 = 0x84448004u;
constexpr uint64_t kDCZID_EL0 = 0x4;
constexpr uint64_t kDczvaBytes = 64;
constexpr uint64_t kMIDR_EL1 = 0x410fd034u;
constexpr uint64_t kMPIDR_EL1 = 0x80000000u;
constexpr uint64_t kID_AA64PFR0_EL1 = 0x11;
constexpr uint64_t kID_AA64DFR0_EL1 = 0x6;
constexpr uint64_t kID_AA64ISAR0_EL1 = 0x11120;
constexpr uint64_t kID_AA64MMFR0_EL1 = 0xff000000u;

// The emulated ID register space (op0=3, op1=0, CRn=0, CRm=4..7); false outside it.
CUARM_HD CUARM_INLINE bool id_register(uint32_t reg, uint64_t* v) {
  // CRm = 01xx: bits 6:5 of the number are 01; CRm<1:0> and op2 (bits 4:0) pick the register.
  if ((reg & ~uint32_t(0x1f)) != sysreg(3, 0, 0, 4, 0)) return false;
  switch (reg) {
    case kRegID_AA64PFR0_EL1: *v = kID_AA64PFR0_EL1; break;
    case kRegID_AA64DFR0_EL1: *v = kID_AA64DFR0_EL1; break;
    case kRegID_AA64ISAR0_EL1: *v = kID_AA64ISAR0_EL1; break;
    case kRegID_AA64MMFR0_EL1: *v = kID_AA64MMFR0_EL1; break;
    default: *v = 0; break;
  }
  return true;
}

// HINT: NOP, YIELD, WFE, WFI, SEV, SEVL and every other hint #imm execute as NOP (the later
// architectures' BTI, PACIASP, ... included: on ARMv8.0 they are hints).
template <class C>
CUARM_HD Stop op_hint(C&, uint32_t) {
  return Stop::None;
}

// CLREX (op2 = 010), DSB (100), DMB (101), ISB (110). One guest is one observer, so the
// barriers order nothing; DSB's SSBB/PSSBB options are DSB encodings. SB (111) is ARMv8.5.
template <class C>
CUARM_HD Stop op_barrier(C& c, uint32_t w) {
  switch (bits(w, 7, 5)) {
    case 2: c.s.excl_valid = 0; return Stop::None;
    case 4:
    case 5:
    case 6: return Stop::None;
    default: return undefined(c, w);
  }
}

// SYS: the cache maintenance Linux lets EL0 use (SCTLR_EL1.UCI and DZE set). Caches are not
// modelled, so only DC ZVA has an effect. DC CVAP (ARMv8.2) and DC CVADP (ARMv8.5) are
// UNDEFINED, as is everything at EL1 (IC IALLU, DC IVAC, TLBI, AT, ...).
template <class C>
CUARM_HD Stop op_sys(C& c, uint32_t w) {
  const uint32_t op1 = bits(w, 18, 16), crn = bits(w, 15, 12), crm = bits(w, 11, 8), op2 = bits(w, 7, 5);
  if (op1 != 3 || crn != 7 || op2 != 1) return undefined(c, w);
  switch (crm) {
    case 4: {  // DC ZVA: zero the aligned block, all or nothing
      const uint64_t a = xr(c, bits(w, 4, 0)) & ~(kDczvaBytes - 1);
      if (!can_store(c, a, kDczvaBytes)) return Stop::Fault;
      for (uint64_t i = 0; i < kDczvaBytes; i += 8) store<uint64_t>(c, a + i, 0);
      return Stop::None;
    }
    case 5:   // IC IVAU
    case 10:  // DC CVAC
    case 11:  // DC CVAU
    case 14:  // DC CIVAC
      return Stop::None;
    default: return undefined(c, w);
  }
}

// The value MRS reads from `reg`; false where EL0 may not read it.
template <class C>
CUARM_HD CUARM_INLINE bool read_sysreg(C& c, uint32_t reg, uint64_t* v) {
  switch (reg) {
    case kRegNZCV: *v = c.s.nzcv; return true;
    case kRegFPCR: *v = c.s.fpcr; return true;
    case kRegFPSR: *v = c.s.fpsr; return true;
    case kRegTPIDR_EL0: *v = c.s.tpidr_el0; return true;
    case kRegCTR_EL0: *v = kCTR_EL0; return true;
    case kRegDCZID_EL0: *v = kDCZID_EL0; return true;
    case kRegCNTFRQ_EL0: *v = kCounterHz; return true;
    case kRegCNTVCT_EL0:
      *v = (c.s.flags & kStateDeterministicCounter) ? retired(c) : counter_ticks();
      return true;
    case kRegMIDR_EL1: *v = kMIDR_EL1; return true;
    case kRegMPIDR_EL1: *v = kMPIDR_EL1; return true;
    case kRegREVIDR_EL1: *v = 0; return true;
    default: return id_register(reg, v);
  }
}

// MRS Xt, <reg> (Rt = 31 is XZR: the value is discarded).
template <class C>
CUARM_HD Stop op_mrs(C& c, uint32_t w) {
  uint64_t v;
  if (!read_sysreg(c, bits(w, 20, 5), &v)) return undefined(c, w);
  wr(c, bits(w, 4, 0), v);
  return Stop::None;
}

// MSR <reg>, Xt (register). Only NZCV, FPCR, FPSR and TPIDR_EL0 are writable at EL0; the bits
// outside each register's defined fields read as zero.
template <class C>
CUARM_HD Stop op_msr_reg(C& c, uint32_t w) {
  const uint64_t v = xr(c, bits(w, 4, 0));
  switch (bits(w, 20, 5)) {
    case kRegNZCV: c.s.nzcv = uint32_t(v) & 0xf0000000u; break;
    case kRegFPCR: c.s.fpcr = uint32_t(v) & kFpcrMask; break;
    case kRegFPSR: c.s.fpsr = uint32_t(v) & kFpsrMask; break;
    case kRegTPIDR_EL0: c.s.tpidr_el0 = v; break;
    default: return undefined(c, w);
  }
  return Stop::None;
}

}  // namespace cuarm::core
