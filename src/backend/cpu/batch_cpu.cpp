// Batch lanes on CPU threads: the lanes are split over all hardware threads.
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <thread>

#include <sys/mman.h>
#include <unistd.h>

#include "core/lane.hpp"
#include "host_fp_env.hpp"
#include "backend/batch_store.hpp"

namespace cuarm {

std::string pool_full_message(const std::string& where, uint64_t capacity) {
  return fmt::format("{}: the lanes' page pool is full ({} pages of 4 KiB); run fewer lanes",
                     where, capacity);
}

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

Buffer zeroed(uint64_t bytes, const char* what) {
  Buffer b(static_cast<uint8_t*>(std::calloc(bytes ? bytes : 1, 1)));
  if (!b) throw Error(fmt::format("batch: out of host memory for {} ({} bytes)", what, bytes));
  return b;
}

// The page pool: address space reserved without backing (MAP_NORESERVE); the kernel gives a
// page of memory only when a lane first writes it.
struct Mapping {
  void* p = MAP_FAILED;
  size_t n = 0;
  Mapping() = default;
  Mapping(const Mapping&) = delete;
  Mapping& operator=(const Mapping&) = delete;
  ~Mapping() {
    if (p != MAP_FAILED) munmap(p, n);
  }
};

// Threads that stay for the store's life: a slice hands them work instead of starting threads
// (a process batch runs a slice or two per round of syscalls, tens of thousands of rounds).
class WorkerPool {
 public:
  explicit WorkerPool(unsigned threads) {
    for (unsigned t = 1; t < threads; ++t) workers_.emplace_back([this, t] { serve(t); });
  }
  ~WorkerPool() {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      quit_ = true;
    }
    wake_.notify_all();
    for (auto& w : workers_) w.join();
  }
  unsigned threads() const { return unsigned(workers_.size()) + 1; }

  // Calls job(t) for every t in [0, threads()): t = 0 on the calling thread. Returns when all are done.
  void run(const std::function<void(unsigned)>& job) {
    {
      std::lock_guard<std::mutex> lock(mutex_);
      job_ = &job;
      pending_ = unsigned(workers_.size());
      ++generation_;
    }
    wake_.notify_all();
    job(0);
    std::unique_lock<std::mutex> lock(mutex_);
    done_.wait(lock, [this] { return pending_ == 0; });
    job_ = nullptr;
  }

 private:
  void serve(unsigned t) {
    uint64_t seen = 0;
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      wake_.wait(lock, [&] { return quit_ || generation_ != seen; });
      if (quit_) return;
      seen = generation_;
      const auto* job = job_;
      lock.unlock();
      (*job)(t);
      lock.lock();
      if (--pending_ == 0) done_.notify_one();
    }
  }

  std::vector<std::thread> workers_;
  std::mutex mutex_;
  std::condition_variable wake_, done_;
  const std::function<void(unsigned)>* job_ = nullptr;
  unsigned pending_ = 0;
  uint64_t generation_ = 0;
  bool quit_ = false;
};

class CpuBatchStore final : public BatchStore {
 public:
  std::string name() const override { return "cpu"; }

  void setup(const std::vector<ImageRegion>& image, uint64_t lanes, uint64_t pool_pages) override {
    lanes_ = lanes;
    desc_.clear();
    buffers_.clear();
    uint64_t lane_pages = 0;  // private pages of one lane
    for (const auto& r : image) {
      core::Region d{r.base, r.size, nullptr, nullptr, r.perms, 0, nullptr};
      Buffer data = zeroed(r.size, "the image");
      std::memcpy(data.get(), r.bytes.data(), r.bytes.size());  // calloc'd: the zero tail costs nothing until read
      d.data = data.get();
      buffers_.push_back(std::move(data));
      if (r.is_private()) {
        const uint64_t pages = core::pages_of(r.size);
        if (pages * lanes / lanes != pages || pages * lanes > (uint64_t(1) << 62) / sizeof(uint32_t))
          throw Error(fmt::format("batch: {} lanes x {} pages of region 0x{:x} overflow", lanes, pages, r.base));
        Buffer table = zeroed(pages * lanes * sizeof(uint32_t), "the lanes' page tables");
        d.page = reinterpret_cast<uint32_t*>(table.get());
        buffers_.push_back(std::move(table));
        lane_pages += pages;
      }
      if (r.perms & PermX) {
        Buffer dec = zeroed(r.size / 4 * sizeof(uint64_t), "the decode cache");
        d.decoded = reinterpret_cast<uint64_t*>(dec.get());
        predecode(d.data, r.size, d.decoded);
        buffers_.push_back(std::move(dec));
      }
      desc_.push_back(d);
    }
    // Room for every private page of every lane, up to this machine's memory (and the 32-bit
    // page numbers): lanes take pages as they write; a full pool stops the writing lane.
    const uint64_t phys = uint64_t(sysconf(_SC_PHYS_PAGES));
    uint64_t cap = lane_pages * lanes;
    cap = std::min<uint64_t>({cap, phys ? phys : cap, pool_pages, 0xfffffff0u});
    pool_map_ = std::make_unique<Mapping>();
    next_ = 0;
    if (cap > 0) {
      pool_map_->n = size_t(cap) * core::kPageSize;
      pool_map_->p = mmap(nullptr, pool_map_->n, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
      if (pool_map_->p == MAP_FAILED)
        throw Error(fmt::format("batch: cannot reserve {} bytes of address space for the lanes' pages", pool_map_->n));
    }
    pool_ = {cap ? static_cast<uint8_t*>(pool_map_->p) : nullptr, &next_, uint32_t(cap), 0};
    lane_pages_ = lane_pages;
    states_ = nullptr;
    cycles_.assign(lanes, 0);
  }

  void write(uint32_t region, uint64_t lane, uint64_t off, const uint8_t* in, size_t n) override {
    const core::Region& d = desc_[region];
    if (d.page == nullptr) {
      std::memcpy(d.data + off, in, n);
    } else if (!core::lane_write(core::lane_region(d, lane), pool_, off, in, n)) {
      throw Error(pool_full_message("batch", pool_.capacity));
    }
  }
  void read(uint32_t region, uint64_t lane, uint64_t off, uint8_t* out, size_t n) const override {
    const core::Region& d = desc_[region];
    if (d.page == nullptr)
      std::memcpy(out, d.data + off, n);
    else
      core::lane_read(core::lane_region(d, lane), pool_, off, out, n);
  }
  void write_strided(uint32_t region, uint64_t off, const uint8_t* in, size_t stride) override {
    for (uint64_t l = 0; l < lanes_; ++l) write(region, l, off, in + l * stride, stride);
  }
  void read_strided(uint32_t region, uint64_t off, uint8_t* out, size_t stride) const override {
    for (uint64_t l = 0; l < lanes_; ++l) read(region, l, off, out + l * stride, stride);
  }

  // The lanes run in the caller's states (see BatchStore::upload).
  void upload(core::CpuState* states) override {
    states_ = states;
    std::fill(cycles_.begin(), cycles_.end(), 0);
  }
  void download(core::CpuState* states, uint64_t* cycles) override {
    if (states != states_) std::copy_n(states_, lanes_, states);
    std::copy_n(cycles_.begin(), lanes_, cycles);
  }

  uint64_t run_slice(uint64_t slice, uint64_t max_cycles, uint64_t* active) override {
    // (hardware_concurrency() reads a /sys file on every call: once per process.)
    static const unsigned cores = std::max(1u, std::thread::hardware_concurrency());
    const unsigned hw = std::max(1u, std::min<unsigned>(cores, unsigned(lanes_)));
    if (!workers_ || workers_->threads() != hw) workers_ = std::make_unique<WorkerPool>(hw);
    // When the last slice had little work (lanes that stop within a few instructions, as in
    // every round of a process batch's syscalls), this one runs on this thread alone: handing
    // it out would cost more. (Kept across runs: a process batch starts a run per round.)
    const unsigned threads = last_executed_ < kSplitMin ? 1 : hw;
    std::atomic<uint64_t> executed{0}, running{0};
    const std::function<void(unsigned)> work = [&](unsigned t) {
      if (t >= threads) return;
      const HostFpEnv fp_env;  // the fast path of the FP library needs the default environment
      uint64_t ex = 0, run = 0;
      core::CpuState work;
      for (uint64_t l = t; l < lanes_; l += threads) {
        ex += core::run_lane_slice(states_[l], work, cycles_[l], desc_.data(), uint32_t(desc_.size()), pool_, l,
                                   slice, max_cycles, run_lane_flat);
        if (states_[l].stop.reason == core::Stop::None) ++run;
      }
      executed += ex;
      running += run;
    };
    if (threads == 1)
      work(0);
    else
      workers_->run(work);
    *active = running;
    last_executed_ = executed;
    return executed;
  }

  uint64_t lane_bytes() const override { return page_use().lane_bytes(lanes_, lane_pages_); }
  PageUse page_use() const override { return PageUse::of(__atomic_load_n(&next_, __ATOMIC_RELAXED), pool_.capacity); }

 private:
  static constexpr uint64_t kSplitMin = 1 << 16;  // instructions: ~0.3 ms on one core
  uint64_t lanes_ = 0, lane_pages_ = 0;
  uint64_t last_executed_ = kSplitMin;
  std::unique_ptr<WorkerPool> workers_;
  std::unique_ptr<Mapping> pool_map_;
  uint32_t next_ = 0;
  core::PagePool pool_{};
  std::vector<core::Region> desc_;
  std::vector<Buffer> buffers_;
  core::CpuState* states_ = nullptr;  // the uploaded states, run in place
  std::vector<uint64_t> cycles_;
};

}  // namespace

std::unique_ptr<BatchStore> make_cpu_batch_store() { return std::make_unique<CpuBatchStore>(); }

}  // namespace cuarm
