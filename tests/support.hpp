// Test support: assembled snippets (tests/asm/*.S, built at build time) run on a Machine.
// The backend comes from CUARM_TEST_BACKEND (cpu by default; set "cuda" on a GPU machine), so
// the same test binary checks every backend.
#pragma once
#include <cuarm/cuarm.hpp>
#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cuarm::test {

BackendKind test_backend();

// Scratch memory every snippet machine has, for loads and stores.
constexpr uint64_t kData = 0x200000, kDataSize = 0x10000;
constexpr uint64_t kStackTop = 0x400000, kStackSize = 0x10000;

class Snippets {
 public:
  // Loads build/tests/asm/<file>.elf and its symbols.
  explicit Snippets(const std::string& file);

  // A fresh machine with the snippet image, the data region (RW) and a stack; SP = kStackTop.
  // `deterministic` sets MachineOptions::deterministic (CNTVCT_EL0 counts retired instructions).
  std::unique_ptr<Machine> machine(bool deterministic = false) const;

  uint64_t symbol(const std::string& name) const;

  // Runs snippet `name` on a fresh machine with the given X registers (and NZCV) until it stops;
  // expects HALT (every snippet ends with `hlt #0`) unless `expect` says otherwise.
  std::unique_ptr<Machine> run(const std::string& name, std::initializer_list<std::pair<int, uint64_t>> regs = {},
                               uint32_t nzcv = 0, StopReason expect = StopReason::Halt,
                               bool deterministic = false) const;

 private:
  std::vector<uint8_t> image_;
  std::map<std::string, uint64_t> symbols_;
};

// A shell command's exit status, stdout and stderr (for tests of the `cuarm` command).
struct CommandResult {
  int status;
  std::string out, err;
};
CommandResult run_command(const std::string& cmd);

// Raw words at 0x1000 in a 64 KiB flat machine (for encodings an assembler will not produce).
std::unique_ptr<Machine> words_machine(std::initializer_list<uint32_t> words);

}  // namespace cuarm::test
