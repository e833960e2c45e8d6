// Exception generation snippets (SVC, HLT, BRK). Each starts at its global label.
.text
.globl t_svc
t_svc:            // a Linux-style exit(7) call, then more code to resume into
  mov x8, #93
  mov x0, #7
  svc #0
  mov x1, #5
  hlt #0

.globl t_svc_imm
t_svc_imm:        // the immediate is not interpreted: it is only in the instruction word
  svc #0x1234
  svc #0xffff
  hlt #0x77

.globl t_hlt
t_hlt:
  mov x0, #1
  hlt #0x55
  mov x0, #2
  hlt #0

.globl t_brk
t_brk:
  mov x0, #1
  mov x1, #2
  brk #0x3e8
  mov x0, #3
  hlt #0
