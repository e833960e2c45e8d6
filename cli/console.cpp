#include "console.hpp"

#include <fmt/format.h>

#include <algorithm>

namespace cuarm::cli {

namespace {
volatile sig_atomic_t g_sigint = 0;
extern "C" void cuarm_cli_on_sigint(int) { g_sigint = 1; }
}  // namespace

SigintFlag::SigintFlag() {
  g_sigint = 0;
  sigaction(SIGINT, nullptr, &old_);
  pthread_sigmask(SIG_SETMASK, nullptr, &old_mask_);
  // Started with SIGINT ignored (a shell's background job, nohup): it stays ignored, as in
  // other programs.
  ignored_ = old_.sa_handler == SIG_IGN;
  if (ignored_) return;
  struct sigaction sa {};
  sa.sa_handler = cuarm_cli_on_sigint;
  sa.sa_flags = SA_RESTART;
  sigemptyset(&sa.sa_mask);
  sigset_t block;
  sigemptyset(&block);
  sigaddset(&block, SIGINT);
  pthread_sigmask(SIG_BLOCK, &block, &old_mask_);
  sigaction(SIGINT, &sa, &old_);
}

void SigintFlag::started() const {
  if (ignored_) return;
  sigset_t unblock;
  sigemptyset(&unblock);
  sigaddset(&unblock, SIGINT);
  pthread_sigmask(SIG_UNBLOCK, &unblock, nullptr);
}

SigintFlag::~SigintFlag() {
  if (ignored_) return;
  sigaction(SIGINT, &old_, nullptr);
  pthread_sigmask(SIG_SETMASK, &old_mask_, nullptr);
}

bool SigintFlag::raised() const { return g_sigint != 0; }

void print_lane_table(const std::vector<std::vector<std::string>>& rows, uint64_t lanes,
                      const std::set<size_t>& left_aligned) {
  if (rows.empty()) return;
  std::vector<size_t> width(rows[0].size(), 0);
  for (const auto& row : rows)
    for (size_t c = 0; c < row.size(); ++c) width[c] = std::max(width[c], row[c].size());
  for (const auto& row : rows) {
    std::string line;
    for (size_t c = 0; c + 1 < row.size(); ++c)
      line += left_aligned.count(c) ? fmt::format("{:<{}}  ", row[c], width[c]) : fmt::format("{:>{}}  ", row[c], width[c]);
    line += row.back();
    while (!line.empty() && line.back() == ' ') line.pop_back();
    fmt::print("{}\n", line);
  }
  const uint64_t shown = rows.size() - 1;
  if (shown < lanes)
    fmt::print("... ({} more lane{}; --summary-lanes K shows more, --csv FILE all)\n", lanes - shown,
               lanes - shown == 1 ? "" : "s");
}

}  // namespace cuarm::cli
