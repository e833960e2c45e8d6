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
  uint8_t* data;      // the bytes; in a paged region, the image every lane starts from (never written)
  uint64_t* decoded;  // executable regions (required): one decoded entry per word (0 = not decoded yet)
  uint32_t perms;
  uint32_t pad;
  // Paged regions (a batch lane's writable regions; nullptr everywhere else): one entry per
  // 4 KiB page of this lane, 0 while the lane still sees the image's page, k once the lane has
  // written the page and owns pool page k-1 (copy-on-write: a lane costs the pages it writes).
  uint32_t* page;
};

// Where paged regions get the pages that lanes write: `capacity` pages of 4 KiB, handed out by
// an atomic counter (pages are never given back while a batch lives). A lane whose write finds
// the pool empty stops with a fault there; the counter then ends above the capacity, which is
// how the host tells a full pool from a bad address.
struct PagePool {
  uint8_t* pages;
  uint32_t* next;
  uint32_t capacity;
  uint32_t pad;
};

CUARM_HD CUARM_INLINE uint64_t pages_of(uint64_t size) { return (size + kPageSize - 1) / kPageSize; }

// A private copy of the page holding `off` for a paged region (the image's bytes), or false
// when the pool is empty. The entry must be 0 (the lane does not own the page yet).
CUARM_HD CUARM_NOINLINE inline bool own_page(Region* r, const PagePool& pool, uint64_t off) {
#if defined(__CUDA_ARCH__)
  const uint32_t k = atomicAdd(pool.next, 1u);
#else
  const uint32_t k = __atomic_fetch_add(pool.next, 1u, __ATOMIC_RELAXED);
#endif
  if (k >= pool.capacity) return false;
  const uint64_t first = off & ~(kPageSize - 1);
  const uint64_t n = r->size - first < kPageSize ? r->size - first : kPageSize;
  uint8_t* dst = pool.pages + uint64_t(k) * kPageSize;
  const uint8_t* src = r->data + first;
#if CUARM_DEVICE_CODE  // both page-aligned: 16 bytes at a time, the tail (if any) byte by byte
  uint64_t i = 0;
  for (; i + 16 <= n; i += 16) *reinterpret_cast<uint4*>(dst + i) = *reinterpret_cast<const uint4*>(src + i);
  for (; i < n; ++i) dst[i] = src[i];
#else
  std::memcpy(dst, src, n);
#endif
  r->page[off / kPageSize] = k + 1;
  return true;
}

// The lane's byte at offset `off` of region r, for reading (paged regions: the lane's copy of
// the page, or the image's while it has none).
CUARM_HD CUARM_INLINE const uint8_t* read_ptr(const Region* r, const PagePool& pool, uint64_t off) {
  if (r->page == nullptr) return r->data + off;
  const uint32_t e = r->page[off / kPageSize];
  return e ? pool.pages + uint64_t(e - 1) * kPageSize + off % kPageSize : r->data + off;
}
// The byte for writing if the lane owns it already: nullptr while a paged region's page is the image's.
CUARM_HD CUARM_INLINE uint8_t* owned_ptr(const Region* r, const PagePool& pool, uint64_t off) {
  if (r->page == nullptr) return r->data + off;
  const uint32_t e = r->page[off / kPageSize];
  return e ? pool.pages + uint64_t(e - 1) * kPageSize + off % kPageSize : nullptr;
}
// The byte for writing: a paged region's page is copied on first write; nullptr when the pool is empty.
CUARM_HD CUARM_INLINE uint8_t* write_ptr(Region* r, const PagePool& pool, uint64_t off) {
  uint8_t* p = owned_ptr(r, pool, off);
  if (p != nullptr || own_page(r, pool, off) == false) return p;
  return owned_ptr(r, pool, off);
}
// Whether [off, off+len) of r can be reached through one pointer (always, unless paged and
// crossing a page boundary).
CUARM_HD CUARM_INLINE bool one_piece(const Region* r, uint64_t off, uint64_t len) {
  return r->page == nullptr || off % kPageSize + len <= kPageSize;
}
// How many of the `left` bytes from off can be reached through one pointer (a paged region:
// up to the end of the page).
CUARM_HD CUARM_INLINE uint64_t piece(const Region* r, uint64_t off, uint64_t left) {
  const uint64_t in_page = kPageSize - off % kPageSize;
  return r->page == nullptr || left < in_page ? left : in_page;
}

// A flat view over up to N non-overlapping regions, kept sorted by base. A single guest uses
// MemView (64 regions); batch lanes use a small view built per lane (make_lane_view, lane.hpp).
template <uint32_t N>
struct BasicMemView {
  Region region[N];
  uint32_t count;
  uint32_t last;  // index of the last region hit: most accesses repeat it
  PagePool pool;  // for paged regions (batch lanes)

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

  // Byte-wise path for accesses that straddle two regions (or two pages of a paged region).
  // Checks every byte first (and takes the pages a write needs), so a failing access changes nothing.
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
      out[i] = *read_ptr(r, pool, addr + i - r->base);
    }
    return true;
  }
  CUARM_HD bool write_bytes(uint64_t addr, const uint8_t* in, uint32_t len, uint64_t* bad) {
    for (uint32_t i = 0; i < len; ++i) {
      Region* r = find(addr + i, 1);
      if (r == nullptr || !(r->perms & kPermW) || write_ptr(r, pool, addr + i - r->base) == nullptr) {
        *bad = addr + i;
        return false;
      }
    }
    for (uint32_t i = 0; i < len; ++i) {
      Region* r = find(addr + i, 1);
      *write_ptr(r, pool, addr + i - r->base) = in[i];
      invalidate(r, addr + i - r->base, 1);
    }
    return true;
  }

  // Read a T at addr. On failure returns false and sets *bad to the first faulting byte.
  template <class T>
  CUARM_HD CUARM_INLINE bool read(uint64_t addr, T& out, uint64_t* bad) {
    Region* r = find(addr, sizeof(T));
    if (r != nullptr && (r->perms & kPermR) && one_piece(r, addr - r->base, sizeof(T))) {
      out = load_le<T>(read_ptr(r, pool, addr - r->base));
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
    if (r != nullptr && (r->perms & kPermW) && one_piece(r, addr - r->base, sizeof(T))) {
      uint8_t* p = write_ptr(r, pool, addr - r->base);
      if (p == nullptr) {  // the page pool is full
        *bad = addr;
        return false;
      }
      store_le<T>(p, v);
      if (r->decoded != nullptr) invalidate(r, addr - r->base, sizeof(T));
      return true;
    }
    uint8_t tmp[sizeof(T)];
    store_le<T>(tmp, v);
    return write_bytes(addr, tmp, sizeof(T), bad);
  }

  // Checks that [addr, addr+len) can be written, without writing (for multi-part stores); takes
  // the pages of a paged region that the stores will need.
  // The range may wrap past the top of the address space; the byte at 2^64 is address 0.
  CUARM_HD bool writable(uint64_t addr, uint64_t len, uint64_t* bad) {
    uint64_t done = 0;
    while (done < len) {
      const uint64_t a = addr + done;
      Region* r = find(a, 1);
      if (r == nullptr || !(r->perms & kPermW) || write_ptr(r, pool, a - r->base) == nullptr) {
        *bad = a;
        return false;
      }
      // Bytes left in this region from a (in a paged region, in this page: each page is taken
      // now, so that the stores that follow cannot fail).
      const uint64_t room = piece(r, a - r->base, r->base + r->size - a);
      done += room < len - done ? room : len - done;
    }
    return true;
  }
};

using MemView = BasicMemView<kMaxRegions>;

}  // namespace cuarm::core
