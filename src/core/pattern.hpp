// Encodings written as the Arm manual writes them: 32 characters, most significant bit first.
// '0' and '1' are fixed bits; any other character is part of a field (letters name fields,
// e.g. "sf" "op" "S" "Rn" written as s, o, S, n). Spaces are not allowed, so that every
// pattern visibly has exactly 32 positions.
#pragma once
#include "config.hpp"

namespace cuarm::core {

CUARM_HD constexpr uint32_t pattern_mask(const char* p) {
  uint32_t m = 0;
  for (int i = 0; i < 32; ++i) m = (m << 1) | ((p[i] == '0' || p[i] == '1') ? 1u : 0u);
  return m;
}

CUARM_HD constexpr uint32_t pattern_value(const char* p) {
  uint32_t v = 0;
  for (int i = 0; i < 32; ++i) v = (v << 1) | (p[i] == '1' ? 1u : 0u);
  return v;
}

// Field `letter` of word w: the bits where the pattern has that letter, most significant first
// (a field may be split, as TBZ's b5:b40), and how many there are.
CUARM_HD constexpr uint32_t pattern_field(const char* p, char letter, uint32_t w) {
  uint32_t v = 0;
  for (int i = 0; i < 32; ++i)
    if (p[i] == letter) v = (v << 1) | ((w >> (31 - i)) & 1u);
  return v;
}
CUARM_HD constexpr int pattern_field_width(const char* p, char letter) {
  int n = 0;
  for (int i = 0; i < 32; ++i) n += p[i] == letter;
  return n;
}

// Host-side check used by static_asserts: exactly 32 non-space characters.
constexpr bool pattern_ok(const char* p) {
  for (int i = 0; i < 32; ++i)
    if (p[i] == '\0' || p[i] == ' ') return false;
  return p[32] == '\0';
}

}  // namespace cuarm::core
