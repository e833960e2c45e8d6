// Soft-float building blocks (see fp.hpp for the interface): formats, FPUnpack, FPRound,
// NaN processing, and a small unsigned 128-bit type for exact intermediate values.
// Everything is integer arithmetic on raw bit patterns, so that results are bit-identical on
// the host and on the GPU.
#pragma once
#include "core/bits.hpp"

namespace cuarm::core::fp {

// FPCR fields and FPSR cumulative flags (Arm manual, FPCR/FPSR register descriptions).
constexpr uint32_t kFpcrAHP = 1u << 26, kFpcrDN = 1u << 25, kFpcrFZ = 1u << 24;
constexpr uint32_t kIOC = 1u << 0, kDZC = 1u << 1, kOFC = 1u << 2, kUFC = 1u << 3, kIXC = 1u << 4,
                   kIDC = 1u << 7;

// FPRounding; the first four equal FPCR.RMode.
enum Rounding : uint32_t { kTieEven = 0, kPosInf = 1, kNegInf = 2, kZero = 3, kTieAway = 4, kOdd = 5 };

CUARM_HD CUARM_INLINE uint32_t rounding_mode(uint32_t fpcr) { return (fpcr >> 22) & 3; }

// ------------------------------------------------------------------ unsigned 128-bit values
struct U128 {
  uint64_t hi, lo;
};
CUARM_HD CUARM_INLINE U128 u128_add(U128 a, U128 b) {
  const uint64_t lo = a.lo + b.lo;
  return {a.hi + b.hi + (lo < a.lo ? 1u : 0u), lo};
}
CUARM_HD CUARM_INLINE U128 u128_sub(U128 a, U128 b) {
  return {a.hi - b.hi - (a.lo < b.lo ? 1u : 0u), a.lo - b.lo};
}
CUARM_HD CUARM_INLINE bool u128_lt(U128 a, U128 b) { return a.hi < b.hi || (a.hi == b.hi && a.lo < b.lo); }
CUARM_HD CUARM_INLINE bool u128_zero(U128 a) { return (a.hi | a.lo) == 0; }
CUARM_HD CUARM_INLINE int u128_clz(U128 a) { return a.hi ? clz64(a.hi) : 64 + clz64(a.lo); }
CUARM_HD CUARM_INLINE U128 u128_shl(U128 a, int n) {
  if (n <= 0) return a;
  if (n >= 128) return {0, 0};
  if (n >= 64) return {a.lo << (n - 64), 0};
  return {(a.hi << n) | (a.lo >> (64 - n)), a.lo << n};
}
// Shift right; bits shifted out are OR'ed into bit 0 ("sticky"), so that rounding further up
// still sees that the value was inexact.
CUARM_HD CUARM_INLINE U128 u128_shr_sticky(U128 a, int n) {
  if (n <= 0) return a;
  if (n >= 128) return {0, u128_zero(a) ? 0u : 1u};
  U128 r;
  uint64_t lost;
  if (n >= 64) {
    r = {0, n == 64 ? a.hi : a.hi >> (n - 64)};
    lost = a.lo | (n == 64 ? 0 : (a.hi << (128 - n)));
  } else {
    r = {a.hi >> n, (a.lo >> n) | (a.hi << (64 - n))};
    lost = a.lo << (64 - n);
  }
  if (lost) r.lo |= 1;
  return r;
}
CUARM_HD CUARM_INLINE U128 u128_mul64(uint64_t a, uint64_t b) { return {umulh(a, b), a * b}; }

CUARM_HD CUARM_INLINE uint64_t shr_sticky64(uint64_t v, int n) {
  if (n <= 0) return v;
  if (n >= 64) return v ? 1 : 0;
  return (v >> n) | ((v << (64 - n)) ? 1 : 0);
}

// ------------------------------------------------------------------ formats
// esize 16 (half), 32 (single), 64 (double): exponent bits E, fraction bits F.
CUARM_HD CUARM_INLINE int fmt_e(int n) { return n == 16 ? 5 : n == 32 ? 8 : 11; }
CUARM_HD CUARM_INLINE int fmt_f(int n) { return n == 16 ? 10 : n == 32 ? 23 : 52; }
CUARM_HD CUARM_INLINE int fmt_bias(int n) { return (1 << (fmt_e(n) - 1)) - 1; }

CUARM_HD CUARM_INLINE uint64_t fp_zero(uint32_t sign, int n) { return uint64_t(sign) << (n - 1); }
CUARM_HD CUARM_INLINE uint64_t fp_infinity(uint32_t sign, int n) {
  return (uint64_t(sign) << (n - 1)) | (ones(fmt_e(n)) << fmt_f(n));
}
CUARM_HD CUARM_INLINE uint64_t fp_max_normal(uint32_t sign, int n) {
  return (uint64_t(sign) << (n - 1)) | ((ones(fmt_e(n)) - 1) << fmt_f(n)) | ones(fmt_f(n));
}
CUARM_HD CUARM_INLINE uint64_t fp_default_nan(int n) {
  return (ones(fmt_e(n)) << fmt_f(n)) | (uint64_t(1) << (fmt_f(n) - 1));
}
// sign : biased exponent : fraction (for small constants such as 2.0, 1.5).
CUARM_HD CUARM_INLINE uint64_t fp_make(uint32_t sign, uint64_t bexp, uint64_t frac, int n) {
  return (uint64_t(sign) << (n - 1)) | (bexp << fmt_f(n)) | frac;
}

// ------------------------------------------------------------------ FPUnpack
enum Type : uint8_t { kTypeZero, kTypeNonzero, kTypeInf, kTypeQNaN, kTypeSNaN };

// The value of a nonzero finite operand is mant * 2^exp (mant an integer, not normalised).
struct Unpacked {
  Type type;
  uint32_t sign;
  int32_t exp;
  uint64_t mant;
};

CUARM_HD CUARM_INLINE bool is_nan(Type t) { return t == kTypeQNaN || t == kTypeSNaN; }

// FPUnpack (ARMv8.0): FZ flushes single/double input denormals to zero and sets IDC (half
// precision is never flushed in ARMv8.0); with FPCR.AHP a half's maximum exponent is a number.
CUARM_HD CUARM_INLINE Unpacked unpack(uint64_t v, int n, uint32_t fpcr, uint32_t& fpsr) {
  const int e = fmt_e(n), f = fmt_f(n);
  Unpacked u;
  u.sign = uint32_t(v >> (n - 1)) & 1;
  const uint64_t bexp = (v >> f) & ones(e), frac = v & ones(f);
  u.exp = 0;
  u.mant = 0;
  if (bexp == 0) {
    if (frac == 0) {
      u.type = kTypeZero;
    } else if (n != 16 && (fpcr & kFpcrFZ)) {
      u.type = kTypeZero;
      fpsr |= kIDC;
    } else {
      u.type = kTypeNonzero;
      u.mant = frac;
      u.exp = 1 - fmt_bias(n) - f;
    }
  } else if (bexp == ones(e) && !(n == 16 && (fpcr & kFpcrAHP))) {
    if (frac == 0)
      u.type = kTypeInf;
    else
      u.type = (frac >> (f - 1)) ? kTypeQNaN : kTypeSNaN;
  } else {
    u.type = kTypeNonzero;
    u.mant = frac | (uint64_t(1) << f);
    u.exp = int32_t(bexp) - fmt_bias(n) - f;
  }
  return u;
}

// ------------------------------------------------------------------ NaNs
// FPProcessNaN: quieten a signalling NaN (IOC); FPCR.DN replaces any NaN by the default NaN.
CUARM_HD CUARM_INLINE uint64_t process_nan(Type t, uint64_t op, int n, uint32_t fpcr, uint32_t& fpsr) {
  uint64_t r = op & ones(n);
  if (t == kTypeSNaN) {
    r |= uint64_t(1) << (fmt_f(n) - 1);
    fpsr |= kIOC;
  }
  if (fpcr & kFpcrDN) r = fp_default_nan(n);
  return r;
}

// FPProcessNaNs: signalling NaNs first (operand order), then quiet ones. Returns true (and the
// result) when an operand was a NaN.
CUARM_HD CUARM_INLINE bool process_nans(const Unpacked& u1, const Unpacked& u2, uint64_t op1, uint64_t op2, int n,
                                        uint32_t fpcr, uint32_t& fpsr, uint64_t& result) {
  if (u1.type == kTypeSNaN) {
    result = process_nan(u1.type, op1, n, fpcr, fpsr);
  } else if (u2.type == kTypeSNaN) {
    result = process_nan(u2.type, op2, n, fpcr, fpsr);
  } else if (u1.type == kTypeQNaN) {
    result = process_nan(u1.type, op1, n, fpcr, fpsr);
  } else if (u2.type == kTypeQNaN) {
    result = process_nan(u2.type, op2, n, fpcr, fpsr);
  } else {
    return false;
  }
  return true;
}

// FPProcessNaNs3 (operand order: the addend first for FPMulAdd).
CUARM_HD CUARM_INLINE bool process_nans3(const Unpacked& u1, const Unpacked& u2, const Unpacked& u3, uint64_t op1,
                                         uint64_t op2, uint64_t op3, int n, uint32_t fpcr, uint32_t& fpsr,
                                         uint64_t& result) {
  if (u1.type == kTypeSNaN) {
    result = process_nan(u1.type, op1, n, fpcr, fpsr);
  } else if (u2.type == kTypeSNaN) {
    result = process_nan(u2.type, op2, n, fpcr, fpsr);
  } else if (u3.type == kTypeSNaN) {
    result = process_nan(u3.type, op3, n, fpcr, fpsr);
  } else if (u1.type == kTypeQNaN) {
    result = process_nan(u1.type, op1, n, fpcr, fpsr);
  } else if (u2.type == kTypeQNaN) {
    result = process_nan(u2.type, op2, n, fpcr, fpsr);
  } else if (u3.type == kTypeQNaN) {
    result = process_nan(u3.type, op3, n, fpcr, fpsr);
  } else {
    return false;
  }
  return true;
}

// ------------------------------------------------------------------ FPRound
// Rounds the nonzero value mant * 2^exp to format n (FPRound / FPRoundCV of ARMv8.0): FZ
// flushes tiny single/double results to zero (UFC, no IXC); underflow is detected before
// rounding; overflow gives infinity or the largest normal by rounding mode; kOdd is
// round-to-odd (FCVTXN); with FPCR.AHP a half result saturates and signals IOC instead.
CUARM_HD CUARM_NOINLINE inline uint64_t round(uint32_t sign, int32_t exp, uint64_t mant, int n, uint32_t fpcr,
                                              uint32_t rounding, uint32_t& fpsr) {
  const int e_bits = fmt_e(n), f = fmt_f(n);
  const int32_t min_exp = 2 - (1 << (e_bits - 1));
  const int lz = clz64(mant);
  mant <<= lz;
  exp -= lz;
  const int32_t exponent = exp + 63;  // the value is in [2^exponent, 2^(exponent+1))
  if ((fpcr & kFpcrFZ) && n != 16 && exponent < min_exp) {
    fpsr |= kUFC;
    return fp_zero(sign, n);
  }
  int32_t biased = exponent - min_exp + 1;
  if (biased <= 0) {
    mant = shr_sticky64(mant, 1 - biased);
    biased = 0;
  }
  uint64_t int_mant = mant >> (63 - f);
  const uint64_t err = mant & ones(63 - f), half = uint64_t(1) << (62 - f);
  if (biased == 0 && err != 0) fpsr |= kUFC;
  bool round_up, overflow_to_inf;
  switch (rounding) {
    case kTieEven:
      round_up = err > half || (err == half && (int_mant & 1));
      overflow_to_inf = true;
      break;
    case kPosInf:
      round_up = err != 0 && !sign;
      overflow_to_inf = !sign;
      break;
    case kNegInf:
      round_up = err != 0 && sign;
      overflow_to_inf = sign;
      break;
    case kTieAway:  // (not an FPRound mode in ARMv8.0; kept for completeness)
      round_up = err >= half;
      overflow_to_inf = true;
      break;
    default:  // kZero, kOdd
      round_up = false;
      overflow_to_inf = false;
      break;
  }
  if (round_up) {
    ++int_mant;
    if (int_mant == (uint64_t(1) << f)) biased = 1;  // a denormal rounded up to the smallest normal
    if (int_mant == (uint64_t(1) << (f + 1))) {
      ++biased;
      int_mant >>= 1;
    }
  }
  if (err != 0 && rounding == kOdd) int_mant |= 1;
  bool inexact = err != 0;
  uint64_t result;
  if (n != 16 || !(fpcr & kFpcrAHP)) {
    if (biased >= int32_t(ones(e_bits))) {
      result = overflow_to_inf ? fp_infinity(sign, n) : fp_max_normal(sign, n);
      fpsr |= kOFC;
      inexact = true;
    } else {
      result = fp_make(sign, uint64_t(biased), int_mant & ones(f), n);
    }
  } else {
    if (biased >= (1 << e_bits)) {
      result = (uint64_t(sign) << (n - 1)) | ones(n - 1);
      fpsr |= kIOC;
      inexact = false;
    } else {
      result = fp_make(sign, uint64_t(biased), int_mant & ones(f), n);
    }
  }
  if (inexact) fpsr |= kIXC;
  return result;
}

// Rounds the nonzero value m * 2^exp with a 128-bit m.
CUARM_HD CUARM_INLINE uint64_t round128(uint32_t sign, int32_t exp, U128 m, int n, uint32_t fpcr, uint32_t rounding,
                                        uint32_t& fpsr) {
  if (m.hi == 0) return round(sign, exp, m.lo, n, fpcr, rounding, fpsr);
  const int lz = clz64(m.hi);
  m = u128_shl(m, lz);
  return round(sign, exp - lz + 64, m.hi | (m.lo ? 1u : 0u), n, fpcr, rounding, fpsr);
}

// An exact sum of two signed values m * 2^exp (128-bit m, at most ~120 significant bits).
struct Exact {
  uint32_t sign;
  int32_t exp;
  U128 m;  // zero: the sum is exactly zero
};

// Exact sum, except that bits more than ~125 places below the larger operand's top bit are
// reduced to a sticky bit 0 (enough for correct rounding to 53 bits).
CUARM_HD CUARM_INLINE Exact exact_add(Exact a, Exact b) {
  if (u128_zero(a.m)) return b;
  if (u128_zero(b.m)) return a;
  // Normalise both to their top bit at 125 (two bits of headroom); low bits are then zero.
  int la = u128_clz(a.m) - 2, lb = u128_clz(b.m) - 2;
  a.m = u128_shl(a.m, la);
  a.exp -= la;
  b.m = u128_shl(b.m, lb);
  b.exp -= lb;
  if (a.exp < b.exp) {
    const Exact t = a;
    a = b;
    b = t;
  }
  const int64_t d = int64_t(a.exp) - b.exp;
  b.m = u128_shr_sticky(b.m, d > 200 ? 200 : int(d));
  Exact r;
  r.exp = a.exp;
  if (a.sign == b.sign) {
    r.sign = a.sign;
    r.m = u128_add(a.m, b.m);
  } else if (u128_lt(a.m, b.m)) {
    r.sign = b.sign;
    r.m = u128_sub(b.m, a.m);
  } else {
    r.sign = a.sign;
    r.m = u128_sub(a.m, b.m);
  }
  return r;
}

}  // namespace cuarm::core::fp
