// Load/store snippets. Each starts at its global label and ends with hlt #0.
// test_load_store.cpp fills the data region (kData = 0x200000) with byte(i) = i & 0xff before a
// run, so every loaded value below can be worked out by hand; inputs arrive in registers.
// Encodings GNU as warns about (CONSTRAINED UNPREDICTABLE register overlaps) are written as
// .inst words with their disassembly.
.text

// ---- unsigned offset (scaled imm12) ----
.globl t_ldr_uimm
t_ldr_uimm:        // x1 = kData
  ldr x0, [x1, #8]
  ldr w2, [x1, #0x80]      // W load zero-extends
  ldrh w3, [x1, #0x82]
  ldrb w4, [x1, #0x81]
  ldrsb x5, [x1, #0x81]
  ldrsb w6, [x1, #0x81]    // sign-extends to 32 bits only
  ldrsh x7, [x1, #0x80]
  ldrsh w8, [x1, #0x80]
  ldrsw x9, [x1, #0x80]
  ldrsb x10, [x1, #0x7f]   // positive byte
  ldrsw x11, [x1, #0x7c]   // positive word
  ldr x12, [x1, #32760]    // largest X offset: 4095 * 8
  ldrb w13, [x1, #4095]    // largest byte offset
  ldrh w14, [x1, #8190]
  ldr w15, [x1, #3]        // GNU as picks LDUR: unaligned W
  hlt #0

.globl t_str_uimm
t_str_uimm:        // x1 = kData; x2..x5 = values
  str x2, [x1, #8]
  str w3, [x1, #16]
  strh w4, [x1, #24]
  strb w5, [x1, #32]
  str xzr, [x1, #40]       // Rt 31 is XZR: stores zero
  str wzr, [x1, #48]
  strh wzr, [x1, #56]
  strb wzr, [x1, #64]
  str x2, [x1, #32760]
  hlt #0

// ---- unscaled (LDUR/STUR) ----
.globl t_unscaled
t_unscaled:        // x1 = kData + 0x100
  ldur x0, [x1, #-248]     // kData + 8
  ldur w2, [x1, #1]        // unaligned
  ldursb x3, [x1, #-127]   // kData + 0x81
  ldursh w4, [x1, #-128]   // kData + 0x80
  ldursw x5, [x1, #-127]   // bytes 81 82 83 84
  ldurb w6, [x1, #255]
  ldurb w7, [x1, #-256]
  ldursb w8, [x1, #-1]     // 0xff
  ldurh w9, [x1, #-1]      // bytes ff 00
  stur x10, [x1, #-11]
  sturh w11, [x1, #3]
  sturb w12, [x1, #16]
  stur w13, [x1, #17]
  hlt #0

// ---- post-index and pre-index ----
.globl t_index
t_index:
  ldr x0, [x1], #16        // x1 = kData + 0x40
  ldrsb w2, [x3, #-1]!     // x3 = kData + 0x82
  str x4, [x5, #-8]!       // x5 = kData + 0x100
  strh w6, [x7], #255      // x7 = kData + 0x200
  ldrsw x8, [x9], #-256    // x9 = kData + 0x180
  ldrb w10, [x11, #255]!   // x11 = kData
  strb w12, [x13, #-256]!  // x13 = kData + 0x400
  ldrh w14, [x15], #0      // x15 = kData + 0x22: zero writeback offset
  ldr w16, [x17, #4]!      // x17 = kData + 0x11: unaligned
  hlt #0

// ---- unprivileged (EL0: the ordinary accesses) ----
.globl t_unpriv
t_unpriv:          // x1 = kData + 0x80
  ldtr x0, [x1, #8]
  ldtrsb x2, [x1, #1]
  ldtrh w3, [x1, #-2]
  ldtrsw x4, [x1]
  ldtrsh w5, [x1]
  ldtrb w6, [x1, #-1]
  ldtr w7, [x1, #-4]
  ldtrsb w8, [x1, #3]
  ldtrsh x9, [x1, #2]
  sttr x10, [x1, #16]
  sttr w11, [x1, #32]
  sttrh w12, [x1, #-16]
  sttrb w13, [x1, #-32]
  hlt #0

// ---- register offset ----
.globl t_regoff
t_regoff:          // x1 = kData + 0x100
  ldr x0, [x1, x2]             // x2 = -0xf8
  ldr x3, [x1, x4, lsl #3]     // x4 = 2
  ldr w5, [x1, w6, uxtw #2]    // x6 = 0xffffffff00000020: the high half is ignored
  ldrsb x7, [x1, w8, sxtw]     // w8 = -127
  ldrh w9, [x1, x10, sxtx #1]  // x10 = -64
  ldrsh w13, [x1, w14, uxtw]   // x14 = 0x100000002
  ldr x15, [x1, xzr]           // Rm 31 is XZR
  str x16, [x1, w17, sxtw #3]  // w17 = -2
  ldrb w18, [x1, x19, lsl #0]  // x19 = 5: S=1 for bytes is still no shift
  strh w20, [x1, x21, lsl #1]  // x21 = 0x10
  ldrsw x22, [x1, w23, sxtw #2] // w23 = -32
  ldr w24, [x1, w25, uxtw]     // x25 = 0x81: unaligned
  hlt #0

// ---- literal ----
.balign 8
lit_back:
  .quad 0x0123456789abcdef
.globl t_literal
t_literal:
  ldr x0, lit_q
  ldr w2, lit_q            // low word, zero-extended
  ldrsw x3, lit_w
  ldr x4, lit_back         // negative offset
  ldr w5, lit_w
  ldrsw x6, lit_q          // 0x55667788: positive
  prfm pldl1keep, lit_q    // no-op
  hlt #0
.balign 8
lit_q:
  .quad 0x1122334455667788
lit_w:
  .word 0x80000001
  .word 0

// ---- SP as base, XZR as data ----
.globl t_sp
t_sp:              // sp = kStackTop
  str x0, [sp, #-16]!
  ldr x1, [sp], #16
  stp x2, x3, [sp, #-32]!
  ldr x4, [sp, #8]
  ldxr x10, [sp]           // the monitor works with SP as base too
  stxr w11, x12, [sp]
  ldar x13, [sp]
  ldp x5, x6, [sp], #32
  stp xzr, xzr, [sp, #-48]
  ldur x7, [sp, #-40]
  ldr x8, [sp, x9]         // x9 = -32
  strb w14, [sp, #-1]!
  ldrb w15, [sp], #1
  hlt #0

.globl t_load_xzr
t_load_xzr:        // loads into XZR are performed and discarded
  ldr xzr, [x1]
  ldrb wzr, [x1, #1]
  ldp xzr, x0, [x1]
  hlt #0

// ---- pairs ----
.globl t_ldp
t_ldp:
  ldp x0, x2, [x1]             // x1 = kData + 0x80
  ldp w3, w4, [x1, #-8]
  ldpsw x5, x6, [x1]
  ldnp x7, x8, [x1, #16]
  ldp x9, x10, [x11], #16      // x11 = kData + 0x10
  ldp w12, w13, [x14, #-8]!    // x14 = kData + 0x28
  ldpsw x15, x16, [x17, #8]!   // x17 = kData + 0xf8
  ldnp w18, w19, [x1, #-128]
  ldpsw x20, x21, [x22], #-256 // x22 = kData + 0x180
  ldp x23, x24, [x1, #504]     // largest X offset: 63 * 8
  ldp w25, w26, [x27, #-256]   // smallest W offset: -64 * 4; x27 = kData + 0x180
  hlt #0

.globl t_stp
t_stp:             // x1 = kData + 0x80
  stp x2, x3, [x1]
  stp w4, w5, [x1, #-8]
  stnp x6, x7, [x1, #16]
  stnp w8, w9, [x1, #32]
  stp x10, x11, [x12], #-16    // x12 = kData + 0x200
  stp w13, w14, [x15, #8]!     // x15 = kData + 0x300
  stp xzr, xzr, [x1, #48]
  stp x2, x3, [x16, #-512]     // smallest X offset: -64 * 8; x16 = kData + 0x600
  hlt #0

// ---- exclusives ----
.globl t_excl
t_excl:            // x1 = kData + 0x40; x2 = x4 = x5 = 0xdead... (to see the W status zero-extend)
  ldxr x0, [x1]
  stxr w2, x3, [x1]        // armed: succeeds (0), stores
  stxr w4, x6, [x1]        // disarmed by the first: fails (1), no store
  stxr w5, x6, [x1]        // still fails
  hlt #0

.globl t_stxr_alone
t_stxr_alone:      // never armed: fails with 1 and stores nothing
  stxr w2, x3, [x1]
  hlt #0

.globl t_excl_mismatch
t_excl_mismatch:   // x1 = kData + 0x40
  ldxr x0, [x1]
  stxr w2, x3, [x7]        // x7 = x1 + 8: other address, fails
  ldxr w4, [x1]
  stxr w5, x3, [x1]        // armed for 4 bytes, stores 8: fails
  ldxr x6, [x1]
  stxrb w8, w3, [x1]       // size 1 against 8: fails
  ldxrb w9, [x1]
  ldaxrh w10, [x1]         // a second load-exclusive re-arms (2 bytes)
  stlxrh w11, w3, [x1]     // succeeds
  hlt #0

.globl t_excl_sizes
t_excl_sizes:
  ldaxrb w0, [x1]          // x1 = kData + 0x41: bytes need no alignment
  stlxrb w2, w3, [x1]
  ldxrh w4, [x5]           // x5 = kData + 0x52
  stxrh w6, w7, [x5]
  ldaxr w8, [x9]           // x9 = kData + 0x64
  stlxr w10, w11, [x9]
  ldaxr x12, [x13]         // x13 = kData + 0x78
  stlxr w14, x15, [x13]
  hlt #0

.globl t_excl_pair
t_excl_pair:
  ldxp x0, x2, [x1]        // x1 = kData + 0x80: 16-byte aligned
  stxp w3, x4, x5, [x1]
  stxp w6, x4, x5, [x1]    // disarmed: fails
  ldaxp w7, w8, [x9]       // x9 = kData + 0xc8: 8-byte aligned
  stlxp w10, w11, w12, [x9]
  ldxp x13, x14, [x1]
  stxr w15, x4, [x1]       // armed for the 16-byte pair, an 8-byte store fails
  ldxr x16, [x1]
  stxp w17, x4, x5, [x1]   // armed for 8 bytes, a 16-byte pair store fails
  hlt #0

.globl t_ldxr_one
t_ldxr_one:        // one access each, for the fault tests
  ldxr x0, [x1]
  hlt #0
.globl t_stxr_one
t_stxr_one:
  stxr w2, x3, [x1]
  hlt #0
.globl t_ldxp_one
t_ldxp_one:
  ldxp x0, x2, [x1]
  hlt #0
.globl t_ldxp_w_one
t_ldxp_w_one:
  ldxp w0, w2, [x1]
  hlt #0
.globl t_stxp_one
t_stxp_one:
  stlxp w2, x3, x4, [x1]
  hlt #0
.globl t_ldarh_one
t_ldarh_one:
  ldarh w0, [x1]
  hlt #0
.globl t_stlr_one
t_stlr_one:
  stlr w3, [x1]
  hlt #0
.balign 8
.globl t_ldxr_stxr
t_ldxr_stxr:       // load-exclusive from x1, store-exclusive to the same address (8-aligned)
  ldxr x0, [x1]
  stxr w2, x3, [x1]
  hlt #0

// ---- load-acquire / store-release ----
.globl t_acq_rel
t_acq_rel:         // x1 = kData + 0x80
  ldar x0, [x1]
  ldarb w2, [x3]           // x3 = kData + 0x81
  ldarh w4, [x5]           // x5 = kData + 0x82
  ldar w6, [x7]            // x7 = kData + 0x84
  stlr x8, [x9]            // x9 = kData + 0x100
  stlrb w10, [x11]         // x11 = kData + 0x109
  stlrh w12, [x13]         // x13 = kData + 0x10a
  stlr w14, [x15]          // x15 = kData + 0x10c
  hlt #0

// ---- prefetch: no access, no fault ----
.globl t_prfm
t_prfm:            // x1 = an unmapped address
  prfm pldl1keep, [x1]
  prfm pstl3strm, [x1, #32760]
  prfum pldl2keep, [x1, #-1]
  prfm plil1keep, [x1, x2, lsl #3]
  prfm pldl1keep, [x1, w2, sxtw]
  prfm pldl1keep, lit_q
  prfm #31, [x1]           // an unallocated prfop is still a hint
  mov x0, #1
  hlt #0

// ---- faults ----
.globl t_str_ro
t_str_ro:          // x1 = an address in this (read-only) image
  str x0, [x1]
  hlt #0
.globl t_str_wb_ro
t_str_wb_ro:
  str x0, [x1, #8]!
  hlt #0
.globl t_ldr_post_one
t_ldr_post_one:
  ldr x0, [x1], #8
  hlt #0
.globl t_ldrb_one
t_ldrb_one:
  ldrsb x0, [x1, #-1]!
  hlt #0
.globl t_stp_one
t_stp_one:
  stp x2, x3, [x1, #16]!
  hlt #0
.globl t_ldp_one
t_ldp_one:
  ldp x2, x3, [x1], #16
  hlt #0
.globl t_ldr_x_one
t_ldr_x_one:
  ldr x0, [x1]
  hlt #0

// ---- CONSTRAINED UNPREDICTABLE overlaps (behaviour chosen as QEMU) ----
.globl t_wb_same
t_wb_same:
  .inst 0xf8408421         // ldr x1, [x1], #8     x1 = kData: x1 = kData + 8
  .inst 0xf8410c42         // ldr x2, [x2, #16]!   x2 = kData: x2 = kData + 16
  .inst 0xf8008c63         // str x3, [x3, #8]!    x3 = kData + 0x100: stores kData + 0x100
  .inst 0xa8c11084         // ldp x4, x4, [x4], #16 (Rt == Rt2 == Rn) x4 = kData + 0x20
  .inst 0xa9c114a6         // ldp x6, x5, [x5, #16]!  (Rt2 == Rn) x5 = kData + 0x40
  .inst 0xa9400d03         // ldp x3, x3, [x8]     x8 = kData + 0x80: the first element
  hlt #0
.globl t_excl_same
t_excl_same:
  ldxr x0, [x1]            // x1 = kData + 0x40
  .inst 0xc8037c23         // stxr w3, x3, [x1]: stores x3's old value, then w3 = 0
  ldxr x0, [x2]            // x2 = kData + 0x80
  .inst 0xc8027c44         // stxr w2, x4, [x2]: stores to the old x2, then w2 = 0
  .inst 0xc87f1425         // ldxp x5, x5, [x1]: the second element
  hlt #0
