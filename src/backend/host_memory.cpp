#include "host_memory.hpp"

#include "region_rules.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstdlib>

namespace cuarm {

void HostMemory::FreeDeleter::operator()(void* p) const { std::free(p); }

void HostMemory::map(uint64_t base, uint64_t size, uint32_t perms) {
  check_map(regions_, base, size, perms);
  // calloc: untouched pages stay unbacked, so a large flat memory costs only what is used.
  Owned o;
  o.data.reset(static_cast<uint8_t*>(std::calloc(size, 1)));
  if (!o.data) throw Error(fmt::format("map: out of host memory for 0x{:x} bytes", size));
  if (perms & PermX) {
    o.decoded.reset(static_cast<uint64_t*>(std::calloc(size / 4, sizeof(uint64_t))));
    if (!o.decoded) throw Error("map: out of host memory for the decode cache");
  }
  core::Region r{base, size, o.data.get(), o.decoded.get(), perms, 0};
  auto it = std::lower_bound(regions_.begin(), regions_.end(), base,
                             [](const core::Region& a, uint64_t b) { return a.base < b; });
  const auto idx = it - regions_.begin();
  regions_.insert(it, r);
  owned_.insert(owned_.begin() + idx, std::move(o));
  rebuild_view();
}

void HostMemory::unmap(uint64_t base, uint64_t size) {
  for (size_t i = 0; i < regions_.size(); ++i) {
    if (regions_[i].base == base && regions_[i].size == size) {
      regions_.erase(regions_.begin() + long(i));
      owned_.erase(owned_.begin() + long(i));
      rebuild_view();
      return;
    }
  }
  throw Error(fmt::format("unmap: no region is mapped exactly at [0x{:x}, 0x{:x})", base, base + size));
}

std::vector<RegionInfo> HostMemory::regions() const {
  std::vector<RegionInfo> out;
  for (const auto& r : regions_) out.push_back({r.base, r.size, r.perms});
  return out;
}

const core::Region* HostMemory::region_at(uint64_t addr) const {
  for (const auto& r : regions_)
    if (addr - r.base < r.size) return &r;
  return nullptr;
}

void HostMemory::read(uint64_t addr, uint8_t* out, size_t n) const {
  while (n > 0) {
    const core::Region* r = region_at(addr);
    if (!r) throw Error(fmt::format("read_memory: address 0x{:x} is not mapped", addr));
    const size_t chunk = std::min<uint64_t>(n, r->base + r->size - addr);
    std::copy_n(r->data + (addr - r->base), chunk, out);
    addr += chunk, out += chunk, n -= chunk;
  }
}

void HostMemory::write(uint64_t addr, const uint8_t* in, size_t n) {
  // Check the whole range first: a failed write changes nothing.
  for (uint64_t a = addr, left = n; left > 0;) {
    const core::Region* r = region_at(a);
    if (!r) throw Error(fmt::format("write_memory: address 0x{:x} is not mapped", a));
    const uint64_t chunk = std::min<uint64_t>(left, r->base + r->size - a);
    a += chunk, left -= chunk;
  }
  while (n > 0) {
    auto* r = const_cast<core::Region*>(region_at(addr));
    const size_t chunk = std::min<uint64_t>(n, r->base + r->size - addr);
    std::copy_n(in, chunk, r->data + (addr - r->base));
    core::MemView::invalidate(r, addr - r->base, chunk);
    addr += chunk, in += chunk, n -= chunk;
  }
}

void HostMemory::rebuild_view() {
  view_.count = uint32_t(regions_.size());
  view_.last = 0;
  std::copy(regions_.begin(), regions_.end(), view_.region);
}

}  // namespace cuarm
