// Batch lanes on a GPU: one thread per lane, launched slice by slice by the Batch driver.
#include <cuda_runtime.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <vector>

#include "../batch_store.hpp"
#include "../jit/batch_counters.hpp"
#include "../jit/translate.hpp"
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

  void setup(const std::vector<ImageRegion>& image, uint64_t lanes) override {
    use();
    release();
    lanes_ = lanes;
    code_.clear();
    translation_ = {};
    for (const auto& r : image)
      if (r.perms & PermX) code_.push_back({r.base, r.bytes});
    // Check the size first and say how many lanes would fit.
    uint64_t shared = 0, per_lane = sizeof(core::CpuState) + sizeof(uint64_t);
    for (const auto& r : image) {
      if (r.is_private())
        per_lane += r.size;
      else
        shared += r.size + ((r.perms & PermX) ? r.size * 2 : 0);
    }
    size_t free_bytes = 0, total = 0;
    check(cudaMemGetInfo(&free_bytes, &total), "cudaMemGetInfo");
    const uint64_t reserve = 256ull << 20;  // for the runtime, local memory and counters
    const uint64_t usable = free_bytes > shared + reserve ? free_bytes - shared - reserve : 0;
    if (per_lane * lanes / lanes != per_lane || per_lane * lanes > usable)
      throw Error(fmt::format("cuda batch: {} lanes need {:.2f} GiB ({} bytes a lane) but {:.2f} GiB are free on {}: "
                              "at most {} lanes fit", lanes, double(per_lane) * lanes / (1ull << 30), per_lane,
                              double(free_bytes) / (1ull << 30), name_, usable / per_lane));
    lane_bytes_ = per_lane;
    for (const auto& r : image) {
      core::Region d{r.base, r.size, nullptr, nullptr, r.perms, 0};
      const uint64_t bytes = r.is_private() ? r.size * lanes : r.size;
      check(cudaMalloc(&d.data, bytes), "cudaMalloc(region)");
      allocations_.push_back(d.data);
      if (r.is_private()) {
        uint8_t* tmp = nullptr;
        check(cudaMalloc(&tmp, r.size), "cudaMalloc(image)");
        check(cudaMemcpy(tmp, r.bytes.data(), r.size, cudaMemcpyHostToDevice), "upload image");
        check(launch_broadcast(d.data, tmp, r.size, lanes, stream_), "broadcast");
        check(cudaStreamSynchronize(stream_), "broadcast");
        cudaFree(tmp);
      } else {
        check(cudaMemcpy(d.data, r.bytes.data(), r.size, cudaMemcpyHostToDevice), "upload image");
      }
      if (r.perms & PermX) {  // decoded once on the host, shared by every lane
        std::vector<uint64_t> decoded(r.size / 4);
        predecode(r.bytes.data(), r.size, decoded.data());
        check(cudaMalloc(&d.decoded, r.size / 4 * sizeof(uint64_t)), "cudaMalloc(decoded)");
        allocations_.push_back(d.decoded);
        check(cudaMemcpy(d.decoded, decoded.data(), r.size / 4 * sizeof(uint64_t), cudaMemcpyHostToDevice), "upload decoded");
      }
      desc_.push_back(d);
    }
    check(cudaMalloc(&d_desc_, desc_.size() * sizeof(core::Region)), "cudaMalloc(regions)");
    check(cudaMemcpy(d_desc_, desc_.data(), desc_.size() * sizeof(core::Region), cudaMemcpyHostToDevice), "upload regions");
    check(cudaMalloc(&d_states_, lanes * sizeof(core::CpuState)), "cudaMalloc(states)");
    check(cudaMalloc(&d_cycles_, lanes * sizeof(uint64_t)), "cudaMalloc(cycles)");
  }

  uint8_t* at(uint32_t region, uint64_t lane, uint64_t off) const {
    const core::Region& d = desc_[region];
    return d.data + ((d.perms & PermW) ? lane * d.size : 0) + off;
  }
  void write(uint32_t region, uint64_t lane, uint64_t off, const uint8_t* in, size_t n) override {
    use();
    check(cudaMemcpy(at(region, lane, off), in, n, cudaMemcpyHostToDevice), "write_memory");
  }
  void read(uint32_t region, uint64_t lane, uint64_t off, uint8_t* out, size_t n) const override {
    use();
    check(cudaMemcpy(out, at(region, lane, off), n, cudaMemcpyDeviceToHost), "read_memory");
  }
  void write_strided(uint32_t region, uint64_t off, const uint8_t* in, size_t stride) override {
    use();
    check(cudaMemcpy2D(at(region, 0, off), desc_[region].size, in, stride, stride, lanes_, cudaMemcpyHostToDevice),
          "write_memory_lanes");
  }
  void read_strided(uint32_t region, uint64_t off, uint8_t* out, size_t stride) const override {
    use();
    check(cudaMemcpy2D(out, stride, at(region, 0, off), desc_[region].size, stride, lanes_, cudaMemcpyDeviceToHost),
          "read_memory_lanes");
  }

  void upload(const core::CpuState* states) override {
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
      void* args[] = {&d_states_, &d_cycles_, &d_desc_, &count, &lanes, &sl, &maxc, &jit_counters_};
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
    check(launch_run_batch_slice(d_states_, d_cycles_, d_desc_, uint32_t(desc_.size()), lanes_, slice, max_cycles,
                                 counters_, stream_),
          "launch");
    SliceCounters c;
    check(cudaMemcpyAsync(&c, counters_, sizeof c, cudaMemcpyDeviceToHost, stream_), "read counters");
    check(cudaStreamSynchronize(stream_), "batch kernel");
    *active = c.active;
    return c.executed;
  }

  uint64_t lane_bytes() const override { return lane_bytes_; }

 private:
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
        jit::kMaxWords, &translation_);
    if (t.words.size() == translation_.words.size()) return;  // nothing new: keep what runs
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
  uint64_t lanes_ = 0, lane_bytes_ = 0;
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
