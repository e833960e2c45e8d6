// The CUDA backend's kernels, behind a plain C++ interface (the host side is compiled by the
// host compiler; only kernels.cu goes through nvcc).
#pragma once
#include <cuda_runtime_api.h>

#include "core/memory.hpp"
#include "core/state.hpp"

namespace cuarm {

// Written by the kernel (executed, stop, done) and by the host (cancel). Lives in pinned,
// mapped host memory; every field is accessed as volatile.
struct Control {
  uint64_t executed;
  uint32_t cancel;
  uint32_t done;
  uint32_t stop;
  uint32_t why;  // the translated kernel's reason for handing back (backend/jit/prelude.hpp's kWhy*)
};

// Runs one guest on a single GPU thread until a stop, max_cycles, or ctl->cancel.
cudaError_t launch_run_single(core::CpuState* state, const core::MemView* view, uint64_t max_cycles, Control* ctl,
                              cudaStream_t stream);

// Per-slice totals of a batch kernel (device memory, reset before each slice).
struct SliceCounters {
  unsigned long long executed;
  unsigned long long active;
};

// One thread per lane: advances every lane that has not stopped by at most `slice` instructions.
cudaError_t launch_run_batch_slice(core::CpuState* states, uint64_t* cycles, const core::Region* image, uint32_t count,
                                   const core::PagePool& pool, uint64_t lanes, uint64_t slice, uint64_t max_cycles,
                                   SliceCounters* counters, cudaStream_t stream);

// Copies between lanes [first, first+lanes) of paged region `shared` at offset `off` and the
// device buffer `buf` (lane first+i at buf + i*n, n bytes each): into the lanes (taking pages;
// *failed is set when the pool runs out) or out of them.
cudaError_t launch_lane_copy(const core::Region& shared, const core::PagePool& pool, uint64_t first, uint64_t lanes,
                             uint64_t off, uint8_t* buf, uint64_t n, bool into_lanes, uint32_t* failed,
                             cudaStream_t stream);

}  // namespace cuarm
