// Batch lanes: many guests running one program image. Every lane sees the same regions at the
// same addresses. Code and read-only data (and their decode caches) are one copy shared by all
// lanes; writable regions are paged per lane, copy-on-write from the image (memory.hpp: a
// lane's page table, pages from a pool), so a lane costs the pages it writes. The same slice
// function runs on CPU threads and as one GPU thread per lane.
#pragma once
#include "step.hpp"

namespace cuarm::core {

constexpr uint32_t kMaxLaneRegions = 8;
using LaneView = BasicMemView<kMaxLaneRegions>;

// Region `shared` as lane `lane` sees it: a paged region's `page` points at the store's tables,
// lane after lane (pages_of(size) entries each).
CUARM_HD CUARM_INLINE Region lane_region(const Region& shared, uint64_t lane) {
  Region r = shared;
  if (r.page != nullptr) r.page += lane * pages_of(r.size);
  return r;
}

// The view of lane `lane` over the shared image descriptors.
CUARM_HD CUARM_INLINE void make_lane_view(const Region* image, uint32_t count, const PagePool& pool, uint64_t lane,
                                          LaneView& v) {
  v.count = count;
  v.last = 0;
  v.pool = pool;
  for (uint32_t i = 0; i < count; ++i) v.region[i] = lane_region(image[i], lane);
}

// The host's per-lane reads and writes of a lane's region r (from lane_region): n bytes at
// offset off, page by page. A write takes the pages it needs; false when the pool ran out (the
// bytes before that page are written).
CUARM_HD inline bool lane_write(Region r, const PagePool& pool, uint64_t off, const uint8_t* in, uint64_t n) {
  for (uint64_t done = 0; done < n;) {
    const uint64_t o = off + done, chunk = piece(&r, o, n - done);
    uint8_t* p = write_ptr(&r, pool, o);
    if (p == nullptr) return false;
    for (uint64_t i = 0; i < chunk; ++i) p[i] = in[done + i];
    done += chunk;
  }
  return true;
}
CUARM_HD inline void lane_read(Region r, const PagePool& pool, uint64_t off, uint8_t* out, uint64_t n) {
  for (uint64_t done = 0; done < n;) {
    const uint64_t o = off + done, chunk = piece(&r, o, n - done);
    const uint8_t* p = read_ptr(&r, pool, o);
    for (uint64_t i = 0; i < chunk; ++i) out[done + i] = p[i];
    done += chunk;
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
                                              const Region* image, uint32_t count, const PagePool& pool,
                                              uint64_t lane, uint64_t slice,
                                              uint64_t max_cycles, Run&& run_fn) {
  if (lane_state.stop.reason != Stop::None) return 0;
  const uint64_t done = lane_cycles;
  if (done >= max_cycles) {
    lane_state.stop.reason = Stop::MaxCycles;
    return 0;
  }
  LaneView v;
  make_lane_view(image, count, pool, lane, v);
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
