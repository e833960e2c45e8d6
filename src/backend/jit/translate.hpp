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

// When the CUDA backend translates (docs/jit.md; the tests check the rule).
constexpr uint64_t kJitWarmup = 1 << 20;    // interpreted instructions before translating (auto)
// Auto, one guest: a translation that is not compiled yet (in this process or the disk cache)
// is compiled only once the guest has run this long (all its runs together). NVRTC takes about as long on a fast host
// (1 to 4 s for a full translation), so a run pays at most about twice what it would without
// translating, and a short program does not wait at exit for a compilation it cannot use.
constexpr double kCompileAfterSeconds = 3.0;
constexpr uint64_t kInterpSlice = 1 << 20;  // interpreter slice between attempts to translate
constexpr int kMaxTranslations = 16;        // compilations per run; then the interpreter only
constexpr size_t kMaxWords = 256;           // guest words in one translation (NVRTC: seconds per hundred)

// Reads the guest word at addr from an executable region; false when addr is not in one.
using FetchWord = std::function<bool(uint64_t addr, uint32_t* word)>;

struct Translation {
  std::vector<uint64_t> words;   // translated addresses, ascending
  std::vector<uint32_t> values;  // the guest words found there (to notice code changed since)
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
