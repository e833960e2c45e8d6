// What the lane commands (`cuarm batch`, `cuarm processes`) share on the console: Ctrl-C as a
// flag while lanes run, the wait with a progress line, and the per-lane summary table.
#pragma once
#include <fmt/format.h>
#include <signal.h>
#include <unistd.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace cuarm::cli {

// Ctrl-C for the life of this object only raises a flag: the loop that waits for the lanes reads
// raised() and cancels them (a signal handler may not call into cuarm). Until started() it is
// also held back (blocked in this thread, and so in every thread started meanwhile, such as the
// CUDA runtime's): a SIGINT that arrived while the device started interrupted a system call
// inside the CUDA driver, and the command ended with status 4 and no message (seen on an H200).
// started() lets a held-back Ctrl-C through, which raises the flag at once. The previous SIGINT
// action and mask come back when it ends. A SIGINT ignored at the start stays ignored.
class SigintFlag {
 public:
  SigintFlag();
  ~SigintFlag();
  SigintFlag(const SigintFlag&) = delete;
  SigintFlag& operator=(const SigintFlag&) = delete;
  void started() const;
  bool raised() const;

 private:
  struct sigaction old_ {};
  sigset_t old_mask_{};
  bool ignored_ = false;  // SIGINT was ignored already: leave it so
};

// Starts `job` (a Batch or a ProcessBatch) and waits for it. Ctrl-C (`sigint`, which the command
// sets up before it builds the job, so that a Ctrl-C while the device starts is not lost either)
// cancels it; on a terminal, once it has run a second, stderr shows a progress line,
// "cuarm: " + describe(live status), cleared at the end. Returns whether Ctrl-C cancelled it.
template <class Job, class Describe>
bool run_with_progress(Job& job, uint64_t max_cycles, const SigintFlag& sigint, Describe describe) {
  const bool tty = isatty(2);
  bool shown = false, cancelled = false;
  {
    job.start(max_cycles);
    sigint.started();
    while (!job.wait_for(0.1)) {
      if (sigint.raised() && !cancelled) {
        job.cancel();
        cancelled = true;
      }
      const auto live = job.poll();
      if (!tty || live.elapsed_seconds < 1.0) continue;
      fmt::print(stderr, "\rcuarm: {} ", describe(live));
      shown = true;
    }
  }
  if (shown) fmt::print(stderr, "\r\033[K");
  return cancelled;
}

// Prints `rows` (the header first, then one row a lane, the first lanes of `lanes`) as columns
// two spaces apart: right-aligned except the columns in `left_aligned`, the last column as is,
// no trailing spaces; then a line saying how many lanes were left out, if any.
void print_lane_table(const std::vector<std::vector<std::string>>& rows, uint64_t lanes,
                      const std::set<size_t>& left_aligned = {});

}  // namespace cuarm::cli
