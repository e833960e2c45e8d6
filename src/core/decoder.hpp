// Decoding a word to a row of the table, and executing a decoded row.
#pragma once
#include "exec.hpp"
#include "isa/table.hpp"

namespace cuarm::core {

// Op 0 means "not decoded yet" in decode caches; Undefined is the last op.
enum class Op : uint16_t {
  NotDecoded = 0,
#define CUARM_X(name, pat, fn, flags) name,
  CUARM_ISA_ALL(CUARM_X)
#undef CUARM_X
  Undefined,
  Count
};

constexpr uint32_t kOpCount = uint32_t(Op::Count);

// First matching row wins; the order of the table is the order of the tests here.
CUARM_HD inline Op decode(uint32_t w) {
#define CUARM_X(name, pat, fn, flags)                                               \
  {                                                                                 \
    constexpr uint32_t m = pattern_mask(pat), v = pattern_value(pat);               \
    if ((w & m) == v) return Op::name;                                              \
  }
  CUARM_ISA_ALL(CUARM_X)
#undef CUARM_X
  return Op::Undefined;
}

template <class C>
CUARM_HD CUARM_INLINE Stop execute(C& c, uint32_t w, Op op) {
  switch (op) {
#define CUARM_X(name, pat, fn, flags) \
  case Op::name:                      \
    return fn(c, w);
    CUARM_ISA_ALL(CUARM_X)
#undef CUARM_X
    case Op::Undefined:
      return undefined(c, w);
    default:  // NotDecoded/Count never reach here: decode() returns a row or Undefined
#if CUARM_DEVICE_CODE
      return undefined(c, w);
#else
      __builtin_unreachable();
#endif
  }
}

}  // namespace cuarm::core
