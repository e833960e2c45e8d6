// CUDA backend, one guest: the core interpreter in a persistent single-thread kernel.
// Progress and cancel go through a control block in host-mapped (zero-copy) memory, so poll()
// and cancel() never call into the CUDA runtime while the kernel runs.
#include <cuda_runtime.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <mutex>
#include <thread>

#include "device.hpp"
#include "kernels.hpp"
#include "../engine.hpp"
#include "../region_rules.hpp"

namespace cuarm {
namespace {

using cuda::check;

using Clock = std::chrono::steady_clock;

class CudaEngine final : public Engine {
 public:
  explicit CudaEngine(const MachineOptions& o) {
    name_ = cuda::open_device();
    check(cudaStreamCreateWithFlags(&stream_, cudaStreamNonBlocking), "cudaStreamCreate");
    check(cudaHostAlloc(&ctl_, sizeof(Control), cudaHostAllocMapped), "cudaHostAlloc");
    check(cudaHostGetDevicePointer(&d_ctl_, ctl_, 0), "cudaHostGetDevicePointer");
    check(cudaMalloc(&d_state_, sizeof(core::CpuState)), "cudaMalloc(state)");
    check(cudaMalloc(&d_view_, sizeof(core::MemView)), "cudaMalloc(view)");
    ctl_->executed = 0;
    ctl_->cancel = 0;
    ctl_->stop = 0;
    ctl_->done = 1;
    state_ = {};
    if (o.deterministic) state_.flags |= core::kStateDeterministicCounter;
    if (o.memory_size) map(0, o.memory_size, PermRWX);
  }

  ~CudaEngine() override {
    if (running_) {
      cancel();
      cudaStreamSynchronize(stream_);
    }
    for (auto& r : regions_) free_region(r);
    cudaFree(d_state_);
    cudaFree(d_view_);
    cudaFreeHost(ctl_);
    cudaStreamDestroy(stream_);
  }

  const char* name() const override { return name_.c_str(); }

  void map(uint64_t base, uint64_t size, uint32_t perms) override {
    idle("map");
    check_map(regions_, base, size, perms);
    core::Region r{base, size, nullptr, nullptr, perms, 0};
    if (cudaMalloc(&r.data, size) != cudaSuccess) {
      cudaGetLastError();
      throw Error(fmt::format("map: out of GPU memory for 0x{:x} bytes", size));
    }
    check(cudaMemset(r.data, 0, size), "cudaMemset");
    if (perms & PermX) {
      if (cudaMalloc(&r.decoded, size / 4 * sizeof(uint64_t)) != cudaSuccess) {
        cudaGetLastError();
        cudaFree(r.data);
        throw Error("map: out of GPU memory for the decode cache");
      }
      check(cudaMemset(r.decoded, 0, size / 4 * sizeof(uint64_t)), "cudaMemset");
    }
    regions_.insert(std::lower_bound(regions_.begin(), regions_.end(), base,
                                     [](const core::Region& a, uint64_t b) { return a.base < b; }),
                    r);
  }

  void unmap(uint64_t base, uint64_t size) override {
    idle("unmap");
    auto it = std::find_if(regions_.begin(), regions_.end(),
                           [&](const core::Region& r) { return r.base == base && r.size == size; });
    if (it == regions_.end())
      throw Error(fmt::format("unmap: no region is mapped exactly at [0x{:x}, 0x{:x})", base, base + size));
    free_region(*it);
    regions_.erase(it);
  }

  std::vector<RegionInfo> regions() const override {
    std::vector<RegionInfo> out;
    for (const auto& r : regions_) out.push_back({r.base, r.size, r.perms});
    return out;
  }

  void read(uint64_t addr, uint8_t* out, size_t n) const override {
    idle("read_memory");
    for_each_chunk(addr, n, "read_memory", [&](const core::Region& r, uint64_t off, size_t len, size_t done) {
      check(cudaMemcpy(out + done, r.data + off, len, cudaMemcpyDeviceToHost), "read_memory");
    });
  }

  void write(uint64_t addr, const uint8_t* in, size_t n) override {
    idle("write_memory");
    for_each_chunk(addr, n, "write_memory", [&](const core::Region&, uint64_t, size_t, size_t) {});
    for_each_chunk(addr, n, "write_memory", [&](const core::Region& r, uint64_t off, size_t len, size_t done) {
      check(cudaMemcpy(r.data + off, in + done, len, cudaMemcpyHostToDevice), "write_memory");
      if (r.decoded) {  // drop decoded words the write touched
        const uint64_t first = off / 4, last = (off + len - 1) / 4;
        check(cudaMemset(r.decoded + first, 0, (last - first + 1) * sizeof(uint64_t)), "cudaMemset");
      }
    });
  }

  core::CpuState& state() override { return idle("registers"), state_; }

  void start(uint64_t max_cycles) override {
    idle("start");
    core::MemView view{};
    view.count = uint32_t(regions_.size());
    std::copy(regions_.begin(), regions_.end(), view.region);
    check(cudaMemcpyAsync(d_view_, &view, sizeof view, cudaMemcpyHostToDevice, stream_), "upload view");
    check(cudaMemcpyAsync(d_state_, &state_, sizeof state_, cudaMemcpyHostToDevice, stream_), "upload state");
    check(cudaStreamSynchronize(stream_), "upload");
    volatile Control* c = ctl_;
    c->executed = 0;
    c->cancel = 0;
    c->stop = 0;
    c->done = 0;
    t0_ = Clock::now();
    check(launch_run_single(d_state_, d_view_, max_cycles, d_ctl_, stream_), "launch");
    running_ = true;
  }

  Status poll() const override {
    if (running_ && !done_flag()) {
      Status s;
      s.is_running = true;
      s.cycles_executed = const_cast<volatile Control*>(ctl_)->executed;
      s.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
      s.ips = s.elapsed_seconds > 0 ? s.cycles_executed / s.elapsed_seconds : 0;
      return s;
    }
    if (running_) const_cast<CudaEngine*>(this)->finish();
    return result_;
  }

  Status wait() override {
    if (running_) finish();
    return result_;
  }

  bool wait_for(double seconds) override {
    const auto until = Clock::now() + std::chrono::duration<double>(seconds);
    while (running_ && !done_flag()) {
      if (Clock::now() >= until) return false;
      std::this_thread::sleep_for(std::chrono::microseconds(50));
    }
    if (running_) finish();
    return true;
  }

  bool is_running() const override { return running_ && !done_flag(); }
  void cancel() override { const_cast<volatile Control*>(ctl_)->cancel = 1; }

  void set_exit(int status) override {
    idle("set_exit");
    result_.signal = StopReason::Exit;
    result_.exit_status = status;
  }

 private:
  bool done_flag() const { return const_cast<volatile Control*>(ctl_)->done != 0; }

  void idle(const char* what) const {
    if (running_ && !done_flag()) throw Error(std::string(what) + ": the guest is running (wait() or cancel() first)");
    if (running_) const_cast<CudaEngine*>(this)->finish();
  }

  // Collects the result once the kernel has signalled completion.
  void finish() {
    std::lock_guard<std::mutex> lock(finish_mutex_);
    if (!running_) return;
    check(cudaStreamSynchronize(stream_), "kernel");
    check(cudaMemcpy(&state_, d_state_, sizeof state_, cudaMemcpyDeviceToHost), "download state");
    running_ = false;
    Status r;
    r.cycles_executed = ctl_->executed;
    r.signal = StopReason(state_.stop.reason);
    r.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
    r.ips = r.elapsed_seconds > 0 ? r.cycles_executed / r.elapsed_seconds : 0;
    r.pc = state_.pc;
    r.fault_address = state_.stop.fault_addr;
    r.fault_access = AccessKind(state_.stop.access);
    r.insn = state_.stop.insn;
    r.syscall = state_.x[8];
    result_ = r;
  }

  template <class F>
  void for_each_chunk(uint64_t addr, size_t n, const char* what, F&& f) const {
    size_t done = 0;
    while (done < n) {
      const uint64_t a = addr + done;
      auto it = std::find_if(regions_.begin(), regions_.end(), [&](const core::Region& r) { return a - r.base < r.size; });
      if (it == regions_.end()) throw Error(fmt::format("{}: address 0x{:x} is not mapped", what, a));
      const size_t len = std::min<uint64_t>(n - done, it->base + it->size - a);
      f(*it, a - it->base, len, done);
      done += len;
    }
  }

  static void free_region(core::Region& r) {
    cudaFree(r.data);
    if (r.decoded) cudaFree(r.decoded);
  }

  std::string name_;
  cudaStream_t stream_ = nullptr;
  Control* ctl_ = nullptr;
  Control* d_ctl_ = nullptr;
  core::CpuState* d_state_ = nullptr;
  core::MemView* d_view_ = nullptr;
  core::CpuState state_;
  std::vector<core::Region> regions_;  // device pointers, sorted by base
  std::atomic<bool> running_{false};
  std::mutex finish_mutex_;
  Clock::time_point t0_{};
  Status result_;
};

}  // namespace

bool cuda_backend_built() { return true; }

std::unique_ptr<Engine> make_cuda_engine(const MachineOptions& options) {
  return std::make_unique<CudaEngine>(options);
}

}  // namespace cuarm
