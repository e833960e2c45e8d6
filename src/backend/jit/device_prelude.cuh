// Device-side support for translated code (compiled only by NVRTC at run time, together with
// the source that translate.cpp generates; see docs/jit.md).
#pragma once
#include "core/step.hpp"

namespace cuarm::jit_device {

// Why translated code handed control back without a stop.
constexpr uint32_t kWhyLeft = 1;         // the pc left the translated words
constexpr uint32_t kWhyCodeWritten = 2;  // a guest store touched the translated words

// The guest's memory view, plus a flag raised when a store touches [lo, hi): the translated
// words are then stale, and the host must retranslate before running them again.
struct JitMem {
  core::MemView* v;
  uint64_t lo, hi;
  bool dirty;

  __device__ __forceinline__ void touch(uint64_t a, uint64_t n) {
    if (a < hi && a + n > lo) dirty = true;
  }
  // The region of the last access, if it holds [a, a+n) with permission `perm`. Only this
  // check is inlined into every translated load and store; the rest (searching the table,
  // unaligned accesses, accesses straddling regions, stores into decoded code) is out of line, which keeps NVRTC's
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
  template <class T>
  __device__ __forceinline__ bool read(uint64_t a, T& out, uint64_t* bad) {
    core::Region* r = hit(a, sizeof(T), core::kPermR);
    const uint8_t* p = r ? r->data + (a - r->base) : nullptr;
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
    uint8_t* p = r ? r->data + (a - r->base) : nullptr;
    if (p != nullptr && r->decoded == nullptr && (reinterpret_cast<uintptr_t>(p) & (sizeof(T) - 1)) == 0) {
      *reinterpret_cast<T*>(p) = x;
      return true;
    }
    return write_slow<T>(a, x, bad);
  }
  __device__ __noinline__ bool writable(uint64_t a, uint64_t n, uint64_t* bad) { return v->writable(a, n, bad); }
};

// The end of a translated instruction that stopped, as core::run ends it: SVC retires and
// leaves pc after itself; every other stop leaves pc on the instruction.
__device__ __forceinline__ core::Stop stopped(core::Exec<JitMem>& c, core::Stop st, uint64_t& pc) {
  if (st == core::Stop::Syscall) {
    --c.left;
    pc = c.next;
  }
  return st;
}

}  // namespace cuarm::jit_device
