#include "nvrtc.hpp"

#include <cuarm/cuarm.hpp>
#include <dlfcn.h>
#include <fmt/format.h>

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <algorithm>
#include <cstring>
#include <iterator>
#include <map>
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
  int (*version)(int*, int*) = nullptr;
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
    sym(a.version, "nvrtcVersion");
  });
  return a;
}

}  // namespace

bool nvrtc_available(std::string* why) {
  const Api& a = api();
  if (why) *why = a.why;
  return a.why.empty();
}

namespace {

namespace fs = std::filesystem;

// Two independent 64-bit FNV-1a streams (different offsets and primes): 128 bits of key.
struct Hash {
  uint64_t a = 0xcbf29ce484222325ull, b = 0x84222325cbf29ce4ull;
  void add(std::string_view s) {
    for (unsigned char ch : s) {
      a = (a ^ ch) * 0x100000001b3ull;
      b = (b ^ ch) * 0x100000001b3ull * 0x9e3779b97f4a7c15ull;
    }
    add_sep();
  }
  void add_sep() { a = (a ^ 0xff) * 0x100000001b3ull, b = (b ^ 0xfe) * 0x9e3779b97f4a7c15ull; }
  std::string hex() const { return fmt::format("{:016x}{:016x}", a, b); }
};

std::string read_all(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), {}};
}

// Every header a translation can include (the include folder's core/ and backend/jit/), by path
// and contents, in a fixed order. Computed once per process.
const std::string& headers_fingerprint(const std::string& include) {
  static std::mutex mu;
  static std::map<std::string, std::string> done;
  std::lock_guard<std::mutex> lock(mu);
  auto it = done.find(include);
  if (it != done.end()) return it->second;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const char* sub : {"core", "backend/jit"})
    for (fs::recursive_directory_iterator i(fs::path(include) / sub, ec), end; !ec && i != end; i.increment(ec))
      if (i->is_regular_file()) files.push_back(i->path());
  std::sort(files.begin(), files.end());
  Hash h;
  for (const auto& f : files) h.add(f.string()), h.add(read_all(f));
  return done[include] = h.hex();
}

// $CUARM_JIT_INCLUDE, else the source tree this library was built from, else where
// `cmake --install` put the headers (the source tree may be gone): next to the running program
// (../share/cuarm/jit-include: an installed `cuarm`, wherever its prefix was moved), else
// the prefix configured at build time.
std::string include_dir() {
  const char* env = std::getenv("CUARM_JIT_INCLUDE");
  if (env && *env) return env;
  std::error_code ec;
  auto has_core = [&ec](const fs::path& dir) { return fs::exists(dir / "core" / "config.hpp", ec); };
  if (has_core(CUARM_JIT_INCLUDE_DIR)) return CUARM_JIT_INCLUDE_DIR;
  const fs::path beside = fs::read_symlink("/proc/self/exe", ec).parent_path().parent_path() / "share/cuarm/jit-include";
  if (!ec && has_core(beside)) return beside.string();
#ifdef CUARM_JIT_INSTALL_INCLUDE_DIR
  return CUARM_JIT_INSTALL_INCLUDE_DIR;
#else
  return CUARM_JIT_INCLUDE_DIR;
#endif
}

// A cubin is an ELF file: anything else in the cache (truncated, foreign) is ignored.
bool looks_like_cubin(const std::string& s) { return s.size() > 64 && s.compare(0, 4, "\x7f" "ELF") == 0; }

}  // namespace

std::string cubin_cache_dir() {
  const char* env = std::getenv("CUARM_JIT_CACHE");
  if (env && *env) return std::strcmp(env, "off") == 0 || std::strcmp(env, "0") == 0 ? "" : env;
  if (const char* x = std::getenv("XDG_CACHE_HOME"); x && *x) return std::string(x) + "/cuarm/jit";
  if (const char* home = std::getenv("HOME"); home && *home) return std::string(home) + "/.cache/cuarm/jit";
  return "";
}

namespace {

// NVRTC's options for compute capability `sm`.
// -fmad=false: no contraction (the core is integer arithmetic, but nothing may change that).
// -default-device: the core's constexpr helpers carry no __device__ annotation.
// -diag-suppress=177: labels the generated code declares for jumps it ends up not taking.
// CUARM_JIT_FAST_COMPILE=min|mid|max: NVRTC's -Ofc (faster compilation, slower code; for
// measuring the trade-off, docs/jit.md).
std::vector<std::string> options(const std::string& inc, int sm) {
  std::vector<std::string> o = {fmt::format("--gpu-architecture=sm_{}", sm), fmt::format("-I{}", inc), "-std=c++20",
                                "-fmad=false", "-DNDEBUG", "-default-device", "-diag-suppress=177"};
  const char* fc = std::getenv("CUARM_JIT_FAST_COMPILE");
  if (fc && (std::strcmp(fc, "min") == 0 || std::strcmp(fc, "mid") == 0 || std::strcmp(fc, "max") == 0))
    o.push_back(fmt::format("-Ofc={}", fc));
  return o;
}

// The disk-cache file of `source` under these options, or "" when there is no cache folder.
fs::path cache_entry(const Api& a, const std::string& source, const std::vector<std::string>& opts,
                     const std::string& inc) {
  const std::string dir = cubin_cache_dir();
  if (dir.empty()) return {};
  Hash h;
  int major = 0, minor = 0;
  a.version(&major, &minor);
  h.add(fmt::format("nvrtc {}.{}", major, minor));
  for (const auto& o : opts) h.add(o);
  h.add(headers_fingerprint(inc));
  h.add(source);
  return fs::path(dir) / (h.hex() + ".cubin");
}

// The cubin in cache file `entry`, or nullopt when there is none (no cache folder, no file, or
// not a cubin: a damaged entry is a miss).
std::optional<std::vector<char>> read_cubin(const fs::path& entry) {
  if (entry.empty()) return std::nullopt;
  const std::string hit = read_all(entry);
  if (!looks_like_cubin(hit)) return std::nullopt;
  return std::vector<char>(hit.begin(), hit.end());
}

}  // namespace

std::optional<std::vector<char>> cached_cubin(const std::string& source, int sm) {
  const Api& a = api();
  if (!a.why.empty()) return std::nullopt;
  const std::string inc = include_dir();
  return read_cubin(cache_entry(a, source, options(inc, sm), inc));
}

std::vector<char> compile_cubin(const std::string& source, int sm, bool* from_cache) {
  const Api& a = api();
  if (!a.why.empty()) throw Error("jit: " + a.why);
  if (from_cache) *from_cache = false;
  const std::string inc = include_dir();
  const std::vector<std::string> opt_strings = options(inc, sm);
  std::vector<const char*> opts;
  for (const auto& o : opt_strings) opts.push_back(o.c_str());

  // The disk cache: a hit skips NVRTC. Failing to read or write it only costs the compile.
  const fs::path entry = cache_entry(a, source, opt_strings, inc);
  if (std::optional<std::vector<char>> hit = read_cubin(entry)) {
    if (from_cache) *from_cache = true;
    return *std::move(hit);
  }

  Program p = nullptr;
  if (int r = a.create(&p, source.c_str(), "cuarm_jit.cu", 0, nullptr, nullptr))
    throw Error(fmt::format("jit: nvrtcCreateProgram: {}", a.error_string(r)));
  const int r = a.compile(p, int(opts.size()), opts.data());
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

  if (!entry.empty()) {
    // Written aside and renamed: a reader in another process sees the whole file or none.
    std::error_code ec;
    fs::create_directories(entry.parent_path(), ec);
    const fs::path tmp = entry.string() + fmt::format(".tmp{}", ::getpid());
    {
      std::ofstream f(tmp, std::ios::binary);
      f.write(cubin.data(), std::streamsize(cubin.size()));
    }
    fs::rename(tmp, entry, ec);
    if (ec) fs::remove(tmp, ec);
  }
  return cubin;
}

}  // namespace cuarm::jit
