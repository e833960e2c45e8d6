// What every group of syscalls needs: guest memory access with EFAULT, strings, errno results.
// Internal to src/os (syscalls.cpp: the table and the rest; files.cpp: the calls on files).
#pragma once
#include <time.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>
#include <string>
#include <vector>

#include "process_state.hpp"

namespace cuarm::os {

using A = const uint64_t*;  // the six syscall arguments, x0..x5

// Guest memory, with errors as values: each returns 0, or -EFAULT when a byte is not mapped
// (-ENAMETOOLONG for a string past its limit). [[nodiscard]]: a handler cannot drop the error.
// Usage: if (const int64_t e = wr_val(k, a[1], st)) return e;

constexpr size_t kMaxIo = 64u << 20;  // one read/write moves at most this much (a short count)

[[nodiscard]] inline int64_t rd(ProcessState& k, uint64_t addr, void* out, size_t n) {
  if (n == 0) return 0;
  try {
    k.m.read_memory(addr, std::span(static_cast<uint8_t*>(out), n));
    return 0;
  } catch (const Error&) {
    return -EFAULT;
  }
}
[[nodiscard]] inline int64_t wr(ProcessState& k, uint64_t addr, const void* p, size_t n) {
  if (n == 0) return 0;
  try {
    k.m.write_memory(addr, std::span(static_cast<const uint8_t*>(p), n));
    return 0;
  } catch (const Error&) {
    return -EFAULT;
  }
}
// 0 when [addr, addr+n) is mapped (checks the region table, copies nothing), else -EFAULT.
[[nodiscard]] inline int64_t need_mapped(ProcessState& k, uint64_t addr, uint64_t n) {
  if (n == 0) return 0;
  if (addr + n < addr) return -EFAULT;
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
    if (!hit) return -EFAULT;
  }
  return 0;
}
template <class T>
[[nodiscard]] int64_t rd_val(ProcessState& k, uint64_t addr, T* out) {
  return rd(k, addr, out, sizeof(T));
}
template <class T>
[[nodiscard]] int64_t wr_val(ProcessState& k, uint64_t addr, const T& v) {
  return wr(k, addr, &v, sizeof v);
}
// A NUL-terminated guest string; -ENAMETOOLONG from `max` bytes on.
[[nodiscard]] inline int64_t rd_str(ProcessState& k, uint64_t addr, std::string* out, size_t max = PATH_MAX) {
  out->clear();
  while (true) {
    uint8_t b[256];
    const size_t chunk = std::min<uint64_t>(sizeof b, kPage - (addr % kPage));
    if (const int64_t e = rd(k, addr, b, chunk)) return e;
    for (size_t i = 0; i < chunk; ++i) {
      if (b[i] == 0) return 0;
      out->push_back(char(b[i]));
      if (out->size() >= max) return -ENAMETOOLONG;
    }
    addr += chunk;
  }
}

inline int64_t ret_errno(int64_t r) { return r < 0 ? -errno : r; }

// The guest's clocks (host clocks, or the deterministic clock): 0 or -EINVAL.
int64_t get_time(ProcessState& k, int64_t clk, struct timespec* ts);

}  // namespace cuarm::os
