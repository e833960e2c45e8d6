#include "kernels.hpp"

#include "core/lane.hpp"

namespace cuarm {
namespace {


// Instructions between progress publications / cancel checks: well under 1 ms of guest time.
constexpr uint64_t kChunk = 4096;

// The guest's registers and region table live in shared memory: the interpreter indexes
// registers by instruction fields, which would put them in (slower) local memory.
__global__ void run_single(core::CpuState* state, const core::MemView* view, uint64_t max_cycles, Control* ctl) {
  __shared__ core::CpuState s;
  __shared__ core::MemView m;
  s = *state;
  m = *view;
  volatile Control* c = ctl;
  uint64_t done = 0;
  core::Stop stop;
  while (true) {
    if (done >= max_cycles) {
      stop = core::Stop::MaxCycles;
      break;
    }
    if (c->cancel) {
      stop = core::Stop::Cancelled;
      break;
    }
    uint64_t n = 0;
    const uint64_t budget = max_cycles - done < kChunk ? max_cycles - done : kChunk;
    stop = core::run(s, m, budget, &n);
    done += n;
    c->executed = done;
    if (stop != core::Stop::None) break;
  }
  s.stop.reason = stop;
  *state = s;
  c->executed = done;
  c->stop = uint32_t(stop);
  __threadfence_system();
  c->done = 1;
}


// Lanes of a batch are latency-bound (one guest instruction is a long chain of dependent
// instructions), so what pays is warps in flight: 12 blocks of 64 lanes an SM, which caps the
// interpreter at 85 registers. Measured on an H100 (counted loop, 270k lanes): 1.47e11 IPS, against
// 1.33e11 with 8 blocks and 8.6e10 with the lane state in shared memory (4 blocks, 255 registers).
constexpr unsigned kBatchThreads = 64;
__global__ void __launch_bounds__(kBatchThreads, 12)
    run_batch_slice(core::CpuState* states, uint64_t* cycles, const core::Region* image, uint32_t count,
                    core::PagePool pool, uint64_t lanes, uint64_t slice, uint64_t max_cycles, SliceCounters* counters) {
  const uint64_t lane = uint64_t(blockIdx.x) * blockDim.x + threadIdx.x;
  unsigned long long executed = 0, active = 0;
  if (lane < lanes) {
    core::CpuState work;
    executed = core::run_lane_slice(states[lane], work, cycles[lane], image, count, pool, lane, slice, max_cycles,
                                    core::RunInterpreter{});
    active = states[lane].stop.reason == core::Stop::None;
  }
  // One atomic per warp instead of one per lane.
  for (int offset = 16; offset > 0; offset >>= 1) {
    executed += __shfl_down_sync(0xffffffffu, executed, offset);
    active += __shfl_down_sync(0xffffffffu, active, offset);
  }
  if ((threadIdx.x & 31) == 0) {
    atomicAdd(&counters->executed, executed);
    atomicAdd(&counters->active, active);
  }
}

__global__ void lane_copy(core::Region shared, core::PagePool pool, uint64_t first, uint64_t lanes, uint64_t off,
                          uint8_t* buf, uint64_t n, bool into_lanes, uint32_t* failed) {
  const uint64_t i = uint64_t(blockIdx.x) * blockDim.x + threadIdx.x;
  if (i >= lanes) return;
  const core::Region r = core::lane_region(shared, first + i);
  if (!into_lanes)
    core::lane_read(r, pool, off, buf + i * n, n);
  else if (!core::lane_write(r, pool, off, buf + i * n, n))
    *failed = 1;
}

}  // namespace

cudaError_t launch_run_batch_slice(core::CpuState* states, uint64_t* cycles, const core::Region* image, uint32_t count,
                                   const core::PagePool& pool, uint64_t lanes, uint64_t slice, uint64_t max_cycles,
                                   SliceCounters* counters, cudaStream_t stream) {
  const uint64_t blocks = (lanes + kBatchThreads - 1) / kBatchThreads;
  run_batch_slice<<<unsigned(blocks), kBatchThreads, 0, stream>>>(states, cycles, image, count, pool, lanes, slice,
                                                                  max_cycles, counters);
  return cudaGetLastError();
}

cudaError_t launch_lane_copy(const core::Region& shared, const core::PagePool& pool, uint64_t first, uint64_t lanes,
                             uint64_t off, uint8_t* buf, uint64_t n, bool into_lanes, uint32_t* failed,
                             cudaStream_t stream) {
  lane_copy<<<unsigned((lanes + 127) / 128), 128, 0, stream>>>(shared, pool, first, lanes, off, buf, n, into_lanes,
                                                                failed);
  return cudaGetLastError();
}

cudaError_t launch_run_single(core::CpuState* state, const core::MemView* view, uint64_t max_cycles, Control* ctl,
                              cudaStream_t stream) {
  run_single<<<1, 1, 0, stream>>>(state, view, max_cycles, ctl);
  return cudaGetLastError();
}

}  // namespace cuarm
