// The kernel around translated code (compiled by NVRTC after the generated run_translated).
// Same contract as run_single in backend/cuda/kernels.cu: one thread, the guest's state in
// `state`, progress published and cancel observed every kChunk instructions.
#pragma once
#include "backend/jit/batch_counters.hpp"

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
  JitMem<core::MemView> m{&mv, kLo, kHi, false};
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
    core::Exec<JitMem<core::MemView>> c{s, m, 0, 0, s.retired + budget, budget};
    stop = run_translated<true>(c, pc, why);
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

// Batch lanes (code is never writable in a batch: no self-modifying code to watch for). Same
// contract as run_batch_slice in backend/cuda/kernels.cu, through core::run_lane_slice; a lane
// whose pc leaves the translated words stops early with its state intact and is counted in
// counters->left (with one such pc in left_pc), so that the host runs the interpreter next.
namespace cuarm::jit_device {
// run_lane_slice's callable: translated code over the lane's view.
struct RunTranslated {
  uint32_t* why;
  __device__ __forceinline__ core::Stop operator()(core::CpuState& s, core::LaneView& v, uint64_t budget,
                                                   uint64_t* n) const {
    // The lane state is a local of the kernel; reaching it through an opaque pointer keeps the
    // compiler from promoting every field to registers (see device_kernel.cuh's single kernel).
    core::CpuState* p = &s;
    asm volatile("" : "+l"(p));
    JitMem<core::LaneView> m{&v, kLo, kHi, false};
    if (budget > ~0ull - p->retired) budget = ~0ull - p->retired;
    core::Exec<JitMem<core::LaneView>> c{*p, m, 0, 0, p->retired + budget, budget};
    uint64_t pc = p->pc;
    const core::Stop st = run_translated<false>(c, pc, *why);
    *n = budget - c.left;
    p->retired += *n;
    p->pc = pc;
    return st;
  }
};
}  // namespace cuarm::jit_device

extern "C" __global__ void __launch_bounds__(64, 8)
    cuarm_jit_batch(cuarm::core::CpuState* states, unsigned long long* cycles, const cuarm::core::Region* image,
                    unsigned count, cuarm::core::PagePool pool, unsigned long long lanes, unsigned long long slice,
                    unsigned long long max_cycles,
                    cuarm::jit::BatchCounters* counters) {
  using namespace cuarm;
  using namespace cuarm::jit_device;
  const uint64_t lane = uint64_t(blockIdx.x) * blockDim.x + threadIdx.x;
  unsigned long long executed = 0, active = 0, left = 0;
  if (lane < lanes) {
    core::CpuState work;
    uint32_t why = 0;
    uint64_t lane_cycles = cycles[lane];
    executed = core::run_lane_slice(states[lane], work, lane_cycles, image, count, pool, lane, slice, max_cycles,
                                    RunTranslated{&why});
    cycles[lane] = lane_cycles;
    active = states[lane].stop.reason == core::Stop::None;
    if (why != 0 && active) {
      left = 1;
      counters->left_pc = states[lane].pc;  // any one of them: where to translate next
    }
  }
  for (int offset = 16; offset > 0; offset >>= 1) {
    executed += __shfl_down_sync(0xffffffffu, executed, offset);
    active += __shfl_down_sync(0xffffffffu, active, offset);
    left += __shfl_down_sync(0xffffffffu, left, offset);
  }
  if ((threadIdx.x & 31) == 0) {
    atomicAdd(&counters->executed, executed);
    atomicAdd(&counters->active, active);
    atomicAdd(&counters->left, left);
  }
}
