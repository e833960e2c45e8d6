// Guest memory as a view: a small table of regions (base, size, permissions, host/device pointer).
// Every access is checked; unaligned data accesses are allowed (also across two regions).
#pragma once
#include "bits.hpp"
#include "state.hpp"

namespace cuarm::core {

enum Perm : uint32_t { kPermR = 1, kPermW = 2, kPermX = 4 };

constexpr uint64_t kPageSize = 4096;
constexpr uint32_t kMaxRegions = 64;

struct Region {
  uint64_t base;
  uint64_t size;
  uint8_t* data;
  uint64_t* decoded;  // executable regions (required): one decoded entry per word (0 = not decoded yet)
  uint32_t perms;
  uint32_t pad;
};

// A flat view over up to N non-overlapping regions, kept sorted by base. A single guest uses
// MemView (64 regions); batch lanes use a small view built per lane (see lane_view.hpp).
template <uint32_t N>
struct BasicMemView {
  Region region[N];
  uint32_t count;
  uint32_t last;  // index of the last region hit: most accesses repeat it

  // Region holding [addr, addr+len) entirely, or nullptr.
  CUARM_HD CUARM_INLINE Region* find(uint64_t addr, uint64_t len) {
    Region* r = &region[last];
    if (last < count && addr - r->base < r->size && r->size - (addr - r->base) >= len) return r;
    for (uint32_t i = 0; i < count; ++i) {
      r = &region[i];
      if (addr - r->base < r->size && r->size - (addr - r->base) >= len) {
        last = i;
        return r;
      }
    }
    return nullptr;
  }

  // A store into a page holding decoded code drops the decoded words it touches.
  CUARM_HD CUARM_INLINE static void invalidate(Region* r, uint64_t off, uint64_t len) {
    if (r->decoded == nullptr) return;
    for (uint64_t w = off >> 2; w <= (off + len - 1) >> 2; ++w) r->decoded[w] = 0;
  }

  // Byte-wise path for accesses that straddle two regions. Checks every byte first.
  CUARM_HD bool read_bytes(uint64_t addr, uint8_t* out, uint32_t len, uint64_t* bad) {
    for (uint32_t i = 0; i < len; ++i) {
      Region* r = find(addr + i, 1);
      if (r == nullptr || !(r->perms & kPermR)) {
        *bad = addr + i;
        return false;
      }
    }
    for (uint32_t i = 0; i < len; ++i) {
      Region* r = find(addr + i, 1);
      out[i] = r->data[addr + i - r->base];
    }
    return true;
  }
  CUARM_HD bool write_bytes(uint64_t addr, const uint8_t* in, uint32_t len, uint64_t* bad) {
    for (uint32_t i = 0; i < len; ++i) {
      Region* r = find(addr + i, 1);
      if (r == nullptr || !(r->perms & kPermW)) {
        *bad = addr + i;
        return false;
      }
    }
    for (uint32_t i = 0; i < len; ++i) {
      Region* r = find(addr + i, 1);
      r->data[addr + i - r->base] = in[i];
      invalidate(r, addr + i - r->base, 1);
    }
    return true;
  }

  // Read a T at addr. On failure returns false and sets *bad to the first faulting byte.
  template <class T>
  CUARM_HD CUARM_INLINE bool read(uint64_t addr, T& out, uint64_t* bad) {
    Region* r = find(addr, sizeof(T));
    if (r != nullptr && (r->perms & kPermR)) {
      out = load_le<T>(r->data + (addr - r->base));
      return true;
    }
    uint8_t tmp[sizeof(T)];
    if (!read_bytes(addr, tmp, sizeof(T), bad)) return false;
    out = load_le<T>(tmp);
    return true;
  }

  template <class T>
  CUARM_HD CUARM_INLINE bool write(uint64_t addr, T v, uint64_t* bad) {
    Region* r = find(addr, sizeof(T));
    if (r != nullptr && (r->perms & kPermW)) {
      store_le<T>(r->data + (addr - r->base), v);
      if (r->decoded != nullptr) invalidate(r, addr - r->base, sizeof(T));
      return true;
    }
    uint8_t tmp[sizeof(T)];
    store_le<T>(tmp, v);
    return write_bytes(addr, tmp, sizeof(T), bad);
  }

  // Checks that [addr, addr+len) can be written, without writing (for multi-part stores).
  // The range may wrap past the top of the address space; the byte at 2^64 is address 0.
  CUARM_HD bool writable(uint64_t addr, uint64_t len, uint64_t* bad) {
    uint64_t done = 0;
    while (done < len) {
      const uint64_t a = addr + done;
      Region* r = find(a, 1);
      if (r == nullptr || !(r->perms & kPermW)) {
        *bad = a;
        return false;
      }
      const uint64_t room = r->base + r->size - a;  // bytes left in this region from a
      done += room < len - done ? room : len - done;
    }
    return true;
  }
};

using MemView = BasicMemView<kMaxRegions>;

}  // namespace cuarm::core
