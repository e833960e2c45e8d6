// A batch spread over several stores (one per GPU, or the same GPU named twice): lanes are
// split into contiguous equal shares and every call is routed to the share that holds the lane.
#include <fmt/format.h>

#include <algorithm>
#include <thread>

#include "batch_store.hpp"

namespace cuarm {
namespace {

class ShardedStore final : public BatchStore {
 public:
  explicit ShardedStore(std::vector<std::unique_ptr<BatchStore>> parts) : parts_(std::move(parts)) {}

  std::string name() const override {
    std::string n = parts_[0]->name();
    for (const auto& p : parts_)
      if (p->name() != n) n = "mixed devices";
    return fmt::format("{} x{}", n, used_ ? used_ : parts_.size());
  }

  void setup(const std::vector<ImageRegion>& image, uint64_t lanes, uint64_t pool_pages) override {
    used_ = std::min<uint64_t>(parts_.size(), lanes);  // every share gets at least one lane
    first_.assign(used_ + 1, 0);
    for (size_t p = 0; p < used_; ++p) first_[p + 1] = first_[p] + lanes / used_ + (p < lanes % used_ ? 1 : 0);
    for (size_t p = 0; p < used_; ++p)  // a pool limit is shared out like the lanes (a share may get none)
      parts_[p]->setup(image, first_[p + 1] - first_[p],
                       pool_pages == kPoolAuto ? kPoolAuto : pool_pages / used_ + (p < pool_pages % used_ ? 1 : 0));
    private_.clear();
    for (const auto& r : image) private_.push_back(r.is_private());
  }

  void write(uint32_t region, uint64_t lane, uint64_t off, const uint8_t* in, size_t n) override {
    if (!private_[region]) {  // shared: every share has its own copy
      for (size_t p = 0; p < used_; ++p) parts_[p]->write(region, 0, off, in, n);
      return;
    }
    const size_t p = part_of(lane);
    parts_[p]->write(region, lane - first_[p], off, in, n);
  }
  void read(uint32_t region, uint64_t lane, uint64_t off, uint8_t* out, size_t n) const override {
    const size_t p = private_[region] ? part_of(lane) : 0;
    parts_[p]->read(region, private_[region] ? lane - first_[p] : 0, off, out, n);
  }
  void write_strided(uint32_t region, uint64_t off, const uint8_t* in, size_t stride) override {
    for (size_t p = 0; p < used_; ++p) parts_[p]->write_strided(region, off, in + first_[p] * stride, stride);
  }
  void read_strided(uint32_t region, uint64_t off, uint8_t* out, size_t stride) const override {
    for (size_t p = 0; p < used_; ++p) parts_[p]->read_strided(region, off, out + first_[p] * stride, stride);
  }
  void upload(core::CpuState* states) override {
    for (size_t p = 0; p < used_; ++p) parts_[p]->upload(states + first_[p]);
  }
  void download(core::CpuState* states, uint64_t* cycles) override {
    for (size_t p = 0; p < used_; ++p) parts_[p]->download(states + first_[p], cycles + first_[p]);
  }

  // The shares run their slices at the same time, one host thread each.
  uint64_t run_slice(uint64_t slice, uint64_t max_cycles, uint64_t* active) override {
    std::vector<uint64_t> executed(used_, 0), running(used_, 0);
    std::vector<std::string> errors(used_);
    std::vector<std::thread> threads;
    for (size_t p = 0; p < used_; ++p)
      threads.emplace_back([&, p] {
        try {
          executed[p] = parts_[p]->run_slice(slice, max_cycles, &running[p]);
        } catch (const Error& e) {
          errors[p] = e.what();
        }
      });
    for (auto& t : threads) t.join();
    for (const auto& e : errors)
      if (!e.empty()) throw Error(e);
    uint64_t total = 0;
    *active = 0;
    for (size_t p = 0; p < used_; ++p) total += executed[p], *active += running[p];
    return total;
  }

  uint64_t lane_bytes() const override {  // the average over the shares, weighted by their lanes
    uint64_t total = 0;
    for (size_t p = 0; p < used_; ++p) total += parts_[p]->lane_bytes() * (first_[p + 1] - first_[p]);
    return total / std::max<uint64_t>(first_[used_], 1);
  }
  PageUse page_use() const override {
    PageUse all;
    for (size_t p = 0; p < used_; ++p) {
      const PageUse u = parts_[p]->page_use();
      all.used += u.used, all.capacity += u.capacity, all.exhausted = all.exhausted || u.exhausted;
    }
    return all;
  }

 private:
  size_t part_of(uint64_t lane) const {
    size_t p = 0;
    while (lane >= first_[p + 1]) ++p;
    return p;
  }

  std::vector<std::unique_ptr<BatchStore>> parts_;
  size_t used_ = 0;
  std::vector<uint64_t> first_;  // first lane of each share, and the lane count at the end
  std::vector<bool> private_;    // per image region
};

}  // namespace

std::unique_ptr<BatchStore> make_sharded_store(std::vector<std::unique_ptr<BatchStore>> parts) {
  if (parts.size() == 1) return std::move(parts[0]);
  return std::make_unique<ShardedStore>(std::move(parts));
}

}  // namespace cuarm
