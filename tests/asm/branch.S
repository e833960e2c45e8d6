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
