// System instruction snippets. Each starts at its global label and ends with hlt #0.
.text

// Every named hint of ARMv8.0 and a few that later architectures defined (BTI, PACIASP,
// AUTIASP, XPACLRI, ESB, PSB CSYNC, CSDB): all NOPs here, so x0..x30 and NZCV must survive.
.globl t_hints
t_hints:
  nop
  yield
  wfe
  wfi
  sev
  sevl
  hint #7     // XPACLRI (v8.3): would clear x30's PAC bits
  hint #8     // PACIA1716 (v8.3): would change x17
  hint #12    // AUTIA1716
  hint #16    // ESB (v8.2)
  hint #17    // PSB CSYNC
  hint #20    // CSDB
  hint #25    // PACIASP (v8.3): would sign x30
  hint #29    // AUTIASP
  hint #34    // BTI C (v8.5)
  hint #0x7f
  mov x0, #1
  hlt #0

// Barriers (any option) execute and change nothing.
.globl t_barriers
t_barriers:
  dmb sy
  dmb ish
  dmb oshld
  dmb #0
  dsb sy
  dsb ish
  dsb nshst
  dsb #0      // SSBB
  dsb #4      // PSSBB
  isb
  isb #5
  mov x0, #1
  hlt #0

// x0 = store-exclusive status after LDXR; CLREX; STXR (1: failed), x1 = address.
.globl t_clrex
t_clrex:
  ldxr x3, [x1]
  clrex
  stxr w0, x2, [x1]
  hlt #0

// The same without CLREX: the store must succeed (x0 = 0).
.globl t_no_clrex
t_no_clrex:
  ldxr x3, [x1]
  stxr w0, x2, [x1]
  hlt #0

// CLREX with an immediate (CRm) is still CLREX.
.globl t_clrex_imm
t_clrex_imm:
  ldxr x3, [x1]
  clrex #5
  stxr w0, x2, [x1]
  hlt #0

.globl t_tpidr
t_tpidr:            // x0 = TPIDR_EL0 after writing x1; x2 = TPIDR_EL0 as it was
  mrs x2, tpidr_el0
  msr tpidr_el0, x1
  mrs x0, tpidr_el0
  hlt #0

.globl t_nzcv
t_nzcv:             // x2 = NZCV on entry; writes x1; x0 = NZCV read back, x3 = 1 if EQ then
  mrs x2, nzcv
  msr nzcv, x1
  mrs x0, nzcv
  cset x3, eq
  hlt #0

.globl t_fp_control
t_fp_control:       // FPCR <- x1, x0 = FPCR; FPSR <- x2, x3 = FPSR
  msr fpcr, x1
  mrs x0, fpcr
  msr fpsr, x2
  mrs x3, fpsr
  hlt #0

.globl t_msr_xzr
t_msr_xzr:          // Rt = 31 is XZR for MSR and MRS
  msr tpidr_el0, xzr
  mrs x0, tpidr_el0
  mrs xzr, midr_el1
  hlt #0

.globl t_read_only
t_read_only:
  mrs x0, ctr_el0
  mrs x1, dczid_el0
  mrs x2, cntfrq_el0
  mrs x3, midr_el1
  mrs x4, mpidr_el1
  mrs x5, revidr_el1
  mrs x6, id_aa64pfr0_el1
  mrs x7, id_aa64pfr1_el1
  mrs x8, id_aa64dfr0_el1
  mrs x9, id_aa64dfr1_el1
  mrs x10, id_aa64afr0_el1
  mrs x11, id_aa64afr1_el1
  mrs x12, id_aa64isar0_el1
  mrs x13, id_aa64isar1_el1
  mrs x14, id_aa64mmfr0_el1
  mrs x15, id_aa64mmfr1_el1
  mrs x16, s3_0_c0_c7_2     // ID_AA64MMFR2_EL1 (v8.2 name)
  mrs x17, s3_0_c0_c4_4     // ID_AA64ZFR0_EL1 (SVE)
  mrs x18, s3_0_c0_c6_2     // ID_AA64ISAR2_EL1
  mrs x19, s3_0_c0_c4_7     // reserved, RAZ
  hlt #0

// x0, x3 = CNTVCT_EL0 before and after a loop of x1 iterations (2 * x1 + 2 instructions
// retire between the two reads).
.globl t_cntvct
t_cntvct:
  mrs x0, cntvct_el0
  mov x2, x1
1: subs x2, x2, #1
  b.ne 1b
  mrs x3, cntvct_el0
  hlt #0

// DC ZVA x1: zeroes the 64-byte block holding x1.
.globl t_dc_zva
t_dc_zva:
  mov x0, #1
  dc zva, x1
  mov x0, #2
  hlt #0

// Cache maintenance Linux allows at EL0: no-ops, even on unmapped addresses.
.globl t_cache_ops
t_cache_ops:
  dc cvac, x1
  dc cvau, x1
  dc civac, x1
  ic ivau, x1
  mov x0, #1
  hlt #0
