// The kernel around translated code (compiled by NVRTC after the generated run_translated).
// Same contract as run_single in backend/cuda/kernels.cu: one thread, the guest's state in
// `state`, progress published and cancel observed every kChunk instructions.
#pragma once

namespace cuarm::jit_device {
// 2^16 instructions: well under a millisecond at the rates translated code runs.
constexpr uint64_t kChunk = 1ull << 16;
}  // namespace cuarm::jit_device

extern "C" __global__ void cuarm_jit_single(cuarm::core::CpuState* state, const cuarm::core::MemView* view,
                                            unsigned long long max_cycles, unsigned long long* executed,
                                            const unsigned* cancel, unsigned* why_out) {
  using namespace cuarm;
  using namespace cuarm::jit_device;
  __shared__ core::MemView mv;
  mv = *view;
  // In shared memory, not a local copy: a local copy gets all its fields promoted to GPU
  // registers, every one of them live at every case label, and NVRTC's compile time grows
  // with the square of the code (minutes for a few hundred words). Shared memory keeps it
  // linear, at the cost of one shared access per guest register read or write.
  __shared__ core::CpuState s;
  s = *state;
  JitMem m{&mv, kLo, kHi, false};
  uint64_t done = 0, pc = s.pc;
  core::Stop stop = core::Stop::None;
  uint32_t why = 0;
  while (true) {
    if (done >= max_cycles) {
      stop = core::Stop::MaxCycles;
      break;
    }
    if (*static_cast<const volatile unsigned*>(cancel)) {
      stop = core::Stop::Cancelled;
      break;
    }
    uint64_t budget = max_cycles - done < kChunk ? max_cycles - done : kChunk;
    if (budget > ~0ull - s.retired) budget = ~0ull - s.retired;  // as core::run trims it
    core::Exec<JitMem> c{s, m, 0, 0, s.retired + budget, budget};
    stop = run_translated(c, pc, why);
    const uint64_t n = budget - c.left;
    s.retired += n;
    done += n;
    *static_cast<volatile unsigned long long*>(executed) = done;
    if (stop != core::Stop::None || why != 0 || budget == 0) break;
  }
  s.pc = pc;
  s.stop.reason = stop;
  *state = s;
  *why_out = why;
  __threadfence_system();
}
