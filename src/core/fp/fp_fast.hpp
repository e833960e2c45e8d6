// Fast path of the soft-float library (see fp.hpp): add, sub, mul, div, sqrt and fma of single
// and double precision on the IEEE hardware of the host or the GPU, taken only where its result
// AND the FPSR flags are provably those of the Arm pseudocode; everywhere else (or when a
// condition below fails) the entry points in fp_arith.hpp fall back to the soft path. Each
// function returns true with the result in `out` (and IXC OR'ed into fpsr) when it applies,
// false without touching fpsr otherwise. One implementation serves both: only the double
// operations (dadd, ...) and bit casts differ between host and device (see the end).
//
// Conditions, and why each is needed:
// - FPCR.RMode is round to nearest (dadd, ... round to nearest, ties to even). FZ, DN and AHP
//   then change nothing: they act only on denormals, NaNs and halves, which are excluded.
// - Every operand is zero or normal: no NaN (FPProcessNaNs), no infinity (the manual's special
//   cases), no denormal (FZ flushing, IDC).
// - A nonzero result is finite and at least twice the smallest normal (biased exponent >= 2).
//   Arm detects tininess before rounding and x86 after, and FZ flushes tiny results; a rounded
//   result above the smallest normal implies an exact value above it (rounding is monotonic and
//   the smallest normal is representable), so neither UFC nor flushing can happen. Overflow
//   (OFC, infinity) goes to the soft path as well.
// - A zero result is taken only where it is exact (an operand zero, or the exact cancellation
//   of a sum); IEEE's zero signs then follow the same rules as the manual's: x + (-x) = +0,
//   (-0) + (-0) = -0, zero products signed by the operands' signs, and FPMulAdd's zero product
//   plus zero addend keeps a common sign and is +0 otherwise.
// - The only flag is then IXC, found with error-free transformations (never <fenv.h>: the
//   compiler may move arithmetic across fenv calls): TwoSum for sums; Dekker's TwoProduct for
//   the product error x*y - p, for division (exact iff q*b == a) and the square root (exact iff
//   s*s == a); double fma compares the exact pairs x*y = p + ep and r - c = t + et. TwoProduct
//   is exact when no partial product overflows or drops below 2^-1074: hence the exponent
//   limits below (operands under 2^996, products under 2^1023, a product exponent sum of at
//   least -969, i.e. a product, dividend or radicand of at least 2^-967).
// - Single precision is computed in double. Products of two singles are exact in double; for
//   +, -, *, / and sqrt rounding twice (to 53 bits, then 24) gives the correctly rounded
//   result because 53 >= 2 * 24 + 2, and IXC is "inexact in double, or the single differs from
//   the double". Single fma adds the exact product to the addend in double: its one rounding
//   can only spoil the second when the double lands exactly on a midpoint between two singles
//   while the sum was not exact; that rare case takes the soft path.
//
// Host assumptions: IEEE binary32/64 evaluated in their own format (__FLT_EVAL_METHOD__ == 0:
// SSE2 on x86-64, AArch64), no -ffast-math, no contraction of a*b+c into an fma (the build
// passes -ffp-contract=off; the arithmetic below goes through dadd, dmul, ... which are plain
// operators on the host), the default floating-point environment (round to nearest, no
// flush-to-zero/denormals-are-zero in MXCSR/FPCR: the CPU backend runs guest code inside a
// HostFpEnv, backend/cpu/host_fp_env.hpp, which sets it whatever the calling thread had).
// Double fma itself is __builtin_fma, correctly rounded: without -mfma the compiler calls libm's
// fma (glibc: the FMA instruction where the CPU has one, exact software otherwise).
//
// Device (nvcc device pass, NVRTC): the same functions, always enabled. GPU double arithmetic is
// IEEE binary64, and dadd, dsub, dmul, ddiv, dsqrt and dfma are the explicit round-to-nearest
// intrinsics (__dadd_rn, __dsub_rn, __dmul_rn, __ddiv_rn, __dsqrt_rn, __fma_rn), which the
// compiler never contracts into an fma (nvcc and NVRTC contract plain a*b+c by default) and
// which no fast-math option changes. The double-to-single rounding is __double2float_rn. Flush
// to zero does not matter: double arithmetic never flushes on the GPU, and where single
// conversions may (-ftz=true flushes denormal singles) no denormal is ever an operand, and a
// denormal single result is declined anyway (a flushed one is a zero from a nonzero double,
// which single_result rejects). Bit casts are __double_as_longlong and friends (no memcpy
// under NVRTC, which has no <cstring>). On the device the five entry tries at the end are out
// of line, like the soft path, so that the interpreter's dispatch stays small.
#pragma once
#include "fp_core.hpp"

#if defined(__CUDA_ARCH__) || defined(__CUDACC_RTC__)
#define CUARM_FP_FAST 1
#elif defined(__FLT_EVAL_METHOD__) && __FLT_EVAL_METHOD__ == 0 && !defined(__FAST_MATH__) && \
    (defined(__x86_64__) || defined(__aarch64__))
#define CUARM_FP_FAST 1
#else
#define CUARM_FP_FAST 0
#endif

#if CUARM_FP_FAST
namespace cuarm::core::fp::fast {

// Each double operation rounded on its own, to nearest: operators on the host, intrinsics on
// the device (see above).
#if CUARM_DEVICE_CODE
CUARM_HD CUARM_INLINE double dadd(double a, double b) { return __dadd_rn(a, b); }
CUARM_HD CUARM_INLINE double dsub(double a, double b) { return __dsub_rn(a, b); }
CUARM_HD CUARM_INLINE double dmul(double a, double b) { return __dmul_rn(a, b); }
CUARM_HD CUARM_INLINE double ddiv(double a, double b) { return __ddiv_rn(a, b); }
CUARM_HD CUARM_INLINE double dsqrt(double a) { return __dsqrt_rn(a); }
CUARM_HD CUARM_INLINE double dfma(double a, double b, double c) { return __fma_rn(a, b, c); }
CUARM_HD CUARM_INLINE double f64(uint64_t b) { return __longlong_as_double(static_cast<long long>(b)); }
CUARM_HD CUARM_INLINE uint64_t bits64(double d) { return static_cast<uint64_t>(__double_as_longlong(d)); }
// The bits of the single nearest to d (ties to even).
CUARM_HD CUARM_INLINE uint32_t single_bits(double d) { return __float_as_uint(__double2float_rn(d)); }
CUARM_HD CUARM_INLINE double f32(uint64_t b) { return double(__uint_as_float(uint32_t(b))); }  // exact
#else
CUARM_HD CUARM_INLINE double dadd(double a, double b) { return a + b; }
CUARM_HD CUARM_INLINE double dsub(double a, double b) { return a - b; }
CUARM_HD CUARM_INLINE double dmul(double a, double b) { return a * b; }
CUARM_HD CUARM_INLINE double ddiv(double a, double b) { return a / b; }
CUARM_HD CUARM_INLINE double dsqrt(double a) { return __builtin_sqrt(a); }
CUARM_HD CUARM_INLINE double dfma(double a, double b, double c) { return __builtin_fma(a, b, c); }
CUARM_HD CUARM_INLINE double f64(uint64_t b) {
  double d;
  std::memcpy(&d, &b, sizeof d);
  return d;
}
CUARM_HD CUARM_INLINE uint64_t bits64(double d) {
  uint64_t b;
  std::memcpy(&b, &d, sizeof b);
  return b;
}
CUARM_HD CUARM_INLINE uint32_t single_bits(double d) {
  const float f = float(d);
  uint32_t b;
  std::memcpy(&b, &f, sizeof b);
  return b;
}
CUARM_HD CUARM_INLINE double f32(uint64_t b) {
  const uint32_t w = uint32_t(b);
  float f;
  std::memcpy(&f, &w, sizeof f);
  return double(f);  // exact
}
#endif

CUARM_HD CUARM_INLINE uint32_t exp64(uint64_t x) { return uint32_t(x >> 52) & 0x7ff; }
CUARM_HD CUARM_INLINE uint32_t exp32(uint64_t x) { return uint32_t(x >> 23) & 0xff; }
CUARM_HD CUARM_INLINE bool is_zero64(uint64_t x) { return (x << 1) == 0; }
CUARM_HD CUARM_INLINE bool is_zero32(uint64_t x) { return (uint32_t(x) << 1) == 0; }
// Zero, or normal with a biased exponent of at most max_exp.
CUARM_HD CUARM_INLINE bool zero_or_normal64(uint64_t x, uint32_t max_exp) {
  return exp64(x) - 1 < max_exp || is_zero64(x);
}
CUARM_HD CUARM_INLINE bool zero_or_normal32(uint64_t x) { return exp32(x) - 1 < 254 || is_zero32(x); }
// A nonzero result's biased exponent in [lo, hi] (lo >= 2: above the smallest normal).
CUARM_HD CUARM_INLINE bool in_range(uint32_t e, uint32_t lo, uint32_t hi) { return e - lo <= hi - lo; }

// a + b - s for s = RN(a + b), exactly (TwoSum); no intermediate overflows for |a|, |b| < 2^1023.
CUARM_HD CUARM_INLINE double two_sum_err(double a, double b, double s) {
  const double bb = dsub(s, a), aa = dsub(s, bb);
  return dadd(dsub(a, aa), dsub(b, bb));
}

// Veltkamp's split: x = hi + lo exactly, each with at most 26 significant bits, for a normal
// |x| < 2^996 ((2^27 + 1) * x must not overflow).
CUARM_HD CUARM_INLINE void split(double x, double& hi, double& lo) {
  const double c = dmul(134217729.0, x);  // 2^27 + 1
  hi = dsub(c, dsub(c, x));
  lo = dsub(x, hi);
}

// x*y - p for p = RN(x*y), exactly: Dekker's TwoProduct (the partial products of the 26-bit
// halves are exact). It needs no fma instruction: without -mfma (which CI machines may lack)
// std::fma is a library call that costs as much as the rest of an operation. Exact when
// |x|, |y| < 2^996, |p| < 2^1023 and ea + eb >= -969 (ea, eb the unbiased exponents), so that
// no partial product or sum overflows and xl*yl, a multiple of 2^(ea + eb - 104), is not
// below 2^-1074.
CUARM_HD CUARM_INLINE double two_prod_err(double x, double y, double p) {
  double xh, xl, yh, yl;
  split(x, xh, xl);
  split(y, yh, yl);
  return dadd(dadd(dadd(dsub(dmul(xh, yh), p), dmul(xh, yl)), dmul(xl, yh)), dmul(xl, yl));
}

// Limits of the biased exponents for two_prod_err: split operands, products.
constexpr uint32_t kMaxSplitExp = 1023 + 995, kMaxProductExp = 2045;
// The smallest sum of biased exponents ea + eb (ea + eb >= -969 unbiased).
constexpr uint32_t kMinProductExpSum = 2 * 1023 - 969;
// The smallest biased exponent (|v| >= 2^-967) of a product, dividend or radicand v: each
// bounds the exponent sum of the product x*y, q*b or s*s from below (|v| < 2^(e1 + e2 + 2),
// so e1 + e2 >= -969).
constexpr uint32_t kMinErrExp = 1023 - 967;

// ------------------------------------------------------------------ double
CUARM_HD CUARM_INLINE bool add64(uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  // Operands below 2^1023 keep TwoSum free of intermediate overflow (and the sum finite).
  if (!zero_or_normal64(a, 2045) || !zero_or_normal64(b, 2045)) return false;
  const double x = f64(a), y = f64(b), s = dadd(x, y);
  const uint64_t sb = bits64(s);
  if (!is_zero64(sb)) {  // a zero sum of two doubles is exact
    if (!in_range(exp64(sb), 2, 2046)) return false;
    if (two_sum_err(x, y, s) != 0) fpsr |= kIXC;
  }
  out = sb;
  return true;
}

CUARM_HD CUARM_INLINE bool mul64(uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  if (!zero_or_normal64(a, kMaxSplitExp) || !zero_or_normal64(b, kMaxSplitExp)) return false;
  const double x = f64(a), y = f64(b), p = dmul(x, y);
  out = bits64(p);
  if (is_zero64(a) || is_zero64(b)) return true;  // a signed zero, exact
  // The lower limit also rejects a zero or denormal p (underflow).
  if (!in_range(exp64(out), kMinErrExp, kMaxProductExp)) return false;
  if (two_prod_err(x, y, p) != 0) fpsr |= kIXC;
  return true;
}

CUARM_HD CUARM_INLINE bool div64(uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  // a below 2^1022 keeps q*b (within a rounding of a) below 2^1023.
  if (!zero_or_normal64(a, kMaxProductExp - 1) || !zero_or_normal64(b, kMaxSplitExp) || is_zero64(b))
    return false;  // b = 0: DZC
  const double x = f64(a), y = f64(b), q = ddiv(x, y);
  out = bits64(q);
  if (is_zero64(a)) return true;  // a signed zero, exact
  if (exp64(a) < kMinErrExp || !in_range(exp64(out), 2, kMaxSplitExp)) return false;
  // The quotient is exact iff q*b == a, i.e. iff RN(q*b) == a and its error is zero.
  const double h = dmul(q, y);
  if (h != x || two_prod_err(q, y, h) != 0) fpsr |= kIXC;
  return true;
}

CUARM_HD CUARM_INLINE bool sqrt64(uint64_t a, uint32_t& fpsr, uint64_t& out) {
  if (is_zero64(a)) {  // sqrt(+-0) = +-0
    out = a;
    return true;
  }
  // Negative operands raise IOC; the root of a normal number is always normal. a below 2^1022
  // keeps s*s below 2^1023 for TwoProduct.
  if ((a >> 63) || !in_range(exp64(a), kMinErrExp, kMaxProductExp - 1)) return false;
  const double x = f64(a), s = dsqrt(x);  // s < 2^512
  const double h = dmul(s, s);
  if (h != x || two_prod_err(s, s, h) != 0) fpsr |= kIXC;
  out = bits64(s);
  return true;
}

// addend + a * b with one rounding.
CUARM_HD CUARM_INLINE bool fma64(uint64_t c, uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  // The addend below 2^1023 keeps TwoSum(r, -c) free of overflow (r is checked below).
  if (!zero_or_normal64(c, 2045) || !zero_or_normal64(a, kMaxSplitExp) || !zero_or_normal64(b, kMaxSplitExp))
    return false;
  const double x = f64(a), y = f64(b), z = f64(c);
  if (is_zero64(a) || is_zero64(b)) {  // a signed zero product: the sum is exact
    out = bits64(dadd(dmul(x, y), z));
    return true;
  }
  if (exp64(a) + exp64(b) < kMinProductExpSum) return false;
  const double p = dmul(x, y);
  if (exp64(bits64(p)) > kMaxProductExp) return false;  // the product alone (nearly) overflows
  const double r = dfma(x, y, z);
  out = bits64(r);
  // With ea + eb >= -969 the exact sum is a multiple of 2^-1074: a zero r is an exact zero.
  if (is_zero64(out)) return true;
  if (!in_range(exp64(out), 2, 2045)) return false;
  // x*y = p + ep and r - z = t + et exactly, each head the rounded value of its pair's sum, so
  // the two pairs are equal iff x*y == r - z, i.e. iff r is exact.
  const double ep = two_prod_err(x, y, p);
  const double t = dsub(r, z), et = two_sum_err(r, -z, t);
  if (p != t || ep != et) fpsr |= kIXC;
  return true;
}

// ------------------------------------------------------------------ single, in double
// A single result: the rounded double d as single; false unless zero (then exactly: d == 0) or
// normal above the smallest normal and finite.
CUARM_HD CUARM_INLINE bool single_result(double d, uint32_t& rb) {
  rb = single_bits(d);
  return d == 0 || in_range(exp32(rb), 2, 254);
}

CUARM_HD CUARM_INLINE bool add32(uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  if (!zero_or_normal32(a) || !zero_or_normal32(b)) return false;
  const double x = f32(a), y = f32(b), d = dadd(x, y);
  uint32_t rb;
  if (!single_result(d, rb)) return false;
  // Inexact in double means inexact in single; otherwise d is the exact sum.
  if (two_sum_err(x, y, d) != 0 || double(f32(rb)) != d) fpsr |= kIXC;
  out = rb;
  return true;
}

CUARM_HD CUARM_INLINE bool mul32(uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  if (!zero_or_normal32(a) || !zero_or_normal32(b)) return false;
  const double d = dmul(f32(a), f32(b));  // exact: 24 + 24 bits
  uint32_t rb;
  if (!single_result(d, rb)) return false;  // d == 0 only for a zero operand
  if (f32(rb) != d) fpsr |= kIXC;
  out = rb;
  return true;
}

CUARM_HD CUARM_INLINE bool div32(uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  if (!zero_or_normal32(a) || !zero_or_normal32(b) || is_zero32(b)) return false;  // b = 0: DZC
  const double x = f32(a), y = f32(b), d = ddiv(x, y);
  uint32_t rb;
  if (!single_result(d, rb)) return false;  // d == 0 only for a zero dividend
  if (dmul(f32(rb), y) != x) fpsr |= kIXC;  // the product of two singles is exact in double
  out = rb;
  return true;
}

CUARM_HD CUARM_INLINE bool sqrt32(uint64_t a, uint32_t& fpsr, uint64_t& out) {
  if (!zero_or_normal32(a) || (((a >> 31) & 1) != 0 && !is_zero32(a))) return false;  // negative: IOC
  const double x = f32(a), d = dsqrt(x);
  uint32_t rb;
  if (!single_result(d, rb)) return false;  // (never: the root of a normal single is normal)
  const double r = f32(rb);
  if (dmul(r, r) != x) fpsr |= kIXC;
  out = rb;
  return true;
}

CUARM_HD CUARM_INLINE bool fma32(uint64_t c, uint64_t a, uint64_t b, uint32_t& fpsr, uint64_t& out) {
  if (!zero_or_normal32(c) || !zero_or_normal32(a) || !zero_or_normal32(b)) return false;
  const double p = dmul(f32(a), f32(b)), z = f32(c);  // p exact, a signed zero for a zero operand
  const double d = dadd(p, z), e = two_sum_err(p, z, d);
  uint32_t rb;
  if (!single_result(d, rb)) return false;  // d == 0: an exact zero, signed as the manual says
  // d inexact and exactly halfway between two singles (the 29 bits below single precision are
  // 1000...0): rounding d again would decide a tie the exact sum does not have.
  if (e != 0 && (bits64(d) & ones(29)) == (uint64_t(1) << 28)) return false;
  if (e != 0 || f32(rb) != d) fpsr |= kIXC;
  out = rb;
  return true;
}

// ------------------------------------------------------------------ entry points' fast tries
// Inline on the host (the fast path's point is to cost a few instructions); out of line on the
// device, where the FP handlers are part of the interpreter's dispatch (see the header).
#if CUARM_DEVICE_CODE
#define CUARM_FP_FAST_ENTRY CUARM_NOINLINE inline
#else
#define CUARM_FP_FAST_ENTRY CUARM_INLINE
#endif
CUARM_HD CUARM_INLINE bool nearest(uint32_t fpcr) { return (fpcr & (3u << 22)) == 0; }

CUARM_HD CUARM_FP_FAST_ENTRY bool add_sub(uint64_t a, uint64_t b, int n, bool negate_b, uint32_t fpcr, uint32_t& fpsr,
                                          uint64_t& out) {
  if (!nearest(fpcr)) return false;
  if (n == 64) return add64(a, negate_b ? b ^ (uint64_t(1) << 63) : b, fpsr, out);
  if (n == 32) return add32(a, negate_b ? b ^ (uint64_t(1) << 31) : b, fpsr, out);
  return false;
}
CUARM_HD CUARM_FP_FAST_ENTRY bool mul(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr, uint64_t& out) {
  if (!nearest(fpcr)) return false;
  return n == 64 ? mul64(a, b, fpsr, out) : n == 32 && mul32(a, b, fpsr, out);
}
CUARM_HD CUARM_FP_FAST_ENTRY bool div(uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr, uint64_t& out) {
  if (!nearest(fpcr)) return false;
  return n == 64 ? div64(a, b, fpsr, out) : n == 32 && div32(a, b, fpsr, out);
}
CUARM_HD CUARM_FP_FAST_ENTRY bool sqrt(uint64_t a, int n, uint32_t fpcr, uint32_t& fpsr, uint64_t& out) {
  if (!nearest(fpcr)) return false;
  return n == 64 ? sqrt64(a, fpsr, out) : n == 32 && sqrt32(a, fpsr, out);
}
CUARM_HD CUARM_FP_FAST_ENTRY bool fma(uint64_t c, uint64_t a, uint64_t b, int n, uint32_t fpcr, uint32_t& fpsr,
                                      uint64_t& out) {
  if (!nearest(fpcr)) return false;
  return n == 64 ? fma64(c, a, b, fpsr, out) : n == 32 && fma32(c, a, b, fpsr, out);
}

}  // namespace cuarm::core::fp::fast
#endif
