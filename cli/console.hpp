// What the lane commands (`cuarm batch`, `cuarm processes`) share on the console: Ctrl-C as a
// flag while lanes run, and the per-lane summary table.
#pragma once
#include <signal.h>

#include <cstdint>
#include <set>
#include <string>
#include <vector>

namespace cuarm::cli {

// Ctrl-C for the life of this object only raises a flag: the loop that waits for the lanes reads
// raised() and cancels them (a signal handler may not call into cuarm). The previous SIGINT
// action comes back when it ends.
class SigintFlag {
 public:
  SigintFlag();
  ~SigintFlag();
  SigintFlag(const SigintFlag&) = delete;
  SigintFlag& operator=(const SigintFlag&) = delete;
  bool raised() const;

 private:
  struct sigaction old_ {};
};

// Prints `rows` (the header first, then one row a lane, the first lanes of `lanes`) as columns
// two spaces apart: right-aligned except the columns in `left_aligned`, the last column as is,
// no trailing spaces; then a line saying how many lanes were left out, if any.
void print_lane_table(const std::vector<std::vector<std::string>>& rows, uint64_t lanes,
                      const std::set<size_t>& left_aligned = {});

}  // namespace cuarm::cli
