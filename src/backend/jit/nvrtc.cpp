#include "nvrtc.hpp"

#include <cuarm/cuarm.hpp>
#include <dlfcn.h>
#include <fmt/format.h>

#include <cstdlib>
#include <mutex>

#ifndef CUARM_JIT_INCLUDE_DIR
#error "CUARM_JIT_INCLUDE_DIR must name the source tree's src/ folder"
#endif

namespace cuarm::jit {
namespace {

// The few NVRTC entry points used, with the C signatures of nvrtc.h (opaque handle, int result).
using Program = void*;
struct Api {
  int (*create)(Program*, const char*, const char*, int, const char* const*, const char* const*) = nullptr;
  int (*compile)(Program, int, const char* const*) = nullptr;
  int (*log_size)(Program, size_t*) = nullptr;
  int (*log)(Program, char*) = nullptr;
  int (*cubin_size)(Program, size_t*) = nullptr;
  int (*cubin)(Program, char*) = nullptr;
  int (*destroy)(Program*) = nullptr;
  const char* (*error_string)(int) = nullptr;
  std::string why;
};

const Api& api() {
  static Api a;
  static std::once_flag once;
  std::call_once(once, [] {
    const char* names[] = {"libnvrtc.so.13", "libnvrtc.so.12", "libnvrtc.so", "/usr/local/cuda/lib64/libnvrtc.so"};
    void* h = nullptr;
    for (const char* n : names)
      if ((h = dlopen(n, RTLD_NOW | RTLD_LOCAL))) break;
    if (!h) {
      a.why = "libnvrtc not found (tried libnvrtc.so.13, .so.12, .so, /usr/local/cuda/lib64)";
      return;
    }
    auto sym = [&](auto& fn, const char* name) {
      fn = reinterpret_cast<std::remove_reference_t<decltype(fn)>>(dlsym(h, name));
      if (!fn && a.why.empty()) a.why = fmt::format("libnvrtc lacks {}", name);
    };
    sym(a.create, "nvrtcCreateProgram");
    sym(a.compile, "nvrtcCompileProgram");
    sym(a.log_size, "nvrtcGetProgramLogSize");
    sym(a.log, "nvrtcGetProgramLog");
    sym(a.cubin_size, "nvrtcGetCUBINSize");
    sym(a.cubin, "nvrtcGetCUBIN");
    sym(a.destroy, "nvrtcDestroyProgram");
    sym(a.error_string, "nvrtcGetErrorString");
  });
  return a;
}

}  // namespace

bool nvrtc_available(std::string* why) {
  const Api& a = api();
  if (why) *why = a.why;
  return a.why.empty();
}

std::vector<char> compile_cubin(const std::string& source, int sm) {
  const Api& a = api();
  if (!a.why.empty()) throw Error("jit: " + a.why);
  const char* env = std::getenv("CUARM_JIT_INCLUDE");
  const std::string include = fmt::format("-I{}", env && *env ? env : CUARM_JIT_INCLUDE_DIR);
  const std::string arch = fmt::format("--gpu-architecture=sm_{}", sm);
  // -fmad=false: no contraction (the core is integer arithmetic, but nothing may change that).
  // -default-device: the core's constexpr helpers carry no __device__ annotation.
  // -diag-suppress=177: labels the generated code declares for jumps it ends up not taking.
  const char* opts[] = {arch.c_str(), include.c_str(), "-std=c++20", "-fmad=false", "-DNDEBUG", "-default-device",
                        "-diag-suppress=177"};
  Program p = nullptr;
  if (int r = a.create(&p, source.c_str(), "cuarm_jit.cu", 0, nullptr, nullptr))
    throw Error(fmt::format("jit: nvrtcCreateProgram: {}", a.error_string(r)));
  const int r = a.compile(p, int(sizeof opts / sizeof opts[0]), opts);
  std::string log;
  size_t n = 0;
  if (a.log_size(p, &n) == 0 && n > 1) {
    log.resize(n);
    a.log(p, log.data());
    log.resize(n - 1);
  }
  std::vector<char> cubin;
  if (r == 0 && a.cubin_size(p, &n) == 0) {
    cubin.resize(n);
    a.cubin(p, cubin.data());
  }
  a.destroy(&p);
  if (r != 0) throw Error(fmt::format("jit: NVRTC failed ({}):\n{}", a.error_string(r), log.substr(0, 4000)));
  return cubin;
}

}  // namespace cuarm::jit
