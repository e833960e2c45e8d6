// The kernels around translated code (compiled by NVRTC after the generated regions and
// driver.hpp): a translation for one guest has cuarm_jit_single, one for a batch
// cuarm_jit_batch. Same contracts as run_single and run_batch_slice in backend/cuda/kernels.cu.
#pragma once
#include "backend/jit/batch_counters.hpp"

namespace cuarm::jit_code {
// 2^16 instructions: well under a millisecond at the rates translated code runs.
constexpr uint64_t kChunk = 1ull << 16;
}  // namespace cuarm::jit_code

#if !CUARM_JIT_BATCH
// One guest on one thread: progress published and cancel observed every kChunk instructions.
// Ends with *why_out = kWhyBudget when fewer instructions are left than the next block has
// (the host's interpreter runs them: MAX_CYCLES stays exact), kWhyLeft or kWhyCodeWritten.
extern "C" __global__ void cuarm_jit_single(cuarm::core::CpuState* state, const cuarm::core::MemView* view,
                                            unsigned long long max_cycles, unsigned long long* executed,
                                            const unsigned* cancel, unsigned* why_out) {
  using namespace cuarm;
  using namespace cuarm::jit_code;
  // The region table and the state in shared memory: regions load what they use on entry and
  // store it on exit, so the state is touched once per region, not once per instruction.
  __shared__ core::MemView mv;
  mv = *view;
  __shared__ core::CpuState s;
  s = *state;
  JitMem<core::MemView> m{&mv, kLo, kHi, false};
  uint64_t done = 0;
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
    uint64_t n = 0;
    uint32_t w = 0;
    stop = run_translated(s, m, budget, &n, &w);
    done += n;
    *static_cast<volatile unsigned long long*>(executed) = done;
    if (stop != core::Stop::None) break;
    // Short of budget in a chunk that is not the last: the next chunk goes on.
    if (w == kWhyBudget && budget == kChunk && n > 0) continue;
    if (w != 0 || budget == 0) {
      why = w;
      break;
    }
  }
  s.stop.reason = stop;
  *state = s;
  *why_out = why;
  __threadfence_system();
}

#else
// Batch lanes (code is never writable in a batch: no self-modifying code to watch for), through
// core::run_lane_slice; a lane whose pc leaves the translation, or whose budget before
// max_cycles is smaller than its next block, stops early with its state intact and is counted
// in counters->left (with one such pc in left_pc), so that the host runs the interpreter next.
namespace cuarm::jit_code {
struct RunTranslated {
  uint64_t slice;
  uint32_t* why;
  __device__ __forceinline__ core::Stop operator()(core::CpuState& s, core::LaneView& v, uint64_t budget,
                                                   uint64_t* n) const {
    JitMem<core::LaneView> m{&v, kLo, kHi, false};
    if (budget > ~0ull - s.retired) budget = ~0ull - s.retired;
    uint32_t w = 0;
    const core::Stop st = run_translated(s, m, budget, n, &w);
    // Short of a slice's budget: the next slice goes on; short of max_cycles: the interpreter.
    *why = w == kWhyBudget && budget == slice ? 0 : w;
    return st;
  }
};
}  // namespace cuarm::jit_code

extern "C" __global__ void __launch_bounds__(64, 8)
    cuarm_jit_batch(cuarm::core::CpuState* states, unsigned long long* cycles, const cuarm::core::Region* image,
                    unsigned count, cuarm::core::PagePool pool, unsigned long long lanes, unsigned long long slice,
                    unsigned long long max_cycles, cuarm::jit::BatchCounters* counters) {
  using namespace cuarm;
  using namespace cuarm::jit_code;
  const uint64_t lane = uint64_t(blockIdx.x) * blockDim.x + threadIdx.x;
  unsigned long long executed = 0, active = 0, left = 0;
  if (lane < lanes) {
    core::CpuState work;
    uint32_t why = 0;
    uint64_t lane_cycles = cycles[lane];
    executed = core::run_lane_slice(states[lane], work, lane_cycles, image, count, pool, lane, slice, max_cycles,
                                    RunTranslated{slice, &why});
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
#endif
