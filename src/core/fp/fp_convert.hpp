// Soft-float conversions (see fp.hpp): between precisions (FPConvert), to and from integers and
// fixed point (FPToFixed, FixedToFP), and round to integral (FPRoundInt).
#pragma once
#include "fp_core.hpp"

namespace cuarm::core::fp {

// How far a discarded fraction is from zero: 0 none, 1 below one half, 2 exactly one half,
// 3 above one half.
CUARM_HD CUARM_INLINE int error_class(uint64_t rem, int sh) {
  if (rem == 0) return 0;
  const uint64_t half = uint64_t(1) << (sh - 1);
  return rem < half ? 1 : rem == half ? 2 : 3;
}

// Whether rounding a magnitude int_mag with discarded fraction err (error_class) of a value
// with the given sign increments the magnitude. This is the manual's round_up decision, which
// it states for RoundDown of the signed value, rewritten for sign and magnitude.
CUARM_HD CUARM_INLINE bool increments(uint32_t rounding, uint32_t sign, uint64_t int_mag, int err) {
  if (err == 0) return false;
  switch (rounding) {
    case kTieEven: return err == 3 || (err == 2 && (int_mag & 1));
    case kPosInf: return !sign;
    case kNegInf: return sign;
    case kTieAway: return err >= 2;
    default: return false;  // kZero
  }
}

// Splits the nonzero value mant * 2^exp into an integer magnitude and the error class of the
// rest; returns false when the magnitude needs more than 64 bits.
CUARM_HD CUARM_INLINE bool split_integer(uint64_t mant, int32_t exp, uint64_t& int_mag, int& err) {
  if (exp >= 0) {
    err = 0;
    if (exp >= 64 || (exp > 0 && (mant >> (64 - exp)) != 0)) return false;
    int_mag = mant << exp;
    return true;
  }
  const int32_t sh = -exp;
  if (sh >= 64) {  // mant < 2^53: the value is below one half
    int_mag = 0;
    err = 1;
    return true;
  }
  int_mag = mant >> sh;
  err = error_class(mant & ones(sh), sh);
  return true;
}

// FPConvert (FCVT, FCVTL/N; FCVTXN with kOdd) from `from` bits to `to` bits, and FPConvertNaN.
CUARM_HD CUARM_NOINLINE inline uint64_t convert(uint64_t op, int from, int to, uint32_t rounding, uint32_t fpcr,
                                                uint32_t& fpsr) {
  const Unpacked u = unpack(op, from, fpcr, fpsr);
  const bool alt_hp = to == 16 && (fpcr & kFpcrAHP);
  if (is_nan(u.type)) {
    uint64_t r;
    if (alt_hp) {
      r = fp_zero(u.sign, to);
    } else if (fpcr & kFpcrDN) {
      r = fp_default_nan(to);
    } else {
      const int ff = fmt_f(from), ft = fmt_f(to);
      uint64_t frac = op & ones(ff);
      frac = ft >= ff ? frac << (ft - ff) : frac >> (ff - ft);
      r = fp_infinity(u.sign, to) | frac | (uint64_t(1) << (ft - 1));
    }
    if (u.type == kTypeSNaN || alt_hp) fpsr |= kIOC;
    return r;
  }
  if (u.type == kTypeInf) {
    if (alt_hp) {
      fpsr |= kIOC;
      return (uint64_t(u.sign) << 15) | 0x7fff;
    }
    return fp_infinity(u.sign, to);
  }
  if (u.type == kTypeZero) return fp_zero(u.sign, to);
  return round(u.sign, u.exp, u.mant, to, fpcr, rounding, fpsr);
}

// FPToFixed: op (n bits) times 2^fbits, rounded to an integer of int_size (32/64) bits,
// saturated with IOC; NaN gives 0 with IOC; IXC when inexact. The result is zero-extended.
CUARM_HD CUARM_NOINLINE inline uint64_t to_fixed(uint64_t op, int n, int int_size, bool is_unsigned, int fbits,
                                                 uint32_t rounding, uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked u = unpack(op, n, fpcr, fpsr);
  if (is_nan(u.type)) {
    fpsr |= kIOC;
    return 0;
  }
  uint64_t mag = 0;
  int err = 0;
  bool overflow = u.type == kTypeInf;
  if (u.type == kTypeNonzero) {
    if (!split_integer(u.mant, u.exp + fbits, mag, err)) {
      overflow = true;
    } else if (increments(rounding, u.sign, mag, err)) {
      if (++mag == 0) overflow = true;
    }
  }
  uint64_t result = 0;
  if (!overflow) {
    // The representable magnitudes: signed [0, 2^(s-1)-1] or 2^(s-1) when negative; unsigned
    // [0, 2^s - 1] and only zero when negative.
    if (is_unsigned) {
      overflow = (u.sign && mag != 0) || (int_size < 64 && (mag >> int_size) != 0);
      result = mag;
    } else {
      const uint64_t lim = uint64_t(1) << (int_size - 1);
      overflow = u.sign ? mag > lim : mag >= lim;
      result = u.sign ? (0 - mag) & ones(int_size) : mag;
    }
  }
  if (overflow) {
    fpsr |= kIOC;
    if (is_unsigned) return u.sign ? 0 : ones(int_size);
    return u.sign ? uint64_t(1) << (int_size - 1) : ones(int_size - 1);
  }
  if (err != 0) fpsr |= kIXC;
  return result;
}

// FixedToFP: the int_size-bit integer v (signed or unsigned) divided by 2^fbits, rounded to n
// bits; zero gives +0.
CUARM_HD CUARM_NOINLINE inline uint64_t from_fixed(uint64_t v, int int_size, bool is_unsigned, int fbits, int n,
                                                   uint32_t rounding, uint32_t fpcr, uint32_t& fpsr) {
  v &= ones(int_size);
  uint32_t sign = 0;
  if (!is_unsigned && ((v >> (int_size - 1)) & 1)) {
    sign = 1;
    v = (0 - v) & ones(int_size);
    if (v == 0) v = uint64_t(1) << (int_size - 1);
  }
  if (v == 0) return fp_zero(0, n);
  return round(sign, -fbits, v, n, fpcr, rounding, fpsr);
}

// FPRoundInt (FRINTN/P/M/Z/A/I/X): exact signals IXC when the value changes (FRINTX).
CUARM_HD CUARM_NOINLINE inline uint64_t round_int(uint64_t op, int n, uint32_t rounding, bool exact, uint32_t fpcr,
                                                  uint32_t& fpsr) {
  const Unpacked u = unpack(op, n, fpcr, fpsr);
  if (is_nan(u.type)) return process_nan(u.type, op, n, fpcr, fpsr);
  if (u.type == kTypeInf) return fp_infinity(u.sign, n);
  if (u.type == kTypeZero) return fp_zero(u.sign, n);
  if (u.exp >= 0) return op & ones(n);  // already an integer
  uint64_t mag;
  int err;
  split_integer(u.mant, u.exp, mag, err);
  if (increments(rounding, u.sign, mag, err)) ++mag;
  if (err != 0 && exact) fpsr |= kIXC;
  if (mag == 0) return fp_zero(u.sign, n);
  uint32_t ignored = 0;  // exact: FPRound raises nothing
  return round(u.sign, 0, mag, n, fpcr, kZero, ignored);
}

}  // namespace cuarm::core::fp
