// Differential testing against Unicorn: random instruction streams generated from the decoder
// table, random initial state, and the memory layout both emulators share.
#pragma once
#include <cuarm/cuarm.hpp>

#include <cstdint>
#include <string>
#include <vector>

#include "core/table_info.hpp"

namespace cuarm::diff {

// Memory layout shared by both emulators. Streams are placed at random word offsets in the code
// region (RX); the last word of the code region is reserved for a CLREX (see clrex_address()).
constexpr uint64_t kCode = 0x10000, kCodeSize = 0x10000;
constexpr uint64_t kData = 0x100000, kDataSize = 0x10000;
constexpr uint64_t kClrexAddr = kCode + kCodeSize - 4;
constexpr uint32_t kClrexWord = 0xd503305f;  // clrex

constexpr int kMaxStream = 4;

// The instruction class of a row (the isa/<class>.hpp file it comes from).
enum class RowClass {
  Exception, System, Branch, DataImm, DataReg, LoadStore,
  SimdLoadStore, FpScalar, SimdPermute, SimdInt, SimdShiftLong, SimdFp, Crypto
};
// Classes whose rows address memory through Rn (base registers are aimed at the data region).
bool memory_class(RowClass c);
const char* class_name(RowClass c);

struct RowMeta {
  const core::TableRow* row;
  RowClass cls;
  const char* excluded;  // why the row is not compared, or nullptr
};

// Every row of the table with its class and exclusion (index = position in core::kTable).
const std::vector<RowMeta>& rows();
// Index into rows() of the row `op` decodes to (-1 for Op::Undefined).
int row_index(core::Op op);
// Names in the exclusion list that are not rows of the table (the list must stay in sync).
std::vector<std::string> stale_exclusions();

// Why this particular word is not compared (a documented Unicorn quirk or an encoding whose
// result the manual leaves CONSTRAINED UNPREDICTABLE), or nullptr.
const char* word_exclusion(uint32_t w, int row);

// Rows of the load/store exclusive class (exclusives and load-acquire/store-release).
bool exclusive_class(const core::TableRow& r);

// Deterministic 64-bit generator (splitmix64); each case gets its own stream.
struct Rng {
  uint64_t s;
  explicit Rng(uint64_t seed) : s(seed) {}
  uint64_t next() {
    uint64_t z = (s += 0x9e3779b97f4a7c15ull);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
    return z ^ (z >> 31);
  }
  uint64_t below(uint64_t n) { return next() % n; }
  bool chance(unsigned percent) { return below(100) < percent; }
};

struct Case {
  uint64_t index = 0;
  uint64_t pc = 0;               // address of the first word
  std::vector<uint32_t> words;   // 1..kMaxStream words; a branch only as the last one
  std::vector<int> rows;         // row index each word decodes to
  Registers init;                // initial registers (pc = the first word)
};

class Generator {
 public:
  explicit Generator(uint64_t seed);
  // The same (seed, index) always gives the same case.
  Case make(uint64_t index) const;
  // The words of cases 0, 1, 2, ... back to back, at least `n` of them, then HLT: random code
  // to run from many points (the translated-code tests).
  std::vector<uint32_t> code(size_t n) const;
  // The initial contents of the data region.
  const std::vector<uint8_t>& data() const { return data_; }

 private:
  uint32_t word_for(Rng& r, int row, uint64_t pc, int* decoded) const;
  void fix_addresses(Rng& r, Case& c) const;
  uint64_t seed_;
  std::vector<int> any_;       // rows that may be drawn
  std::vector<int> straight_;  // rows that may be drawn before the last word (no branches)
  std::vector<uint8_t> data_;
};

// "0x<pc>: <word> <row> <disassembly>" for failure reports.
std::string describe(uint32_t word, uint64_t pc);

}  // namespace cuarm::diff
