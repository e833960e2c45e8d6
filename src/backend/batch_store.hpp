// Where a batch's lanes live: their states, their private memory and the shared image, and the
// slice loop that advances every lane. One implementation per backend (CPU threads, CUDA).
#pragma once
#include <cuarm/batch.hpp>

#include <memory>
#include <vector>

#include "core/memory.hpp"
#include "core/state.hpp"

namespace cuarm {

struct ImageRegion {
  uint64_t base, size;
  uint32_t perms;
  std::vector<uint8_t> bytes;  // initial contents: the first bytes.size() <= size bytes; the rest is zero
  bool is_private() const { return perms & PermW; }
};

// Pages of the pool that lanes' writes take (core::PagePool).
struct PageUse {
  uint64_t used = 0, capacity = 0;
  bool exhausted = false;  // a write found the pool empty (that lane stopped with a fault)
  // From the pool's counter, which goes on past the capacity when writes find the pool empty.
  static PageUse of(uint64_t taken, uint64_t capacity) {
    return {taken < capacity ? taken : capacity, capacity, taken > capacity};
  }
  // What one of `lanes` lanes costs with `lane_pages` private pages each: its state, its page
  // tables and its share of the pages written.
  uint64_t lane_bytes(uint64_t lanes, uint64_t lane_pages) const {
    return sizeof(core::CpuState) + sizeof(uint64_t) + lane_pages * sizeof(uint32_t) +
           (used * core::kPageSize + lanes - 1) / (lanes ? lanes : 1);
  }
};

// The error of a host write into lanes whose page pool is full (`where`: the store).
std::string pool_full_message(const std::string& where, uint64_t capacity);

class BatchStore {
 public:
  virtual ~BatchStore() = default;
  virtual std::string name() const = 0;

  // Allocates the shared regions (with their decode caches filled from the image), every
  // lane's page tables for the private regions and the page pool they draw on (copy-on-write:
  // a lane's private bytes are the image's until it writes them). Throws Error when the lanes
  // do not fit, saying how many would.
  // pool_pages: the most pages the lanes may write (kPoolAuto: as many as fit).
  static constexpr uint64_t kPoolAuto = ~uint64_t(0);
  virtual void setup(const std::vector<ImageRegion>& image, uint64_t lanes, uint64_t pool_pages) = 0;

  // Region `region` of lane `lane` (shared regions ignore the lane), at offset `off`. Writes
  // into private regions throw Error when the page pool is full.
  virtual void write(uint32_t region, uint64_t lane, uint64_t off, const uint8_t* in, size_t n) = 0;
  virtual void read(uint32_t region, uint64_t lane, uint64_t off, uint8_t* out, size_t n) const = 0;
  // All lanes at once: lane i's bytes are in[i*stride, (i+1)*stride). Private regions only.
  virtual void write_strided(uint32_t region, uint64_t off, const uint8_t* in, size_t stride) = 0;
  virtual void read_strided(uint32_t region, uint64_t off, uint8_t* out, size_t stride) const = 0;

  // Lane states in and out (arrays of this store's lane count); upload also zeroes the
  // per-lane cycle counts. A store may run the lanes in the uploaded array itself until
  // download (the CPU store does: no copy of 848 bytes a lane each way, each round of a process
  // batch): the caller leaves it alone in between and downloads into the same array.
  virtual void upload(core::CpuState* states) = 0;
  virtual void download(core::CpuState* states, uint64_t* cycles) = 0;

  // Advances every lane that has not stopped by at most `slice` instructions (never past
  // max_cycles in total). Returns the instructions retired; *active = lanes still running.
  virtual uint64_t run_slice(uint64_t slice, uint64_t max_cycles, uint64_t* active) = 0;

  // Bytes one lane costs: its state, its page tables and (on average) the pages it wrote.
  virtual uint64_t lane_bytes() const = 0;
  virtual PageUse page_use() const = 0;
};

std::unique_ptr<BatchStore> make_cpu_batch_store();
// Null when the CUDA backend is not built; throws Error when the device is not usable.
std::unique_ptr<BatchStore> make_cuda_batch_store(int device);
// One store over several (lanes split into equal contiguous shares); a single part is returned as is.
std::unique_ptr<BatchStore> make_sharded_store(std::vector<std::unique_ptr<BatchStore>> parts);
// CUDA devices visible to this process (0 when none, or when the backend is not built).
int cuda_device_count();

// Decodes every word of a code region (shared regions are decoded once, before any lane runs).
void predecode(const uint8_t* data, uint64_t size, uint64_t* decoded);

}  // namespace cuarm
