// cuarm public C++ API (prototype): a Batch whose lanes are Linux processes of one static
// program, each with its own argv, stdin bytes, captured stdout/stderr and exit status. The
// lanes' syscalls are serviced on the host between rounds by the same table as cuarm::Process
// (docs/os.md, "Batches of processes").
#pragma once
#include <cuarm/batch.hpp>
#include <cuarm/process.hpp>

namespace cuarm {

struct LaneProcess {
  std::vector<std::string> argv;  // argv[0] included
  std::string stdin_bytes;        // what the lane reads from fd 0 (then end of file)
};

struct ProcessBatchOptions {
  BatchOptions batch;  // backend, devices, deterministic CNTVCT; `lanes` is set from the lane list
  // env, mounts (shared by all lanes), cwd, deterministic, random_seed (lane i uses seed + i),
  // pie_base. Its output/input/strace callbacks are ignored (every lane is captured).
  ProcessOptions common;
  // Every byte of these is private to each lane: keep them small.
  uint64_t stack_size = 256u << 10;
  uint64_t brk_size = 1u << 20;
  uint64_t mmap_size = 4u << 20;
};

struct LaneResult {
  ProcessResult result;  // exit_code / term_signal as for a single Process
  std::string out, err;  // what the lane wrote to fd 1 and fd 2
  uint64_t cycles = 0;   // instructions the lane retired
};

// Runs every lane to its end. max_cycles bounds each round between two syscalls of a lane (a
// lane that retires max_cycles without a syscall stops with MAX_CYCLES).
std::vector<LaneResult> run_process_batch(std::span<const uint8_t> image, const std::vector<LaneProcess>& lanes,
                                          const ProcessBatchOptions& options, uint64_t max_cycles = UINT64_MAX);

}  // namespace cuarm
