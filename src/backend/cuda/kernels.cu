#include "kernels.hpp"

#include "../../core/step.hpp"

namespace cuarm {
namespace {


// Instructions between progress publications / cancel checks: well under 1 ms of guest time.
constexpr uint64_t kChunk = 4096;

__global__ void run_single(core::CpuState* state, const core::MemView* view, uint64_t max_cycles, Control* ctl) {
  core::CpuState s = *state;
  core::MemView m = *view;
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


}  // namespace

cudaError_t launch_run_single(core::CpuState* state, const core::MemView* view, uint64_t max_cycles, Control* ctl,
                              cudaStream_t stream) {
  run_single<<<1, 1, 0, stream>>>(state, view, max_cycles, ctl);
  return cudaGetLastError();
}

}  // namespace cuarm
