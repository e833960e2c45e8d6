// Per-slice totals of the translated batch kernel (cuarm_jit_batch in device_kernel.cuh), in
// device memory: shared by that kernel (compiled by NVRTC) and the host side that reads them
// (backend/cuda/batch_cuda.cpp), so the layout is written once.
#pragma once

namespace cuarm::jit {
struct BatchCounters {
  unsigned long long executed;  // instructions retired in the slice
  unsigned long long active;    // lanes not stopped
  unsigned long long left;      // lanes that left the translated words with budget to spare
  unsigned long long left_pc;   // one such lane's pc: where to translate next
};
}  // namespace cuarm::jit
