// The host floating-point environment guest code runs under on the CPU backend.
//
// The soft-float library's host fast path (core/fp/fp_fast.hpp) computes on the host's IEEE
// hardware and is only exact in the default environment: round to nearest, no flush-to-zero or
// denormals-are-zero, exceptions masked. A thread's environment is not ours to trust: the caller
// may have changed it (fesetround), and a library built with -ffast-math sets FTZ/DAZ when it is
// loaded. So every stretch of guest code runs inside a HostFpEnv, which sets the default
// environment and gives the thread its own back afterwards (its sticky flags included).
#pragma once
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace cuarm {

class HostFpEnv {
 public:
#if defined(__x86_64__)
  // MXCSR 0x1f80: all six exceptions masked, round to nearest, FTZ and DAZ off, no flags.
  HostFpEnv() : saved_(_mm_getcsr()) { _mm_setcsr(0x1f80); }
  ~HostFpEnv() { _mm_setcsr(saved_); }
#elif defined(__aarch64__)
  // FPCR 0: round to nearest, FZ/FZ16/DN/AHP off, no trap enabled.
  HostFpEnv() : saved_(__builtin_aarch64_get_fpcr()) { __builtin_aarch64_set_fpcr(0); }
  ~HostFpEnv() { __builtin_aarch64_set_fpcr(saved_); }
#else
  HostFpEnv() = default;  // no fast path on other hosts (fp_fast.hpp): nothing depends on it
#endif
  HostFpEnv(const HostFpEnv&) = delete;
  HostFpEnv& operator=(const HostFpEnv&) = delete;

 private:
#if defined(__x86_64__) || defined(__aarch64__)
  unsigned saved_;
#endif
};

}  // namespace cuarm
