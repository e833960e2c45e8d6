// `cuarm batch`: run N lanes of one program (cuarm::Batch) from the command line, with per-lane
// register and memory inputs, and print a per-lane summary (table, CSV) and an aggregate line.
#pragma once
#include <CLI/CLI.hpp>

#include <memory>

namespace cuarm::cli {

class BatchCommand {
 public:
  explicit BatchCommand(CLI::App& app);  // adds the `batch` subcommand to app
  ~BatchCommand();
  BatchCommand(const BatchCommand&) = delete;
  BatchCommand& operator=(const BatchCommand&) = delete;

  bool selected() const;  // after parsing: whether the command line asked for `batch`
  // Runs the batch and prints its summary; returns the exit status (documented in --help):
  // 0 every lane stopped as expected, 1 error (message "cuarm: error: ..."), 2 some lane
  // stopped otherwise, 130 interrupted (Ctrl-C cancels the lanes).
  int run();

  struct Options;

 private:
  CLI::App* cmd_;
  std::unique_ptr<Options> o_;
};

}  // namespace cuarm::cli
