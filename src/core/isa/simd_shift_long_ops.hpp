// Element operations of simd_shift_long.hpp: saturation, the long (widening) operations of the
// three-different and by-element classes, the shifts by immediate, carry-less multiplication.
// Values travel as uint64_t holding the element's bits (the caller keeps the low esize bits).
#pragma once
#include "core/simd.hpp"

// In their own namespace, so that their short names cannot clash with other classes' helpers.
namespace cuarm::core::shl {

// SignedSatQ(v, bits) for bits <= 64 (v already fits 64 bits).
CUARM_HD CUARM_INLINE int64_t sat_s(int64_t v, uint32_t bits, bool& sat) {
  if (bits >= 64) return v;
  const int64_t hi = int64_t(ones(int(bits) - 1)), lo = -hi - 1;
  if (v > hi) {
    sat = true;
    return hi;
  }
  if (v < lo) {
    sat = true;
    return lo;
  }
  return v;
}
// UnsignedSatQ(v, bits) of a signed value.
CUARM_HD CUARM_INLINE uint64_t usat_s(int64_t v, uint32_t bits, bool& sat) {
  if (v < 0) {
    sat = true;
    return 0;
  }
  if (bits < 64 && uint64_t(v) > ones(int(bits))) {
    sat = true;
    return ones(int(bits));
  }
  return uint64_t(v);
}
// UnsignedSatQ(v, bits) of an unsigned value.
CUARM_HD CUARM_INLINE uint64_t usat_u(uint64_t v, uint32_t bits, bool& sat) {
  if (bits < 64 && v > ones(int(bits))) {
    sat = true;
    return ones(int(bits));
  }
  return v;
}
// SignedSatQ(a + b) or SignedSatQ(a - b) to `bits` (a and b fit `bits`), also for 64 bits.
CUARM_HD CUARM_INLINE int64_t sat_addsub(int64_t a, int64_t b, bool sub, uint32_t bits, bool& sat) {
  if (bits < 64) return sat_s(sub ? a - b : a + b, bits, sat);
  const uint64_t r = sub ? uint64_t(a) - uint64_t(b) : uint64_t(a) + uint64_t(b);
  // Overflow: the operands' signs (b negated for a subtraction) agree and the result's differs.
  const bool same = sub ? ((a < 0) != (b < 0)) : ((a < 0) == (b < 0));
  if (same && ((int64_t(r) < 0) != (a < 0))) {
    sat = true;
    return a < 0 ? int64_t(uint64_t(1) << 63) : int64_t(~uint64_t(0) >> 1);
  }
  return int64_t(r);
}

// Shifts by 0..64 (a shift by the element size, 64 included, is allowed by the shift-right
// immediates), and the rounding forms: (x + 2^(s-1)) >> s == (x >> s) + bit s-1 of x, which
// needs no extra bit (s >= 1).
CUARM_HD CUARM_INLINE uint64_t shr_u(uint64_t x, uint32_t s) { return s >= 64 ? 0 : x >> s; }
CUARM_HD CUARM_INLINE int64_t shr_s(int64_t x, uint32_t s) { return x >> (s >= 64 ? 63 : s); }
CUARM_HD CUARM_INLINE uint64_t rshr_u(uint64_t x, uint32_t s) { return shr_u(x, s) + ((x >> (s - 1)) & 1); }
CUARM_HD CUARM_INLINE int64_t rshr_s(int64_t x, uint32_t s) {
  return int64_t(uint64_t(shr_s(x, s)) + ((uint64_t(x) >> (s - 1)) & 1));
}

// An element of esize bits as the manual's Int(x, unsigned), kept in 64 bits.
CUARM_HD CUARM_INLINE uint64_t ext(uint64_t x, uint32_t esize, uint32_t u) {
  return u ? x : uint64_t(sext(x, int(esize)));
}

// The operations of the long (2*esize result) forms.
enum class LongOp : uint8_t { None, Add, Sub, Aba, Abd, Mla, Mls, Mul, QdMla, QdMls, QdMul };

CUARM_HD CUARM_INLINE bool long_op_saturates(LongOp op) {
  return op == LongOp::QdMla || op == LongOp::QdMls || op == LongOp::QdMul;
}

// One element of a long operation: x and y are the operands as Int(element, unsigned) (for the
// wide forms x is the 2*esize-bit element as is: only the low 2*esize bits of a sum matter),
// acc the 2*esize-bit element of Vd. Returns the result (the caller keeps the low 2*esize
// bits); sets sat on saturation (the doubling forms, always signed).
CUARM_HD CUARM_INLINE uint64_t long_elem(LongOp op, uint32_t u, uint64_t x, uint64_t y, uint64_t acc, uint32_t esize,
                                         bool& sat) {
  switch (op) {
    case LongOp::Add: return x + y;
    case LongOp::Sub: return x - y;
    case LongOp::Mul: return x * y;  // exact: 2*esize <= 64
    case LongOp::Mla: return acc + x * y;
    case LongOp::Mls: return acc - x * y;
    case LongOp::Aba:
    case LongOp::Abd: {
      const bool gt = u ? x > y : int64_t(x) > int64_t(y);
      const uint64_t diff = gt ? x - y : y - x;
      return op == LongOp::Aba ? acc + diff : diff;
    }
    default: break;
  }
  // SQDMULL/SQDMLAL/SQDMLSL: 2*x*y saturated to 2*esize bits; only (-2^(esize-1))^2 overflows.
  const uint32_t wbits = 2 * esize;
  const int64_t p = int64_t(x) * int64_t(y);  // |p| <= 2^(2*esize-2): fits
  int64_t prod;
  if (p == int64_t(1) << (wbits - 2)) {
    sat = true;
    prod = int64_t(ones(int(wbits) - 1));
  } else {
    prod = 2 * p;
  }
  if (op == LongOp::QdMul) return uint64_t(prod);
  return uint64_t(sat_addsub(sext(acc, int(wbits)), prod, op == LongOp::QdMls, wbits, sat));
}

// SQDMULH/SQRDMULH of esize-bit elements: SignedSatQ((2*a*b + round) >> esize, esize), computed
// as (a*b + round/2) >> (esize-1) so that nothing overflows 64 bits.
CUARM_HD CUARM_INLINE uint64_t sqdmulh_elem(uint64_t a, uint64_t b, uint32_t esize, bool round, bool& sat) {
  const int64_t p = sext(a, int(esize)) * sext(b, int(esize));
  const int64_t v = (p + (round ? int64_t(1) << (esize - 2) : 0)) >> (esize - 1);
  return uint64_t(sat_s(v, esize, sat));
}

// Carry-less (polynomial) products: PMULL of 8-bit elements, and of 64-bit ones (128 bits).
CUARM_HD CUARM_INLINE uint64_t clmul8(uint64_t a, uint64_t b) {
  uint64_t r = 0;
  for (int i = 0; i < 8; ++i)
    if ((b >> i) & 1) r ^= a << i;
  return r;
}
CUARM_HD CUARM_INLINE Vec128 clmul64(uint64_t a, uint64_t b) {
  Vec128 r{0, 0};
  for (int i = 0; i < 64; ++i) {
    if ((b >> i) & 1) {
      r.lo ^= a << i;
      if (i) r.hi ^= a >> (64 - i);
    }
  }
  return r;
}

// ------------------------------------------------------------------ shift by immediate
// Same-size opcodes (bits 15:11): 00000 SSHR/USHR, 00010 SSRA/USRA, 00100 SRSHR/URSHR,
// 00110 SRSRA/URSRA, 01000 SRI (U=1), 01010 SHL/SLI, 01100 SQSHLU (U=1), 01110 SQSHL/UQSHL.
CUARM_HD CUARM_INLINE bool shift_same_allocated(uint32_t opcode, uint32_t u) {
  if (opcode & 1) return false;
  if (opcode == 8 || opcode == 12) return u;
  return true;
}

// Saturating left shifts by sl < esize: SQSHL, UQSHL, SQSHLU.
CUARM_HD CUARM_INLINE uint64_t sqshl_elem(int64_t x, uint32_t sl, uint32_t esize, bool& sat) {
  if (esize < 64) return uint64_t(sat_s(x * (int64_t(1) << sl), esize, sat));  // |x| < 2^31
  const uint64_t y = uint64_t(x) << sl;
  if ((int64_t(y) >> sl) != x) {
    sat = true;
    return x < 0 ? uint64_t(1) << 63 : ~uint64_t(0) >> 1;
  }
  return y;
}
CUARM_HD CUARM_INLINE uint64_t uqshl_elem(uint64_t x, uint32_t sl, uint32_t esize, bool& sat) {
  if (esize < 64) return usat_u(x << sl, esize, sat);  // x < 2^32
  const uint64_t y = x << sl;
  if ((y >> sl) != x) {
    sat = true;
    return ~uint64_t(0);
  }
  return y;
}
CUARM_HD CUARM_INLINE uint64_t sqshlu_elem(int64_t x, uint32_t sl, uint32_t esize, bool& sat) {
  if (x < 0) {
    sat = true;
    return 0;
  }
  return uqshl_elem(uint64_t(x), sl, esize, sat);
}

// One element of a same-size shift: x the element of Vn, acc that of Vd (for the accumulating
// and inserting forms); immhb = immh:immb. Right shifts are by 2*esize - immhb (1..esize),
// left shifts by immhb - esize (0..esize-1).
CUARM_HD CUARM_INLINE uint64_t shift_same_elem(uint32_t opcode, uint32_t u, uint64_t x, uint64_t acc, uint32_t esize,
                                               uint32_t immhb, bool& sat) {
  const uint32_t sr = 2 * esize - immhb, sl = immhb - esize;
  switch (opcode) {
    case 8: {  // SRI: the top sr bits of Vd stay
      const uint64_t mask = shr_u(ones(int(esize)), sr);
      return (acc & ~mask) | shr_u(x, sr);
    }
    case 10:
      if (u) {  // SLI: the low sl bits of Vd stay
        const uint64_t mask = ones(int(esize)) << sl;
        return (acc & ~mask) | (x << sl);
      }
      return x << sl;  // SHL
    case 12: return sqshlu_elem(sext(x, int(esize)), sl, esize, sat);
    case 14: return u ? uqshl_elem(x, sl, esize, sat) : sqshl_elem(sext(x, int(esize)), sl, esize, sat);
    default: {  // 0, 2, 4, 6: [S|U][R]SHR, [S|U][R]SRA
      const bool round = opcode & 4;
      uint64_t v;
      if (u)
        v = round ? rshr_u(x, sr) : shr_u(x, sr);
      else
        v = uint64_t(round ? rshr_s(sext(x, int(esize)), sr) : shr_s(sext(x, int(esize)), sr));
      return (opcode & 2) ? acc + v : v;
    }
  }
}

// One element of a narrowing shift right by 2*esize - immhb (1..esize) of the 2*esize-bit x:
// 10000 SHRN / SQSHRUN (U=1), 10001 RSHRN / SQRSHRUN (U=1), 10010 SQSHRN/UQSHRN,
// 10011 SQRSHRN/UQRSHRN.
CUARM_HD CUARM_INLINE uint64_t shift_narrow_elem(uint32_t opcode, uint32_t u, uint64_t x, uint32_t esize,
                                                 uint32_t immhb, bool& sat) {
  const uint32_t s = 2 * esize - immhb, wbits = 2 * esize;
  const bool round = opcode & 1;
  const bool src_unsigned = opcode < 18 ? !u : u;  // SHRN/RSHRN: the sign does not reach the result
  if (src_unsigned) {
    const uint64_t v = round ? rshr_u(x, s) : shr_u(x, s);
    return opcode < 18 ? v : usat_u(v, esize, sat);
  }
  const int64_t xs = sext(x, int(wbits));
  const int64_t v = round ? rshr_s(xs, s) : shr_s(xs, s);
  return opcode < 18 ? usat_s(v, esize, sat) : uint64_t(sat_s(v, esize, sat));
}

}  // namespace cuarm::core::shl
