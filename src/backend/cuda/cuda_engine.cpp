// CUDA backend, one guest: the core interpreter in a persistent single-thread kernel.
// Progress and cancel go through a control block in host-mapped (zero-copy) memory, so poll()
// and cancel() never call into the CUDA runtime while the kernel runs.
#include <cuda_runtime.h>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdlib>
#include <cstring>
#include <map>
#include <mutex>
#include <optional>
#include <thread>

#include "device.hpp"
#include "kernels.hpp"
#include "backend/engine.hpp"
#include "jit_loader.hpp"
#include "backend/jit/prelude.hpp"
#include "backend/jit/translate.hpp"
#include "backend/region_rules.hpp"

namespace cuarm {
namespace {

using cuda::check;
using jit_code::kWhyBudget;       // fewer instructions left than the next block has
using jit_code::kWhyCodeWritten;  // the guest wrote to translated words

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
    // The guest state's host copy in pinned memory: copies to and from the device are queued
    // on the stream around the kernels (no synchronisation of their own: a syscall round trip
    // is a few queued operations and one wait).
    check(cudaMallocHost(&hs_, sizeof(core::CpuState)), "cudaMallocHost(state)");
    jit_ = jit::jit_mode();
    check(cudaGetDevice(&device_), "cudaGetDevice");
    ctl_->executed = 0;
    ctl_->cancel = 0;
    ctl_->stop = 0;
    ctl_->done = 1;
    ctl_->why = 0;
    *hs_ = {};
    if (o.deterministic) hs_->flags |= core::kStateDeterministicCounter;
    if (o.memory_size) map(0, o.memory_size, PermRWX);
  }

  ~CudaEngine() override {
    if (running_) {
      cancel();
      wait_driver();
      cudaStreamSynchronize(stream_);
    }
    if (driver_.joinable()) {
      {
        std::lock_guard<std::mutex> lock(job_mutex_);
        quit_ = true;
      }
      job_cv_.notify_one();
      driver_.join();
    }
    cudaFreeHost(hs_);
    for (auto& r : regions_) free_region(r);
    cudaFree(d_state_);
    cudaFree(d_view_);
    cudaFreeHost(ctl_);
    cudaStreamDestroy(stream_);
  }

  const char* name() const override { return name_.c_str(); }
  BackendKind kind() const override { return BackendKind::Cuda; }

  void map(uint64_t base, uint64_t size, uint32_t perms) override {
    idle("map");
    translation_ = {};
    view_dirty_ = true;
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
    translation_ = {};
    view_dirty_ = true;
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
    if (n && addr < translation_.hi && addr + n > translation_.lo) translation_ = {};
    for_each_chunk(addr, n, "write_memory", [&](const core::Region&, uint64_t, size_t, size_t) {});
    for_each_chunk(addr, n, "write_memory", [&](const core::Region& r, uint64_t off, size_t len, size_t done) {
      check(cudaMemcpy(r.data + off, in + done, len, cudaMemcpyHostToDevice), "write_memory");
      if (r.decoded) {  // drop decoded words the write touched
        const uint64_t first = off / 4, last = (off + len - 1) / 4;
        check(cudaMemset(r.decoded + first, 0, (last - first + 1) * sizeof(uint64_t)), "cudaMemset");
      }
    });
  }

  core::CpuState& state() override { return idle("registers"), *hs_; }

  void start(uint64_t max_cycles) override {
    idle("start");
    if (view_dirty_) {  // the region table changes only with map/unmap
      view_ = {};
      view_.count = uint32_t(regions_.size());
      std::copy(regions_.begin(), regions_.end(), view_.region);
      check(cudaMemcpyAsync(d_view_, &view_, sizeof view_, cudaMemcpyHostToDevice, stream_), "upload view");
      check(cudaStreamSynchronize(stream_), "upload view");  // view_ is pageable: keep it until copied
      view_dirty_ = false;
    }
    check(cudaMemcpyAsync(d_state_, hs_, sizeof *hs_, cudaMemcpyHostToDevice, stream_), "upload state");
    volatile Control* c = ctl_;
    c->executed = 0;
    c->cancel = 0;
    c->stop = 0;
    c->done = 0;
    c->why = 0;
    t0_ = Clock::now();
    if (jit_ == jit::JitMode::Off) {
      check(launch_run_single(d_state_, d_view_, max_cycles, d_ctl_, stream_), "launch");
      check(cudaMemcpyAsync(hs_, d_state_, sizeof *hs_, cudaMemcpyDeviceToHost, stream_), "download state");
    } else {
      base_ = 0;
      shown_ = 0;
      driver_error_.clear();
      driver_done_ = false;
      if (!driver_.joinable()) driver_ = std::thread([this] { driver_loop(); });
      {
        std::lock_guard<std::mutex> lock(job_mutex_);
        job_ = max_cycles;
        has_job_ = true;
      }
      job_cv_.notify_one();
    }
    running_ = true;
  }

  Status poll() const override {
    if (running_ && !done_flag()) {
      Status s;
      s.is_running = true;
      s.cycles_executed = const_cast<volatile Control*>(ctl_)->executed;
      if (jit_ != jit::JitMode::Off) {  // kernels count from 0 each; never show progress going back
        s.cycles_executed += base_.load();
        uint64_t seen = shown_.load();
        while (s.cycles_executed > seen && !shown_.compare_exchange_weak(seen, s.cycles_executed)) {}
        s.cycles_executed = std::max(s.cycles_executed, shown_.load());
      }
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
    const auto begin = Clock::now();
    const double limit = std::min(seconds, 1e9);  // (a longer wait would overflow the clock)
    const auto until = begin + std::chrono::duration_cast<Clock::duration>(std::chrono::duration<double>(limit));
    while (running_ && !done_flag()) {
      const auto now = Clock::now();
      if (now >= until) return false;
      // The first 200 us spinning (a syscall's kernel ends in microseconds), then 50 us naps.
      if (now - begin < std::chrono::microseconds(200))
        std::this_thread::yield();
      else
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
  // In translated mode several kernels run in turn (each sets ctl_->done): the driver's flag counts.
  bool done_flag() const {
    if (jit_ != jit::JitMode::Off) return driver_done_.load();
    return const_cast<volatile Control*>(ctl_)->done != 0;
  }

  void idle(const char* what) const {
    if (running_ && !done_flag()) throw Error(std::string(what) + ": the guest is running (wait() or cancel() first)");
    if (running_) const_cast<CudaEngine*>(this)->finish();
  }

  // Until the driver thread has finished the current run (spinning first: most runs between
  // syscalls are short).
  void wait_driver() const {
    const auto begin = Clock::now();
    while (!driver_done_.load()) {
      if (Clock::now() - begin < std::chrono::microseconds(200))
        std::this_thread::yield();
      else
        std::this_thread::sleep_for(std::chrono::microseconds(20));
    }
  }

  // Collects the result once the kernel has signalled completion.
  void finish() {
    std::lock_guard<std::mutex> lock(finish_mutex_);
    if (!running_) return;
    if (jit_ != jit::JitMode::Off) wait_driver();
    if (!driver_error_.empty()) {
      running_ = false;
      throw Error(driver_error_);
    }
    check(cudaStreamSynchronize(stream_), "kernel");  // and the state's copy behind it
    running_ = false;
    Status r;
    r.cycles_executed = ctl_->executed;
    r.signal = StopReason(hs_->stop.reason);
    r.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
    r.ips = r.elapsed_seconds > 0 ? r.cycles_executed / r.elapsed_seconds : 0;
    ran_before_ += r.elapsed_seconds;
    r.pc = hs_->pc;
    r.fault_address = hs_->stop.fault_addr;
    r.fault_access = AccessKind(hs_->stop.access);
    r.insn = hs_->stop.insn;
    r.syscall = hs_->x[8];
    result_ = r;
  }

  // The driver thread (translated mode): runs drive() for each start(), so that start() does
  // not create a thread each time (a syscall round trip would pay for it).
  void driver_loop() {
    while (true) {
      uint64_t max_cycles;
      {
        std::unique_lock<std::mutex> lock(job_mutex_);
        job_cv_.wait(lock, [this] { return has_job_ || quit_; });
        if (quit_) return;
        has_job_ = false;
        max_cycles = job_;
      }
      drive(max_cycles);
    }
  }

  // Translated mode: runs the guest as a sequence of kernels on the driver thread, translated
  // code where the pc is in the translation and the interpreter elsewhere, until a stop or
  // max_cycles. Leaves the final state in hs_ and sets ctl_->done, as run_single does.
  void drive(uint64_t max_cycles) {
    volatile Control* c = ctl_;
    uint64_t done = 0;
    int compiles = 0;
    bool interpret_next = false;  // the translated kernel handed back the last few instructions
    uint64_t walked = 0;          // interpreted since the pc was last at a region entry
    core::Stop stop = core::Stop::None;
    core::CpuState st = *hs_;  // start() queued its upload: the device has the same
    try {
      while (true) {
        if (done >= max_cycles) {
          stop = core::Stop::MaxCycles;
          break;
        }
        if (c->cancel) {
          stop = core::Stop::Cancelled;
          break;
        }
        // A bounded budget that would keep the interpreter busy for seconds (AsyncCPU's
        // start(max_cycles)) is worth translating at once; a process's budget is unbounded.
        const double interpret_seconds =
            max_cycles < (uint64_t(1) << 62) ? double(max_cycles - done) / jit::kInterpretedIps : 0;
        const bool warm = jit_ == jit::JitMode::Always || done >= jit::kJitWarmup || interpret_seconds >= 0.5;
        // A pc inside translated code but at no region entry (a run resumed after a budget stop
        // or a fault): the interpreter walks, a short slice at a time, until the pc reaches an
        // entry, rather than recompiling the translation with one more entry (seconds). Only a
        // pc that does not get there within kWalkToEntry instructions grows the translation.
        // ("always" translates every pc it meets: the tests use it to run as much translated
        // code as they can.)
        const bool walk = jit_ == jit::JitMode::Auto && warm && !translation_.enters(st.pc) &&
                          translation_.contains(st.pc) && walked < jit::kWalkToEntry;
        if (warm && !walk && !translation_.enters(st.pc) && !pending_.busy() && compiles < jit::kMaxTranslations) {
          fetch_page_base_ = ~0ull;  // guest code may have changed since the last translation
          jit::Translation t = jit::translate({st.pc}, [this](uint64_t a, uint32_t* w) { return fetch(a, w); },
                                              jit::kMaxWords, &translation_);
          if (t.enters(st.pc)) {
            // Auto: what was compiled before (this process, the disk cache) is used at once; a
            // new compilation waits until the guest has run about as long as NVRTC is expected
            // to take (all its runs together: a process runs from syscall to syscall), so a
            // run pays at most about twice its interpreted time, or starts at once when the
            // budget left would take twice that long to interpret.
            const double ran = ran_before_ + std::chrono::duration<double>(Clock::now() - t0_).count();
            std::optional<jit::JitKernels> found;
            if (jit_ == jit::JitMode::Auto) found = jit::find_translation(t.source);
            if (found) {
              translation_ = std::move(t);
              kernel_ = *found;
              ++compiles;
            } else if (jit_ == jit::JitMode::Always || ran >= t.expected_compile_seconds() ||
                       interpret_seconds >= 2 * t.expected_compile_seconds()) {
              pending_.start(std::move(t), device_);
              ++compiles;
            }
          }
        }
        // NVRTC works on another thread ("always": waited for) while the interpreter runs; a
        // translation of code the guest has rewritten meanwhile is dropped.
        jit::Translation ready;
        jit::JitKernels ready_kernels;
        if (pending_.take(ready, ready_kernels, jit_ == jit::JitMode::Always) && unchanged(ready)) {
          translation_ = std::move(ready);
          kernel_ = ready_kernels;
        }
        uint64_t n = 0;
        uint32_t why = 0;
        c->executed = 0;
        if (warm && !interpret_next && translation_.enters(st.pc)) {
          walked = 0;
          unsigned long long left = max_cycles - done;
          uint64_t* executed = &d_ctl_->executed;  // the kernel takes it as unsigned long long (same size)
          const unsigned* cancel = &d_ctl_->cancel;
          unsigned* why_out = &d_ctl_->why;
          void* args[] = {&d_state_, &d_view_, &left, &executed, &cancel, &why_out};
          check(cudaLaunchKernel(reinterpret_cast<const void*>(kernel_.single), dim3(1), dim3(1), args, 0, stream_),
                "launch translated");
          check(cudaMemcpyAsync(hs_, d_state_, sizeof *hs_, cudaMemcpyDeviceToHost, stream_), "download state");
          check(cudaStreamSynchronize(stream_), "translated kernel");
          why = c->why;
          if (why == kWhyCodeWritten) translation_ = {};  // the guest wrote to translated code: translate anew
          interpret_next = why == kWhyBudget;
        } else {
          // The interpreter, for a slice (or up to the warm-up point), then try again.
          const uint64_t limit = walk                ? jit::kWalkSlice
                                 : pending_.busy()   ? jit::kInterpSlice / 4
                                 : warm              ? jit::kInterpSlice
                                                     : jit::kJitWarmup - done;
          const uint64_t slice = std::min<uint64_t>(limit, max_cycles - done);
          check(launch_run_single(d_state_, d_view_, slice, d_ctl_, stream_), "launch");
          check(cudaMemcpyAsync(hs_, d_state_, sizeof *hs_, cudaMemcpyDeviceToHost, stream_), "download state");
          check(cudaStreamSynchronize(stream_), "kernel");
          interpret_next = false;
        }
        st = *hs_;
        n = c->executed;
        if (walk) walked += n;
        base_ += n;
        c->executed = 0;
        done += n;
        stop = st.stop.reason;
        // MaxCycles here ends a slice, not the run (the loop checks the real budget); None with
        // a reason (`why`) hands over to the next kernel.
        if (stop == core::Stop::MaxCycles || stop == core::Stop::None) continue;
        break;
      }
      hs_->stop.reason = stop;  // MaxCycles or Cancelled: decided here, not by a kernel
    } catch (const std::exception& e) {
      driver_error_ = e.what();
    }
    c->executed = done;
    c->stop = uint32_t(stop);
    c->done = 1;
    driver_done_ = true;
  }

  // Whether the guest words a translation was made from are still there.
  bool unchanged(const jit::Translation& t) {
    fetch_page_base_ = ~0ull;
    for (size_t i = 0; i < t.words.size(); ++i) {
      uint32_t w;
      if (!fetch(t.words[i], &w) || w != t.values[i]) return false;
    }
    return true;
  }

  // A guest word of an executable region, read from the device (the page is cached per call of
  // translate(): discovery reads neighbouring words).
  bool fetch(uint64_t addr, uint32_t* w) {
    for (const auto& r : regions_) {
      if (addr - r.base >= r.size || r.size - (addr - r.base) < 4) continue;
      if (!(r.perms & PermX)) return false;
      const uint64_t page = (addr - r.base) & ~uint64_t(core::kPageSize - 1);
      if (fetch_page_base_ != r.base + page || fetch_page_data_ != r.data) {
        const uint64_t len = std::min<uint64_t>(core::kPageSize, r.size - page);
        fetch_page_.assign(core::kPageSize, 0);
        check(cudaMemcpy(fetch_page_.data(), r.data + page, len, cudaMemcpyDeviceToHost), "read code");
        fetch_page_base_ = r.base + page;
        fetch_page_data_ = r.data;
      }
      std::memcpy(w, fetch_page_.data() + (addr - fetch_page_base_), 4);
      return true;
    }
    return false;
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
  core::CpuState* hs_ = nullptr;  // the guest state (pinned host memory; on the device while running)
  core::MemView view_{};          // the region table last uploaded
  bool view_dirty_ = true;
  // Translated mode.
  jit::JitMode jit_ = jit::JitMode::Off;
  jit::Translation translation_;  // what kernel_ runs; cleared when memory under it changes
  jit::JitKernels kernel_;
  jit::PendingTranslation pending_;
  int device_ = 0;
  std::thread driver_;  // translated mode: runs drive() for each start()
  std::mutex job_mutex_;
  std::condition_variable job_cv_;
  uint64_t job_ = 0;
  bool has_job_ = false, quit_ = false;
  std::string driver_error_;
  std::atomic<uint64_t> base_{0};
  mutable std::atomic<uint64_t> shown_{0};
  std::atomic<bool> driver_done_{true};  // progress of the kernels before the current one
  std::vector<uint8_t> fetch_page_;
  uint64_t fetch_page_base_ = ~0ull;
  const uint8_t* fetch_page_data_ = nullptr;
  std::vector<core::Region> regions_;  // device pointers, sorted by base
  std::atomic<bool> running_{false};
  std::mutex finish_mutex_;
  Clock::time_point t0_{};
  double ran_before_ = 0;  // seconds of the runs before this one (translated mode's compile rule)
  Status result_;
};

}  // namespace

bool cuda_backend_built() { return true; }

std::unique_ptr<Engine> make_cuda_engine(const MachineOptions& options) {
  return std::make_unique<CudaEngine>(options);
}

}  // namespace cuarm
