// Bit-level helpers shared by all instruction classes (host and device).
#pragma once
#include "config.hpp"

namespace cuarm::core {

// Bits [hi:lo] of w, as in the Arm manual's w<hi:lo>.
CUARM_HD CUARM_INLINE constexpr uint32_t bits(uint32_t w, int hi, int lo) {
  return (w >> lo) & ((hi - lo == 31) ? 0xffffffffu : ((1u << (hi - lo + 1)) - 1u));
}
CUARM_HD CUARM_INLINE constexpr uint32_t bit(uint32_t w, int b) { return (w >> b) & 1u; }

// Sign-extend the low `width` bits of v to 64 bits.
CUARM_HD CUARM_INLINE constexpr int64_t sext(uint64_t v, int width) {
  return width >= 64 ? int64_t(v) : int64_t(v << (64 - width)) >> (64 - width);
}

// All-ones mask of `width` bits (width 0..64).
CUARM_HD CUARM_INLINE constexpr uint64_t ones(int width) {
  return width >= 64 ? ~uint64_t(0) : ((uint64_t(1) << width) - 1);
}

CUARM_HD CUARM_INLINE uint64_t ror(uint64_t v, unsigned amount, int width) {
  amount %= unsigned(width);
  if (amount == 0) return v & ones(width);
  v &= ones(width);
  return ((v >> amount) | (v << (width - amount))) & ones(width);
}

// Rotate right by a constant 0 < n < 64.
CUARM_HD CUARM_INLINE constexpr uint64_t rotr64(uint64_t v, int n) { return (v >> n) | (v << (64 - n)); }

CUARM_HD CUARM_INLINE int clz64(uint64_t v) {
#if CUARM_DEVICE_CODE
  return __clzll(static_cast<long long>(v));
#else
  return v == 0 ? 64 : __builtin_clzll(v);
#endif
}

CUARM_HD CUARM_INLINE int popcount64(uint64_t v) {
#if CUARM_DEVICE_CODE
  return __popcll(v);
#else
  return __builtin_popcountll(v);
#endif
}

CUARM_HD CUARM_INLINE uint64_t bitreverse64(uint64_t v) {
#if CUARM_DEVICE_CODE
  return __brevll(v);
#else
  v = ((v >> 1) & 0x5555555555555555ull) | ((v & 0x5555555555555555ull) << 1);
  v = ((v >> 2) & 0x3333333333333333ull) | ((v & 0x3333333333333333ull) << 2);
  v = ((v >> 4) & 0x0f0f0f0f0f0f0f0full) | ((v & 0x0f0f0f0f0f0f0f0full) << 4);
  v = ((v >> 8) & 0x00ff00ff00ff00ffull) | ((v & 0x00ff00ff00ff00ffull) << 8);
  v = ((v >> 16) & 0x0000ffff0000ffffull) | ((v & 0x0000ffff0000ffffull) << 16);
  return (v >> 32) | (v << 32);
#endif
}

CUARM_HD CUARM_INLINE uint64_t byteswap64(uint64_t v) {
#if CUARM_DEVICE_CODE
  uint32_t lo = uint32_t(v), hi = uint32_t(v >> 32);
  return (uint64_t(__byte_perm(lo, 0, 0x0123)) << 32) | __byte_perm(hi, 0, 0x0123);
#else
  return __builtin_bswap64(v);
#endif
}

// High 64 bits of the 128-bit product.
CUARM_HD CUARM_INLINE uint64_t umulh(uint64_t a, uint64_t b) {
#if CUARM_DEVICE_CODE
  return __umul64hi(a, b);
#else
  return uint64_t((unsigned __int128)a * b >> 64);
#endif
}
CUARM_HD CUARM_INLINE int64_t smulh(int64_t a, int64_t b) {
#if CUARM_DEVICE_CODE
  return __mul64hi(a, b);
#else
  return int64_t((__int128)a * b >> 64);
#endif
}

// Little-endian load/store of a T at a host or device pointer that may be unaligned.
template <class T>
CUARM_HD CUARM_INLINE T load_le(const uint8_t* p) {
#if CUARM_DEVICE_CODE
  if ((reinterpret_cast<uintptr_t>(p) & (sizeof(T) - 1)) == 0) return *reinterpret_cast<const T*>(p);
  T v = 0;
  for (unsigned i = 0; i < sizeof(T); ++i) v |= T(T(p[i]) << (8 * i));
  return v;
#else
  T v;
  std::memcpy(&v, p, sizeof(T));
  return v;
#endif
}
template <class T>
CUARM_HD CUARM_INLINE void store_le(uint8_t* p, T v) {
#if CUARM_DEVICE_CODE
  if ((reinterpret_cast<uintptr_t>(p) & (sizeof(T) - 1)) == 0) {
    *reinterpret_cast<T*>(p) = v;
    return;
  }
  for (unsigned i = 0; i < sizeof(T); ++i) p[i] = uint8_t(v >> (8 * i));
#else
  std::memcpy(p, &v, sizeof(T));
#endif
}

}  // namespace cuarm::core
