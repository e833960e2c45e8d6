#include <fmt/format.h>
#include <sys/mman.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>

#include "handlers.hpp"

namespace cuarm::os {
namespace {

uint64_t page_up(uint64_t v) { return (v + kPage - 1) & ~(kPage - 1); }

uint32_t perms_of(int prot) {
  return ((prot & PROT_READ) ? uint32_t(PermR) : 0u) | ((prot & PROT_WRITE) ? uint32_t(PermW) : 0u) |
         ((prot & PROT_EXEC) ? uint32_t(PermX) : 0u);
}

bool overlaps(uint64_t a, uint64_t alen, uint64_t b, uint64_t blen) { return a < b + blen && b < a + alen; }

}  // namespace

AddressSpace::AddressSpace(Guest& m, uint64_t image_end, uint64_t brk_size, uint64_t mmap_size, uint64_t stack_lo, bool map_regions)
    : m_(m), stack_lo_(stack_lo) {
  brk_size = page_up(brk_size);
  mmap_size = page_up(mmap_size);
  if (mmap_size == 0 || kMmapBase + mmap_size > stack_lo)
    throw Error(fmt::format("mmap area of 0x{:x} bytes does not fit below the stack", mmap_size));
  brk_base_ = brk_cur_ = page_up(image_end);
  brk_end_ = brk_base_ + brk_size;
  if (brk_end_ > kExecMapBase) throw Error("the program image lies too high for a brk heap");
  area_ = kMmapBase;
  area_size_ = mmap_size;
  if (map_regions) {
    if (brk_size) m_.map(brk_base_, brk_size, PermRW);
    m_.map(area_, area_size_, PermRW);
  }
  page_.assign(area_size_ / kPage, 0);
  dirty_.assign(area_size_ / kPage, 0);
}

uint64_t AddressSpace::brk(uint64_t addr) {
  if (addr < brk_base_ || addr > brk_end_) return brk_cur_;
  // Pages given back and taken again read as zero, as on Linux.
  if (page_up(addr) < page_up(brk_cur_)) zero(page_up(addr), page_up(brk_cur_) - page_up(addr));
  brk_cur_ = addr;
  return brk_cur_;
}

void AddressSpace::zero(uint64_t addr, uint64_t len) {
  static const std::vector<uint8_t> zeros(1 << 20, 0);
  while (len > 0) {
    const uint64_t n = std::min<uint64_t>(len, zeros.size());
    m_.write_memory(addr, std::span(zeros.data(), n));
    addr += n, len -= n;
  }
}

uint64_t AddressSpace::find_free(uint64_t pages) const {
  uint64_t run = 0;
  for (uint64_t i = page_.size(); i-- > 0;) {
    if (page_[i] == 0) {
      if (++run == pages) return area_ + i * kPage;
    } else {
      run = 0;
    }
  }
  return ~0ull;
}

void AddressSpace::claim(uint64_t addr, uint64_t len, int prot) {
  const uint64_t first = (addr - area_) / kPage, n = len / kPage;
  for (uint64_t i = first; i < first + n;) {
    if (!dirty_[i]) {
      ++i;
      continue;
    }
    uint64_t j = i;
    while (j < first + n && dirty_[j]) ++j;
    zero(area_ + i * kPage, (j - i) * kPage);
    i = j;
  }
  for (uint64_t i = first; i < first + n; ++i) page_[i] = uint8_t(0x80 | (prot & 7)), dirty_[i] = 1;
}

void AddressSpace::release(uint64_t addr, uint64_t len) {
  const uint64_t first = (addr - area_) / kPage;
  std::fill_n(page_.begin() + long(first), len / kPage, 0);
}

int64_t AddressSpace::mmap(uint64_t addr, uint64_t len, int prot, int flags, int host_fd, uint64_t offset) {
  if (len == 0 || offset % kPage) return -EINVAL;
  if (len > (1ull << 47)) return -ENOMEM;
  len = page_up(len);
  const int type = flags & 0x0f;
  if (type != MAP_SHARED && type != MAP_PRIVATE && type != 0x03 /* MAP_SHARED_VALIDATE */) return -EINVAL;
  const bool anon = flags & MAP_ANONYMOUS;
  const bool fixed = flags & MAP_FIXED, noreplace = flags & 0x100000 /* MAP_FIXED_NOREPLACE */;
  if (!anon && host_fd < 0) return -EBADF;
  // Writes through a shared file mapping would have to reach the file: not supported.
  if (!anon && type != MAP_PRIVATE && (prot & PROT_WRITE)) return -ENODEV;
  if ((fixed || noreplace) && addr % kPage) return -EINVAL;
  uint64_t at;
  auto separate = [&](uint64_t base) -> int64_t {
    // Mappings with their own region count against the mmap area's size too (--mmap-size is
    // the cap on what mmap may reserve, whatever the flags).
    if (len > area_size_ || separate_bytes_ > area_size_ - len) return -ENOMEM;
    for (const auto& r : m_.regions())
      if (overlaps(base, len, r.base, r.size)) return noreplace ? -EEXIST : -ENOMEM;
    try {
      m_.map(base, len, perms_of(prot));
    } catch (const Error&) {
      return -ENOMEM;
    }
    separate_[base] = len;
    separate_bytes_ += len;
    return 0;
  };
  if ((fixed || noreplace) && in_area(addr, len)) {
    if (noreplace)
      for (uint64_t i = 0; i < len / kPage; ++i)
        if (page_[(addr - area_) / kPage + i]) return -EEXIST;
    at = addr;
    claim(at, len, prot);
  } else if (fixed || noreplace || (prot & PROT_EXEC)) {
    at = (fixed || noreplace) ? addr : exec_next_;
    if (const int64_t e = separate(at)) return e;
    if (!fixed && !noreplace) exec_next_ += len + kPage;
  } else {
    at = ~0ull;
    if (addr && addr % kPage == 0 && in_area(addr, len)) {
      bool free = true;
      for (uint64_t i = 0; i < len / kPage && free; ++i) free = page_[(addr - area_) / kPage + i] == 0;
      if (free) at = addr;
    }
    if (at == ~0ull) at = find_free(len / kPage);
    if (at == ~0ull) return -ENOMEM;
    claim(at, len, prot);
  }
  if (!anon) {
    // The file's bytes, a chunk at a time (host memory for a chunk, not for the whole mapping).
    std::vector<uint8_t> buf(std::min<uint64_t>(len, 1u << 20));
    uint64_t got = 0;
    while (got < len) {
      const ssize_t n = ::pread(host_fd, buf.data(), std::min<uint64_t>(buf.size(), len - got), off_t(offset + got));
      if (n < 0 && errno == EINTR) continue;
      if (n <= 0) break;
      m_.write_memory(at + got, std::span(buf.data(), size_t(n)));
      got += uint64_t(n);
    }
  }
  return int64_t(at);
}

int64_t AddressSpace::munmap(uint64_t addr, uint64_t len) {
  if (addr % kPage || len == 0) return -EINVAL;
  len = page_up(len);
  // The part inside the mmap area.
  const uint64_t lo = std::max(addr, area_), hi = std::min(addr + len, area_ + area_size_);
  if (lo < hi) release(lo, hi - lo);
  // Separate mappings wholly inside the range (a part of one stays mapped: see docs/os.md).
  for (auto it = separate_.begin(); it != separate_.end();) {
    if (it->first >= addr && it->first + it->second <= addr + len) {
      m_.unmap(it->first, it->second);
      separate_bytes_ -= it->second;
      it = separate_.erase(it);
    } else {
      ++it;
    }
  }
  return 0;
}

int64_t AddressSpace::set_region_perms(uint64_t addr, uint64_t len, uint32_t perms) {
  const auto regions = m_.regions();
  if (m_.fixed_regions()) {
    // A batch lane: regions cannot be split; record nothing, accept mapped ranges.
    uint64_t covered = 0;
    for (const auto& r : regions)
      if (overlaps(addr, len, r.base, r.size)) covered += std::min(addr + len, r.base + r.size) - std::max(addr, r.base);
    return covered == len ? 0 : -ENOMEM;
  }
  // Every page must be mapped.
  uint64_t covered = 0;
  std::vector<RegionInfo> hit;
  for (const auto& r : regions) {
    if (!overlaps(addr, len, r.base, r.size)) continue;
    covered += std::min(addr + len, r.base + r.size) - std::max(addr, r.base);
    if (r.perms != perms) hit.push_back(r);
  }
  if (covered != len) return -ENOMEM;
  size_t count = regions.size();
  for (const auto& r : hit) count += (r.base < addr) + (r.base + r.size > addr + len);
  if (count > 64) return -ENOMEM;  // MemView holds 64 regions
  for (const auto& r : hit)
    if (r.size > kMaxSplitBytes) return 0;  // too large to copy: recorded, not enforced (docs/os.md)
  for (const auto& r : hit) {
    // A region cannot change in place: copy it out, map the pieces, copy it back.
    const std::vector<uint8_t> data = m_.read_memory(r.base, r.size);
    m_.unmap(r.base, r.size);
    const uint64_t a = std::max(addr, r.base), b = std::min(addr + len, r.base + r.size);
    if (r.base < a) m_.map(r.base, a - r.base, r.perms);
    m_.map(a, b - a, perms);
    if (b < r.base + r.size) m_.map(b, r.base + r.size - b, r.perms);
    m_.write_memory(r.base, data);
    auto it = separate_.find(r.base);
    if (it != separate_.end()) {
      // Keep tracking the pieces as separate mappings.
      separate_.erase(it);
      if (r.base < a) separate_[r.base] = a - r.base;
      separate_[a] = b - a;
      if (b < r.base + r.size) separate_[b] = r.base + r.size - b;
    }
  }
  return 0;
}

int64_t AddressSpace::mprotect(uint64_t addr, uint64_t len, int prot) {
  if (addr % kPage) return -EINVAL;
  if (prot & ~(PROT_READ | PROT_WRITE | PROT_EXEC)) return -EINVAL;
  len = page_up(len);
  if (len == 0) return 0;
  if (in_area(addr, len)) {
    // Coarse: recorded, not enforced (the area stays one RW region).
    for (uint64_t i = 0; i < len / kPage; ++i)
      if (!page_[(addr - area_) / kPage + i]) return -ENOMEM;
    for (uint64_t i = 0; i < len / kPage; ++i) page_[(addr - area_) / kPage + i] = uint8_t(0x80 | prot);
    return 0;
  }
  const uint64_t stack_end = kStackTop;
  if ((addr >= brk_base_ && addr + len <= brk_end_) || (addr >= stack_lo_ && addr + len <= stack_end)) return 0;
  return set_region_perms(addr, len, perms_of(prot));
}

int64_t AddressSpace::mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len, int flags, uint64_t) {
  if (old_addr % kPage || (flags & ~MREMAP_MAYMOVE) || new_len == 0) return -EINVAL;
  old_len = page_up(old_len);
  new_len = page_up(new_len);
  if (!in_area(old_addr, old_len) || old_len == 0) return -EFAULT;
  const uint64_t first = (old_addr - area_) / kPage;
  for (uint64_t i = 0; i < old_len / kPage; ++i)
    if (!page_[first + i]) return -EFAULT;
  const int prot = page_[first] & 7;
  if (new_len <= old_len) {
    if (new_len < old_len) release(old_addr + new_len, old_len - new_len);
    return int64_t(old_addr);
  }
  bool grow = in_area(old_addr, new_len);
  for (uint64_t i = old_len / kPage; grow && i < new_len / kPage; ++i) grow = page_[first + i] == 0;
  if (grow) {
    claim(old_addr + old_len, new_len - old_len, prot);
    return int64_t(old_addr);
  }
  if (!(flags & MREMAP_MAYMOVE)) return -ENOMEM;
  const uint64_t at = find_free(new_len / kPage);
  if (at == ~0ull) return -ENOMEM;
  claim(at, new_len, prot);
  m_.write_memory(at, m_.read_memory(old_addr, old_len));
  release(old_addr, old_len);
  return int64_t(at);
}

int64_t AddressSpace::madvise(uint64_t addr, uint64_t len, int advice) {
  if (addr % kPage) return -EINVAL;
  len = page_up(len);
  if ((advice == MADV_DONTNEED || advice == 8 /* MADV_FREE */) && in_area(addr, len)) {
    // Private anonymous pages read as zero afterwards.
    const uint64_t first = (addr - area_) / kPage;
    for (uint64_t i = 0; i < len / kPage; ++i)
      if (page_[first + i]) zero(addr + i * kPage, kPage);
  }
  return 0;
}

// The memory calls: the address space above does the work.
int64_t sys_brk(ProcessState& k, A a) { return int64_t(k.as->brk(a[0])); }
int64_t sys_munmap(ProcessState& k, A a) { return k.as->munmap(a[0], a[1]); }
int64_t sys_mprotect(ProcessState& k, A a) { return k.as->mprotect(a[0], a[1], int(a[2])); }
int64_t sys_mremap(ProcessState& k, A a) { return k.as->mremap(a[0], a[1], a[2], int(a[3]), a[4]); }
int64_t sys_madvise(ProcessState& k, A a) { return k.as->madvise(a[0], a[1], int(a[2])); }

}  // namespace cuarm::os
