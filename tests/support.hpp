// Test support: assembled snippets (tests/asm/*.S, built at build time) run on a Machine.
// The backend comes from CUARM_TEST_BACKEND (cpu by default; set "cuda" on a GPU machine), so
// the same test binary checks every backend.
#pragma once
#include <cuarm/cuarm.hpp>
#include <cuarm/process_batch.hpp>
#include <gtest/gtest.h>

#include <initializer_list>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace cuarm::test {

BackendKind test_backend();

// What one lane of a process batch gives run alone: a cuarm::Process with the lane's argv and
// stdin, and the batch's process options, memory sizes, backend and deterministic setting.
LaneResult run_alone(std::span<const uint8_t> image, const LaneProcess& lane, const ProcessBatchOptions& options);

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

// Little-endian bytes of instruction words.
std::vector<uint8_t> words_to_bytes(const std::vector<uint32_t>& words);

// Small raw programs shared by the batch tests. Inline variables, so that they are initialized
// before the test files' own namespace-scope constants built from them.
// Counted loop: x0 = iterations; counts x1 up x0 times and stops at the HLT (base+16) with
// x0 = 0. Retires 3*x0+1 instructions (1 when x0 = 0).
inline const std::vector<uint32_t> kCountedLoopWords = {
    0xb4000080,  // cbz x0, done          (+16)
    0x91000421,  // loop: add x1, x1, #1
    0xf1000400,  //       subs x0, x0, #1
    0x54ffffc1,  //       b.ne loop
    0xd4400000,  // done: hlt #0
};
// Byte sum: sums the x0 bytes at [x2] into x1, stores the sum at [x4], stops at the HLT
// (base+28). Retires 3 + 4*x0 instructions.
inline const std::vector<uint32_t> kByteSumWords = {
    0xaa1f03e1,  // mov x1, xzr
    0xb40000a0,  // cbz x0, store         (+20)
    0x38401443,  // loop: ldrb w3, [x2], #1
    0x8b030021,  //       add x1, x1, x3
    0xf1000400,  //       subs x0, x0, #1
    0x54ffffa1,  //       b.ne loop       (-12)
    0xf9000081,  // store: str x1, [x4]
    0xd4400000,  // hlt #0
};

// Raw words at 0x1000 in a 64 KiB flat machine (for encodings an assembler will not produce).
std::unique_ptr<Machine> words_machine(std::initializer_list<uint32_t> words);

}  // namespace cuarm::test
