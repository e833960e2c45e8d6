// Advanced SIMD floating-point snippets. Inputs come in v0 (accumulator / kept half), v1, v2,
// v17 (a by-element operand in the upper register bank) and x1 (an FPCR value for the *_fpcr
// snippets, which set it with MSR first); the result is in v0 and FPSR. Each snippet is one
// instruction of this class (after the MSR) followed by hlt #0.
.text

.macro snip name, insn:vararg
.globl t_\name
t_\name:
  \insn
  hlt #0
.endm

.macro snipfpcr name, insn:vararg
.globl t_\name
t_\name:
  msr fpcr, x1
  \insn
  hlt #0
.endm

// ---- Three same (vector)
snip fadd_4s, fadd v0.4s, v1.4s, v2.4s
snip fadd_2s, fadd v0.2s, v1.2s, v2.2s
snipfpcr fadd_2d_fpcr, fadd v0.2d, v1.2d, v2.2d
snip fsub_4s, fsub v0.4s, v1.4s, v2.4s
snip fmul_4s, fmul v0.4s, v1.4s, v2.4s
snip fmulx_4s, fmulx v0.4s, v1.4s, v2.4s
snip fdiv_2d, fdiv v0.2d, v1.2d, v2.2d
snip fmax_4s, fmax v0.4s, v1.4s, v2.4s
snip fmin_4s, fmin v0.4s, v1.4s, v2.4s
snip fmaxnm_4s, fmaxnm v0.4s, v1.4s, v2.4s
snip fminnm_4s, fminnm v0.4s, v1.4s, v2.4s
snip fmla_4s, fmla v0.4s, v1.4s, v2.4s
snip fmls_2d, fmls v0.2d, v1.2d, v2.2d
snip fabd_4s, fabd v0.4s, v1.4s, v2.4s
snip frecps_4s, frecps v0.4s, v1.4s, v2.4s
snip frsqrts_4s, frsqrts v0.4s, v1.4s, v2.4s
snip fcmeq_4s, fcmeq v0.4s, v1.4s, v2.4s
snip fcmeq_2d, fcmeq v0.2d, v1.2d, v2.2d
snip fcmge_4s, fcmge v0.4s, v1.4s, v2.4s
snip fcmgt_4s, fcmgt v0.4s, v1.4s, v2.4s
snip facge_4s, facge v0.4s, v1.4s, v2.4s
snip facgt_4s, facgt v0.4s, v1.4s, v2.4s
snip faddp_4s, faddp v0.4s, v1.4s, v2.4s
snip fmaxp_4s, fmaxp v0.4s, v1.4s, v2.4s
snip fminp_4s, fminp v0.4s, v1.4s, v2.4s
snip fmaxnmp_2s, fmaxnmp v0.2s, v1.2s, v2.2s
snip fminnmp_2d, fminnmp v0.2d, v1.2d, v2.2d

// ---- Scalar three same
snip fmulx_s, fmulx s0, s1, s2
snip fcmeq_d, fcmeq d0, d1, d2
snip frecps_s, frecps s0, s1, s2
snip frsqrts_d, frsqrts d0, d1, d2
snip fcmge_s, fcmge s0, s1, s2
snip facge_d, facge d0, d1, d2
snip fabd_s, fabd s0, s1, s2
snip fcmgt_d, fcmgt d0, d1, d2
snip facgt_s, facgt s0, s1, s2

// ---- Two-register misc (vector)
snip frintn_4s, frintn v0.4s, v1.4s
snip frinta_4s, frinta v0.4s, v1.4s
snip frintp_4s, frintp v0.4s, v1.4s
snip frintm_4s, frintm v0.4s, v1.4s
snip frintz_4s, frintz v0.4s, v1.4s
snipfpcr frintx_2d_fpcr, frintx v0.2d, v1.2d
snipfpcr frinti_2d_fpcr, frinti v0.2d, v1.2d
snip fcvtns_4s, fcvtns v0.4s, v1.4s
snip fcvtnu_2d, fcvtnu v0.2d, v1.2d
snip fcvtps_4s, fcvtps v0.4s, v1.4s
snip fcvtpu_4s, fcvtpu v0.4s, v1.4s
snip fcvtms_4s, fcvtms v0.4s, v1.4s
snip fcvtmu_2d, fcvtmu v0.2d, v1.2d
snip fcvtzs_2s, fcvtzs v0.2s, v1.2s
snip fcvtzu_4s, fcvtzu v0.4s, v1.4s
snip fcvtas_4s, fcvtas v0.4s, v1.4s
snip fcvtau_4s, fcvtau v0.4s, v1.4s
snip scvtf_4s, scvtf v0.4s, v1.4s
snip scvtf_2d, scvtf v0.2d, v1.2d
snip ucvtf_4s, ucvtf v0.4s, v1.4s
snipfpcr ucvtf_4s_fpcr, ucvtf v0.4s, v1.4s
snip fcmgt_zero_4s, fcmgt v0.4s, v1.4s, #0.0
snip fcmeq_zero_4s, fcmeq v0.4s, v1.4s, #0.0
snip fcmlt_zero_4s, fcmlt v0.4s, v1.4s, #0.0
snip fcmge_zero_4s, fcmge v0.4s, v1.4s, #0.0
snip fcmle_zero_4s, fcmle v0.4s, v1.4s, #0.0
snip fcmle_zero_2d, fcmle v0.2d, v1.2d, #0.0
snip fabs_4s, fabs v0.4s, v1.4s
snip fneg_2d, fneg v0.2d, v1.2d
snip fsqrt_4s, fsqrt v0.4s, v1.4s
snip frecpe_4s, frecpe v0.4s, v1.4s
snip frsqrte_4s, frsqrte v0.4s, v1.4s
snip frecpe_2d, frecpe v0.2d, v1.2d
snip urecpe_4s, urecpe v0.4s, v1.4s
snip ursqrte_2s, ursqrte v0.2s, v1.2s
snip fcvtn_4h, fcvtn v0.4h, v1.4s
snip fcvtn2_8h, fcvtn2 v0.8h, v1.4s
snip fcvtn_2s, fcvtn v0.2s, v1.2d
snip fcvtxn_2s, fcvtxn v0.2s, v1.2d
snip fcvtxn2_4s, fcvtxn2 v0.4s, v1.2d
snip fcvtl_4s, fcvtl v0.4s, v1.4h
snip fcvtl2_4s, fcvtl2 v0.4s, v1.8h
snip fcvtl_2d, fcvtl v0.2d, v1.2s
snip fcvtl2_2d, fcvtl2 v0.2d, v1.4s

// ---- Two-register misc (scalar)
snip fcmgt_zero_s, fcmgt s0, s1, #0.0
snip fcmeq_zero_d, fcmeq d0, d1, #0.0
snip fcmlt_zero_s, fcmlt s0, s1, #0.0
snip fcmge_zero_d, fcmge d0, d1, #0.0
snip fcmle_zero_s, fcmle s0, s1, #0.0
snip fcvtns_s, fcvtns s0, s1
snip fcvtnu_d, fcvtnu d0, d1
snip fcvtps_d, fcvtps d0, d1
snip fcvtpu_s, fcvtpu s0, s1
snip fcvtms_s, fcvtms s0, s1
snip fcvtmu_d, fcvtmu d0, d1
snip fcvtzs_d, fcvtzs d0, d1
snip fcvtzu_s, fcvtzu s0, s1
snip fcvtas_d, fcvtas d0, d1
snip fcvtau_s, fcvtau s0, s1
snip scvtf_s, scvtf s0, s1
snip ucvtf_d, ucvtf d0, d1
snip frecpe_s, frecpe s0, s1
snip frsqrte_d, frsqrte d0, d1
snip frecpx_s, frecpx s0, s1
snip frecpx_d, frecpx d0, d1
snip fcvtxn_s, fcvtxn s0, d1

// ---- Across lanes and scalar pairwise
snip fmaxv, fmaxv s0, v1.4s
snip fminv, fminv s0, v1.4s
snip fmaxnmv, fmaxnmv s0, v1.4s
snip fminnmv, fminnmv s0, v1.4s
snip faddp_s, faddp s0, v1.2s
snip faddp_d, faddp d0, v1.2d
snip fmaxp_s, fmaxp s0, v1.2s
snip fminp_d, fminp d0, v1.2d
snip fmaxnmp_d, fmaxnmp d0, v1.2d
snip fminnmp_s, fminnmp s0, v1.2s

// ---- By element
snip fmla_elem_4s, fmla v0.4s, v1.4s, v2.s[3]
snip fmla_elem_2s, fmla v0.2s, v1.2s, v2.s[0]
snip fmls_elem_2d, fmls v0.2d, v1.2d, v2.d[1]
snip fmul_elem_4s, fmul v0.4s, v1.4s, v17.s[1]
snip fmulx_elem_2d, fmulx v0.2d, v1.2d, v2.d[0]
snip fmla_elem_s, fmla s0, s1, v2.s[2]
snip fmls_elem_d, fmls d0, d1, v2.d[1]
snip fmul_elem_s, fmul s0, s1, v17.s[3]
snip fmulx_elem_d, fmulx d0, d1, v17.d[1]

// ---- Fixed-point conversions (shift by immediate)
snip scvtf_fix_4s, scvtf v0.4s, v1.4s, #16
snip ucvtf_fix_2d, ucvtf v0.2d, v1.2d, #32
snip fcvtzs_fix_4s, fcvtzs v0.4s, v1.4s, #1
snip fcvtzu_fix_2d, fcvtzu v0.2d, v1.2d, #64
snip fcvtzs_fix_2s, fcvtzs v0.2s, v1.2s, #32
snip scvtf_fix_s, scvtf s0, s1, #1
snip ucvtf_fix_d, ucvtf d0, d1, #64
snip fcvtzs_fix_s, fcvtzs s0, s1, #8
snip fcvtzu_fix_d, fcvtzu d0, d1, #3
