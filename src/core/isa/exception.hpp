// Exception generation: SVC, HLT, BRK (Arm manual, "Exception generation": opc, imm16, op2, LL).
// HVC, SMC and DCPS1/2/3 are UNDEFINED at EL0 and have no row, nor do the unallocated opc/op2/LL
// combinations and TCANCEL (opc = 011, TME). HLT is a halting-debug instruction that Linux answers
// with SIGILL; here it is the emulator's halt, as BRK is its breakpoint.
#pragma once
#include "core/exec.hpp"

// Rows: X(name, pattern, handler, flags). See isa/table.hpp for the row format.
// Fields: i = imm16 (only recorded, through the instruction word in the stop detail).
#define CUARM_ISA_EXCEPTION(X)                                      \
  X(SVC, "11010100000iiiiiiiiiiiiiiii00001", op_svc, kStops | kResumes) \
  X(HLT, "11010100010iiiiiiiiiiiiiiii00000", op_hlt, kStops)            \
  X(BRK, "11010100001iiiiiiiiiiiiiiii00000", op_brk, kStops)

namespace cuarm::core {

// SVC is retired: pc already points after it, so `start` again resumes the program.
template <class C>
CUARM_HD Stop op_svc(C& c, uint32_t w) {
  c.s.stop.insn = w;
  return Stop::Syscall;
}
// HLT and BRK are not retired: the loop leaves pc on them.
template <class C>
CUARM_HD Stop op_hlt(C& c, uint32_t w) {
  c.s.stop.insn = w;
  return Stop::Halt;
}
template <class C>
CUARM_HD Stop op_brk(C& c, uint32_t w) {
  c.s.stop.insn = w;
  return Stop::Breakpoint;
}

}  // namespace cuarm::core
