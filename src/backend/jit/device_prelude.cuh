// Device-side support for translated code (compiled only by NVRTC at run time, together with
// the source that translate.cpp generates; see docs/jit.md).
#pragma once
#include "core/lane.hpp"

namespace cuarm::jit_device {

// Why translated code handed control back without a stop.
constexpr uint32_t kWhyLeft = 1;         // the pc left the translated words
constexpr uint32_t kWhyCodeWritten = 2;  // a guest store touched the translated words

// The guest's memory view, plus a flag raised when a store touches [lo, hi): the translated
// words are then stale, and the host must retranslate before running them again.
template <class View>
struct JitMem {
  View* v;
  uint64_t lo, hi;
  bool dirty;

  __device__ __forceinline__ void touch(uint64_t a, uint64_t n) {
    if (a < hi && a + n > lo) dirty = true;
  }
  // The region of the last access, if it holds [a, a+n) with permission `perm`. Only this
  // check is inlined into every translated load and store; the rest (searching the table,
  // unaligned accesses, accesses straddling regions) is out of line, which keeps NVRTC's
  // compile time and the kernel's size proportional to the guest code.
  __device__ __forceinline__ core::Region* hit(uint64_t a, uint64_t n, uint32_t perm) {
    core::Region* r = &v->region[v->last];
    if (v->last < v->count && a - r->base < r->size && r->size - (a - r->base) >= n && (r->perms & perm)) return r;
    return nullptr;
  }
  template <class T>
  __device__ __noinline__ bool read_slow(uint64_t a, T& out, uint64_t* bad) {
    return v->template read<T>(a, out, bad);
  }
  template <class T>
  __device__ __noinline__ bool write_slow(uint64_t a, T x, uint64_t* bad) {
    return v->template write<T>(a, x, bad);
  }
  // The byte at a in region r (a paged region's lane page or image page), or nullptr when the
  // access crosses a page of a paged region (out of line then).
  __device__ __forceinline__ const uint8_t* at(core::Region* r, uint64_t a, uint64_t n) {
    const uint64_t off = a - r->base;
    return core::one_piece(r, off, n) ? core::read_ptr(r, v->pool, off) : nullptr;
  }
  template <class T>
  __device__ __forceinline__ bool read(uint64_t a, T& out, uint64_t* bad) {
    core::Region* r = hit(a, sizeof(T), core::kPermR);
    const uint8_t* p = r ? at(r, a, sizeof(T)) : nullptr;
    if (p != nullptr && (reinterpret_cast<uintptr_t>(p) & (sizeof(T) - 1)) == 0) {
      out = *reinterpret_cast<const T*>(p);  // aligned, and the GPU is little-endian like the guest
      return true;
    }
    return read_slow<T>(a, out, bad);
  }
  template <class T>
  __device__ __forceinline__ bool write(uint64_t a, T x, uint64_t* bad) {
    touch(a, sizeof(T));
    core::Region* r = hit(a, sizeof(T), core::kPermW);
    // A paged region's page that the lane does not own yet (its image page) is taken out of line.
    uint8_t* p = r && core::one_piece(r, a - r->base, sizeof(T)) ? core::owned_ptr(r, v->pool, a - r->base) : nullptr;
    if (p != nullptr && (reinterpret_cast<uintptr_t>(p) & (sizeof(T) - 1)) == 0) {
      *reinterpret_cast<T*>(p) = x;
      // A single guest's one region holds code and data, so most stores land in a region with
      // a decode cache: its words are dropped here, inline (the view's own invalidate), rather
      // than through the out-of-line path (the seed's ADD+STR+B loop).
      View::invalidate(r, a - r->base, sizeof(T));
      return true;
    }
    return write_slow<T>(a, x, bad);
  }
  __device__ __noinline__ bool writable(uint64_t a, uint64_t n, uint64_t* bad) { return v->writable(a, n, bad); }
};

// The end of a translated instruction that stopped, as core::run ends it: SVC retires and
// leaves pc after itself; every other stop leaves pc on the instruction.
template <class C>
__device__ __forceinline__ core::Stop stopped(C& c, core::Stop st, uint64_t& pc) {
  if (st == core::Stop::Syscall) {
    --c.left;
    pc = c.next;
  }
  return st;
}

}  // namespace cuarm::jit_device
