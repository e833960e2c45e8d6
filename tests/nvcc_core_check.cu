// Compiled by nvcc only: instantiates the whole interpreter as device code, so that anything in
// src/core that cannot run on a GPU (host-only calls, exceptions, std containers) fails the build.
#include "core/step.hpp"

__global__ void cuarm_core_device_check(cuarm::core::CpuState* s, cuarm::core::MemView* m,
                                        unsigned long long budget, unsigned long long* executed) {
  uint64_t n = 0;
  cuarm::core::run(*s, *m, budget, &n);
  *executed = n;
}
