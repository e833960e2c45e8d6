// Data processing -- register snippets. Inputs come in x1..x5 (and NZCV), results in x0/w0.
// Snippets use only instructions of this class plus branches, so that they do not depend on
// other classes. Each starts at its global label and ends with hlt #0.
.text

// One snippet per instruction form: \name runs \insn and halts.
.macro snip name, insn:vararg
.globl t_\name
t_\name:
  \insn
  hlt #0
.endm

// ---- Add/subtract (shifted register)
snip add_x, add x0, x1, x2
snip add_w, add w0, w1, w2
snip adds_x, adds x0, x1, x2
snip adds_w, adds w0, w1, w2
snip sub_x, sub x0, x1, x2
snip subs_x, subs x0, x1, x2
snip subs_w, subs w0, w1, w2
snip add_lsl0_x, add x0, x1, x2, lsl #0
snip sub_lsl63_x, sub x0, x1, x2, lsl #63
snip add_lsr1_x, add x0, x1, x2, lsr #1
snip add_lsr63_x, add x0, x1, x2, lsr #63
snip add_asr63_x, add x0, x1, x2, asr #63
snip add_lsl31_w, add w0, w1, w2, lsl #31
snip add_asr31_w, add w0, w1, w2, asr #31
snip adds_lsr31_w, adds w0, w1, w2, lsr #31
snip add_rn_xzr, add x0, xzr, x1
snip add_rd_xzr, add xzr, x1, x2
snip cmp_x, cmp x1, x2
snip cmn_w, cmn w1, w2
snip neg_x, neg x0, x1
snip negs_w, negs w0, w1

// ---- Add/subtract (extended register)
snip add_uxtb1, add x0, x1, w2, uxtb #1
snip add_uxth2, add x0, x1, w2, uxth #2
snip add_uxtw3, add x0, x1, w2, uxtw #3
snip add_uxtx4, add x0, x1, x2, uxtx #4
snip add_sxtb0, add x0, x1, w2, sxtb
snip add_sxth1, add x0, x1, w2, sxth #1
snip add_sxtw2, add x0, x1, w2, sxtw #2
snip sub_sxtx3, sub x0, x1, x2, sxtx #3
snip add_sxtb_w, add w0, w1, w2, sxtb
snip sub_uxth_w, sub w0, w1, w2, uxth #4
snip add_x0_sp, add x0, sp, x1
snip add_sp_sp, add sp, sp, x1
snip sub_sp_sp, sub sp, sp, x1, uxtx #4
snip add_wsp_wsp, add wsp, wsp, w1
snip adds_ext_sp, adds x0, sp, x1
snip cmp_sp, cmp sp, x1
snip subs_sxtw_x, subs x0, x1, w2, sxtw
snip adds_uxtb_w, adds w0, w1, w2, uxtb

// ---- Logical (shifted register)
snip and_x, and x0, x1, x2
snip and_w, and w0, w1, w2
snip bic_lsl4_x, bic x0, x1, x2, lsl #4
snip bic_w, bic w0, w1, w2
snip orr_ror8_x, orr x0, x1, x2, ror #8
snip orr_ror63_x, orr x0, x1, x2, ror #63
snip orr_w, orr w0, w1, w2
snip orn_asr31_w, orn w0, w1, w2, asr #31
snip orn_x, orn x0, x1, x2
snip eor_lsr63_x, eor x0, x1, x2, lsr #63
snip eor_w, eor w0, w1, w2
snip eon_ror31_w, eon w0, w1, w2, ror #31
snip eon_x, eon x0, x1, x2
snip ands_x, ands x0, x1, x2
snip ands_asr63_x, ands x0, x1, x2, asr #63
snip ands_w, ands w0, w1, w2
snip bics_x, bics x0, x1, x2
snip bics_ror1_w, bics w0, w1, w2, ror #1
snip tst_x, tst x1, x2
snip mov_x, mov x0, x1
snip mov_w, mov w0, w1
snip mvn_x, mvn x0, x1
snip mvn_w, mvn w0, w1

// ---- Add/subtract with carry
snip adc_x, adc x0, x1, x2
snip adc_w, adc w0, w1, w2
snip adcs_x, adcs x0, x1, x2
snip adcs_w, adcs w0, w1, w2
snip sbc_x, sbc x0, x1, x2
snip sbc_w, sbc w0, w1, w2
snip sbcs_x, sbcs x0, x1, x2
snip sbcs_w, sbcs w0, w1, w2
snip ngc_x, ngc x0, x1
snip ngcs_w, ngcs w0, w1

// ---- Conditional compare and select, one snippet per condition
.irp c, eq,ne,cs,cc,mi,pl,vs,vc,hi,ls,ge,lt,gt,le,al,nv
snip ccmp_\c, ccmp x1, x2, #6, \c
snip ccmpi_\c, ccmp w1, #3, #9, \c
snip csel_\c, csel x0, x1, x2, \c
snip csinc_\c, csinc w0, w1, w2, \c
.endr
snip ccmn_x, ccmn x1, x2, #0, eq
snip ccmn_w, ccmn w1, w2, #0, eq
snip ccmp_w, ccmp w1, w2, #0, eq
snip ccmp_imm31_x, ccmp x1, #31, #0, eq
snip ccmn_imm_x, ccmn x1, #1, #0, eq
snip csel_w, csel w0, w1, w2, eq
snip csinc_x, csinc x0, x1, x2, eq
snip csinv_x, csinv x0, x1, x2, eq
snip csinv_w, csinv w0, w1, w2, eq
snip csneg_x, csneg x0, x1, x2, eq
snip csneg_w, csneg w0, w1, w2, eq
snip cset_x, cset x0, eq
snip csetm_w, csetm w0, eq
snip cinc_x, cinc x0, x1, eq
snip cinv_w, cinv w0, w1, eq
snip cneg_x, cneg x0, x1, eq

// ---- Data-processing (1 source)
snip rbit_x, rbit x0, x1
snip rbit_w, rbit w0, w1
snip rev16_x, rev16 x0, x1
snip rev16_w, rev16 w0, w1
snip rev32_x, rev32 x0, x1
snip rev_x, rev x0, x1
snip rev_w, rev w0, w1
snip clz_x, clz x0, x1
snip clz_w, clz w0, w1
snip cls_x, cls x0, x1
snip cls_w, cls w0, w1

// ---- Data-processing (2 source)
snip udiv_x, udiv x0, x1, x2
snip udiv_w, udiv w0, w1, w2
snip sdiv_x, sdiv x0, x1, x2
snip sdiv_w, sdiv w0, w1, w2
snip lslv_x, lsl x0, x1, x2
snip lslv_w, lsl w0, w1, w2
snip lsrv_x, lsr x0, x1, x2
snip lsrv_w, lsr w0, w1, w2
snip asrv_x, asr x0, x1, x2
snip asrv_w, asr w0, w1, w2
snip rorv_x, ror x0, x1, x2
snip rorv_w, ror w0, w1, w2
snip crc32b, crc32b w0, w1, w2
snip crc32h, crc32h w0, w1, w2
snip crc32w, crc32w w0, w1, w2
snip crc32x, crc32x w0, w1, x2
snip crc32cb, crc32cb w0, w1, w2
snip crc32cx, crc32cx w0, w1, x2

// CRC of 9 message bytes: the first 8 in x1 (little-endian), the 9th in x2; w0 = initial CRC,
// x3 = 8, x4 = 1 (loop constants). The result is inverted at the end, as CRC-32 specifies.
.macro crc_bytes name, insn
.globl t_\name
t_\name:
  mov x5, x3
1:
  \insn w0, w0, w1
  lsr x1, x1, x3
  sub x5, x5, x4
  cbnz x5, 1b
  \insn w0, w0, w2
  mvn w0, w0
  hlt #0
.endm
crc_bytes crc32b_loop, crc32b
crc_bytes crc32cb_loop, crc32cb

// The same 9 bytes through the wider forms: one doubleword, two words or four halfwords,
// then the last byte with CRC32B/CRC32CB.
.globl t_crc32x_msg
t_crc32x_msg:
  crc32x w0, w0, x1
  crc32b w0, w0, w2
  mvn w0, w0
  hlt #0
.globl t_crc32cx_msg
t_crc32cx_msg:
  crc32cx w0, w0, x1
  crc32cb w0, w0, w2
  mvn w0, w0
  hlt #0
.globl t_crc32w_msg
t_crc32w_msg:             // x3 = 32
  crc32w w0, w0, w1
  lsr x1, x1, x3
  crc32w w0, w0, w1
  crc32b w0, w0, w2
  mvn w0, w0
  hlt #0
.globl t_crc32ch_msg
t_crc32ch_msg:            // x3 = 16
  crc32ch w0, w0, w1
  lsr x1, x1, x3
  crc32ch w0, w0, w1
  lsr x1, x1, x3
  crc32ch w0, w0, w1
  lsr x1, x1, x3
  crc32ch w0, w0, w1
  crc32cb w0, w0, w2
  mvn w0, w0
  hlt #0
.globl t_crc32cw_msg
t_crc32cw_msg:            // x3 = 32
  crc32cw w0, w0, w1
  lsr x1, x1, x3
  crc32cw w0, w0, w1
  crc32cb w0, w0, w2
  mvn w0, w0
  hlt #0

// ---- Data-processing (3 source)
snip madd_x, madd x0, x1, x2, x3
snip madd_w, madd w0, w1, w2, w3
snip msub_x, msub x0, x1, x2, x3
snip msub_w, msub w0, w1, w2, w3
snip mul_x, mul x0, x1, x2
snip mneg_w, mneg w0, w1, w2
snip smaddl, smaddl x0, w1, w2, x3
snip smsubl, smsubl x0, w1, w2, x3
snip smull, smull x0, w1, w2
snip umaddl, umaddl x0, w1, w2, x3
snip umsubl, umsubl x0, w1, w2, x3
snip umull, umull x0, w1, w2
snip smulh, smulh x0, x1, x2
snip umulh, umulh x0, x1, x2
