// Batch lanes on CPU threads: the lanes are split over all hardware threads.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <thread>

#include "../../core/lane.hpp"
#include "host_fp_env.hpp"
#include "../batch_store.hpp"

namespace cuarm {

void predecode(const uint8_t* data, uint64_t size, uint64_t* decoded) {
  for (uint64_t i = 0; i < size / 4; ++i) decoded[i] = core::make_decoded(core::load_le<uint32_t>(data + 4 * i));
}

namespace {

__attribute__((flatten)) core::Stop run_lane_flat(core::CpuState& s, core::LaneView& v, uint64_t budget,
                                                  uint64_t* n) {
  return core::run(s, v, budget, n);
}

struct FreeDeleter {
  void operator()(void* p) const { std::free(p); }
};
using Buffer = std::unique_ptr<uint8_t, FreeDeleter>;

class CpuBatchStore final : public BatchStore {
 public:
  std::string name() const override { return "cpu"; }

  void setup(const std::vector<ImageRegion>& image, uint64_t lanes) override {
    lanes_ = lanes;
    desc_.clear();
    buffers_.clear();
    for (const auto& r : image) {
      const uint64_t bytes = r.is_private() ? r.size * lanes : r.size;
      if (r.is_private() && bytes / lanes != r.size) throw Error("batch: lanes x region size overflows");
      Buffer data(static_cast<uint8_t*>(std::calloc(bytes, 1)));
      if (!data) throw Error(fmt::format("batch: out of host memory for {} lanes ({} bytes for region 0x{:x})", lanes, bytes, r.base));
      core::Region d{r.base, r.size, data.get(), nullptr, r.perms, 0};
      if (r.is_private()) {
        // calloc's pages are zero (and untouched until used): copy only up to the last nonzero
        // byte, so that large zero regions (stack, heap, mmap area) cost no page per lane here.
        uint64_t used = r.size;
        static const uint8_t zeros[4096] = {};
        while (used >= sizeof zeros && std::memcmp(r.bytes.data() + used - sizeof zeros, zeros, sizeof zeros) == 0)
          used -= sizeof zeros;
        for (uint64_t l = 0; l < lanes; ++l) std::memcpy(data.get() + l * r.size, r.bytes.data(), used);
      } else {
        std::memcpy(data.get(), r.bytes.data(), r.size);
      }
      buffers_.push_back(std::move(data));
      if (r.perms & PermX) {
        Buffer dec(static_cast<uint8_t*>(std::calloc(r.size / 4, sizeof(uint64_t))));
        if (!dec) throw Error("batch: out of host memory for the decode cache");
        d.decoded = reinterpret_cast<uint64_t*>(dec.get());
        predecode(d.data, r.size, d.decoded);
        buffers_.push_back(std::move(dec));
      }
      desc_.push_back(d);
    }
    states_.assign(lanes, core::CpuState{});
    cycles_.assign(lanes, 0);
  }

  uint8_t* at(uint32_t region, uint64_t lane, uint64_t off) const {
    const core::Region& d = desc_[region];
    return d.data + ((d.perms & PermW) ? lane * d.size : 0) + off;
  }
  void write(uint32_t region, uint64_t lane, uint64_t off, const uint8_t* in, size_t n) override {
    std::memcpy(at(region, lane, off), in, n);
  }
  void read(uint32_t region, uint64_t lane, uint64_t off, uint8_t* out, size_t n) const override {
    std::memcpy(out, at(region, lane, off), n);
  }
  void write_strided(uint32_t region, uint64_t off, const uint8_t* in, size_t stride) override {
    for (uint64_t l = 0; l < lanes_; ++l) std::memcpy(at(region, l, off), in + l * stride, stride);
  }
  void read_strided(uint32_t region, uint64_t off, uint8_t* out, size_t stride) const override {
    for (uint64_t l = 0; l < lanes_; ++l) std::memcpy(out + l * stride, at(region, l, off), stride);
  }

  void upload(const core::CpuState* states) override {
    std::copy_n(states, lanes_, states_.begin());
    std::fill(cycles_.begin(), cycles_.end(), 0);
  }
  void download(core::CpuState* states, uint64_t* cycles) override {
    std::copy_n(states_.begin(), lanes_, states);
    std::copy_n(cycles_.begin(), lanes_, cycles);
  }

  uint64_t run_slice(uint64_t slice, uint64_t max_cycles, uint64_t* active) override {
    const unsigned threads = std::max(1u, std::min<unsigned>(std::thread::hardware_concurrency(), unsigned(lanes_)));
    std::atomic<uint64_t> executed{0}, running{0};
    auto work = [&](unsigned t) {
      const HostFpEnv fp_env;  // the fast path of the FP library needs the default environment
      uint64_t ex = 0, run = 0;
      core::CpuState work;
      for (uint64_t l = t; l < lanes_; l += threads) {
        ex += core::run_lane_slice(states_[l], work, cycles_[l], desc_.data(), uint32_t(desc_.size()), l, slice,
                                   max_cycles, run_lane_flat);
        if (states_[l].stop.reason == core::Stop::None) ++run;
      }
      executed += ex;
      running += run;
    };
    std::vector<std::thread> pool;
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    *active = running;
    return executed;
  }

  uint64_t lane_bytes() const override {
    uint64_t b = sizeof(core::CpuState) + sizeof(uint64_t);
    for (const auto& d : desc_)
      if (d.perms & PermW) b += d.size;
    return b;
  }

 private:
  uint64_t lanes_ = 0;
  std::vector<core::Region> desc_;
  std::vector<Buffer> buffers_;
  std::vector<core::CpuState> states_;
  std::vector<uint64_t> cycles_;
};

}  // namespace

std::unique_ptr<BatchStore> make_cpu_batch_store() { return std::make_unique<CpuBatchStore>(); }

}  // namespace cuarm
