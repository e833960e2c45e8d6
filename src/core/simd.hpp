// Element access to the SIMD&FP registers V0..V31, shared by every FP/SIMD instruction class.
//
// A V register is c.s.v[n][0] (bits 63:0) and c.s.v[n][1] (bits 127:64). Element i of size
// esize (8, 16, 32 or 64 bits) occupies bits [(i+1)*esize-1 : i*esize], as the manual's
// Elem[V[n], i, esize]. Element values travel as uint64_t: the *_u readers zero-extend, the
// *_s readers sign-extend; writers keep the low esize bits.
//
//   velem_u(c, n, i, esize)        Elem[V[n], i, esize], zero-extended
//   velem_s(c, n, i, esize)        Elem[V[n], i, esize], sign-extended
//   velem_set(c, n, i, esize, v)   Elem[V[n], i, esize] = v (other bits of V[n] unchanged)
//   Vec128, vget(c, n)             V[n] as 128 bits (lo, hi)
//   vset(c, n, v) / vset(c, n, lo, hi)   V[n] = 128-bit value
//   vset64(c, n, lo)               V[n] = ZeroExtend(lo, 128): 64-bit vector (Q=0) and scalar
//                                  results, whose upper half the manual zeroes
//   vset_q(c, n, v, q)             V[n] = v when q, else its low 64 bits zero-extended
//   velem_get(v, i, esize) / velem_put(v, i, esize, x)   the same on a Vec128 value (for
//                                  operations that read all sources before writing)
//   set_qc(c)                      FPSR.QC (bit 27), the sticky saturation flag
// All are tiny and inline; index arguments are not range-checked (decoders ensure them).
#pragma once
#include "exec.hpp"

namespace cuarm::core {

constexpr uint32_t kFpsrQC = 1u << 27;

struct Vec128 {
  uint64_t lo, hi;
};

CUARM_HD CUARM_INLINE uint64_t velem_get(const Vec128& v, uint32_t i, uint32_t esize) {
  const uint32_t bitpos = i * esize;
  const uint64_t half = bitpos >= 64 ? v.hi : v.lo;
  return (half >> (bitpos & 63)) & ones(int(esize));
}

CUARM_HD CUARM_INLINE void velem_put(Vec128& v, uint32_t i, uint32_t esize, uint64_t x) {
  const uint32_t bitpos = i * esize;
  uint64_t& half = bitpos >= 64 ? v.hi : v.lo;
  const uint64_t mask = ones(int(esize)) << (bitpos & 63);
  half = (half & ~mask) | ((x << (bitpos & 63)) & mask);
}

template <class C>
CUARM_HD CUARM_INLINE Vec128 vget(C& c, uint32_t n) {
  return Vec128{c.s.v[n][0], c.s.v[n][1]};
}

template <class C>
CUARM_HD CUARM_INLINE void vset(C& c, uint32_t n, uint64_t lo, uint64_t hi) {
  c.s.v[n][0] = lo;
  c.s.v[n][1] = hi;
}
template <class C>
CUARM_HD CUARM_INLINE void vset(C& c, uint32_t n, const Vec128& v) {
  vset(c, n, v.lo, v.hi);
}

template <class C>
CUARM_HD CUARM_INLINE void vset64(C& c, uint32_t n, uint64_t lo) {
  vset(c, n, lo, 0);
}

template <class C>
CUARM_HD CUARM_INLINE void vset_q(C& c, uint32_t n, const Vec128& v, uint32_t q) {
  vset(c, n, v.lo, q ? v.hi : 0);
}

template <class C>
CUARM_HD CUARM_INLINE uint64_t velem_u(C& c, uint32_t n, uint32_t i, uint32_t esize) {
  const uint32_t bitpos = i * esize;
  return (c.s.v[n][bitpos >> 6] >> (bitpos & 63)) & ones(int(esize));
}

template <class C>
CUARM_HD CUARM_INLINE uint64_t velem_s(C& c, uint32_t n, uint32_t i, uint32_t esize) {
  return uint64_t(sext(velem_u(c, n, i, esize), int(esize)));
}

template <class C>
CUARM_HD CUARM_INLINE void velem_set(C& c, uint32_t n, uint32_t i, uint32_t esize, uint64_t x) {
  const uint32_t bitpos = i * esize;
  uint64_t& half = c.s.v[n][bitpos >> 6];
  const uint64_t mask = ones(int(esize)) << (bitpos & 63);
  half = (half & ~mask) | ((x << (bitpos & 63)) & mask);
}

template <class C>
CUARM_HD CUARM_INLINE void set_qc(C& c) {
  c.s.fpsr |= kFpsrQC;
}

}  // namespace cuarm::core
