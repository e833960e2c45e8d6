#include "jit_loader.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <utility>
#include <vector>

#include "device.hpp"
#include "backend/jit/nvrtc.hpp"

namespace cuarm::jit {

using cuda::check;

JitMode jit_mode() {
  const char* e = std::getenv("CUARM_JIT");
  JitMode m;
  if (e == nullptr || *e == 0 || std::strcmp(e, "auto") == 0)
    m = JitMode::Auto;
  else if (std::strcmp(e, "always") == 0)
    m = JitMode::Always;
  else if (std::strcmp(e, "off") == 0 || std::strcmp(e, "0") == 0)
    m = JitMode::Off;
  else
    throw Error(fmt::format("CUARM_JIT={}: expected off, auto or always", e));
  return m != JitMode::Off && nvrtc_available() ? m : JitMode::Off;
}

bool log_enabled() {  // read each time (a compilation or a batch slice): tests switch it
  const char* e = std::getenv("CUARM_JIT_LOG");
  return e && *e && std::strcmp(e, "0") != 0;
}

namespace {

std::mutex loaded_mutex;  // guards `loaded`
// Compiled translations loaded in this process, by device and source.
std::map<std::pair<int, std::string>, JitKernels> loaded;

int current_device() {
  int dev = 0;
  check(cudaGetDevice(&dev), "cudaGetDevice");
  return dev;
}

int compute_capability(int dev) {
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, dev), "cudaGetDeviceProperties");
  return prop.major * 10 + prop.minor;
}

// Loads `cubin` into device `dev` and keeps it as the translation of `source` (the caller holds
// loaded_mutex).
JitKernels load_cubin(int dev, const std::string& source, const std::vector<char>& cubin) {
  JitKernels k;
  check(cudaLibraryLoadData(&k.lib, cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0), "cudaLibraryLoadData");
  // A translation has one of the two kernels (jit::Kernel).
  if (cudaLibraryGetKernel(&k.single, k.lib, "cuarm_jit_single") != cudaSuccess) {
    cudaGetLastError();
    k.single = nullptr;
    check(cudaLibraryGetKernel(&k.batch, k.lib, "cuarm_jit_batch"), "cudaLibraryGetKernel(cuarm_jit_batch)");
  }
  loaded.emplace(std::make_pair(dev, source), k);
  return k;
}

}  // namespace

JitKernels load_translation(const std::string& source) {
  const int dev = current_device();
  {
    std::lock_guard<std::mutex> lock(loaded_mutex);
    if (auto it = loaded.find({dev, source}); it != loaded.end()) return it->second;
  }
  // NVRTC runs unlocked: find_translation, on a guest's driver thread, must not wait seconds
  // for another guest's compilation.
  const auto t0 = std::chrono::steady_clock::now();
  bool from_cache = false;
  const std::vector<char> cubin = compile_cubin(source, compute_capability(dev), &from_cache);
  if (log_enabled())
    std::fprintf(stderr, "[cuarm jit] %s %zu bytes of source in %.3f s\n", from_cache ? "found (disk cache)" : "compiled",
                 source.size(), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  std::lock_guard<std::mutex> lock(loaded_mutex);
  if (auto it = loaded.find({dev, source}); it != loaded.end()) return it->second;  // compiled beside us
  return load_cubin(dev, source, cubin);
}

std::optional<JitKernels> find_translation(const std::string& source) {
  const int dev = current_device();
  std::lock_guard<std::mutex> lock(loaded_mutex);
  if (auto it = loaded.find({dev, source}); it != loaded.end()) {
    if (log_enabled()) std::fprintf(stderr, "[cuarm jit] found (this process) %zu bytes of source\n", source.size());
    return it->second;
  }
  const std::optional<std::vector<char>> cubin = cached_cubin(source, compute_capability(dev));
  if (!cubin) return std::nullopt;
  if (log_enabled()) std::fprintf(stderr, "[cuarm jit] found (disk cache) %zu bytes of source\n", source.size());
  return load_cubin(dev, source, *cubin);
}

}  // namespace cuarm::jit

namespace cuarm::jit {

void PendingTranslation::start(Translation t, int device) {
  f_ = std::async(std::launch::async, [t = std::move(t), device]() mutable {
    check(cudaSetDevice(device), "cudaSetDevice");
    const auto t0 = std::chrono::steady_clock::now();
    JitKernels k = load_translation(t.source);
    if (log_enabled())
      std::fprintf(stderr, "[cuarm jit] %zu words (%zu loads/stores, %zu regions) ready in %.3f s (expected %.3f s)\n",
                   t.words.size(), t.memory_words, t.entries.size(),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count(),
                   t.expected_compile_seconds());
    return std::make_pair(std::move(t), k);
  });
}

bool PendingTranslation::take(Translation& t, JitKernels& k, bool wait) {
  if (!f_.valid()) return false;
  if (!wait && f_.wait_for(std::chrono::seconds(0)) != std::future_status::ready) return false;
  auto r = f_.get();
  t = std::move(r.first);
  k = r.second;
  return true;
}

}  // namespace cuarm::jit
