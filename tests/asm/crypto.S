// Cryptographic extension snippets: one per instruction (inputs in v0..v2, result in v0), and
// one-block SHA-1 and SHA-256 compressions written with the SHA instructions. The block
// routines use only crypto instructions and this project's shift class (SHL #0 copies a
// register; USRA #1 then URSRA #1 add x, as (x >> 1) + ((x + 1) >> 1) = x), so that they do not
// depend on other classes. Each snippet ends with hlt #0.
.text

.macro snip name, insn:vararg
.globl t_\name
t_\name:
  \insn
  hlt #0
.endm

snip aese, aese v0.16b, v1.16b
snip aesd, aesd v0.16b, v1.16b
snip aesmc, aesmc v0.16b, v1.16b
snip aesimc, aesimc v0.16b, v1.16b
snip aesmc_same, aesmc v0.16b, v0.16b
snip sha1c, sha1c q0, s1, v2.4s
snip sha1p, sha1p q0, s1, v2.4s
snip sha1m, sha1m q0, s1, v2.4s
snip sha1su0, sha1su0 v0.4s, v1.4s, v2.4s
snip sha1h, sha1h s0, s1
snip sha1su1, sha1su1 v0.4s, v1.4s
snip sha256h, sha256h q0, q1, v2.4s
snip sha256h2, sha256h2 q0, q1, v2.4s
snip sha256su0, sha256su0 v0.4s, v1.4s
snip sha256su1, sha256su1 v0.4s, v1.4s, v2.4s

// \dst += \src (32-bit lanes) without the vector ADD of another class.
.macro add4s dst, src
  usra \dst\().4s, \src\().4s, #1
  ursra \dst\().4s, \src\().4s, #1
.endm

// SHA-256, one block. In: v0-v3 the message words W0..W15 (four per register, W0 in lane 0),
// v16-v31 the round constants K0..K63, v4 = H0..H3, v5 = H4..H7. Out: v4, v5 the new state.
.macro sha256_step w0, w1, w2, w3, k, sched
  shl v8.4s, \k\().4s, #0
  add4s v8, \w0
  .if \sched
  sha256su0 \w0\().4s, \w1\().4s
  .endif
  shl v9.4s, v4.4s, #0
  sha256h q4, q5, v8.4s
  sha256h2 q5, q9, v8.4s
  .if \sched
  sha256su1 \w0\().4s, \w2\().4s, \w3\().4s
  .endif
.endm
.globl t_sha256_block
t_sha256_block:
  shl v6.4s, v4.4s, #0
  shl v7.4s, v5.4s, #0
  sha256_step v0, v1, v2, v3, v16, 1
  sha256_step v1, v2, v3, v0, v17, 1
  sha256_step v2, v3, v0, v1, v18, 1
  sha256_step v3, v0, v1, v2, v19, 1
  sha256_step v0, v1, v2, v3, v20, 1
  sha256_step v1, v2, v3, v0, v21, 1
  sha256_step v2, v3, v0, v1, v22, 1
  sha256_step v3, v0, v1, v2, v23, 1
  sha256_step v0, v1, v2, v3, v24, 1
  sha256_step v1, v2, v3, v0, v25, 1
  sha256_step v2, v3, v0, v1, v26, 1
  sha256_step v3, v0, v1, v2, v27, 1
  sha256_step v0, v1, v2, v3, v28, 0
  sha256_step v1, v2, v3, v0, v29, 0
  sha256_step v2, v3, v0, v1, v30, 0
  sha256_step v3, v0, v1, v2, v31, 0
  add4s v4, v6
  add4s v5, v7
  hlt #0

// SHA-1, one block. In: v0-v3 the message words W0..W15, v16-v19 the round constants of rounds
// 0-19, 20-39, 40-59, 60-79 (the same value in every lane), v4 = H0..H3, s5 = H4 (the rest of
// v5 zero). Out: v4, s5 the new state.
.macro sha1_step op, w0, w1, w2, w3, k, e, enext, sched
  shl v8.4s, \k\().4s, #0
  add4s v8, \w0
  sha1h \enext, s4
  sha1\op q4, \e, v8.4s
  .if \sched
  sha1su0 \w0\().4s, \w1\().4s, \w2\().4s
  sha1su1 \w0\().4s, \w3\().4s
  .endif
.endm
.globl t_sha1_block
t_sha1_block:
  shl v6.4s, v4.4s, #0
  shl v7.4s, v5.4s, #0
  sha1_step c, v0, v1, v2, v3, v16, s5, s10, 1
  sha1_step c, v1, v2, v3, v0, v16, s10, s5, 1
  sha1_step c, v2, v3, v0, v1, v16, s5, s10, 1
  sha1_step c, v3, v0, v1, v2, v16, s10, s5, 1
  sha1_step c, v0, v1, v2, v3, v16, s5, s10, 1
  sha1_step p, v1, v2, v3, v0, v17, s10, s5, 1
  sha1_step p, v2, v3, v0, v1, v17, s5, s10, 1
  sha1_step p, v3, v0, v1, v2, v17, s10, s5, 1
  sha1_step p, v0, v1, v2, v3, v17, s5, s10, 1
  sha1_step p, v1, v2, v3, v0, v17, s10, s5, 1
  sha1_step m, v2, v3, v0, v1, v18, s5, s10, 1
  sha1_step m, v3, v0, v1, v2, v18, s10, s5, 1
  sha1_step m, v0, v1, v2, v3, v18, s5, s10, 1
  sha1_step m, v1, v2, v3, v0, v18, s10, s5, 1
  sha1_step m, v2, v3, v0, v1, v18, s5, s10, 1
  sha1_step p, v3, v0, v1, v2, v19, s10, s5, 1
  sha1_step p, v0, v1, v2, v3, v19, s5, s10, 0
  sha1_step p, v1, v2, v3, v0, v19, s10, s5, 0
  sha1_step p, v2, v3, v0, v1, v19, s5, s10, 0
  sha1_step p, v3, v0, v1, v2, v19, s10, s5, 0
  add4s v4, v6
  add4s v5, v7
  hlt #0
