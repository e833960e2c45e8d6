// Branch snippets. Each starts at its global label and ends with hlt #0.
.text
.globl t_b_forward
t_b_forward:
  mov x0, #1
  b 1f
  mov x0, #2
1: hlt #0

.globl t_bl_ret
t_bl_ret:
  mov x0, #0
  bl 2f
  add x0, x0, #10
  hlt #0
2: add x0, x0, #1
  ret

.globl t_cbz
t_cbz:            // x0 = (x1 == 0) ? 1 : 2
  cbz x1, 1f
  mov x0, #2
  hlt #0
1: mov x0, #1
  hlt #0

.globl t_b_backward
t_b_backward:     // x0 = 3: a forward B, then backward Bs until x0 reaches 3
  mov x0, #0
  b 2f
1: add x0, x0, #1
  cmp x0, #3
  b.eq 3f
  b 1b
2: b 1b
3: hlt #0

// B.<cc> for all 16 conditions: x0 = 1 if taken, 0 if not.
.irp cc, eq, ne, cs, cc, mi, pl, vs, vc, hi, ls, ge, lt, gt, le, al, nv
.globl t_bcond_\cc
t_bcond_\cc:
  mov x0, #0
  b.\cc 1f
  hlt #0
1: mov x0, #1
  hlt #0
.endr

.globl t_bcond_back
t_bcond_back:     // x0 = 5: a backward B.LT loop
  mov x0, #0
1: add x0, x0, #1
  cmp x0, #5
  b.lt 1b
  hlt #0

// CBZ/CBNZ on W and X registers: x0 = 1 if taken, 2 if not.
.globl t_cbz_w
t_cbz_w:
  cbz w1, 1f
  mov x0, #2
  hlt #0
1: mov x0, #1
  hlt #0

.globl t_cbnz_x
t_cbnz_x:
  cbnz x1, 1f
  mov x0, #2
  hlt #0
1: mov x0, #1
  hlt #0

.globl t_cbnz_w
t_cbnz_w:
  cbnz w1, 1f
  mov x0, #2
  hlt #0
1: mov x0, #1
  hlt #0

.globl t_cbnz_loop
t_cbnz_loop:      // x0 = x1 (x1 > 0): a backward CBNZ loop
  mov x0, #0
1: add x0, x0, #1
  sub x1, x1, #1
  cbnz x1, 1b
  hlt #0

.globl t_tbz_back
t_tbz_back:       // x0 = number of iterations until bit 3 of x1 becomes set, counting x1 up
  mov x0, #0
1: add x0, x0, #1
  add x1, x1, #1
  tbz w1, #3, 1b
  hlt #0

.globl t_br
t_br:             // x1 = t_br_target: x0 = 11
  mov x0, #1
  br x1
  mov x0, #2
  hlt #0
.globl t_br_target
t_br_target:
  add x0, x0, #10
  hlt #0

.globl t_blr
t_blr:            // x1 = t_sub: x0 = 101, x30 = t_blr + 8
  mov x0, #0
  blr x1
  add x0, x0, #100
  hlt #0
.globl t_sub
t_sub:
  add x0, x0, #1
  ret

.globl t_ret_x2
t_ret_x2:         // RET to another register: x0 = 1
  adr x2, 1f
  ret x2
  mov x0, #2
  hlt #0
1: mov x0, #1
  hlt #0

.globl t_blr_x30
t_blr_x30:        // BLR X30 jumps to the old X30 and links: x0 = 1, x30 = t_blr_x30 + 8
  adr x30, 1f
  blr x30
  mov x0, #2
  hlt #0
1: mov x0, #1
  hlt #0
