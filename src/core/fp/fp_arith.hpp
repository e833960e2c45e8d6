// Soft-float arithmetic (see fp.hpp): add, sub, mul, mulx, div, sqrt, fused multiply-add,
// min/max(nm), compares, reciprocal/reciprocal-square-root estimates and steps, recpx.
// Each follows the Arm manual's pseudocode function of the same name (FPAdd, FPMulAdd, ...).
// add, sub, mul, div, sqrt and fma first try the fast path (fp_fast.hpp), which gives the
// same bits and flags where it applies; soft_add, ... are the soft path alone (for the tests).
#pragma once
#include "fp_core.hpp"
#include "fp_fast.hpp"

namespace cuarm::core::fp {

// Exact value of a nonzero finite operand, as an Exact.
CUARM_HD CUARM_INLINE Exact exact_of(const Unpacked& u) { return {u.sign, u.exp, {0, u.mant}}; }

// Rounds an exact sum; an exact zero gets +0, or -0 when rounding towards minus infinity.
CUARM_HD CUARM_INLINE uint64_t round_exact(const Exact& x, int n, uint32_t fpcr, uint32_t& fpsr) {
  if (u128_zero(x.m)) return fp_zero(rounding_mode(fpcr) == kNegInf ? 1u : 0u, n);
  return round128(x.sign, x.exp, x.m, n, fpcr, rounding_mode(fpcr), fpsr);
}

// FPAdd (negate_b: FPSub, b's sign flipped after NaN processing).
CUARM_HD CUARM_NOINLINE inline uint64_t add_sub(uint64_t a, uint64_t b, int n, bool negate_b, uint32_t fpcr,
                                                uint32_t& fpsr) {
  const Unpacked u1 = unpack(a, n, fpcr, fpsr);
  Unpacked u2 = unpack(b, n, fpcr, fpsr);
  uint64_t r;
  if (process_nans(u1, u2, a, b, n, fpcr, fpsr, r)) return r;
  if (negate_b) u2.sign ^= 1;
  const bool inf1 = u1.type == kTypeInf, inf2 = u2.type == kTypeInf;
  if (inf1 && inf2 && u1.sign != u2.sign) {
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  if (inf1) return fp_infinity(u1.sign, n);
  if (inf2) return fp_infinity(u2.sign, n);
  const bool zero1 = u1.type == kTypeZero, zero2 = u2.type == kTypeZero;
  if (zero1 && zero2 && u1.sign == u2.sign) return fp_zero(u1.sign, n);
  Exact x1 = exact_of(u1), x2 = exact_of(u2);
  return round_exact(exact_add(x1, x2), n, fpcr, fpsr);
}

CUARM_HD CUARM_INLINE uint64_t soft_add(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return add_sub(a, b, n, false, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t soft_sub(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return add_sub(a, b, n, true, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t add(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
#if CUARM_FP_FAST
  uint64_t r;
  if (fast::add_sub(a, b, n, false, fpcr, fpsr, r)) return r;
#endif
  return add_sub(a, b, n, false, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t sub(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
#if CUARM_FP_FAST
  uint64_t r;
  if (fast::add_sub(a, b, n, true, fpcr, fpsr, r)) return r;
#endif
  return add_sub(a, b, n, true, fpcr, fpsr);
}

// FPMul and FPMulX (mulx: infinity times zero is 2.0 with the product's sign).
CUARM_HD CUARM_NOINLINE inline uint64_t mul_x(uint64_t a, uint64_t b, int n, bool mulx, uint32_t fpcr,
                                              uint32_t& fpsr) {
  const Unpacked u1 = unpack(a, n, fpcr, fpsr), u2 = unpack(b, n, fpcr, fpsr);
  uint64_t r;
  if (process_nans(u1, u2, a, b, n, fpcr, fpsr, r)) return r;
  const uint32_t sign = u1.sign ^ u2.sign;
  const bool inf1 = u1.type == kTypeInf, inf2 = u2.type == kTypeInf;
  const bool zero1 = u1.type == kTypeZero, zero2 = u2.type == kTypeZero;
  if ((inf1 && zero2) || (zero1 && inf2)) {
    if (mulx) return fp_make(sign, uint64_t(fmt_bias(n)) + 1, 0, n);  // 2.0
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  if (inf1 || inf2) return fp_infinity(sign, n);
  if (zero1 || zero2) return fp_zero(sign, n);
  return round128(sign, u1.exp + u2.exp, u128_mul64(u1.mant, u2.mant), n, fpcr, rounding_mode(fpcr), fpsr);
}
CUARM_HD CUARM_INLINE uint64_t soft_mul(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return mul_x(a, b, n, false, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t mul(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
#if CUARM_FP_FAST
  uint64_t r;
  if (fast::mul(a, b, n, fpcr, fpsr, r)) return r;
#endif
  return mul_x(a, b, n, false, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t mulx(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return mul_x(a, b, n, true, fpcr, fpsr);
}

// FPDiv. The quotient of the two significands is found by integer division, with a sticky bit
// from the remainder.
CUARM_HD CUARM_NOINLINE inline uint64_t soft_div(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked u1 = unpack(a, n, fpcr, fpsr), u2 = unpack(b, n, fpcr, fpsr);
  uint64_t r;
  if (process_nans(u1, u2, a, b, n, fpcr, fpsr, r)) return r;
  const uint32_t sign = u1.sign ^ u2.sign;
  const bool inf1 = u1.type == kTypeInf, inf2 = u2.type == kTypeInf;
  const bool zero1 = u1.type == kTypeZero, zero2 = u2.type == kTypeZero;
  if ((inf1 && inf2) || (zero1 && zero2)) {
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  if (inf1 || zero2) {
    if (!inf1) fpsr |= kDZC;
    return fp_infinity(sign, n);
  }
  if (zero1 || inf2) return fp_zero(sign, n);
  if (n <= 32) {
    // Significands of at most 24 bits: one 64-bit division of the dividend shifted to bit 62
    // gives at least 38 quotient bits, and the remainder the sticky bit.
    const int l1 = clz64(u1.mant) - 1;
    const uint64_t num = u1.mant << l1;
    const uint64_t q = num / u2.mant, rem = num % u2.mant;
    return round(sign, (u1.exp - l1) - u2.exp, q | (rem ? 1u : 0u), n, fpcr, rounding_mode(fpcr), fpsr);
  }
  // Both significands with their top bit at 52, the dividend doubled if smaller (so that the
  // quotient is in [1, 2)); then long division in 64-bit hardware steps of 10 bits each (the
  // shifted remainder stays below 2^63): 61 quotient bits and the remainder for the sticky bit.
  const int l1 = clz64(u1.mant) - 11, l2 = clz64(u2.mant) - 11;
  uint64_t rem = u1.mant << l1;
  const uint64_t d = u2.mant << l2;
  int32_t exp = (u1.exp - l1) - (u2.exp - l2) - 60;
  if (rem < d) {
    rem <<= 1;
    --exp;
  }
  uint64_t q = 1;
  rem -= d;
  for (int i = 0; i < 6; ++i) {
    rem <<= 10;
    q = (q << 10) | (rem / d);
    rem %= d;
  }
  return round(sign, exp, q | (rem ? 1u : 0u), n, fpcr, rounding_mode(fpcr), fpsr);
}

// FPSqrt: the restoring square root, two radicand bits a step; the partial remainder stays
// below 2^59, so 64-bit arithmetic suffices.
CUARM_HD CUARM_NOINLINE inline uint64_t soft_sqrt(uint64_t a, int n, uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked u = unpack(a, n, fpcr, fpsr);
  if (is_nan(u.type)) return process_nan(u.type, a, n, fpcr, fpsr);
  if (u.type == kTypeZero) return fp_zero(u.sign, n);
  if (u.type == kTypeInf && !u.sign) return fp_infinity(0, n);
  if (u.sign) {
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  // The radicand x * 2^e with x's top bit at 63 or 62 and e even; then `steps` pairs of bits
  // (x's 32, then zeros) give a root of `steps` bits: 32 for single, 56 for double (at least
  // F + 3 bits for rounding).
  int sh = clz64(u.mant);
  int32_t e = u.exp - sh;
  if (e & 1) {
    --sh;
    ++e;
  }
  uint64_t x = u.mant << sh;
  const int steps = n <= 32 ? 32 : 56;
  e -= 2 * (steps - 32);
  uint64_t root = 0, rem = 0;
  for (int i = 0; i < steps; ++i) {
    rem = (rem << 2) | (x >> 62);
    x <<= 2;
    const uint64_t t = (root << 2) | 1;
    const uint64_t take = rem >= t ? 1u : 0u;  // (branch-free: the outcome is data-dependent)
    rem -= t & (0 - take);
    root = (root << 1) | take;
  }
  return round(0, e / 2, root | (rem ? 1u : 0u), n, fpcr, rounding_mode(fpcr), fpsr);
}

// FPMulAdd: addend + op1 * op2 with a single rounding.
CUARM_HD CUARM_NOINLINE inline uint64_t soft_fma(uint64_t addend, uint64_t op1, uint64_t op2, int n,
                                                 uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked ua = unpack(addend, n, fpcr, fpsr), u1 = unpack(op1, n, fpcr, fpsr),
                 u2 = unpack(op2, n, fpcr, fpsr);
  const bool inf1 = u1.type == kTypeInf, inf2 = u2.type == kTypeInf;
  const bool zero1 = u1.type == kTypeZero, zero2 = u2.type == kTypeZero;
  uint64_t r;
  const bool done = process_nans3(ua, u1, u2, addend, op1, op2, n, fpcr, fpsr, r);
  // A quiet NaN addend does not hide the invalid product infinity * 0.
  if (ua.type == kTypeQNaN && ((inf1 && zero2) || (zero1 && inf2))) {
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  if (done) return r;
  const bool infa = ua.type == kTypeInf, zeroa = ua.type == kTypeZero;
  const uint32_t signp = u1.sign ^ u2.sign;
  const bool infp = inf1 || inf2, zerop = zero1 || zero2;
  if ((inf1 && zero2) || (zero1 && inf2) || (infa && infp && ua.sign != signp)) {
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  if ((infa && !ua.sign) || (infp && !signp)) return fp_infinity(0, n);
  if (infa || infp) return fp_infinity(1, n);
  if (zeroa && zerop && ua.sign == signp) return fp_zero(ua.sign, n);
  Exact p = {signp, 0, {0, 0}};
  if (!zerop) p = {signp, u1.exp + u2.exp, u128_mul64(u1.mant, u2.mant)};
  Exact x = {ua.sign, 0, {0, 0}};
  if (!zeroa) x = exact_of(ua);
  return round_exact(exact_add(x, p), n, fpcr, fpsr);
}

CUARM_HD CUARM_INLINE uint64_t div(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
#if CUARM_FP_FAST
  uint64_t r;
  if (fast::div(a, b, n, fpcr, fpsr, r)) return r;
#endif
  return soft_div(a, b, n, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t sqrt(uint64_t a, int n, uint32_t fpcr, uint32_t& fpsr) {
#if CUARM_FP_FAST
  uint64_t r;
  if (fast::sqrt(a, n, fpcr, fpsr, r)) return r;
#endif
  return soft_sqrt(a, n, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t fma(uint64_t addend, uint64_t op1, uint64_t op2, int n, uint32_t fpcr,
                                   uint32_t& fpsr) {
#if CUARM_FP_FAST
  uint64_t r;
  if (fast::fma(addend, op1, op2, n, fpcr, fpsr, r)) return r;
#endif
  return soft_fma(addend, op1, op2, n, fpcr, fpsr);
}

// Value order of two non-NaN operands: -1, 0, 1 (zeros of either sign are equal).
CUARM_HD CUARM_INLINE int order(const Unpacked& u1, uint64_t a, const Unpacked& u2, uint64_t b, int n) {
  // Flushed denormals are zeros; otherwise the magnitude bits order the values.
  const uint64_t m1 = u1.type == kTypeZero ? 0 : (a & ones(n - 1));
  const uint64_t m2 = u2.type == kTypeZero ? 0 : (b & ones(n - 1));
  const int64_t k1 = u1.sign ? -int64_t(m1) : int64_t(m1), k2 = u2.sign ? -int64_t(m2) : int64_t(m2);
  return k1 < k2 ? -1 : k1 > k2 ? 1 : 0;
}

// The operand's value re-encoded (FPRound of an exact value): flushed denormals become zero.
CUARM_HD CUARM_INLINE uint64_t canonical(const Unpacked& u, uint64_t a, int n) {
  return u.type == kTypeZero ? fp_zero(u.sign, n) : (a & ones(n));
}

// FPMax / FPMin.
CUARM_HD CUARM_NOINLINE inline uint64_t max_min(uint64_t a, uint64_t b, int n, bool is_max, uint32_t fpcr,
                                                uint32_t& fpsr) {
  const Unpacked u1 = unpack(a, n, fpcr, fpsr), u2 = unpack(b, n, fpcr, fpsr);
  uint64_t r;
  if (process_nans(u1, u2, a, b, n, fpcr, fpsr, r)) return r;
  if (u1.type == kTypeZero && u2.type == kTypeZero)
    return fp_zero(is_max ? (u1.sign & u2.sign) : (u1.sign | u2.sign), n);
  const int o = order(u1, a, u2, b, n);
  const bool first = is_max ? o > 0 : o < 0;
  return first ? canonical(u1, a, n) : canonical(u2, b, n);
}
CUARM_HD CUARM_INLINE uint64_t max(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return max_min(a, b, n, true, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t min(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return max_min(a, b, n, false, fpcr, fpsr);
}

// FPMaxNum / FPMinNum: a single quiet NaN loses against a number.
CUARM_HD CUARM_NOINLINE inline uint64_t max_min_num(uint64_t a, uint64_t b, int n, bool is_max, uint32_t fpcr,
                                                    uint32_t& fpsr) {
  uint32_t ignored = 0;  // FPUnpack's IDC is raised again by FPMax
  const Type t1 = unpack(a, n, fpcr, ignored).type, t2 = unpack(b, n, fpcr, ignored).type;
  const uint32_t sign = is_max ? 1u : 0u;  // -inf for max, +inf for min
  if (t1 == kTypeQNaN && t2 != kTypeQNaN)
    a = fp_infinity(sign, n);
  else if (t1 != kTypeQNaN && t2 == kTypeQNaN)
    b = fp_infinity(sign, n);
  return max_min(a, b, n, is_max, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t maxnm(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return max_min_num(a, b, n, true, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t minnm(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return max_min_num(a, b, n, false, fpcr, fpsr);
}

// FPCompare: NZCV in bits 31:28 (unordered 0011, equal 0110, less 1000, greater 0010).
CUARM_HD CUARM_NOINLINE inline uint32_t compare(uint64_t a, uint64_t b, int n, bool signal_nans, uint32_t fpcr,
                                                uint32_t& fpsr) {
  const Unpacked u1 = unpack(a, n, fpcr, fpsr), u2 = unpack(b, n, fpcr, fpsr);
  if (is_nan(u1.type) || is_nan(u2.type)) {
    if (u1.type == kTypeSNaN || u2.type == kTypeSNaN || signal_nans) fpsr |= kIOC;
    return 0x3u << 28;
  }
  const int o = order(u1, a, u2, b, n);
  return o == 0 ? 0x6u << 28 : o < 0 ? 0x8u << 28 : 0x2u << 28;
}

// FPCompareEQ / FPCompareGE / FPCompareGT (Advanced SIMD compares): false when unordered; EQ
// signals only for signalling NaNs, GE and GT for any NaN.
CUARM_HD CUARM_NOINLINE inline bool compare_op(uint64_t a, uint64_t b, int n, int kind, uint32_t fpcr,
                                               uint32_t& fpsr) {
  const Unpacked u1 = unpack(a, n, fpcr, fpsr), u2 = unpack(b, n, fpcr, fpsr);
  if (is_nan(u1.type) || is_nan(u2.type)) {
    if (kind != 0 || u1.type == kTypeSNaN || u2.type == kTypeSNaN) fpsr |= kIOC;
    return false;
  }
  const int o = order(u1, a, u2, b, n);
  return kind == 0 ? o == 0 : kind == 1 ? o >= 0 : o > 0;
}
CUARM_HD CUARM_INLINE bool compare_eq(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return compare_op(a, b, n, 0, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE bool compare_ge(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return compare_op(a, b, n, 1, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE bool compare_gt(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return compare_op(a, b, n, 2, fpcr, fpsr);
}

// FPRecipStepFused (2 - a*b) and FPRSqrtStepFused ((3 - a*b) / 2), each with one rounding.
CUARM_HD CUARM_NOINLINE inline uint64_t step_fused(uint64_t a, uint64_t b, int n, bool rsqrt, uint32_t fpcr,
                                                   uint32_t& fpsr) {
  a ^= uint64_t(1) << (n - 1);  // FPNeg(op1), before NaN processing
  const Unpacked u1 = unpack(a, n, fpcr, fpsr), u2 = unpack(b, n, fpcr, fpsr);
  uint64_t r;
  if (process_nans(u1, u2, a, b, n, fpcr, fpsr, r)) return r;
  const bool inf1 = u1.type == kTypeInf, inf2 = u2.type == kTypeInf;
  const bool zero1 = u1.type == kTypeZero, zero2 = u2.type == kTypeZero;
  const uint64_t bias = uint64_t(fmt_bias(n));
  if ((inf1 && zero2) || (zero1 && inf2))
    return rsqrt ? fp_make(0, bias, uint64_t(1) << (fmt_f(n) - 1), n) : fp_make(0, bias + 1, 0, n);
  if (inf1 || inf2) return fp_infinity(u1.sign ^ u2.sign, n);
  Exact p = {u1.sign ^ u2.sign, 0, {0, 0}};
  if (!zero1 && !zero2) p = {u1.sign ^ u2.sign, u1.exp + u2.exp, u128_mul64(u1.mant, u2.mant)};
  const Exact k = {0, 0, {0, rsqrt ? 3u : 2u}};
  Exact x = exact_add(k, p);
  if (rsqrt) --x.exp;
  return round_exact(x, n, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t recip_step(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return step_fused(a, b, n, false, fpcr, fpsr);
}
CUARM_HD CUARM_INLINE uint64_t rsqrt_step(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr) {
  return step_fused(a, b, n, true, fpcr, fpsr);
}

// RecipEstimate: 256 <= a < 512 (0.5 <= x < 1 in 1/512 steps) -> 256..511 (1 <= 1/x < 2).
CUARM_HD CUARM_INLINE uint32_t recip_estimate_int(uint32_t a) {
  a = a * 2 + 1;
  const uint32_t b = (1u << 19) / a;
  return (b + 1) / 2;
}

// RecipSqrtEstimate: 128 <= a < 512 -> 256..511. The manual's loop looks for the largest b
// with a * (b+1)^2 < 2^28; a binary search finds the same b.
CUARM_HD CUARM_INLINE uint32_t rsqrt_estimate_int(uint32_t a) {
  if (a < 256) {
    a = a * 2 + 1;
  } else {
    a = (a >> 1) << 1;
    a = (a + 1) * 2;
  }
  // The smallest k in [513, 1024] with a*k*k >= 2^28 (1024 always qualifies): b = k - 1.
  uint32_t lo = 513, hi = 1024;
  while (lo < hi) {
    const uint32_t mid = (lo + hi) / 2;
    if (uint64_t(a) * mid * mid >= (uint64_t(1) << 28))
      hi = mid;
    else
      lo = mid + 1;
  }
  const uint32_t b = lo - 1;
  return (b + 1) / 2;
}

// FPRecipEstimate (FRECPE).
CUARM_HD CUARM_NOINLINE inline uint64_t recip_estimate(uint64_t op, int n, uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked u = unpack(op, n, fpcr, fpsr);
  if (is_nan(u.type)) return process_nan(u.type, op, n, fpcr, fpsr);
  if (u.type == kTypeInf) return fp_zero(u.sign, n);
  if (u.type == kTypeZero) {
    fpsr |= kDZC;
    return fp_infinity(u.sign, n);
  }
  const int f = fmt_f(n);
  const int32_t bexp = int32_t((op >> f) & ones(fmt_e(n)));
  uint64_t fraction = (op & ones(f)) << (52 - f);  // as a double's 52-bit fraction
  // |value| < 2^-(bias+1) (2^-16, 2^-128, 2^-1024): the reciprocal overflows.
  const int32_t bias = fmt_bias(n);
  const bool tiny = bexp == 0 && (fraction >> 50) == 0;  // below 2^(1-bias-2)
  if (tiny) {
    bool to_inf;
    switch (rounding_mode(fpcr)) {
      case kTieEven: to_inf = true; break;
      case kPosInf: to_inf = !u.sign; break;
      case kNegInf: to_inf = u.sign; break;
      default: to_inf = false; break;
    }
    fpsr |= kOFC | kIXC;
    return to_inf ? fp_infinity(u.sign, n) : fp_max_normal(u.sign, n);
  }
  // |value| >= 2^(bias-1) (2^126, 2^1022): the reciprocal is a denormal, flushed under FZ.
  if ((fpcr & kFpcrFZ) && n != 16 && bexp >= 2 * bias - 1) {
    fpsr |= kUFC;
    return fp_zero(u.sign, n);
  }
  int32_t exp = bexp;
  if (exp == 0) {
    if (((fraction >> 51) & 1) == 0) {
      exp = -1;
      fraction = (fraction << 2) & ones(52);
    } else {
      fraction = (fraction << 1) & ones(52);
    }
  }
  const uint32_t scaled = uint32_t(0x100 | ((fraction >> 44) & 0xff));
  int32_t result_exp = 2 * bias - 1 - exp;  // 29, 253, 2045 minus exp
  const uint32_t estimate = recip_estimate_int(scaled);
  fraction = uint64_t(estimate & 0xff) << 44;
  if (result_exp == 0) {
    fraction = (uint64_t(1) << 51) | (fraction >> 1);
  } else if (result_exp == -1) {
    fraction = (uint64_t(1) << 50) | (fraction >> 2);
    result_exp = 0;
  }
  return fp_make(u.sign, uint64_t(result_exp) & ones(fmt_e(n)), fraction >> (52 - f), n);
}

// FPRSqrtEstimate (FRSQRTE).
CUARM_HD CUARM_NOINLINE inline uint64_t rsqrt_estimate(uint64_t op, int n, uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked u = unpack(op, n, fpcr, fpsr);
  if (is_nan(u.type)) return process_nan(u.type, op, n, fpcr, fpsr);
  if (u.type == kTypeZero) {
    fpsr |= kDZC;
    return fp_infinity(u.sign, n);
  }
  if (u.sign) {
    fpsr |= kIOC;
    return fp_default_nan(n);
  }
  if (u.type == kTypeInf) return fp_zero(0, n);
  const int f = fmt_f(n);
  int32_t exp = int32_t((op >> f) & ones(fmt_e(n)));
  uint64_t fraction = (op & ones(f)) << (52 - f);
  if (exp == 0) {
    while (((fraction >> 51) & 1) == 0) {
      fraction = (fraction << 1) & ones(52);
      --exp;
    }
    fraction = (fraction << 1) & ones(52);
  }
  // An even biased exponent is an odd power of two: scaled to [0.5, 1); otherwise [0.25, 0.5).
  const uint32_t scaled =
      (exp & 1) == 0 ? uint32_t(0x100 | ((fraction >> 44) & 0xff)) : uint32_t(0x80 | ((fraction >> 45) & 0x7f));
  const int32_t bias = fmt_bias(n);
  const int32_t result_exp = (3 * bias - 1 - exp) / 2;  // (44, 380, 3068 - exp) DIV 2; always > 0
  const uint32_t estimate = rsqrt_estimate_int(scaled);
  return fp_make(0, uint64_t(result_exp) & ones(fmt_e(n)), uint64_t(estimate & 0xff) << (f - 8), n);
}

// FPRecpX (FRECPX): exponent inverted, fraction cleared; zeros and denormals give the largest
// finite exponent.
CUARM_HD CUARM_NOINLINE inline uint64_t recpx(uint64_t op, int n, uint32_t fpcr, uint32_t& fpsr) {
  const Unpacked u = unpack(op, n, fpcr, fpsr);
  if (is_nan(u.type)) return process_nan(u.type, op, n, fpcr, fpsr);
  const int e = fmt_e(n), f = fmt_f(n);
  const uint64_t bexp = (op >> f) & ones(e);
  if (bexp == 0) return fp_make(u.sign, ones(e) - 1, 0, n);
  return fp_make(u.sign, ~bexp & ones(e), 0, n);
}

}  // namespace cuarm::core::fp
