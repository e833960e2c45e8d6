// `cuarm processes`: N lanes that are Linux processes of one static program (cuarm::ProcessBatch),
// each with its own arguments and stdin, its stdout/stderr kept, and a per-lane summary.
#pragma once
#include <CLI/CLI.hpp>

#include <memory>

namespace cuarm::cli {

class ProcessesCommand {
 public:
  explicit ProcessesCommand(CLI::App& app);  // adds the `processes` subcommand to app
  ~ProcessesCommand();
  ProcessesCommand(const ProcessesCommand&) = delete;
  ProcessesCommand& operator=(const ProcessesCommand&) = delete;

  bool selected() const;
  // Runs the lanes and prints the summary; returns the exit status (see --help): 0 every lane
  // exited with status 0, 2 some lane did not, 130 interrupted, 1 error before the run.
  int run();

  struct Options;

 private:
  CLI::App* cmd_;
  std::unique_ptr<Options> o_;
};

}  // namespace cuarm::cli
