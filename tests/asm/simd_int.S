// Advanced SIMD integer snippets (three same, two-register misc, across lanes and their scalar
// forms). Inputs come in v1 and v2 (and v0 for the accumulating and inserting forms), the
// result in v0; FPSR.QC shows saturation. Each starts at its global label and ends with hlt #0.
.text

.macro snip name, insn:vararg
.globl t_\name
t_\name:
  \insn
  hlt #0
.endm

// ---- Three same (vector)
snip shadd_8b, shadd v0.8b, v1.8b, v2.8b
snip uhadd_16b, uhadd v0.16b, v1.16b, v2.16b
snip srhadd_4h, srhadd v0.4h, v1.4h, v2.4h
snip urhadd_8h, urhadd v0.8h, v1.8h, v2.8h
snip shsub_2s, shsub v0.2s, v1.2s, v2.2s
snip uhsub_4s, uhsub v0.4s, v1.4s, v2.4s
snip sqadd_16b, sqadd v0.16b, v1.16b, v2.16b
snip uqadd_8h, uqadd v0.8h, v1.8h, v2.8h
snip sqadd_2d, sqadd v0.2d, v1.2d, v2.2d
snip uqadd_2d, uqadd v0.2d, v1.2d, v2.2d
snip sqsub_4s, sqsub v0.4s, v1.4s, v2.4s
snip uqsub_16b, uqsub v0.16b, v1.16b, v2.16b
snip sqsub_2d, sqsub v0.2d, v1.2d, v2.2d
snip uqsub_2d, uqsub v0.2d, v1.2d, v2.2d
snip cmgt_8b, cmgt v0.8b, v1.8b, v2.8b
snip cmgt_2d, cmgt v0.2d, v1.2d, v2.2d
snip cmhi_2d, cmhi v0.2d, v1.2d, v2.2d
snip cmge_4h, cmge v0.4h, v1.4h, v2.4h
snip cmhs_4s, cmhs v0.4s, v1.4s, v2.4s
snip sshl_2d, sshl v0.2d, v1.2d, v2.2d
snip ushl_4s, ushl v0.4s, v1.4s, v2.4s
snip sqshl_8b, sqshl v0.8b, v1.8b, v2.8b
snip uqshl_8h, uqshl v0.8h, v1.8h, v2.8h
snip srshl_4s, srshl v0.4s, v1.4s, v2.4s
snip urshl_16b, urshl v0.16b, v1.16b, v2.16b
snip sqrshl_2d, sqrshl v0.2d, v1.2d, v2.2d
snip uqrshl_2d, uqrshl v0.2d, v1.2d, v2.2d
snip sqshl_2d, sqshl v0.2d, v1.2d, v2.2d
snip uqshl_2d, uqshl v0.2d, v1.2d, v2.2d
snip srshl_2d, srshl v0.2d, v1.2d, v2.2d
snip urshl_2d, urshl v0.2d, v1.2d, v2.2d
snip smax_4s, smax v0.4s, v1.4s, v2.4s
snip umax_8b, umax v0.8b, v1.8b, v2.8b
snip smin_8h, smin v0.8h, v1.8h, v2.8h
snip umin_16b, umin v0.16b, v1.16b, v2.16b
snip sabd_8b, sabd v0.8b, v1.8b, v2.8b
snip uabd_4h, uabd v0.4h, v1.4h, v2.4h
snip saba_2s, saba v0.2s, v1.2s, v2.2s
snip uaba_16b, uaba v0.16b, v1.16b, v2.16b
snip add_2d, add v0.2d, v1.2d, v2.2d
snip add_8b, add v0.8b, v1.8b, v2.8b
snip sub_4h, sub v0.4h, v1.4h, v2.4h
snip cmtst_4s, cmtst v0.4s, v1.4s, v2.4s
snip cmeq_2d, cmeq v0.2d, v1.2d, v2.2d
snip mla_8h, mla v0.8h, v1.8h, v2.8h
snip mls_4s, mls v0.4s, v1.4s, v2.4s
snip mul_16b, mul v0.16b, v1.16b, v2.16b
snip pmul_8b, pmul v0.8b, v1.8b, v2.8b
snip smaxp_4s, smaxp v0.4s, v1.4s, v2.4s
snip umaxp_8b, umaxp v0.8b, v1.8b, v2.8b
snip sminp_4h, sminp v0.4h, v1.4h, v2.4h
snip uminp_16b, uminp v0.16b, v1.16b, v2.16b
snip addp_4s, addp v0.4s, v1.4s, v2.4s
snip addp_2d, addp v0.2d, v1.2d, v2.2d
snip addp_8b, addp v0.8b, v1.8b, v2.8b
snip sqdmulh_4h, sqdmulh v0.4h, v1.4h, v2.4h
snip sqdmulh_2s, sqdmulh v0.2s, v1.2s, v2.2s
snip sqrdmulh_4s, sqrdmulh v0.4s, v1.4s, v2.4s
snip and_16b, and v0.16b, v1.16b, v2.16b
snip bic_16b, bic v0.16b, v1.16b, v2.16b
snip orr_8b, orr v0.8b, v1.8b, v2.8b
snip orn_16b, orn v0.16b, v1.16b, v2.16b
snip eor_16b, eor v0.16b, v1.16b, v2.16b
snip bsl_16b, bsl v0.16b, v1.16b, v2.16b
snip bit_16b, bit v0.16b, v1.16b, v2.16b
snip bif_16b, bif v0.16b, v1.16b, v2.16b
snip mov_8b, mov v0.8b, v1.8b

// ---- Three same (scalar)
snip sqadd_b, sqadd b0, b1, b2
snip uqadd_h, uqadd h0, h1, h2
snip sqsub_s, sqsub s0, s1, s2
snip uqsub_d, uqsub d0, d1, d2
snip sqadd_d, sqadd d0, d1, d2
snip cmgt_d, cmgt d0, d1, d2
snip cmge_d, cmge d0, d1, d2
snip cmhi_d, cmhi d0, d1, d2
snip cmhs_d, cmhs d0, d1, d2
snip cmtst_d, cmtst d0, d1, d2
snip cmeq_d, cmeq d0, d1, d2
snip sshl_d, sshl d0, d1, d2
snip ushl_d, ushl d0, d1, d2
snip srshl_d, srshl d0, d1, d2
snip urshl_d, urshl d0, d1, d2
snip sqshl_b, sqshl b0, b1, b2
snip uqshl_s, uqshl s0, s1, s2
snip sqrshl_h, sqrshl h0, h1, h2
snip uqrshl_d, uqrshl d0, d1, d2
snip add_d, add d0, d1, d2
snip sub_d, sub d0, d1, d2
snip sqdmulh_h, sqdmulh h0, h1, h2
snip sqrdmulh_s, sqrdmulh s0, s1, s2

// ---- Two-register misc (vector)
snip rev64_8b, rev64 v0.8b, v1.8b
snip rev64_4s, rev64 v0.4s, v1.4s
snip rev32_8h, rev32 v0.8h, v1.8h
snip rev16_16b, rev16 v0.16b, v1.16b
snip saddlp_4h, saddlp v0.4h, v1.8b
snip uaddlp_2d, uaddlp v0.2d, v1.4s
snip sadalp_4s, sadalp v0.4s, v1.8h
snip uadalp_1d, uadalp v0.1d, v1.2s
snip suqadd_16b, suqadd v0.16b, v1.16b
snip usqadd_4s, usqadd v0.4s, v1.4s
snip suqadd_2d, suqadd v0.2d, v1.2d
snip usqadd_2d, usqadd v0.2d, v1.2d
snip cls_8b, cls v0.8b, v1.8b
snip cls_8h, cls v0.8h, v1.8h
snip clz_4s, clz v0.4s, v1.4s
snip clz_16b, clz v0.16b, v1.16b
snip cnt_16b, cnt v0.16b, v1.16b
snip not_8b, not v0.8b, v1.8b
snip rbit_16b, rbit v0.16b, v1.16b
snip sqabs_8b, sqabs v0.8b, v1.8b
snip sqneg_2d, sqneg v0.2d, v1.2d
snip cmgt0_4s, cmgt v0.4s, v1.4s, #0
snip cmge0_8b, cmge v0.8b, v1.8b, #0
snip cmeq0_2d, cmeq v0.2d, v1.2d, #0
snip cmle0_8h, cmle v0.8h, v1.8h, #0
snip cmlt0_16b, cmlt v0.16b, v1.16b, #0
snip abs_2d, abs v0.2d, v1.2d
snip neg_8h, neg v0.8h, v1.8h
snip xtn_8b, xtn v0.8b, v1.8h
snip xtn2_16b, xtn2 v0.16b, v1.8h
snip sqxtn_4h, sqxtn v0.4h, v1.4s
snip sqxtn2_8h, sqxtn2 v0.8h, v1.4s
snip uqxtn_2s, uqxtn v0.2s, v1.2d
snip sqxtun_8b, sqxtun v0.8b, v1.8h
snip sqxtun2_4s, sqxtun2 v0.4s, v1.2d
snip shll_8h, shll v0.8h, v1.8b, #8
snip shll2_2d, shll2 v0.2d, v1.4s, #32

// ---- Two-register misc (scalar)
snip suqadd_b, suqadd b0, b1
snip usqadd_d, usqadd d0, d1
snip sqabs_h, sqabs h0, h1
snip sqneg_s, sqneg s0, s1
snip sqabs_d, sqabs d0, d1
snip cmgt0_d, cmgt d0, d1, #0
snip cmge0_d, cmge d0, d1, #0
snip cmeq0_d, cmeq d0, d1, #0
snip cmle0_d, cmle d0, d1, #0
snip cmlt0_d, cmlt d0, d1, #0
snip abs_d, abs d0, d1
snip neg_d, neg d0, d1
snip sqxtn_b, sqxtn b0, h1
snip uqxtn_s, uqxtn s0, d1
snip sqxtun_h, sqxtun h0, s1

// ---- Across lanes, scalar pairwise
snip saddlv_8b, saddlv h0, v1.8b
snip uaddlv_4s, uaddlv d0, v1.4s
snip smaxv_16b, smaxv b0, v1.16b
snip umaxv_4h, umaxv h0, v1.4h
snip sminv_4s, sminv s0, v1.4s
snip uminv_8b, uminv b0, v1.8b
snip addv_8h, addv h0, v1.8h
snip addp_d, addp d0, v1.2d
