// The loop around translated regions (included by the generated source after its dispatcher;
// host and device code): it calls region after region until one stops the guest, the budget
// is too small for the next block, or the pc leaves the translation.
#pragma once

namespace cuarm::jit_code {

// Runs the guest in `s` from s.pc for at most `budget` instructions (the caller keeps s.retired
// + budget from overflowing). Returns the stop (None when the run ended for a reason in *why:
// kWhyBudget, kWhyLeft or kWhyCodeWritten); *n receives the instructions retired, and s.pc and
// s.retired are updated as core::run updates them.
template <class M>
CUARM_HD CUARM_INLINE core::Stop run_translated(core::CpuState& s, M& m, uint64_t budget, uint64_t* n,
                                                uint32_t* why) {
  Run r{budget, s.retired + budget, core::Stop::None, 0};
  uint64_t pc = s.pc;
  do pc = dispatch(pc, &s, m, r);
  while (r.why == 0 && r.stop == core::Stop::None);
  *n = budget - r.left;
  s.retired += *n;
  s.pc = pc;
  *why = r.why;
  return r.stop;
}

}  // namespace cuarm::jit_code

#if defined(__CUDACC_RTC__)
#include "backend/jit/device_kernel.cuh"
#endif
