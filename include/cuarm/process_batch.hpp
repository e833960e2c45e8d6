// cuarm public C++ API: a Batch whose lanes are Linux processes of one static program, each with
// its own argv, stdin bytes, captured stdout/stderr and exit status. The lanes' syscalls are
// serviced on the host between rounds by the same table as cuarm::Process (docs/os.md, "Batches
// of processes"). ProcessBatch runs in the background (start/poll/wait/cancel);
// run_process_batch() is the blocking form.
#pragma once
#include <cuarm/batch.hpp>
#include <cuarm/process.hpp>

#include <functional>
#include <string_view>

namespace cuarm {

struct LaneProcess {
  std::vector<std::string> argv;  // argv[0] included
  std::string stdin_bytes;        // what the lane reads from fd 0 (then end of file)
};

// Lanes of one process batch at most: each lane is a process with its own kernel state on the host
// (a few KB), so the count is capped before any lane is laid out.
constexpr uint64_t kMaxProcessLanes = uint64_t(1) << 20;

struct ProcessBatchOptions {
  BatchOptions batch;  // backend, devices, deterministic CNTVCT; `lanes` is set from the lane list
  // env, mounts (shared by all lanes), cwd, deterministic, random_seed (lane i uses seed + i),
  // pie_base, tmp_size (each lane has its own /tmp). Its output/input/strace callbacks are
  // ignored (every lane is captured).
  ProcessOptions common;
  // Every byte of these is private to each lane: keep them small.
  uint64_t stack_size = 256u << 10;
  uint64_t brk_size = 1u << 20;
  uint64_t mmap_size = 4u << 20;
  // Optional: called on the batch's driver thread with what lane `lane` writes to fd 1 or 2, as
  // it is serviced (the bytes are captured in LaneResult as well). An exception it throws ends
  // the run and is rethrown by wait() / results().
  std::function<void(uint64_t lane, int fd, std::string_view bytes)> lane_output;
};

struct LaneResult {
  // exit_code / term_signal as for a single Process. status.elapsed_seconds: seconds from start()
  // to the round in which the lane ended.
  ProcessResult result;
  std::string out, err;  // what the lane wrote to fd 1 and fd 2
  uint64_t cycles = 0;   // instructions the lane retired
};

// Live progress of a ProcessBatch (poll()), or its final figures (wait()).
struct ProcessBatchStatus {
  uint64_t lanes = 0;
  uint64_t lanes_ended = 0;      // lanes whose process ended (exit, signal, fault, limit, cancel)
  uint64_t cycles_executed = 0;  // instructions retired by all lanes since start(), the round in progress included
  uint64_t rounds = 0;           // rounds completed (a round runs every live lane to its next stop)
  double elapsed_seconds = 0;    // since start() (until the end once stopped)
  bool is_running = false;
  bool cancelled = false;  // cancel() cut the run short: the lanes that had not ended report Cancelled
};

class ProcessBatchImpl;

// The lanes and their Batch. A host driver thread runs the rounds: Batch::run over every live
// lane, then the syscalls of the lanes that stopped at one are serviced, and ended lanes parked.
// poll(), is_running(), cancel() and wait_for() are safe from any thread while it runs; the other
// calls are for one thread at a time.
class ProcessBatch {
 public:
  // Lays out the batch and every lane's process (stack, argv, auxv). Throws Error for an empty
  // lane list, a lane with an empty argv, and what load_elf rejects.
  ProcessBatch(std::span<const uint8_t> image, std::vector<LaneProcess> lanes, const ProcessBatchOptions& options);
  ~ProcessBatch();  // a running batch is cancelled and its driver joined
  ProcessBatch(const ProcessBatch&) = delete;
  ProcessBatch& operator=(const ProcessBatch&) = delete;

  uint64_t lanes() const;
  std::string backend_name() const;

  // Starts the rounds on a host thread and returns at once. max_cycles bounds each lane's run
  // between two of its syscalls (a lane that retires max_cycles without one ends with
  // MAX_CYCLES). A batch runs once: Error if it was started before.
  void start(uint64_t max_cycles = UINT64_MAX);
  ProcessBatchStatus poll() const;  // never blocks for long (a short lock, no Batch call that waits)
  bool is_running() const;
  // Ends the run at the round in progress: the Batch run is cancelled, no syscall is serviced
  // any more, and lanes that had not ended report StopReason::Cancelled (exit code 130). Lanes
  // that ended before keep their results. Returns at once; does nothing once stopped.
  void cancel();
  // Blocks until the run has ended; rethrows an exception of the driver thread.
  ProcessBatchStatus wait();
  bool wait_for(double seconds);  // true once the run has ended (errors are for wait/results)

  // One result a lane, once the run has ended (Error while running or before start(); an
  // exception of the driver thread is rethrown).
  const std::vector<LaneResult>& results() const;

 private:
  std::unique_ptr<ProcessBatchImpl> impl_;
};

// Runs every lane to its end (a ProcessBatch: start, wait, results). max_cycles bounds each round
// between two syscalls of a lane (a lane that retires max_cycles without a syscall stops with
// MAX_CYCLES).
std::vector<LaneResult> run_process_batch(std::span<const uint8_t> image, const std::vector<LaneProcess>& lanes,
                                          const ProcessBatchOptions& options, uint64_t max_cycles = UINT64_MAX);

}  // namespace cuarm
