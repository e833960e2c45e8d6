// CPU backend: the core interpreter on a host worker thread (start) or on the caller's thread
// (run), with live progress and cancel either way.
#include <atomic>
#include <condition_variable>
#include <chrono>
#include <mutex>
#include <optional>
#include <thread>

#include "core/step.hpp"
#include "backend/engine.hpp"
#include "backend/host_memory.hpp"
#include "host_fp_env.hpp"

namespace cuarm {
namespace {

using Clock = std::chrono::steady_clock;

// Instructions run between looks at the cancel flag and progress updates (~1 ms or less).
constexpr uint64_t kChunk = 1u << 18;

// The interpreter with every handler inlined into one loop: the context then stays in
// registers instead of being passed by reference to out-of-line handlers.
__attribute__((flatten)) core::Stop run_flat(core::CpuState& s, core::MemView& m, uint64_t budget, uint64_t* n) {
  return core::run(s, m, budget, n);
}

class CpuEngine final : public Engine {
 public:
  explicit CpuEngine(const MachineOptions& o) {
    state_ = {};
    if (o.deterministic) state_.flags |= core::kStateDeterministicCounter;
    if (o.memory_size) mem_.map(0, o.memory_size, PermRWX);
    worker_ = std::thread([this] { serve(); });
  }
  ~CpuEngine() override {
    cancel_.store(true);
    {
      std::lock_guard<std::mutex> lock(job_mutex_);
      quit_ = true;
    }
    job_cv_.notify_one();
    worker_.join();
  }

  const char* name() const override { return "cpu"; }
  BackendKind kind() const override { return BackendKind::Cpu; }
  void map(uint64_t b, uint64_t s, uint32_t p) override { idle("map"), mem_.map(b, s, p); }
  void unmap(uint64_t b, uint64_t s) override { idle("unmap"), mem_.unmap(b, s); }
  std::vector<RegionInfo> regions() const override { return mem_.regions(); }
  void read(uint64_t a, uint8_t* o, size_t n) const override { idle("read_memory"), mem_.read(a, o, n); }
  void write(uint64_t a, const uint8_t* i, size_t n) override { idle("write_memory"), mem_.write(a, i, n); }
  core::CpuState& state() override { return idle("registers"), state_; }

  void start(uint64_t max_cycles) override {
    begin("start");
    {
      std::lock_guard<std::mutex> lock(job_mutex_);
      job_ = max_cycles;
    }
    job_cv_.notify_one();
  }

  // Runs on the caller's thread: a process stops at every syscall, and two thread hand-offs per
  // stop (start -> worker -> wait) cost ~5 us, more than servicing most syscalls.
  Status run(uint64_t max_cycles) override {
    begin("run");
    body(max_cycles);
    std::lock_guard<std::mutex> lock(result_mutex_);
    return result_;
  }

  Status poll() const override {
    if (running_.load(std::memory_order_acquire)) {
      Status s;
      s.is_running = true;
      s.cycles_executed = executed_.load(std::memory_order_relaxed);
      s.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
      s.ips = s.elapsed_seconds > 0 ? double(s.cycles_executed) / s.elapsed_seconds : 0;
      return s;
    }
    std::lock_guard<std::mutex> lock(result_mutex_);
    return result_;
  }

  Status wait() override {
    std::unique_lock<std::mutex> lock(result_mutex_);
    done_cv_.wait(lock, [this] { return !running_.load(std::memory_order_acquire); });
    return result_;
  }

  bool wait_for(double seconds) override {
    std::unique_lock<std::mutex> lock(result_mutex_);
    return done_cv_.wait_for(lock, std::chrono::duration<double>(seconds),
                             [this] { return !running_.load(std::memory_order_acquire); });
  }

  bool is_running() const override { return running_.load(std::memory_order_acquire); }
  void cancel() override { cancel_.store(true); }

  void set_exit(int status) override {
    idle("set_exit");
    std::lock_guard<std::mutex> lock(result_mutex_);
    result_.signal = StopReason::Exit;
    result_.exit_status = status;
  }

 private:
  void idle(const char* what) const {
    if (running_.load(std::memory_order_acquire))
      throw Error(std::string(what) + ": the guest is running (wait() or cancel() first)");
  }

  void begin(const char* what) {
    idle(what);
    cancel_.store(false);
    executed_.store(0);
    t0_ = Clock::now();
    running_.store(true);
  }

  // The worker thread lives as long as the engine and runs one job per start(): a thread per
  // run would cost more than short runs (single-stepping, differential tests) themselves.
  void serve() {
    while (true) {
      uint64_t max_cycles;
      {
        std::unique_lock<std::mutex> lock(job_mutex_);
        job_cv_.wait(lock, [this] { return quit_ || job_.has_value(); });
        if (quit_) return;
        max_cycles = *job_;
        job_.reset();
      }
      body(max_cycles);
    }
  }

  void body(uint64_t max_cycles) {
    const HostFpEnv fp_env;  // the fast path of the FP library needs the default environment
    uint64_t done = 0;
    core::Stop stop = core::Stop::None;
    while (true) {
      if (done >= max_cycles) {
        stop = core::Stop::MaxCycles;
        break;
      }
      if (cancel_.load(std::memory_order_relaxed)) {
        stop = core::Stop::Cancelled;
        break;
      }
      uint64_t n = 0;
      stop = run_flat(state_, mem_.view(), std::min(kChunk, max_cycles - done), &n);
      done += n;
      executed_.store(done, std::memory_order_relaxed);
      if (stop != core::Stop::None) break;
    }
    state_.stop.reason = stop;
    Status r;
    r.cycles_executed = done;
    r.signal = StopReason(stop);
    r.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
    r.ips = r.elapsed_seconds > 0 ? double(done) / r.elapsed_seconds : 0;
    r.pc = state_.pc;
    r.fault_address = state_.stop.fault_addr;
    r.fault_access = AccessKind(state_.stop.access);
    r.insn = state_.stop.insn;
    r.syscall = state_.x[8];
    {
      std::lock_guard<std::mutex> lock(result_mutex_);
      result_ = r;
      running_.store(false, std::memory_order_release);
    }
    done_cv_.notify_all();
  }

  core::CpuState state_;
  HostMemory mem_;
  std::thread worker_;
  std::mutex job_mutex_;
  std::condition_variable job_cv_;
  std::optional<uint64_t> job_;  // max_cycles of the run start() asked for
  bool quit_ = false;
  std::atomic<bool> running_{false}, cancel_{false};
  std::atomic<uint64_t> executed_{0};
  Clock::time_point t0_{};
  mutable std::mutex result_mutex_;
  std::condition_variable done_cv_;
  Status result_;
};

}  // namespace

std::unique_ptr<Engine> make_cpu_engine(const MachineOptions& options) {
  return std::make_unique<CpuEngine>(options);
}

}  // namespace cuarm
