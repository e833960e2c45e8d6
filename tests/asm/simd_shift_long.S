// Advanced SIMD three different, shift by immediate and by-element snippets (integer forms).
// Inputs come in v1, v2 (and the register named in the snippet) and in v0 for the
// accumulating, inserting and "2" forms; results in v0. Snippets use only instructions of this
// class plus branches. Each starts at its global label and ends with hlt #0.
.text

.macro snip name, insn:vararg
.globl t_\name
t_\name:
  \insn
  hlt #0
.endm

// ---- Three different, vector
snip saddl, saddl v0.8h, v1.8b, v2.8b
snip uaddl, uaddl v0.8h, v1.8b, v2.8b
snip saddl2, saddl2 v0.4s, v1.8h, v2.8h
snip ssubl, ssubl v0.4s, v1.4h, v2.4h
snip usubl2, usubl2 v0.2d, v1.4s, v2.4s
snip ssubw, ssubw v0.2d, v1.2d, v2.2s
snip usubw, usubw v0.2d, v1.2d, v2.2s
snip saddw2, saddw2 v0.8h, v1.8h, v2.16b
snip uaddw, uaddw v0.4s, v1.4s, v2.4h
snip addhn, addhn v0.8b, v1.8h, v2.8h
snip raddhn, raddhn v0.8b, v1.8h, v2.8h
snip addhn2, addhn2 v0.16b, v1.8h, v2.8h
snip subhn, subhn v0.4h, v1.4s, v2.4s
snip rsubhn, rsubhn v0.4h, v1.4s, v2.4s
snip rsubhn2_s, rsubhn2 v0.4s, v1.2d, v2.2d
snip sabal, sabal v0.8h, v1.8b, v2.8b
snip uabal, uabal v0.8h, v1.8b, v2.8b
snip sabdl, sabdl v0.2d, v1.2s, v2.2s
snip uabdl2, uabdl2 v0.2d, v1.4s, v2.4s
snip smlal, smlal v0.4s, v1.4h, v2.4h
snip umlal, umlal v0.4s, v1.4h, v2.4h
snip smlsl, smlsl v0.4s, v1.4h, v2.4h
snip umlsl, umlsl v0.4s, v1.4h, v2.4h
snip smull, smull v0.2d, v1.2s, v2.2s
snip umull, umull v0.2d, v1.2s, v2.2s
snip smull2_b, smull2 v0.8h, v1.16b, v2.16b
snip sqdmull, sqdmull v0.4s, v1.4h, v2.4h
snip sqdmull2_s, sqdmull2 v0.2d, v1.4s, v2.4s
snip sqdmlal, sqdmlal v0.2d, v1.2s, v2.2s
snip sqdmlsl, sqdmlsl v0.4s, v1.4h, v2.4h
snip pmull_b, pmull v0.8h, v1.8b, v2.8b
snip pmull2_b, pmull2 v0.8h, v1.16b, v2.16b
snip pmull_q, pmull v0.1q, v1.1d, v2.1d
snip pmull2_q, pmull2 v0.1q, v1.2d, v2.2d

// ---- Three different, scalar
snip sqdmull_s, sqdmull s0, h1, h2
snip sqdmlal_d, sqdmlal d0, s1, s2
snip sqdmlsl_s, sqdmlsl s0, h1, h2

// ---- Shift by immediate, vector
snip sshr_b1, sshr v0.16b, v1.16b, #1
snip ushr_b1, ushr v0.16b, v1.16b, #1
snip sshr_b8, sshr v0.8b, v1.8b, #8
snip ushr_b8, ushr v0.8b, v1.8b, #8
snip srshr_h2, srshr v0.8h, v1.8h, #2
snip urshr_h2, urshr v0.8h, v1.8h, #2
snip ssra_s31, ssra v0.4s, v1.4s, #31
snip usra_s31, usra v0.4s, v1.4s, #31
snip srsra_d64, srsra v0.2d, v1.2d, #64
snip ursra_d64, ursra v0.2d, v1.2d, #64
snip sri_b3, sri v0.8b, v1.8b, #3
snip sri_b8, sri v0.8b, v1.8b, #8
snip sli_b3, sli v0.8b, v1.8b, #3
snip sli_h0, sli v0.4h, v1.4h, #0
snip shl_d63, shl v0.2d, v1.2d, #63
snip shl_s0, shl v0.2s, v1.2s, #0
snip sqshl_b1, sqshl v0.8b, v1.8b, #1
snip uqshl_b1, uqshl v0.8b, v1.8b, #1
snip sqshlu_b1, sqshlu v0.8b, v1.8b, #1
snip uqshl_d63, uqshl v0.2d, v1.2d, #63
snip shrn_h4, shrn v0.8b, v1.8h, #4
snip rshrn_h4, rshrn v0.8b, v1.8h, #4
snip shrn2_d32, shrn2 v0.4s, v1.2d, #32
snip sqshrn_h4, sqshrn v0.8b, v1.8h, #4
snip uqshrn_h4, uqshrn v0.8b, v1.8h, #4
snip sqrshrn_h4, sqrshrn v0.8b, v1.8h, #4
snip uqrshrn_h4, uqrshrn v0.8b, v1.8h, #4
snip sqshrun_h4, sqshrun v0.8b, v1.8h, #4
snip sqrshrun_h4, sqrshrun v0.8b, v1.8h, #4
snip sqrshrn2_d1, sqrshrn2 v0.4s, v1.2d, #1
snip sxtl_b, sxtl v0.8h, v1.8b
snip ushll_b7, ushll v0.8h, v1.8b, #7
snip sshll2_s31, sshll2 v0.2d, v1.4s, #31
snip uxtl2_h, uxtl2 v0.4s, v1.8h

// ---- Shift by immediate, scalar
snip sshr_d64, sshr d0, d1, #64
snip ushr_d64, ushr d0, d1, #64
snip urshr_d64, urshr d0, d1, #64
snip srshr_d64, srshr d0, d1, #64
snip ursra_d1, ursra d0, d1, #1
snip ssra_d1, ssra d0, d1, #1
snip sri_d64, sri d0, d1, #64
snip sli_d63, sli d0, d1, #63
snip shl_d1, shl d0, d1, #1
snip sqshl_d1, sqshl d0, d1, #1
snip sqshl_b7, sqshl b0, b1, #7
snip uqshl_h15, uqshl h0, h1, #15
snip sqshlu_s0, sqshlu s0, s1, #0
snip sqshrn_s_d, sqshrn s0, d1, #32
snip uqrshrn_h_s, uqrshrn h0, s1, #16
snip sqrshrun_b_h, sqrshrun b0, h1, #8

// ---- By element, vector
snip mul_h7, mul v0.4h, v1.4h, v2.h[7]
snip mul_v15_h5, mul v0.8h, v1.8h, v15.h[5]
snip mul_v31_s1, mul v0.4s, v1.4s, v31.s[1]
snip mla_s3, mla v0.4s, v1.4s, v2.s[3]
snip mls_h2, mls v0.4h, v1.4h, v2.h[2]
snip smull_h1, smull v0.4s, v1.4h, v2.h[1]
snip umull2_h1, umull2 v0.4s, v1.8h, v2.h[1]
snip smlal2_s2, smlal2 v0.2d, v1.4s, v2.s[2]
snip umlal_s0, umlal v0.2d, v1.2s, v2.s[0]
snip smlsl_h0, smlsl v0.4s, v1.4h, v2.h[0]
snip umlsl_h0, umlsl v0.4s, v1.4h, v2.h[0]
snip sqdmull_h0, sqdmull v0.4s, v1.4h, v2.h[0]
snip sqdmlal2_s1, sqdmlal2 v0.2d, v1.4s, v2.s[1]
snip sqdmlsl_h3, sqdmlsl v0.4s, v1.4h, v2.h[3]
snip sqdmulh_h0, sqdmulh v0.4h, v1.4h, v2.h[0]
snip sqrdmulh_h0, sqrdmulh v0.4h, v1.4h, v2.h[0]
snip sqdmulh_s1, sqdmulh v0.4s, v1.4s, v2.s[1]
snip sqrdmulh_s1, sqrdmulh v0.2s, v1.2s, v2.s[1]

// ---- By element, scalar
snip sqdmulh_e_h, sqdmulh h0, h1, v2.h[3]
snip sqrdmulh_e_s, sqrdmulh s0, s1, v2.s[2]
snip sqdmull_e_d, sqdmull d0, s1, v2.s[1]
snip sqdmlal_e_s, sqdmlal s0, h1, v2.h[7]
snip sqdmlsl_e_d, sqdmlsl d0, s1, v2.s[3]
