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

// Whether a row (mask m, value v) can match a word whose op0 field (bits 28:25, the Arm
// manual's top-level encoding class) is b: where the row fixes op0's bits, they equal b's.
CUARM_HD constexpr bool row_in_class(uint32_t m, uint32_t v, uint32_t b) {
  constexpr uint32_t kOp0 = 15u << 25;
  return ((b << 25) & m & kOp0) == (v & kOp0);
}

// The rows of encoding class B, in table order (the others are compiled out).
template <uint32_t B>
CUARM_HD inline Op decode_class(uint32_t w) {
#define CUARM_X(name, pat, fn, flags)                                              \
  if constexpr (row_in_class(pattern_mask(pat), pattern_value(pat), B)) {          \
    constexpr uint32_t m = pattern_mask(pat), v = pattern_value(pat);              \
    if ((w & m) == v) return Op::name;                                             \
  }
  CUARM_ISA_ALL(CUARM_X)
#undef CUARM_X
  return Op::Undefined;
}

// First matching row wins, in table order, among the rows of the word's encoding class
// (bucketed on op0: a word is tested against its class's rows only, not all of them).
CUARM_HD inline Op decode(uint32_t w) {
  switch ((w >> 25) & 15) {
    case 0: return decode_class<0>(w);
    case 1: return decode_class<1>(w);
    case 2: return decode_class<2>(w);
    case 3: return decode_class<3>(w);
    case 4: return decode_class<4>(w);
    case 5: return decode_class<5>(w);
    case 6: return decode_class<6>(w);
    case 7: return decode_class<7>(w);
    case 8: return decode_class<8>(w);
    case 9: return decode_class<9>(w);
    case 10: return decode_class<10>(w);
    case 11: return decode_class<11>(w);
    case 12: return decode_class<12>(w);
    case 13: return decode_class<13>(w);
    case 14: return decode_class<14>(w);
    default: return decode_class<15>(w);
  }
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
