// Translated mode on the CUDA backend (docs/jit.md): the mode switch and loading compiled
// translations. Shared by the single-guest engine and the batch store.
#pragma once
#include <cuda_runtime.h>

#include <cstddef>
#include <cstdint>
#include <future>
#include <optional>
#include <string>
#include <utility>

#include "backend/jit/translate.hpp"

namespace cuarm::jit {

// CUARM_JIT: "off", "auto" (the default: translate once a run has gone a while without
// stopping, so short runs never pay for NVRTC) or "always" (from the first instruction; tests).
// Off as well when NVRTC cannot be loaded. Throws cuarm::Error for other values.
enum class JitMode { Off, Auto, Always };
JitMode jit_mode();
// (The rule of when to translate, kJitWarmup and the rest, is in ../jit/translate.hpp.)

// The kernel of one compiled translation, loaded into the current device: cuarm_jit_single
// or cuarm_jit_batch (backend/jit/device_kernel.cuh; the other is null). Compiled translations are kept for the
// life of the process, keyed by device and source: a program run again is not recompiled.
struct JitKernels {
  cudaLibrary_t lib = nullptr;
  cudaKernel_t single = nullptr;
  cudaKernel_t batch = nullptr;
};
JitKernels load_translation(const std::string& source);
// The same without compiling: the translation when this process has loaded it already or the
// disk cache has its cubin (then loaded), else nullopt.
std::optional<JitKernels> find_translation(const std::string& source);

// A translation being compiled on another host thread, while the interpreter keeps the guest
// going: NVRTC takes seconds, which a short run should not wait for.
class PendingTranslation {
 public:
  bool busy() const { return f_.valid(); }
  // Starts compiling t and loading it into `device` (the caller checks !busy()).
  void start(Translation t, int device);
  // When the compilation has finished (or at once, waiting for it, with wait = true): moves it
  // into t and k and returns true. Rethrows what compiling threw.
  bool take(Translation& t, JitKernels& k, bool wait);

 private:
  std::future<std::pair<Translation, JitKernels>> f_;
};

// CUARM_JIT_LOG=1: compilations and translated kernels are reported on stderr.
bool log_enabled();

}  // namespace cuarm::jit
