// Data processing -- immediate snippets. Each starts at its global label and ends with hlt #0.
// Inputs arrive in x1/x2/...; the expected values are worked out by hand in test_data_imm.cpp.
.text

.globl t_adr
t_adr:             // x0 = t_adr + 8 (forward), x1 = t_adr (backward)
  adr x0, 1f
  adr x1, t_adr
1: hlt #0

// ---- add/subtract (immediate) ----
.globl t_add_imm
t_add_imm:
  add x0, x1, #0xfff
  add x2, x1, #1, lsl #12
  add w3, w1, #1           // W result zero-extended
  sub x4, x1, #0xfff, lsl #12
  sub w5, w1, #2
  add x6, x1, #0           // shift by 0 / zero immediate
  hlt #0

.globl t_add_sp
t_add_sp:          // SP-capable operands: Rn and Rd of ADD/SUB are SP
  add x0, sp, #16
  sub sp, sp, #0x20
  mov x1, sp               // ADD x1, sp, #0
  add sp, x2, #0x10, lsl #12
  mov x3, sp
  add wsp, w4, #1          // 32-bit SP write is zero-extended
  mov x5, sp
  hlt #0

.globl t_adds_x
t_adds_x:
  adds x0, x1, #1
  hlt #0

.globl t_adds_w
t_adds_w:
  adds w0, w1, #1
  hlt #0

.globl t_subs_x
t_subs_x:
  subs x0, x1, #1
  hlt #0

.globl t_subs_w
t_subs_w:
  subs w0, w1, #1, lsl #12
  hlt #0

.globl t_cmp
t_cmp:             // SUBS XZR: flags only, SP untouched
  cmp x1, #5
  hlt #0

.globl t_cmn_w
t_cmn_w:
  cmn w1, #1
  hlt #0

.globl t_cmp_sp
t_cmp_sp:          // Rn = 31 of SUBS is SP
  cmp sp, #0x400, lsl #12
  hlt #0

// ---- logical (immediate) ----
.globl t_logic_x
t_logic_x:         // one constant per element size, rotated runs included
  and x0, x1, #0x5555555555555555   // esize 2
  orr x2, xzr, #0xaaaaaaaaaaaaaaaa  // esize 2, rotated; Rn=31 reads XZR
  orr x3, xzr, #0x6666666666666666  // esize 4, rotated
  eor x4, x1, #0x0f0f0f0f0f0f0f0f   // esize 8
  orr x5, xzr, #0x00ff00ff00ff00ff  // esize 16
  orr x6, xzr, #0x0000ffff0000ffff  // esize 32
  and x7, x1, #0x8000000000000001   // esize 64, run wraps around
  orr x8, xzr, #0x7ffffffffffffffe  // esize 64, 62 ones
  eor x9, x1, #0xfffffffffffffffe   // esize 64, 63 ones
  orr x10, xzr, #0x1c1c1c1c1c1c1c1c // esize 8, rotated
  hlt #0

.globl t_logic_w
t_logic_w:
  and w0, w1, #0x55555555
  orr w2, wzr, #0x80000001
  eor w3, w1, #0xffff0000
  orr w4, w1, #0x0ff00ff0
  hlt #0

.globl t_logic_sp
t_logic_sp:        // AND/ORR/EOR write SP for Rd = 31
  and sp, x1, #0xfffffffffffffff0
  mov x0, sp
  orr wsp, wzr, #0x10000
  mov x2, sp
  hlt #0

.globl t_ands_x
t_ands_x:
  ands x0, x1, #0xffffffff00000000
  hlt #0

.globl t_ands_w
t_ands_w:
  ands w0, w1, #0x80000000
  hlt #0

.globl t_tst
t_tst:             // ANDS XZR: flags only, SP untouched
  tst x1, #0xff
  hlt #0

// ---- move wide ----
.globl t_movw
t_movw:
  movz x0, #0x1234, lsl #48
  movz w1, #0xabcd, lsl #16
  movn x2, #0
  movn w3, #0
  movn x4, #0x1234, lsl #32
  movk x5, #0xbeef, lsl #16
  movk w6, #0xbeef
  movn w7, #0xffff, lsl #16
  movk x8, #0xcafe, lsl #48
  hlt #0

// ---- bitfield ----
.globl t_shift
t_shift:
  asr x0, x1, #4
  lsr x2, x1, #63
  lsl x3, x1, #63
  asr w4, w1, #31
  lsr w5, w1, #0
  lsl w6, w1, #31
  asr x7, x1, #63
  lsl x8, x1, #4
  lsr x9, x1, #4
  asr w10, w1, #4
  hlt #0

.globl t_ext
t_ext:
  sxtb x0, w1
  sxth x2, w1
  sxtw x3, w1
  uxtb w4, w1
  uxth w5, w1
  sxtb w6, w1
  sxth w7, w1
  hlt #0

.globl t_bfx
t_bfx:
  sbfx x0, x1, #4, #8
  ubfx x3, x1, #36, #8
  sbfiz x4, x1, #8, #8
  ubfiz x5, x1, #52, #8
  bfi x2, x1, #8, #16
  bfxil x7, x1, #4, #8
  ubfx w8, w1, #24, #4
  sbfx w9, w1, #24, #4
  bfi w10, w1, #31, #1
  bfxil w11, w1, #0, #32
  sbfx x12, x1, #63, #1
  ubfx x13, x1, #0, #64
  sbfiz w14, w1, #30, #2
  sbfx x15, x1, #32, #4     // sign bit 35 clear, bit 3 set
  hlt #0

// ---- extract ----
.globl t_extr
t_extr:
  extr x0, x1, x2, #8
  extr x3, x1, x2, #0
  extr x4, x1, x2, #63
  ror x5, x1, #4
  extr w6, w1, w2, #8
  ror w7, w1, #31
  extr w8, w1, w2, #0
  ror x9, x1, #0
  hlt #0
