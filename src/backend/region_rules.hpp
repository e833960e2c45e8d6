// The rules every backend applies to map(): page granularity, no wrap, no overlap, table size.
#pragma once
#include <cuarm/cuarm.hpp>
#include <fmt/format.h>

#include <vector>

#include "core/memory.hpp"

namespace cuarm {

inline void check_map(const std::vector<core::Region>& existing, uint64_t base, uint64_t size, uint32_t perms) {
  if (size == 0) throw Error("map: size is 0");
  if (base % core::kPageSize || size % core::kPageSize)
    throw Error(fmt::format("map: base 0x{:x} and size 0x{:x} must be multiples of 4 KiB", base, size));
  if (base + size < base) throw Error(fmt::format("map: 0x{:x}+0x{:x} wraps the address space", base, size));
  if (perms & ~uint32_t(PermRWX)) throw Error(fmt::format("map: bad permissions 0x{:x}", perms));
  for (const auto& r : existing)
    if (base < r.base + r.size && r.base < base + size)
      throw Error(fmt::format("map: [0x{:x}, 0x{:x}) overlaps mapped region [0x{:x}, 0x{:x})", base, base + size,
                              r.base, r.base + r.size));
  if (existing.size() >= core::kMaxRegions)
    throw Error(fmt::format("map: too many regions (at most {})", core::kMaxRegions));
}

}  // namespace cuarm
