// The guest loops of `cuarm-bench --fp` (the bench keeps the words; this is their source).
// Assembled with aarch64-linux-gnu-as and read back with objdump; each loop is position
// independent and runs forever: an outer loop reloads the pointers so that 100M instructions
// stay inside the data region (flat 4 MiB memory at 0).

// fdot: double dot product of A[1024] (0x10000) and B[1024] (0x20000) into d0, 5 instructions
// an element; x4 counts the passes over the arrays.
fdot:
  mov x1, #0x10000          // d2a00021
  mov x2, #0x20000          // d2a00042
  mov x3, #1024             // d2808003
1:
  ldr d1, [x1], #8          // fc408421
  ldr d2, [x2], #8          // fc408442
  fmadd d0, d1, d2, d0      // 1f420020
  subs x3, x3, #1           // f1000463
  b.ne 1b                   // 54ffff81
  add x4, x4, #1            // 91000484
  b fdot                    // 17fffff7

// neon_memcpy: copies 8 KiB from 0x30000 to 0x40000, 32 bytes (two Q registers) an iteration;
// x4 counts the copies.
neon_memcpy:
  mov x1, #0x30000          // d2a00061
  mov x2, #0x40000          // d2a00082
  mov x3, #256              // d2802003
2:
  ldp q0, q1, [x1], #32     // acc10420
  stp q0, q1, [x2], #32     // ac810440
  subs x3, x3, #1           // f1000463
  b.ne 2b                   // 54ffffa1
  add x4, x4, #1            // 91000484
  b neon_memcpy             // 17fffff8

// fadd_chain: four independent single-precision accumulators; x0 counts the iterations.
fadd_chain:
  fadd s0, s0, s1           // 1e212800
  fadd s2, s2, s3           // 1e232842
  fadd s4, s4, s5           // 1e252884
  fadd s6, s6, s7           // 1e2728c6
  add x0, x0, #1            // 91000400
  b fadd_chain              // 17fffffb
