// Support for translated code (docs/jit.md), included first by the source that translate.cpp
// generates. Host and device code: NVRTC compiles it for the GPU, and the host compiler for
// the tests that run translated code on the CPU.
#pragma once
#include "core/lane.hpp"

// A region is a function of its own: the dispatcher calls it, and its size stays out of its
// callers (NVRTC's time then grows with the code, not with its square).
#define CUARM_JIT_REGION CUARM_HD CUARM_NOINLINE

namespace cuarm::jit_code {

// Why translated code handed control back without a stop.
constexpr uint32_t kWhyLeft = 1;         // the pc is not the entry of a translated region
constexpr uint32_t kWhyCodeWritten = 2;  // a guest store touched the translated words
constexpr uint32_t kWhyBudget = 3;       // the next block does not fit the budget left

// What a region reads and updates besides the guest state: the budget (counting down), the
// guest's retired count at its end (for CNTVCT in deterministic mode), and how it ended.
struct Run {
  uint64_t left;
  uint64_t retired_end;
  core::Stop stop;
  uint32_t why;
};

// The guest's memory view as translated code sees it: the view, a flag raised when a store
// touches [lo, hi) (the translated words are then stale, and the host must retranslate before
// running them again), and a one-entry TLB for reads and one for writes. A region copies this
// struct into a local on entry and back at its exits, so the TLB lives in registers: a load or
// store that hits it is a compare, an alignment test and the access. Misses, unaligned
// accesses and accesses that cross a page take the core's own out-of-line path, which fills
// the TLB again. An entry maps [base, base + size) to data (both 16-byte aligned, size >= 16):
// a whole flat region, or one 4 KiB page of a paged region (the lane's own page, or for reads
// the image's while the lane has none; any write through the slow path empties the read
// entry, so a page copied on write is never read from its old place).
template <class View>
struct JitMem {
  View* v;
  uint64_t lo, hi;
  bool dirty;
  uint64_t rbase = 0, rsize = 0;
  uint8_t* rdata = nullptr;
  uint64_t wbase = 0, wsize = 0;
  uint8_t* wdata = nullptr;
  uint64_t* wdecoded = nullptr;  // the decode cache of the write entry's words (executable regions)

  CUARM_HD CUARM_INLINE void touch(uint64_t a, uint64_t n) {
    if (a < hi && a + n > lo) dirty = true;
  }
  CUARM_HD CUARM_INLINE static bool aligned16(uint64_t base, const uint8_t* p) {
    return ((base | reinterpret_cast<uintptr_t>(p)) & 15) == 0;
  }

  // A TLB entry (what the slow paths return: they are static, so that nothing takes the
  // address of the caller's local copy of this struct and it stays in registers).
  struct Entry {
    uint64_t base, size;
    uint8_t* data;
    uint64_t* decoded;
  };
  // The read entry for the byte at a (after a successful slow read), or an empty one.
  CUARM_HD CUARM_NOINLINE static Entry read_entry(View* v, uint64_t a) {
    core::Region* r = v->find(a, 1);
    if (r == nullptr || !(r->perms & core::kPermR)) return {};
    const uint64_t off = a - r->base;
    if (r->page == nullptr)
      return r->size >= 16 && aligned16(r->base, r->data) ? Entry{r->base, r->size, r->data, nullptr} : Entry{};
    const uint64_t first = off & ~(core::kPageSize - 1);
    if (r->size - first < core::kPageSize) return {};
    uint8_t* p = const_cast<uint8_t*>(core::read_ptr(r, v->pool, first));
    return aligned16(r->base + first, p) ? Entry{r->base + first, core::kPageSize, p, nullptr} : Entry{};
  }
  // The write entry for the byte at a (after a successful slow write: the page is owned).
  // Only for regions that can also be read: reads use the write entry too.
  CUARM_HD CUARM_NOINLINE static Entry write_entry(View* v, uint64_t a) {
    core::Region* r = v->find(a, 1);
    if (r == nullptr || (r->perms & (core::kPermR | core::kPermW)) != (core::kPermR | core::kPermW)) return {};
    const uint64_t off = a - r->base;
    const uint64_t first = off & ~(core::kPageSize - 1);
    if (r->page == nullptr)
      return r->size >= 16 && aligned16(r->base, r->data) ? Entry{r->base, r->size, r->data, r->decoded} : Entry{};
    if (r->size - first < core::kPageSize || r->decoded != nullptr) return {};
    uint8_t* p = core::owned_ptr(r, v->pool, first);
    return p != nullptr && aligned16(r->base + first, p) ? Entry{r->base + first, core::kPageSize, p, nullptr} : Entry{};
  }
  template <class T>
  CUARM_HD CUARM_NOINLINE static bool read_slow(View* v, uint64_t a, T& out, uint64_t* bad) {
    return v->template read<T>(a, out, bad);
  }
  template <class T>
  CUARM_HD CUARM_NOINLINE static bool write_slow(View* v, uint64_t a, T x, uint64_t* bad) {
    return v->template write<T>(a, x, bad);
  }
  // Plain aligned accesses (the guest is little-endian like both hosts).
  template <class T>
  CUARM_HD CUARM_INLINE static T get(const uint8_t* p) {
#if CUARM_DEVICE_CODE
    return *reinterpret_cast<const T*>(p);
#else
    return core::load_le<T>(p);
#endif
  }
  template <class T>
  CUARM_HD CUARM_INLINE static void put(uint8_t* p, T x) {
#if CUARM_DEVICE_CODE
    *reinterpret_cast<T*>(p) = x;
#else
    core::store_le<T>(p, x);
#endif
  }
  template <class T>
  CUARM_HD CUARM_INLINE bool read(uint64_t a, T& out, uint64_t* bad) {
    constexpr uint64_t n = sizeof(T);
    if ((a & (n - 1)) == 0) {  // aligned: entries are 16-byte aligned, so is the byte
      if (a - rbase <= rsize - n && rsize >= n) {
        out = get<T>(rdata + (a - rbase));
        return true;
      }
      if (a - wbase <= wsize - n && wsize >= n) {
        out = get<T>(wdata + (a - wbase));
        return true;
      }
    }
    if (!read_slow<T>(v, a, out, bad)) return false;
    const Entry e = read_entry(v, a);
    rbase = e.base, rsize = e.size, rdata = e.data;
    return true;
  }
  template <class T>
  CUARM_HD CUARM_INLINE bool write(uint64_t a, T x, uint64_t* bad) {
    constexpr uint64_t n = sizeof(T);
    touch(a, n);
    if ((a & (n - 1)) == 0 && a - wbase <= wsize - n && wsize >= n) {
      const uint64_t off = a - wbase;
      put<T>(wdata + off, x);
      // A single guest's one region holds code and data: drop the decode-cache words of the
      // interpreter that the store touched (aligned: whole words).
      if (wdecoded != nullptr)
        for (uint64_t k = 0; k < (n + 3) / 4; ++k) wdecoded[off / 4 + k] = 0;
      return true;
    }
    rsize = 0;  // the write may copy a page the read entry points at
    if (!write_slow<T>(v, a, x, bad)) return false;
    const Entry e = write_entry(v, a);
    wbase = e.base, wsize = e.size, wdata = e.data, wdecoded = e.decoded;
    return true;
  }
  CUARM_HD CUARM_INLINE bool writable(uint64_t a, uint64_t n, uint64_t* bad) {
    rsize = 0;  // may copy pages on write (as write_slow)
    return writable_slow(v, a, n, bad);
  }
  CUARM_HD CUARM_NOINLINE static bool writable_slow(View* v, uint64_t a, uint64_t n, uint64_t* bad) {
    return v->writable(a, n, bad);
  }
};

}  // namespace cuarm::jit_code
