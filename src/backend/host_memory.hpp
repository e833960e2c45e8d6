// Guest memory kept in host RAM: owns region buffers and decode caches and keeps the
// core::MemView that the interpreter reads in step with them.
#pragma once
#include <cuarm/cuarm.hpp>

#include <memory>
#include <vector>

#include "core/memory.hpp"

namespace cuarm {

class HostMemory {
 public:
  HostMemory() { view_.count = 0; view_.last = 0; view_.pool = {}; }  // (no paged regions: the pool is unused)
  HostMemory(const HostMemory&) = delete;
  HostMemory& operator=(const HostMemory&) = delete;

  void map(uint64_t base, uint64_t size, uint32_t perms);
  void unmap(uint64_t base, uint64_t size);
  std::vector<RegionInfo> regions() const;
  void read(uint64_t addr, uint8_t* out, size_t n) const;
  void write(uint64_t addr, const uint8_t* in, size_t n);
  core::MemView& view() { return view_; }

 private:
  struct FreeDeleter {
    void operator()(void* p) const;
  };
  struct Owned {
    std::unique_ptr<uint8_t, FreeDeleter> data;
    std::unique_ptr<uint64_t, FreeDeleter> decoded;
  };
  // Region containing addr (ignoring permissions), or nullptr.
  const core::Region* region_at(uint64_t addr) const;
  void rebuild_view();

  std::vector<core::Region> regions_;  // sorted by base
  std::vector<Owned> owned_;           // parallel to regions_
  core::MemView view_;
};

}  // namespace cuarm
