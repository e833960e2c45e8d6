// SIMD&FP load/store snippets. Each starts at its global label and ends with hlt #0.
// test_simd_load_store.cpp fills the data region (kData = 0x200000) with byte(i) = i & 0xff and
// sets every V register to V[n] = {lo 0x8877665544332211 + n, hi 0xffeeddccbbaa9900 + n} before
// a run, so every expected value is read off by hand; base registers arrive in X registers.
.text

// ---- LDR/STR, unsigned offset and unscaled, every size ----
.globl t_vldr_uimm
t_vldr_uimm:       // x1 = kData, x2 = kData + 0x100
  ldr b0, [x1, #0x81]
  ldr h1, [x1, #0x82]
  ldr s2, [x1, #0x84]
  ldr d3, [x1, #0x88]
  ldr q4, [x1, #0x90]
  ldr q5, [x1, #65520]     // largest Q offset: 4095 * 16
  ldur q6, [x1, #3]        // unaligned Q
  ldur d7, [x2, #-256]
  ldur h8, [x2, #255]
  ldr b9, [x1, #4095]
  ldr h10, [x1, #8190]
  ldr s11, [x1, #16380]
  ldr d12, [x1, #32760]
  hlt #0

.globl t_vstr_uimm
t_vstr_uimm:       // x1 = kData
  str b0, [x1, #1]
  str h1, [x1, #2]
  str s2, [x1, #4]
  str d3, [x1, #8]
  str q4, [x1, #16]
  stur q5, [x1, #33]
  str q6, [x1, #65520]
  stur s7, [x1, #50]
  hlt #0

// ---- literal ----
.globl t_vldr_lit
t_vldr_lit:
  ldr s0, lit_s
  ldr d1, lit_d
  ldr q2, lit_q
  ldr q3, lit_back
  hlt #0
.balign 16
lit_s: .word 0x3f800000
       .word 0x11111111          // not loaded: an S literal reads 4 bytes
lit_d: .quad 0x400921fb54442d18
lit_q: .quad 0x0123456789abcdef, 0xfedcba9876543210
.globl t_vldr_lit_back
t_vldr_lit_back:
  ldr d4, lit_d              // backward reference
  hlt #0
lit_back = lit_q

// ---- pre/post-index ----
.globl t_vindex
t_vindex:          // x1 = kData + 0x40, x2 = kData + 0x80, sp = kData + 0x200
  ldr q0, [x1], #16
  ldr d1, [x1, #-8]!
  str s2, [x2, #4]!
  str h3, [x2], #-4
  ldr b4, [x2], #255
  ldr q5, [sp, #-16]!
  str q6, [sp], #32
  hlt #0

// ---- register offset ----
.globl t_vregoff
t_vregoff:         // x1 = kData, x2 = 3, x3 = 0xffffffff00000002, x4 = 0xffffffff, x5 = kData + 0x100, x6 = -2
  ldr q0, [x1, x2, lsl #4]
  ldr d1, [x1, w3, uxtw #3]
  ldr s2, [x5, w4, sxtw #2]
  ldr h3, [x1, x2]
  ldr b4, [x1, x2, lsl #0]
  ldr b5, [x5, x6, sxtx]
  str d7, [x1, x2, lsl #3]
  str q8, [x5, w3, uxtw]
  hlt #0

// ---- pairs ----
.globl t_vpair
t_vpair:           // x1 = kData + 0x100, x2 = kData + 0x200
  ldp s0, s1, [x1]
  ldp d2, d3, [x1, #-16]
  ldp q4, q5, [x1, #32]!
  ldp q6, q7, [x1], #-32
  ldnp d8, d9, [x1, #8]
  ldp q18, q19, [x1, #1008]
  stp s10, s11, [x2]
  stp d12, d13, [x2, #16]!
  stp q14, q15, [x2], #64
  stnp q16, q17, [x2, #16]
  hlt #0

.globl t_vpair_same
t_vpair_same:      // x1 = kData + 0x100
  .inst 0x6d405034         // ldp d20, d20, [x1] (CONSTRAINED UNPREDICTABLE: Rt == Rt2)
  hlt #0

// ---- multiple structures ----
.globl t_ld1_multi
t_ld1_multi:       // x1 = kData, x2 = kData + 0x100, x3 = 5
  ld1 {v0.16b}, [x1]
  ld1 {v1.8b, v2.8b}, [x1]
  ld1 {v4.4h, v5.4h, v6.4h, v7.4h}, [x1], #32
  ld1 {v8.2s}, [x1], x3
  ld1 {v9.1d}, [x1]
  ld1 {v30.2d, v31.2d, v0.2d}, [x2]     // wraps from V31 to V0
  hlt #0

.globl t_ldn_multi
t_ldn_multi:       // x1 = kData
  ld2 {v0.8b, v1.8b}, [x1]
  ld2 {v2.4s, v3.4s}, [x1]
  ld3 {v4.4h, v5.4h, v6.4h}, [x1]
  ld4 {v7.2d, v8.2d, v9.2d, v10.2d}, [x1], #64
  ld4 {v29.16b, v30.16b, v31.16b, v0.16b}, [x1]
  ld3 {v11.2d, v12.2d, v13.2d}, [x1], x1   // post-index by Xm = the base itself
  hlt #0

.globl t_st_multi
t_st_multi:        // x1 = kData, x2 = kData + 0x40, x3 = kData + 0x80, x4 = kData + 0xc0, x5 = kData + 0x100, x6 = 0x40, x7 = kData + 0x180
  st1 {v0.16b}, [x1]
  st2 {v1.8b, v2.8b}, [x2]
  st3 {v3.2s, v4.2s, v5.2s}, [x3], #24
  st4 {v6.8h, v7.8h, v8.8h, v9.8h}, [x4]
  st1 {v31.2d, v0.2d}, [x5], x6
  st1 {v10.1d, v11.1d, v12.1d, v13.1d}, [x7], #32
  hlt #0

// ---- single structures ----
.globl t_ld_single
t_ld_single:       // x1 = kData + 0x10, x2 = 3, x3 = kData + 0x40
  ld1 {v0.b}[15], [x1]
  ld1 {v1.h}[2], [x1]
  ld2 {v2.s, v3.s}[3], [x1], #8
  ld3 {v4.d, v5.d, v6.d}[1], [x1]
  ld4 {v7.b, v8.b, v9.b, v10.b}[1], [x1], x2
  ld1 {v11.s}[1], [x3]
  ld2 {v31.h, v0.h}[0], [x3]             // wraps
  hlt #0

.globl t_ld_rep
t_ld_rep:          // x1 = kData + 0x20, x2 = 0x100
  ld1r {v0.8b}, [x1]
  ld1r {v1.8h}, [x1]
  ld2r {v2.4s, v3.4s}, [x1]
  ld3r {v4.1d, v5.1d, v6.1d}, [x1], #24
  ld4r {v30.2d, v31.2d, v0.2d, v1.2d}, [x1], x2
  ld4r {v7.4h, v8.4h, v9.4h, v10.4h}, [x1], #8
  hlt #0

.globl t_st_single
t_st_single:       // x1 = kData + 0x300, x2 = kData + 0x310, x3 = kData + 0x320, x4 = kData + 0x340, x5 = -8
  st1 {v0.b}[9], [x1]
  st2 {v1.h, v2.h}[7], [x2], #4
  st3 {v3.s, v4.s, v5.s}[0], [x3]
  st4 {v6.d, v7.d, v8.d, v9.d}[1], [x4], x5
  hlt #0

// ---- faults leave the state unchanged ----
.globl t_vfault_ld4
t_vfault_ld4:      // x1 = kData + 0xffe0 (the last 32 bytes mapped)
  ld4 {v0.16b, v1.16b, v2.16b, v3.16b}, [x1], #64
  hlt #0
.globl t_vfault_st1
t_vfault_st1:      // x1 = kData + 0xfff8
  st1 {v0.2d}, [x1], #16
  hlt #0
.globl t_vfault_stp
t_vfault_stp:      // x1 = kData + 0xfff0
  stp q0, q1, [x1], #32
  hlt #0
.globl t_vfault_ldp
t_vfault_ldp:      // x1 = kData + 0xfff0
  ldp q0, q1, [x1, #0]!
  hlt #0
.globl t_vfault_st4_lane
t_vfault_st4_lane: // x1 = kData + 0xfffc
  st4 {v0.s, v1.s, v2.s, v3.s}[1], [x1], #16
  hlt #0
