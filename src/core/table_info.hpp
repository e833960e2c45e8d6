// Host-side view of the decoder table (for tests, the differential generator and tools).
#pragma once
#include "decoder.hpp"

namespace cuarm::core {

struct TableRow {
  const char* name;
  const char* pattern;
  uint32_t mask, value, flags;
  Op op;
  const char* handler;  // the handler's name (the translator, src/backend/jit/translate.cpp, calls it)
};

#define CUARM_X(name, pat, fn, fl) \
  static_assert(pattern_ok(pat), "decoder pattern of " #name " must have 32 characters");
CUARM_ISA_ALL(CUARM_X)
#undef CUARM_X

inline constexpr TableRow kTable[] = {
#define CUARM_X(name, pat, fn, fl) {#name, pat, pattern_mask(pat), pattern_value(pat), fl, Op::name, #fn},
    CUARM_ISA_ALL(CUARM_X)
#undef CUARM_X
};

inline constexpr uint32_t kTableSize = sizeof(kTable) / sizeof(kTable[0]);

}  // namespace cuarm::core
