// Advanced SIMD move/permute snippets. Each starts at its global label and ends with hlt #0.
// test_simd_permute.cpp sets every V register to V[n] = {lo 0x8877665544332211 + n,
// hi 0xffeeddccbbaa9900 + n} unless a test says otherwise, so expected values are read off by
// hand.
.text

.globl t_copy
t_copy:            // x1 = 0x1122334455667788
  dup v0.16b, v1.b[9]
  dup v2.4h, v3.h[1]
  dup v4.2d, v5.d[1]
  dup v6.4s, w1
  dup v7.8b, w1
  dup v8.2d, x1
  smov w9, v10.b[7]
  smov x11, v12.h[7]
  smov x13, v14.s[1]
  umov w15, v16.h[4]
  mov w17, v18.s[2]
  mov x19, v20.d[1]
  umov w21, v22.b[15]
  mov v23.s[3], w1
  mov v24.d[0], x1
  mov v25.b[1], v26.b[15]
  mov v27.h[6], v28.h[0]
  mov v29.d[1], v29.d[0]
  smov x30, v30.b[1]
  hlt #0

.globl t_dup_scalar
t_dup_scalar:
  mov b0, v1.b[8]
  mov h2, v3.h[5]
  mov s4, v5.s[0]
  mov d6, v7.d[1]
  mov d8, v8.d[0]
  hlt #0

// V1 = bytes 0x00..0x0f, V2 = bytes 0x10..0x1f (set by the test).
.globl t_zip
t_zip:
  zip1 v0.16b, v1.16b, v2.16b
  zip2 v3.8h, v1.8h, v2.8h
  uzp1 v4.4s, v1.4s, v2.4s
  uzp2 v5.8b, v1.8b, v2.8b
  trn1 v6.8h, v1.8h, v2.8h
  trn2 v7.2d, v1.2d, v2.2d
  zip2 v8.2s, v1.2s, v2.2s
  uzp1 v9.2d, v1.2d, v2.2d
  trn2 v10.16b, v1.16b, v2.16b
  zip1 v1.2s, v1.2s, v2.2s        // Vd = Vn
  hlt #0

.globl t_ext
t_ext:
  ext v0.16b, v1.16b, v2.16b, #3
  ext v3.8b, v1.8b, v2.8b, #7
  ext v4.16b, v1.16b, v2.16b, #0
  ext v5.16b, v1.16b, v2.16b, #15
  ext v1.16b, v2.16b, v1.16b, #8   // Vd = Vm
  hlt #0

// V0 = bytes 0x40..0x4f, V1..V4 = bytes 0x00..0x3f, V31 = bytes 0xf0..0xff, V5 = indices,
// V6 = 0xee.., V10 = {0xaa.., 0xbb..} (set by the test).
.globl t_tbl
t_tbl:
  tbl v9.16b, {v31.16b, v0.16b}, v5.16b      // the table wraps from V31 to V0
  tbl v0.16b, {v1.16b}, v5.16b
  tbl v7.8b, {v1.16b, v2.16b}, v5.8b
  tbl v8.16b, {v1.16b, v2.16b, v3.16b, v4.16b}, v5.16b
  tbx v6.16b, {v1.16b, v2.16b, v3.16b}, v5.16b
  tbx v10.8b, {v1.16b}, v5.8b
  tbl v5.16b, {v5.16b}, v5.16b               // Vd = table = indices
  hlt #0

// V10..V12 = {0x0f0f0f0f0f0f0f0f, 0xf0f0f0f0f0f0f0f0} (set by the test).
.globl t_movi
t_movi:
  movi v0.16b, #0xab
  movi v1.4h, #0x12, lsl #8
  movi v2.4s, #0x34, lsl #16
  movi v3.2s, #0x56, msl #8
  movi v4.4s, #0x78, msl #16
  movi d5, #0xff00ff00ff00ff00
  movi v6.2d, #0x00ff0000ffff00ff
  mvni v7.4s, #0x12, lsl #24
  mvni v8.4h, #0x34
  mvni v9.2s, #0x56, msl #16
  orr v10.8h, #0x30
  bic v11.2s, #0x0f, lsl #8
  bic v12.8h, #0xff, lsl #8
  fmov v13.4s, #1.0
  fmov v14.2s, #-0.125
  fmov v15.2d, #31.0
  movi v16.2s, #0x9a, lsl #24
  mvni v17.8h, #0x80, lsl #8
  hlt #0
