#include "jit_loader.hpp"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <utility>
#include <vector>

#include "device.hpp"
#include "../jit/nvrtc.hpp"

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

bool log_enabled() {
  static const bool on = [] {
    const char* e = std::getenv("CUARM_JIT_LOG");
    return e && *e && std::strcmp(e, "0") != 0;
  }();
  return on;
}

JitKernels load_translation(const std::string& source) {
  static std::mutex mu;
  static std::map<std::pair<int, std::string>, JitKernels> cache;
  int dev = 0;
  check(cudaGetDevice(&dev), "cudaGetDevice");
  std::lock_guard<std::mutex> lock(mu);
  auto it = cache.find({dev, source});
  if (it != cache.end()) return it->second;
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, dev), "cudaGetDeviceProperties");
  const auto t0 = std::chrono::steady_clock::now();
  bool from_cache = false;
  const std::vector<char> cubin = compile_cubin(source, prop.major * 10 + prop.minor, &from_cache);
  if (log_enabled())
    std::fprintf(stderr, "[cuarm jit] %s %zu bytes of source in %.3f s\n", from_cache ? "found (disk cache)" : "compiled",
                 source.size(), std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count());
  JitKernels k;
  check(cudaLibraryLoadData(&k.lib, cubin.data(), nullptr, nullptr, 0, nullptr, nullptr, 0), "cudaLibraryLoadData");
  check(cudaLibraryGetKernel(&k.single, k.lib, "cuarm_jit_single"), "cudaLibraryGetKernel(single)");
  check(cudaLibraryGetKernel(&k.batch, k.lib, "cuarm_jit_batch"), "cudaLibraryGetKernel(batch)");
  cache.emplace(std::make_pair(dev, source), k);
  return k;
}

}  // namespace cuarm::jit

namespace cuarm::jit {

void PendingTranslation::start(Translation t, int device) {
  f_ = std::async(std::launch::async, [t = std::move(t), device]() mutable {
    check(cudaSetDevice(device), "cudaSetDevice");
    JitKernels k = load_translation(t.source);
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
