// Scalar floating-point snippets. Inputs come in v1..v3 (s/d/h views), x1/w1 and NZCV (set by
// the test), FPCR and FPSR; results in v0/s0/d0, x0/w0 and NZCV. Each snippet is one
// instruction of this class followed by hlt #0.
.text

.macro snip name, insn:vararg
.globl t_\name
t_\name:
  \insn
  hlt #0
.endm

// ---- Conversion between FP and fixed point
snip scvtf_s_w_fix1, scvtf s0, w1, #1
snip scvtf_d_x_fix64, scvtf d0, x1, #64
snip ucvtf_s_x_fix4, ucvtf s0, x1, #4
snip ucvtf_d_w_fix32, ucvtf d0, w1, #32
snip fcvtzs_w_s_fix4, fcvtzs w0, s1, #4
snip fcvtzs_x_d_fix1, fcvtzs x0, d1, #1
snip fcvtzu_w_d_fix32, fcvtzu w0, d1, #32
snip fcvtzu_x_s_fix64, fcvtzu x0, s1, #64

// ---- Conversion between FP and integer
snip fcvtns_w_s, fcvtns w0, s1
snip fcvtns_x_d, fcvtns x0, d1
snip fcvtnu_w_d, fcvtnu w0, d1
snip fcvtps_x_s, fcvtps x0, s1
snip fcvtpu_w_s, fcvtpu w0, s1
snip fcvtms_w_d, fcvtms w0, d1
snip fcvtmu_x_d, fcvtmu x0, d1
snip fcvtzs_w_s, fcvtzs w0, s1
snip fcvtzs_x_d, fcvtzs x0, d1
snip fcvtzu_w_s, fcvtzu w0, s1
snip fcvtzu_x_d, fcvtzu x0, d1
snip fcvtas_w_s, fcvtas w0, s1
snip fcvtas_x_d, fcvtas x0, d1
snip fcvtau_w_d, fcvtau w0, d1
snip scvtf_s_w, scvtf s0, w1
snip scvtf_d_x, scvtf d0, x1
snip scvtf_s_x, scvtf s0, x1
snip ucvtf_s_w, ucvtf s0, w1
snip ucvtf_d_x, ucvtf d0, x1
snip fmov_w_s, fmov w0, s1
snip fmov_s_w, fmov s0, w1
snip fmov_x_d, fmov x0, d1
snip fmov_d_x, fmov d0, x1
snip fmov_x_v1d1, fmov x0, v1.d[1]
snip fmov_v0d1_x, fmov v0.d[1], x1

// ---- Data-processing (1 source)
snip fmov_s, fmov s0, s1
snip fmov_d, fmov d0, d1
snip fabs_s, fabs s0, s1
snip fabs_d, fabs d0, d1
snip fneg_s, fneg s0, s1
snip fneg_d, fneg d0, d1
snip fsqrt_s, fsqrt s0, s1
snip fsqrt_d, fsqrt d0, d1
snip fcvt_d_s, fcvt d0, s1
snip fcvt_s_d, fcvt s0, d1
snip fcvt_h_s, fcvt h0, s1
snip fcvt_h_d, fcvt h0, d1
snip fcvt_s_h, fcvt s0, h1
snip fcvt_d_h, fcvt d0, h1
snip frintn_s, frintn s0, s1
snip frintp_d, frintp d0, d1
snip frintm_s, frintm s0, s1
snip frintz_d, frintz d0, d1
snip frinta_s, frinta s0, s1
snip frinta_d, frinta d0, d1
snip frintx_s, frintx s0, s1
snip frinti_d, frinti d0, d1

// ---- Compare
snip fcmp_s, fcmp s1, s2
snip fcmp_d, fcmp d1, d2
snip fcmp_s_zero, fcmp s1, #0.0
snip fcmpe_d, fcmpe d1, d2
snip fcmpe_s_zero, fcmpe s1, #0.0

// ---- Conditional compare
snip fccmp_s_eq, fccmp s1, s2, #0x5, eq
snip fccmpe_d_ne, fccmpe d1, d2, #0x2, ne

// ---- Immediate
snip fmov_s_imm_1, fmov s0, #1.0
snip fmov_d_imm_m0_125, fmov d0, #-0.125
snip fmov_s_imm_31, fmov s0, #31.0
snip fmov_d_imm_1_9375, fmov d0, #1.9375

// ---- Data-processing (2 source)
snip fmul_s, fmul s0, s1, s2
snip fmul_d, fmul d0, d1, d2
snip fdiv_s, fdiv s0, s1, s2
snip fdiv_d, fdiv d0, d1, d2
snip fadd_s, fadd s0, s1, s2
snip fadd_d, fadd d0, d1, d2
snip fsub_s, fsub s0, s1, s2
snip fsub_d, fsub d0, d1, d2
snip fmax_s, fmax s0, s1, s2
snip fmin_d, fmin d0, d1, d2
snip fmaxnm_d, fmaxnm d0, d1, d2
snip fminnm_s, fminnm s0, s1, s2
snip fnmul_s, fnmul s0, s1, s2
snip fnmul_d, fnmul d0, d1, d2

// ---- Conditional select
snip fcsel_s_ge, fcsel s0, s1, s2, ge
snip fcsel_d_eq, fcsel d0, d1, d2, eq

// ---- Data-processing (3 source): v1 * v2 and the addend v3
snip fmadd_s, fmadd s0, s1, s2, s3
snip fmadd_d, fmadd d0, d1, d2, d3
snip fmsub_s, fmsub s0, s1, s2, s3
snip fmsub_d, fmsub d0, d1, d2, d3
snip fnmadd_s, fnmadd s0, s1, s2, s3
snip fnmadd_d, fnmadd d0, d1, d2, d3
snip fnmsub_s, fnmsub s0, s1, s2, s3
snip fnmsub_d, fnmsub d0, d1, d2, d3
