// The generic timer's virtual count (CNTVCT_EL0) from host time, on the CPU and on the GPU.
// The counter runs at 62.5 MHz (CNTFRQ_EL0), the frequency qemu-aarch64 reports, so one tick is
// 16 ns.
#pragma once
#include "config.hpp"
#if !defined(__CUDACC_RTC__)
#include <time.h>
#endif

namespace cuarm::core {

constexpr uint64_t kCounterHz = 62500000;
constexpr uint64_t kNsPerTick = 1000000000ull / kCounterHz;

// Monotonic time in nanoseconds: CLOCK_MONOTONIC on the host, %globaltimer on the device.
// Only differences are meaningful; the two sides have different origins.
CUARM_HD CUARM_INLINE uint64_t monotonic_ns() {
#if CUARM_DEVICE_CODE
  uint64_t t;
  asm volatile("mov.u64 %0, %%globaltimer;" : "=l"(t));
  return t;
#else
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return uint64_t(ts.tv_sec) * 1000000000ull + uint64_t(ts.tv_nsec);
#endif
}

CUARM_HD CUARM_INLINE uint64_t counter_ticks() { return monotonic_ns() / kNsPerTick; }

}  // namespace cuarm::core
