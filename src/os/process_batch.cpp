// Batches of processes (over the public Batch API): every lane is a process with its own kernel
// state (fds, brk, mmap pages, signals); rounds run all lanes until each stops, then the host
// services the lanes that stopped at a syscall and parks the lanes that ended on a HLT in the
// shared trampoline page, so that the next round leaves them stopped. The rounds run on a driver
// thread of the ProcessBatch.
//
// Threading: the driver thread is the only one that touches the Batch, except poll() (which
// reads the Batch's live count) and cancel() (which cancels the Batch run); both do that only
// under mutex_ while in_round_, which the driver sets, together with starting the round, under
// the same lock. So a cancel is never lost between rounds (the next start would clear the
// Batch's cancel flag) and poll never reads lane state the driver is writing.
#include <cuarm/process_batch.hpp>
#include <fmt/format.h>

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstring>
#include <exception>
#include <mutex>
#include <system_error>
#include <thread>

#include "process_state.hpp"

namespace cuarm {
namespace {

// One lane of a Batch as an os::Guest. Registers are cached while a syscall is serviced and
// written back by flush(); the region table is the batch's, fixed after setup.
class LaneGuest final : public os::Guest {
 public:
  LaneGuest(Batch& b, uint64_t lane, const std::vector<RegionInfo>& regions) : b_(b), lane_(lane), regions_(regions) {}
  void load() { r_ = b_.registers(lane_), dirty_ = false; }
  void flush() {
    if (dirty_) b_.set_registers(lane_, r_);
    dirty_ = false;
  }
  uint64_t x(int n) const override { return r_.x[n]; }
  void set_x(int n, uint64_t v) override { r_.x[n] = v, dirty_ = true; }
  Registers registers() const override { return r_; }
  void set_registers(const Registers& r) override { r_ = r, dirty_ = true; }
  void set_sp(uint64_t sp) override { r_.sp = sp, dirty_ = true; }
  using Guest::read_memory;
  void read_memory(uint64_t a, std::span<uint8_t> out) const override {
    const auto v = b_.read_memory(lane_, a, out.size());
    std::memcpy(out.data(), v.data(), v.size());
  }
  void write_memory(uint64_t a, std::span<const uint8_t> in) override { b_.write_memory(lane_, a, in); }
  std::vector<RegionInfo> regions() const override { return regions_; }
  void map(uint64_t, uint64_t, uint32_t) override { throw Error("a batch lane's regions are fixed"); }
  void unmap(uint64_t, uint64_t) override { throw Error("a batch lane's regions are fixed"); }
  bool fixed_regions() const override { return true; }

 private:
  Batch& b_;
  uint64_t lane_;
  const std::vector<RegionInfo>& regions_;
  Registers r_;
  bool dirty_ = false;
};


}  // namespace

using Clock = std::chrono::steady_clock;

class ProcessBatchImpl {
 public:
  ProcessBatchImpl(std::span<const uint8_t> image, std::vector<LaneProcess> lanes, const ProcessBatchOptions& o)
      : lanes_(std::move(lanes)), lane_output_(o.lane_output) {
    if (lanes_.empty()) throw Error("process batch: no lanes");
    if (lanes_.size() > kMaxProcessLanes)
      throw Error(fmt::format("process batch: {} lanes; at most {} in one batch", lanes_.size(), kMaxProcessLanes));
    for (size_t i = 0; i < lanes_.size(); ++i)
      if (lanes_[i].argv.empty()) throw Error(fmt::format("process batch: lane {} has an empty argv", i));
    BatchOptions bo = o.batch;
    bo.lanes = lanes_.size();
    b_ = std::make_unique<Batch>(bo);
    Batch& b = *b_;
    const ElfInfo elf = b.load_elf(image, o.common.pie_base);
    const uint64_t stack_lo = os::kStackTop - o.stack_size;
    const uint64_t brk_base = os::AddressSpace::brk_start(elf.image_end);
    // The regions every lane has: image (loaded above), brk heap, mmap area, stack, trampoline.
    b.map(brk_base, (o.brk_size + os::kPage - 1) & ~(os::kPage - 1), PermRW);
    b.map(os::kMmapBase, (o.mmap_size + os::kPage - 1) & ~(os::kPage - 1), PermRW);
    b.map(stack_lo, o.stack_size, PermRW);
    b.map(os::kSigTramp, os::kPage, PermRX);
    b.load_program(std::span(reinterpret_cast<const uint8_t*>(os::kSigTrampCode), sizeof os::kSigTrampCode), os::kSigTramp);
    // The table as the lanes see it (the Batch API does not list it). The image is given as its
    // whole extent: a buffer in a gap between segments still faults (EFAULT) on access.
    regions_.push_back({elf.image_start, elf.image_end - elf.image_start, PermRWX});
    regions_.push_back({brk_base, o.brk_size, PermRW});
    regions_.push_back({os::kMmapBase, o.mmap_size, PermRW});
    regions_.push_back({stack_lo, o.stack_size, PermRW});
    regions_.push_back({os::kSigTramp, os::kPage, PermRX});

    const size_t n = lanes_.size();
    results_.resize(n);
    ls_.resize(n);  // never resized again: the callbacks below point into results_ and ls_
    for (size_t i = 0; i < n; ++i) {
      ProcessOptions po = o.common;
      po.argv = lanes_[i].argv;
      po.random_seed = o.common.random_seed + i;
      po.stack_size = o.stack_size;
      po.strace = nullptr;
      LaneResult* res = &results_[i];
      Lane* lane = &ls_[i];
      const std::string* in = &lanes_[i].stdin_bytes;
      const auto* tap = lane_output_ ? &lane_output_ : nullptr;
      po.output = [res, tap, i](int fd, const uint8_t* d, size_t len) {
        (fd == 2 ? res->err : res->out).append(reinterpret_cast<const char*>(d), len);
        if (tap) (*tap)(i, fd, std::string_view(reinterpret_cast<const char*>(d), len));
      };
      po.input = [lane, in](uint8_t* d, size_t len) -> int64_t {
        const size_t c = std::min(len, in->size() - lane->in_pos);
        std::memcpy(d, in->data() + lane->in_pos, c);
        lane->in_pos += c;
        return int64_t(c);
      };
      ls_[i].guest = std::make_unique<LaneGuest>(b, i, regions_);
      ls_[i].k = std::make_unique<os::ProcessState>(*ls_[i].guest, po);
      os::ProcessState& k = *ls_[i].k;
      k.elf = elf;
      k.sigtramp = os::kSigTramp;
      k.as = std::make_unique<os::AddressSpace>(*ls_[i].guest, elf.image_end, o.brk_size, o.mmap_size, stack_lo, false);
      ls_[i].guest->load();
      os::setup_stack(k, os::kStackTop);
      ls_[i].guest->flush();
    }
  }

  ~ProcessBatchImpl() {
    cancel();
    if (driver_.joinable()) driver_.join();
  }

  void start(uint64_t max_cycles) {
    std::lock_guard<std::mutex> lock(mutex_);
    if (started_) throw Error("process batch: start: the batch has run already (a ProcessBatch runs once)");
    started_ = true;
    running_ = true;
    t0_ = Clock::now();
    try {
      driver_ = std::thread([this, max_cycles] { drive(max_cycles); });
    } catch (const std::system_error& e) {
      running_ = false;
      throw Error(fmt::format("process batch: start: cannot start the driver thread ({})", e.what()));
    }
  }

  void cancel() {
    cancel_ = true;
    std::lock_guard<std::mutex> lock(mutex_);
    if (in_round_) b_->cancel();
  }

  ProcessBatchStatus poll() const {
    std::lock_guard<std::mutex> lock(mutex_);
    ProcessBatchStatus st;
    st.lanes = lanes_.size();
    st.lanes_ended = ended_;
    st.rounds = rounds_;
    st.is_running = running_;
    st.cancelled = cancelled_;
    st.cycles_executed = done_cycles_;
    if (in_round_) st.cycles_executed += b_->poll().cycles_executed;
    if (running_) st.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
    else st.elapsed_seconds = elapsed_;
    return st;
  }

  bool is_running() const { return running_; }

  bool wait_for(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return done_cv_.wait_for(lock, std::chrono::duration<double>(std::max(seconds, 0.0)), [this] { return !running_; });
  }

  ProcessBatchStatus wait() {
    {
      std::unique_lock<std::mutex> lock(mutex_);
      done_cv_.wait(lock, [this] { return !running_; });
    }
    {
      std::lock_guard<std::mutex> lock(join_mutex_);  // two threads waiting: one joins
      if (driver_.joinable()) driver_.join();
    }
    if (error_) std::rethrow_exception(error_);
    return poll();
  }

  const std::vector<LaneResult>& results() const {
    if (running_) throw Error("process batch: results: the batch is running (wait() or cancel() first)");
    if (!started_) throw Error("process batch: results: the batch has not run (start() first)");
    if (error_) std::rethrow_exception(error_);
    return results_;
  }

  uint64_t lanes() const { return lanes_.size(); }
  std::string backend_name() const { return b_->backend_name(); }

 private:
  struct Lane {
    std::unique_ptr<LaneGuest> guest;
    std::unique_ptr<os::ProcessState> k;
    size_t in_pos = 0;
    bool ended = false;
  };

  void drive(uint64_t max_cycles) {
    try {
      rounds(max_cycles);
    } catch (...) {
      error_ = std::current_exception();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    in_round_ = false;
    elapsed_ = std::chrono::duration<double>(Clock::now() - t0_).count();
    running_ = false;
    done_cv_.notify_all();
  }

  double since_start() const { return std::chrono::duration<double>(Clock::now() - t0_).count(); }

  // Ends lane i with status st (the lane's registers are loaded in its guest).
  void end_lane(size_t i, Status st) {
    Lane& l = ls_[i];
    l.ended = true;
    st.cycles_executed = results_[i].cycles;
    st.elapsed_seconds = since_start();
    results_[i].result.status = st;
    results_[i].result.exit_code = exit_code_for(st);
    Registers r = l.guest->registers();
    r.pc = os::kParkPc;  // later rounds stop it at once (one HLT)
    l.guest->set_registers(r);
    ++ended_;
  }

  void rounds(uint64_t max_cycles) {
    Batch& b = *b_;
    size_t live = ls_.size();
    while (live > 0) {
      {
        std::lock_guard<std::mutex> lock(mutex_);
        if (cancel_) break;
        b.start(max_cycles);
        in_round_ = true;
      }
      std::exception_ptr round_error;
      try {
        b.wait();
      } catch (...) {
        round_error = std::current_exception();
      }
      const bool cancelled = cancel_;
      const std::vector<StopReason> sig = b.lane_signals();
      const std::vector<uint64_t> cyc = b.lane_cycles();
      {
        std::lock_guard<std::mutex> lock(mutex_);
        in_round_ = false;
        for (size_t i = 0; i < ls_.size(); ++i)
          if (!ls_[i].ended) results_[i].cycles += cyc[i], done_cycles_ += cyc[i];
      }
      if (round_error) std::rethrow_exception(round_error);
      for (size_t i = 0; i < ls_.size(); ++i) {
        Lane& l = ls_[i];
        if (l.ended) continue;
        os::ProcessState& k = *l.k;
        l.guest->load();
        if (sig[i] == StopReason::Syscall && !cancelled) {
          k.cycles = results_[i].cycles;
          os::service_syscall(k);
          if (k.ended) {
            Status st = b.lane_status(i);
            st.signal = StopReason::Exit;
            st.exit_status = k.exit_status;
            results_[i].result.term_signal = k.term_signal;
            end_lane(i, st);
            --live;
          }
        } else if (sig[i] != StopReason::Syscall && sig[i] != StopReason::Cancelled) {
          end_lane(i, b.lane_status(i));  // fault, undefined, limit, ...: as a single process would
          --live;
        }
        // else: a syscall left pending by a cancel, or a lane the cancel stopped: ended below
        l.guest->flush();
      }
      std::lock_guard<std::mutex> lock(mutex_);
      ++rounds_;
    }
    if (live == 0) return;
    {
      std::lock_guard<std::mutex> lock(mutex_);
      cancelled_ = true;
    }
    for (size_t i = 0; i < ls_.size(); ++i) {
      Lane& l = ls_[i];
      if (l.ended) continue;
      l.guest->load();
      Status st = b.lane_status(i);
      st.signal = StopReason::Cancelled;
      end_lane(i, st);
      l.guest->flush();
    }
  }

  std::vector<LaneProcess> lanes_;
  std::function<void(uint64_t, int, std::string_view)> lane_output_;
  std::unique_ptr<Batch> b_;
  std::vector<RegionInfo> regions_;
  std::vector<LaneResult> results_;
  std::vector<Lane> ls_;

  std::thread driver_;
  std::mutex join_mutex_;
  mutable std::mutex mutex_;  // guards the fields below (and the Batch while in_round_)
  std::condition_variable done_cv_;
  bool started_ = false, in_round_ = false;
  bool cancelled_ = false;  // the run was cut short by cancel(): lanes report Cancelled
  std::atomic<bool> running_{false}, cancel_{false};
  std::atomic<uint64_t> ended_{0};
  uint64_t rounds_ = 0, done_cycles_ = 0;
  Clock::time_point t0_{};
  double elapsed_ = 0;
  std::exception_ptr error_;
};

ProcessBatch::ProcessBatch(std::span<const uint8_t> image, std::vector<LaneProcess> lanes, const ProcessBatchOptions& options)
    : impl_(std::make_unique<ProcessBatchImpl>(image, std::move(lanes), options)) {}
ProcessBatch::~ProcessBatch() = default;
uint64_t ProcessBatch::lanes() const { return impl_->lanes(); }
std::string ProcessBatch::backend_name() const { return impl_->backend_name(); }
void ProcessBatch::start(uint64_t max_cycles) { impl_->start(max_cycles); }
ProcessBatchStatus ProcessBatch::poll() const { return impl_->poll(); }
bool ProcessBatch::is_running() const { return impl_->is_running(); }
void ProcessBatch::cancel() { impl_->cancel(); }
ProcessBatchStatus ProcessBatch::wait() { return impl_->wait(); }
bool ProcessBatch::wait_for(double seconds) { return impl_->wait_for(seconds); }
const std::vector<LaneResult>& ProcessBatch::results() const { return impl_->results(); }

std::vector<LaneResult> run_process_batch(std::span<const uint8_t> image, const std::vector<LaneProcess>& lanes,
                                          const ProcessBatchOptions& o, uint64_t max_cycles) {
  ProcessBatch pb(image, lanes, o);
  pb.start(max_cycles);
  pb.wait();
  return pb.results();
}

}  // namespace cuarm
