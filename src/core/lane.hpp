// Batch lanes: many guests running one program image. Every lane sees the same regions at the
// same addresses; writable regions are private copies laid out lane after lane
// (data + lane * size), the others (code, read-only data) and their decode caches are shared
// by all lanes. The same slice function runs on CPU threads and as one GPU thread per lane.
#pragma once
#include "step.hpp"

namespace cuarm::core {

constexpr uint32_t kMaxLaneRegions = 8;
using LaneView = BasicMemView<kMaxLaneRegions>;

// The view of lane `lane` over the shared image descriptors (private data pointers point at
// lane 0's copy).
CUARM_HD CUARM_INLINE void make_lane_view(const Region* image, uint32_t count, uint64_t lane, LaneView& v) {
  v.count = count;
  v.last = 0;
  for (uint32_t i = 0; i < count; ++i) {
    v.region[i] = image[i];
    if (image[i].perms & kPermW) v.region[i].data += lane * image[i].size;
  }
}

// The plain interpreter, as a callable for run_lane_slice (backends may pass a tuned variant).
struct RunInterpreter {
  template <class Mem>
  CUARM_HD CUARM_INLINE Stop operator()(CpuState& s, Mem& m, uint64_t budget, uint64_t* n) const {
    return run(s, m, budget, n);
  }
};

// Runs one lane for at most `slice` instructions without its total passing max_cycles.
// A lane that has stopped (stop.reason != None) is left alone. The lane runs in `work`, a copy
// the caller owns (a local), and is written back afterwards. Returns instructions retired.
template <class Run>
CUARM_HD CUARM_INLINE uint64_t run_lane_slice(CpuState& lane_state, CpuState& work, uint64_t& lane_cycles,
                                              const Region* image, uint32_t count, uint64_t lane, uint64_t slice,
                                              uint64_t max_cycles, Run&& run_fn) {
  if (lane_state.stop.reason != Stop::None) return 0;
  const uint64_t done = lane_cycles;
  if (done >= max_cycles) {
    lane_state.stop.reason = Stop::MaxCycles;
    return 0;
  }
  LaneView v;
  make_lane_view(image, count, lane, v);
  work = lane_state;
  uint64_t n = 0;
  const uint64_t budget = max_cycles - done < slice ? max_cycles - done : slice;
  Stop st = run_fn(work, v, budget, &n);
  if (st == Stop::None && done + n >= max_cycles) st = Stop::MaxCycles;
  work.stop.reason = st;
  lane_state = work;
  lane_cycles = done + n;
  return n;
}

}  // namespace cuarm::core
