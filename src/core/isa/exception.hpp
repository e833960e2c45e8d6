// Exception generation: SVC, HLT, BRK (Arm manual C4.1.66, "Exception generation").
#pragma once
#include "../exec.hpp"

// Rows: X(name, pattern, handler, flags). See isa/table.hpp for the row format.
#define CUARM_ISA_EXCEPTION(X)                                      \
  X(SVC, "11010100000iiiiiiiiiiiiiiii00001", op_svc, 0)             \
  X(HLT, "11010100010iiiiiiiiiiiiiiii00000", op_hlt, 0)             \
  X(BRK, "11010100001iiiiiiiiiiiiiiii00000", op_brk, 0)

namespace cuarm::core {

// SVC is retired: pc already points after it, so `start` again resumes the program.
template <class C>
CUARM_HD Stop op_svc(C& c, uint32_t w) {
  c.s.stop.insn = w;
  return Stop::Syscall;
}
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
