// Guest code → CUDA C++ source, for the GPU backend's translated mode (see docs/jit.md).
//
// The translation is not a second implementation of any instruction: for every guest word it
// emits a call of the same core handler the interpreter uses, with the word as a compile-time
// constant, so that NVRTC folds the field extraction and keeps guest registers in GPU
// registers. What it adds is control flow: every translated word is a `case` of one switch
// on the pc, consecutive words fall through, and direct branches jump to their target's label.
// Host-only code; it needs neither a GPU nor the CUDA runtime.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cuarm::jit {

// Reads the guest word at addr from an executable region; false when addr is not in one.
using FetchWord = std::function<bool(uint64_t addr, uint32_t* word)>;

struct Translation {
  std::vector<uint64_t> words;  // translated addresses, ascending
  uint64_t lo = 0, hi = 0;      // [lo, hi): the bytes a guest store must not touch
  std::string source;           // CUDA C++ for NVRTC: the kernel cuarm_jit_single
  bool contains(uint64_t pc) const;
};

// Discovers the code reachable from each address in `starts` by following fall-through and
// direct branches (and the return address after BL/BLR, and the word after SVC), up to
// max_words words, and translates it. Addresses already in `previous` are kept, so that a
// retranslation after leaving the translated code grows the set instead of replacing it.
Translation translate(const std::vector<uint64_t>& starts, const FetchWord& fetch, size_t max_words = 4096,
                      const Translation* previous = nullptr);

}  // namespace cuarm::jit
