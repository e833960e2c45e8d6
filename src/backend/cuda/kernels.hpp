// The CUDA backend's kernels, behind a plain C++ interface (the host side is compiled by the
// host compiler; only kernels.cu goes through nvcc).
#pragma once
#include <cuda_runtime_api.h>

#include "../../core/memory.hpp"
#include "../../core/state.hpp"

namespace cuarm {

// Written by the kernel (executed, stop, done) and by the host (cancel). Lives in pinned,
// mapped host memory; every field is accessed as volatile.
struct Control {
  uint64_t executed;
  uint32_t cancel;
  uint32_t done;
  uint32_t stop;
};

// Runs one guest on a single GPU thread until a stop, max_cycles, or ctl->cancel.
cudaError_t launch_run_single(core::CpuState* state, const core::MemView* view, uint64_t max_cycles, Control* ctl,
                              cudaStream_t stream);

}  // namespace cuarm
