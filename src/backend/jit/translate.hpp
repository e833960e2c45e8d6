// Guest code → C++ source of translated regions (see docs/jit.md). The GPU backend compiles it
// with NVRTC; the same source also compiles as host C++ (the tests run it on the CPU).
//
// The translation is not a second implementation of any instruction: for every guest word it
// emits a call of the same core handler the interpreter uses, with the word as a compile-time
// constant, so that the compiler folds the field extraction. What it adds is control flow and
// where the state lives: code is cut into regions (one entry, the blocks reachable from it by
// direct branches), each region a function whose guest state is a local copy (the compiler
// keeps what the region uses in registers), the budget checked once per block, pc written only
// at exits. A dispatcher (a switch on the pc) calls the region that starts at the pc.
// Host-only code; it needs neither a GPU nor the CUDA runtime.
#pragma once
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace cuarm::jit {

// When the CUDA backend translates (docs/jit.md; the tests check the rule).
constexpr uint64_t kJitWarmup = 1 << 20;    // interpreted instructions before translating (auto)
constexpr uint64_t kInterpSlice = 1 << 20;  // interpreter slice between attempts to translate
constexpr double kInterpretedIps = 5e6;      // the interpreter kernel's rate on one GPU thread (H100/H200)
// A pc inside translated code at no region entry is interpreted in slices of kWalkSlice until it
// reaches one, for up to kWalkToEntry instructions; only then does the translation grow.
constexpr uint64_t kWalkSlice = 256;
constexpr uint64_t kWalkToEntry = 1 << 16;
constexpr int kMaxTranslations = 16;        // compilations per run; then the interpreter only
constexpr size_t kMaxWords = 1024;          // guest words in one translation, all regions together
constexpr size_t kRegionWords = 128;        // guest words in one region

// Which kernel a translation is compiled for (each compiles only its own: half the time).
enum class Kernel { Single, Batch };

// Reads the guest word at addr from an executable region; false when addr is not in one.
using FetchWord = std::function<bool(uint64_t addr, uint32_t* word)>;

struct Translation {
  std::vector<uint64_t> entries;    // region entries, ascending
  std::vector<uint64_t> enterable;  // where translated code can start, ascending: the block leaders
                                    // of every region (a batch translation: every word)
  std::vector<uint64_t> words;    // translated addresses, ascending
  std::vector<uint32_t> values;   // the guest words found there (to notice code changed since)
  uint64_t lo = 0, hi = 0;        // [lo, hi): the bytes a guest store must not touch
  size_t memory_words = 0;        // loads and stores among the words (they dominate compile time)
  std::string source;             // C++ for NVRTC (kernel cuarm_jit_single or cuarm_jit_batch) or the host
  bool contains(uint64_t pc) const;  // pc is a translated word
  bool enters(uint64_t pc) const;    // translated code can start at pc (enterable)
  // Seconds NVRTC is expected to take for this translation on a fast host (the auto mode's
  // rule: compile once the guest has run this long). Measured: docs/jit.md.
  double expected_compile_seconds() const;
};

// Discovers regions from each address in `starts` (and from the entries of `previous`, so that
// a retranslation after leaving the translated code grows the set instead of replacing it),
// up to max_words words in all, and translates them. A region follows fall-through and direct
// branches; call targets, return addresses (after BL/BLR), the word after SVC, and the places
// a full region leaves to are entries of regions of their own.
Translation translate(const std::vector<uint64_t>& starts, const FetchWord& fetch, size_t max_words = kMaxWords,
                      const Translation* previous = nullptr, Kernel kernel = Kernel::Single);

}  // namespace cuarm::jit
