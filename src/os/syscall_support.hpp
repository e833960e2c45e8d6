// What every group of syscalls needs: guest memory access with EFAULT, strings, errno results.
// Internal to src/os (syscalls.cpp: the table and the rest; files.cpp: the calls on files).
#pragma once
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <system_error>
#include <vector>

#include "kernel.hpp"

namespace cuarm::os {

using A = const uint64_t*;  // the six syscall arguments, x0..x5

struct Fault {};  // a bad guest pointer: the syscall returns -EFAULT

constexpr size_t kMaxIo = 64u << 20;  // one read/write moves at most this much (a short count)

inline std::vector<uint8_t> rd(Kernel& k, uint64_t addr, size_t n) {
  if (n == 0) return {};
  try {
    return k.m.read_memory(addr, n);
  } catch (const Error&) {
    throw Fault{};
  }
}
inline void wr(Kernel& k, uint64_t addr, const void* p, size_t n) {
  if (n == 0) return;
  try {
    k.m.write_memory(addr, std::span(static_cast<const uint8_t*>(p), n));
  } catch (const Error&) {
    throw Fault{};
  }
}
// Throws Fault unless [addr, addr+n) is mapped (checks the region table, copies nothing).
inline void need_mapped(Kernel& k, uint64_t addr, uint64_t n) {
  if (n == 0) return;
  if (addr + n < addr) throw Fault{};
  const auto regions = k.m.regions();
  while (n > 0) {
    bool hit = false;
    for (const auto& r : regions) {
      if (addr - r.base < r.size) {
        const uint64_t c = std::min<uint64_t>(n, r.base + r.size - addr);
        addr += c, n -= c, hit = true;
        break;
      }
    }
    if (!hit) throw Fault{};
  }
}
template <class T>
T rd_val(Kernel& k, uint64_t addr) {
  T v;
  const auto b = rd(k, addr, sizeof(T));
  std::memcpy(&v, b.data(), sizeof v);
  return v;
}
template <class T>
void wr_val(Kernel& k, uint64_t addr, const T& v) {
  wr(k, addr, &v, sizeof v);
}
// A NUL-terminated guest string (ENAMETOOLONG past PATH_MAX).
inline std::string rd_str(Kernel& k, uint64_t addr, size_t max = PATH_MAX) {
  std::string s;
  while (true) {
    const size_t chunk = std::min<uint64_t>(256, kPage - (addr % kPage));
    const auto b = rd(k, addr, chunk);
    for (uint8_t c : b) {
      if (c == 0) return s;
      s.push_back(char(c));
      if (s.size() >= max) throw std::errc::filename_too_long;
    }
    addr += chunk;
  }
}

inline int64_t ret_errno(int64_t r) { return r < 0 ? -errno : r; }

// The guest's clocks (host clocks, or the deterministic clock): 0 or -EINVAL.
int64_t get_time(Kernel& k, int64_t clk, struct timespec* ts);

}  // namespace cuarm::os
