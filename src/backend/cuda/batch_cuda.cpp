// Batch lanes on a GPU: one thread per lane, launched slice by slice by the Batch driver.
#include <cuda_runtime.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "backend/batch_store.hpp"
#include "backend/jit/batch_counters.hpp"
#include "backend/jit/translate.hpp"
#include "device.hpp"
#include "jit_loader.hpp"
#include "kernels.hpp"

namespace cuarm {
namespace {

using cuda::check;

class CudaBatchStore final : public BatchStore {
 public:
  explicit CudaBatchStore(int device) : device_(device) {
    name_ = cuda::open_device(device);
    check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking), "cudaStreamCreate");
    check(cudaMalloc(&counters_, sizeof(SliceCounters)), "cudaMalloc(counters)");
    check(cudaMalloc(&jit_counters_, sizeof(JitCounters)), "cudaMalloc(jit counters)");
    jit_ = jit::jit_mode();
  }
  ~CudaBatchStore() override {
    use();
    release();
    cudaFree(counters_);
    cudaFree(jit_counters_);
    cudaStreamDestroy(stream_);
  }

  std::string name() const override { return name_; }

  void setup(const std::vector<ImageRegion>& image, uint64_t lanes, uint64_t pool_pages) override {
    use();
    release();
    lanes_ = lanes;
    code_.clear();
    translation_ = {};
    // Code regions with their zero tail (ImageRegion::bytes stops at the last byte written).
    auto code_of = [](const ImageRegion& r) {
      std::vector<uint8_t> code = r.bytes;
      code.resize(r.size, 0);
      return code;
    };
    for (const auto& r : image)
      if (r.perms & PermX) code_.push_back({r.base, code_of(r)});
    // Check the size first and say how many lanes would fit. A lane needs its state and its
    // page tables; the pages it writes come from the pool, which gets the rest of the card (up
    // to every private page of every lane).
    uint64_t shared = 0, lane_pages = 0;
    for (const auto& r : image) {
      shared += r.size + ((r.perms & PermX) ? r.size * 2 : 0);
      if (r.is_private()) lane_pages += core::pages_of(r.size);
    }
    const uint64_t per_lane = sizeof(core::CpuState) + sizeof(uint64_t) + lane_pages * sizeof(uint32_t);
    size_t free_bytes = 0, total = 0;
    check(cudaMemGetInfo(&free_bytes, &total), "cudaMemGetInfo");
    const uint64_t reserve = 256ull << 20;  // for the runtime, local memory and counters
    const uint64_t usable = free_bytes > shared + reserve ? free_bytes - shared - reserve : 0;
    // At least one written page a lane on average, or the lanes could hardly run.
    const uint64_t need = per_lane + (lane_pages ? core::kPageSize : 0);
    if (need * lanes / lanes != need || need * lanes > usable)
      throw Error(fmt::format("cuda batch: {} lanes need {:.2f} GiB ({} bytes a lane: state, page tables and a page) "
                              "but {:.2f} GiB are free on {}: at most {} lanes fit",
                              lanes, double(need) * lanes / (1ull << 30), need, double(free_bytes) / (1ull << 30),
                              name_, usable / need));
    lane_pages_ = lane_pages;
    for (const auto& r : image) {
      core::Region d{r.base, r.size, nullptr, nullptr, r.perms, 0, nullptr};
      check(cudaMalloc(&d.data, r.size), "cudaMalloc(region)");
      allocations_.push_back(d.data);
      check(cudaMemset(d.data, 0, r.size), "clear image");
      check(cudaMemcpy(d.data, r.bytes.data(), r.bytes.size(), cudaMemcpyHostToDevice), "upload image");
      if (r.is_private()) {
        const uint64_t bytes = core::pages_of(r.size) * lanes * sizeof(uint32_t);
        check(cudaMalloc(&d.page, bytes), "cudaMalloc(page tables)");
        allocations_.push_back(d.page);
        check(cudaMemset(d.page, 0, bytes), "clear page tables");
      }
      if (r.perms & PermX) {  // decoded once on the host, shared by every lane
        std::vector<uint64_t> decoded(r.size / 4);
        predecode(code_of(r).data(), r.size, decoded.data());
        check(cudaMalloc(&d.decoded, r.size / 4 * sizeof(uint64_t)), "cudaMalloc(decoded)");
        allocations_.push_back(d.decoded);
        check(cudaMemcpy(d.decoded, decoded.data(), r.size / 4 * sizeof(uint64_t), cudaMemcpyHostToDevice), "upload decoded");
      }
      desc_.push_back(d);
    }
    uint64_t cap = std::min<uint64_t>({lane_pages * lanes, (usable - per_lane * lanes) / core::kPageSize, 0xfffffff0u});
    cap = std::min(cap, pool_pages);
    pool_ = {nullptr, nullptr, uint32_t(cap), 0};
    if (cap > 0) {
      check(cudaMalloc(&pool_.pages, cap * core::kPageSize), "cudaMalloc(page pool)");
      allocations_.push_back(pool_.pages);
    }
    check(cudaMalloc(&pool_.next, 2 * sizeof(uint32_t)), "cudaMalloc(pool counter)");  // [1]: a copy's failure flag
    allocations_.push_back(pool_.next);
    check(cudaMemset(pool_.next, 0, 2 * sizeof(uint32_t)), "clear pool counter");
    check(cudaMalloc(&d_desc_, desc_.size() * sizeof(core::Region)), "cudaMalloc(regions)");
    check(cudaMemcpy(d_desc_, desc_.data(), desc_.size() * sizeof(core::Region), cudaMemcpyHostToDevice), "upload regions");
    check(cudaMalloc(&d_states_, lanes * sizeof(core::CpuState)), "cudaMalloc(states)");
    check(cudaMalloc(&d_cycles_, lanes * sizeof(uint64_t)), "cudaMalloc(cycles)");
  }

  void write(uint32_t region, uint64_t lane, uint64_t off, const uint8_t* in, size_t n) override {
    use();
    if (desc_[region].page == nullptr)
      check(cudaMemcpy(desc_[region].data + off, in, n, cudaMemcpyHostToDevice), "write_memory");
    else
      copy_lanes(region, lane, 1, off, const_cast<uint8_t*>(in), n, true);
  }
  void read(uint32_t region, uint64_t lane, uint64_t off, uint8_t* out, size_t n) const override {
    use();
    if (desc_[region].page == nullptr)
      check(cudaMemcpy(out, desc_[region].data + off, n, cudaMemcpyDeviceToHost), "read_memory");
    else
      copy_lanes(region, lane, 1, off, out, n, false);
  }
  void write_strided(uint32_t region, uint64_t off, const uint8_t* in, size_t stride) override {
    use();
    copy_lanes(region, 0, lanes_, off, const_cast<uint8_t*>(in), stride, true);
  }
  void read_strided(uint32_t region, uint64_t off, uint8_t* out, size_t stride) const override {
    use();
    copy_lanes(region, 0, lanes_, off, out, stride, false);
  }

  void upload(core::CpuState* states) override {
    use();
    check(cudaMemcpy(d_states_, states, lanes_ * sizeof(core::CpuState), cudaMemcpyHostToDevice), "upload states");
    // Where the lanes start: where translation starts (a few distinct pcs are enough).
    starts_.clear();
    for (uint64_t l = 0; l < lanes_ && starts_.size() < 16; ++l)
      if (std::find(starts_.begin(), starts_.end(), states[l].pc) == starts_.end()) starts_.push_back(states[l].pc);
    slices_ = 0, compiles_ = 0, interp_next_ = false;
    check(cudaMemset(d_cycles_, 0, lanes_ * sizeof(uint64_t)), "reset cycles");
  }
  void download(core::CpuState* states, uint64_t* cycles) override {
    use();
    check(cudaMemcpy(states, d_states_, lanes_ * sizeof(core::CpuState), cudaMemcpyDeviceToHost), "download states");
    check(cudaMemcpy(cycles, d_cycles_, lanes_ * sizeof(uint64_t), cudaMemcpyDeviceToHost), "download cycles");
  }

  uint64_t run_slice(uint64_t slice, uint64_t max_cycles, uint64_t* active) override {
    use();
    // Translated mode (docs/jit.md): from the second slice on (auto) or the first (always),
    // translated code runs the slice; after a slice in which some lane left the translated
    // words, the interpreter runs the next one, and the translation grows from where it left.
    const bool warm = jit_ == jit::JitMode::Always || (jit_ == jit::JitMode::Auto && slices_ >= 1);
    ++slices_;
    if (warm && translation_.words.empty() && !pending_.busy()) translate();
    // The translation compiles in the background ("always": waited for); the interpreter runs
    // the slices until it is ready.
    pending_.take(translation_, kernels_, jit_ == jit::JitMode::Always);
    if (warm && !translation_.words.empty() && !interp_next_) {
      check(cudaMemsetAsync(jit_counters_, 0, sizeof(JitCounters), stream_), "reset counters");
      const uint64_t blocks = (lanes_ + 63) / 64;
      unsigned count = unsigned(desc_.size());
      unsigned long long lanes = lanes_, sl = slice, maxc = max_cycles;
      void* args[] = {&d_states_, &d_cycles_, &d_desc_, &count, &pool_, &lanes, &sl, &maxc, &jit_counters_};
      check(cudaLaunchKernel(reinterpret_cast<const void*>(kernels_.batch), dim3(unsigned(blocks)), dim3(64), args, 0,
                             stream_),
            "launch translated");
      JitCounters c;
      check(cudaMemcpyAsync(&c, jit_counters_, sizeof c, cudaMemcpyDeviceToHost, stream_), "read counters");
      check(cudaStreamSynchronize(stream_), "translated batch kernel");
      if (jit::log_enabled())
        std::fprintf(stderr, "[cuarm jit] batch slice %llu: %llu instructions, %llu active, %llu left the translation\n",
                     (unsigned long long)slice, c.executed, c.active, c.left);
      if (c.left) {
        interp_next_ = true;
        if (!pending_.busy()) {
          starts_.push_back(c.left_pc);
          translate();
        }
      }
      *active = c.active;
      return c.executed;
    }
    interp_next_ = false;
    check(cudaMemsetAsync(counters_, 0, sizeof(SliceCounters), stream_), "reset counters");
    check(launch_run_batch_slice(d_states_, d_cycles_, d_desc_, uint32_t(desc_.size()), pool_, lanes_, slice,
                                 max_cycles, counters_, stream_),
          "launch");
    SliceCounters c;
    check(cudaMemcpyAsync(&c, counters_, sizeof c, cudaMemcpyDeviceToHost, stream_), "read counters");
    check(cudaStreamSynchronize(stream_), "batch kernel");
    *active = c.active;
    return c.executed;
  }

  uint64_t lane_bytes() const override { return page_use().lane_bytes(lanes_, lane_pages_); }
  PageUse page_use() const override {
    if (pool_.next == nullptr) return {};
    use();
    uint32_t taken = 0;
    check(cudaMemcpy(&taken, pool_.next, sizeof taken, cudaMemcpyDeviceToHost), "read pool counter");
    return PageUse::of(taken, pool_.capacity);
  }

 private:
  // Lanes [first, first+lanes) of private region `region` to or from host memory `host` (n bytes
  // a lane, lane after lane), through a device buffer and one thread per lane (core::lane_write
  // and lane_read: the same page logic as the guest's own accesses).
  void copy_lanes(uint32_t region, uint64_t first, uint64_t lanes, uint64_t off, uint8_t* host, uint64_t n,
                  bool into_lanes) const {
    if (n == 0) return;
    if (staging_size_ < n * lanes) {  // kept between copies: the syscalls of lanes copy often
      cudaFree(staging_);
      staging_ = nullptr, staging_size_ = 0;
      check(cudaMalloc(&staging_, n * lanes), "cudaMalloc(lane copy)");
      staging_size_ = n * lanes;
    }
    uint8_t* buf = staging_;
    if (into_lanes) check(cudaMemcpy(buf, host, n * lanes, cudaMemcpyHostToDevice), "write_memory");
    uint32_t* failed = pool_.next + 1;
    check(cudaMemsetAsync(failed, 0, sizeof(uint32_t), stream_), "lane copy");
    check(launch_lane_copy(desc_[region], pool_, first, lanes, off, buf, n, into_lanes, failed, stream_), "lane copy");
    check(cudaStreamSynchronize(stream_), "lane copy");
    if (!into_lanes) {
      check(cudaMemcpy(host, buf, n * lanes, cudaMemcpyDeviceToHost), "read_memory");
      return;
    }
    uint32_t f = 0;
    check(cudaMemcpy(&f, failed, sizeof f, cudaMemcpyDeviceToHost), "lane copy");
    if (f) throw Error(pool_full_message("cuda batch on " + name_, pool_.capacity));
  }

  // Translates from starts_ (growing the current translation) and starts compiling it. Batch
  // code is never writable, so the host copy of the image is the code.
  void translate() {
    if (compiles_ >= jit::kMaxTranslations) return;
    jit::Translation t = jit::translate(
        starts_,
        [this](uint64_t a, uint32_t* w) {
          for (const auto& [base, bytes] : code_)
            if (a - base < bytes.size() && bytes.size() - (a - base) >= 4) {
              std::memcpy(w, bytes.data() + (a - base), 4);
              return true;
            }
          return false;
        },
        jit::kMaxWords, &translation_, jit::Kernel::Batch);
    if (t.entries.size() == translation_.entries.size()) return;  // nothing new: keep what runs
    ++compiles_;
    pending_.start(std::move(t), device_);
  }

  // Every call may come from any host thread: select this store's device first.
  void use() const { check(cudaSetDevice(device_), "cudaSetDevice"); }

  void release() {
    for (void* p : allocations_) cudaFree(p);
    allocations_.clear();
    desc_.clear();
    cudaFree(d_desc_);
    cudaFree(d_states_);
    cudaFree(d_cycles_);
    d_desc_ = nullptr, d_states_ = nullptr, d_cycles_ = nullptr;
    pool_ = {};
    cudaFree(staging_);
    staging_ = nullptr, staging_size_ = 0;
  }

  int device_;
  std::string name_;
  cudaStream_t stream_ = nullptr;
  SliceCounters* counters_ = nullptr;
  // Translated mode.
  using JitCounters = jit::BatchCounters;
  jit::JitMode jit_ = jit::JitMode::Off;
  JitCounters* jit_counters_ = nullptr;
  std::vector<std::pair<uint64_t, std::vector<uint8_t>>> code_;  // executable regions (base, bytes)
  std::vector<uint64_t> starts_;
  jit::Translation translation_;
  jit::JitKernels kernels_;
  jit::PendingTranslation pending_;
  uint64_t slices_ = 0;
  int compiles_ = 0;
  bool interp_next_ = false;
  uint64_t lanes_ = 0, lane_pages_ = 0;
  core::PagePool pool_{};
  mutable uint8_t* staging_ = nullptr;  // device buffer of copy_lanes
  mutable uint64_t staging_size_ = 0;
  std::vector<core::Region> desc_;  // device pointers
  std::vector<void*> allocations_;
  core::Region* d_desc_ = nullptr;
  core::CpuState* d_states_ = nullptr;
  uint64_t* d_cycles_ = nullptr;
};

}  // namespace

std::unique_ptr<BatchStore> make_cuda_batch_store(int device) { return std::make_unique<CudaBatchStore>(device); }

int cuda_device_count() {
  int n = 0;
  if (cudaGetDeviceCount(&n) != cudaSuccess) {
    cudaGetLastError();
    return 0;
  }
  return n;
}

}  // namespace cuarm
