// Advanced SIMD integer (the Arm manual's "Data Processing -- Scalar Floating-Point and
// Advanced SIMD" encodings): three same, two-register miscellaneous and across-lanes classes
// (integer opcodes only), and their scalar forms (scalar three same, scalar two-register misc,
// scalar pairwise ADDP). The FP opcodes of these classes (three same 11xxx, misc 011xx with
// size 1x and 1x11x/11xxx, FP across-lanes and pairwise, URECPE/URSQRTE) belong to
// simd_fp.hpp: the patterns below fix enough opcode bits never to match them.
// Every operation works on a copy of the 128-bit sources and returns the whole 128-bit result,
// so that the handlers only read registers, call one out-of-line function and write V[d].
#pragma once
#include "core/exec.hpp"
#include "core/simd.hpp"

// Field letters: Q=Q U=U s=size m=Rm o=opcode n=Rn d=Rd.
// Three same: opcode 0xxxx and 10xxx (11xxx is FP). Two-register misc: opcodes 00xxx, 010xx,
// 1001x and 10100 (011xx and 1x1xx/11xxx are FP or URECPE/URSQRTE). Across lanes: opcode
// xx01x (the FP ones are 011xx). Scalar pairwise: ADDP only.
#define CUARM_ISA_SIMD_INT(X)                                                          \
  X(SIMD_INT_3SAME, "0QU01110ss1mmmmm0oooo1nnnnnddddd", op_simd_int_3same, 0)          \
  X(SIMD_INT_3SAME_HI, "0QU01110ss1mmmmm10ooo1nnnnnddddd", op_simd_int_3same, 0)       \
  X(SIMD_INT_S3SAME, "01U11110ss1mmmmm0oooo1nnnnnddddd", op_simd_int_3same, 0)         \
  X(SIMD_INT_S3SAME_HI, "01U11110ss1mmmmm10ooo1nnnnnddddd", op_simd_int_3same, 0)      \
  X(SIMD_INT_MISC, "0QU01110ss1000000ooo10nnnnnddddd", op_simd_int_misc, 0)            \
  X(SIMD_INT_MISC_CMP, "0QU01110ss10000010oo10nnnnnddddd", op_simd_int_misc, 0)        \
  X(SIMD_INT_MISC_NARROW, "0QU01110ss100001001o10nnnnnddddd", op_simd_int_misc, 0)     \
  X(SIMD_INT_MISC_QXTN, "0QU01110ss100001010010nnnnnddddd", op_simd_int_misc, 0)       \
  X(SIMD_INT_SMISC, "01U11110ss1000000ooo10nnnnnddddd", op_simd_int_misc, 0)           \
  X(SIMD_INT_SMISC_CMP, "01U11110ss10000010oo10nnnnnddddd", op_simd_int_misc, 0)       \
  X(SIMD_INT_SMISC_NARROW, "01U11110ss100001001o10nnnnnddddd", op_simd_int_misc, 0)    \
  X(SIMD_INT_SMISC_QXTN, "01U11110ss100001010010nnnnnddddd", op_simd_int_misc, 0)      \
  X(SIMD_INT_ACROSS, "0QU01110ss11000oo01o10nnnnnddddd", op_simd_int_across, 0)        \
  X(SIMD_INT_SADDP, "01011110ss110001101110nnnnnddddd", op_simd_int_saddp, 0)

namespace cuarm::core {

// ------------------------------------------------------------------ saturation and shifts

// SignedSatQ(x, esize) for x in int64 range (esize < 64).
CUARM_HD CUARM_INLINE uint64_t si_sat_s(int64_t x, int e, bool& sat) {
  const int64_t hi = int64_t(ones(e - 1)), lo = -hi - 1;
  if (x > hi) x = hi, sat = true;
  if (x < lo) x = lo, sat = true;
  return uint64_t(x) & ones(e);
}
// UnsignedSatQ(x, esize) for x in int64 range (esize < 64).
CUARM_HD CUARM_INLINE uint64_t si_sat_u(int64_t x, int e, bool& sat) {
  if (x < 0) return sat = true, 0;
  if (uint64_t(x) > ones(e)) return sat = true, ones(e);
  return uint64_t(x);
}

// SQADD/UQADD/SQSUB/UQSUB of two esize-bit elements.
CUARM_HD CUARM_INLINE uint64_t si_qaddsub(uint64_t a, uint64_t b, int e, bool uns, bool sub, bool& sat) {
  if (e < 64) {
    const int64_t x = uns ? int64_t(a) : sext(a, e), y = uns ? int64_t(b) : sext(b, e);
    const int64_t r = sub ? x - y : x + y;
    return uns ? si_sat_u(r, e, sat) : si_sat_s(r, e, sat);
  }
  const uint64_t r = sub ? a - b : a + b;
  if (uns) {
    if (sub ? a < b : r < a) return sat = true, sub ? 0 : ~0ull;
    return r;
  }
  // Signed overflow: the result's sign differs from a's, and b's sign is a's (add) or not (sub).
  const uint64_t ovf = sub ? ((a ^ b) & (a ^ r)) : (~(a ^ b) & (a ^ r));
  if (ovf >> 63) return sat = true, (a >> 63) ? (1ull << 63) : ~0ull >> 1;
  return r;
}

// SSHL/USHL/SRSHL/URSHL/SQSHL/UQSHL/SQRSHL/UQRSHL: shift the esize-bit element a by the signed
// byte at the bottom of b (left if positive, right if negative), as in the manual's unbounded
// integer arithmetic.
CUARM_HD CUARM_INLINE uint64_t si_shl_reg(uint64_t a, uint64_t b, int e, bool uns, bool rnd, bool satq,
                                           bool& sat) {
  const int shift = int(int8_t(uint8_t(b)));
  const int64_t s = sext(a, e);
  if (shift >= 0) {
    if (!satq) return shift >= e ? 0 : (a << shift) & ones(e);
    if (a == 0) return 0;
    if (uns) {
      const uint64_t r = shift >= 64 ? 0 : a << shift;
      if (shift >= e || (r >> shift) != a || r > ones(e)) return sat = true, ones(e);
      return r;
    }
    const uint64_t maxv = ones(e - 1), minv = ~maxv & ones(e);
    if (shift >= e) return sat = true, s < 0 ? minv : maxv;
    const uint64_t r = uint64_t(s) << shift;
    if ((int64_t(r) >> shift) != s) return sat = true, s < 0 ? minv : maxv;
    return e == 64 ? r : si_sat_s(int64_t(r), e, sat);
  }
  // Right shift by n = 1..128; rounding adds 2^(n-1) first, which is the same as adding bit
  // n-1 of the value to the truncated quotient.
  const int n = -shift;
  if (uns) {
    uint64_t q = n >= 64 ? 0 : a >> n;
    if (rnd && n - 1 < 64) q += (a >> (n - 1)) & 1;
    return q & ones(e);
  }
  int64_t q = n >= 64 ? (s < 0 ? -1 : 0) : s >> n;
  if (rnd) q += n - 1 >= 64 ? (s < 0 ? 1 : 0) : int64_t((uint64_t(s) >> (n - 1)) & 1);
  return uint64_t(q) & ones(e);
}

// Polynomial (carry-less) multiply of two bytes, low 8 bits (PMUL).
CUARM_HD CUARM_INLINE uint64_t si_pmul8(uint64_t a, uint64_t b) {
  uint64_t r = 0;
  for (int i = 0; i < 8; ++i)
    if ((b >> i) & 1) r ^= a << i;
  return r & 0xff;
}

// ------------------------------------------------------------------ three same

// One element of a three-same operation. op = U:opcode; acc is Vd's element (SABA, MLA, ...).
CUARM_HD CUARM_INLINE uint64_t si_3same_elem(uint32_t op, int e, uint64_t a, uint64_t b, uint64_t acc,
                                              bool& sat) {
  const bool uns = op & 0x20;
  // The compares and the halving/max/min/difference forms see elements as integers.
  const int64_t x = uns ? int64_t(a) : sext(a, e), y = uns ? int64_t(b) : sext(b, e);
  const bool lt = uns ? a < b : x < y;
  const uint64_t m = ones(e);
  switch (op & 0x1f) {
    case 0x00: return uint64_t((x + y) >> 1) & m;        // SHADD, UHADD
    case 0x01: return si_qaddsub(a, b, e, uns, false, sat);  // SQADD, UQADD
    case 0x02: return uint64_t((x + y + 1) >> 1) & m;    // SRHADD, URHADD
    case 0x04: return uint64_t((x - y) >> 1) & m;        // SHSUB, UHSUB
    case 0x05: return si_qaddsub(a, b, e, uns, true, sat);   // SQSUB, UQSUB
    case 0x06: return lt || a == b ? 0 : m;  // CMGT, CMHI
    case 0x07: return lt ? 0 : m;            // CMGE, CMHS
    case 0x08:
    case 0x09:
    case 0x0a:
    case 0x0b: return si_shl_reg(a, b, e, uns, op & 2, op & 1, sat);
    case 0x0c: return lt ? b : a;                          // SMAX, UMAX
    case 0x0d: return lt ? a : b;                          // SMIN, UMIN
    case 0x0e: return uint64_t(lt ? y - x : x - y) & m;    // SABD, UABD
    case 0x0f: return (acc + uint64_t(lt ? y - x : x - y)) & m;  // SABA, UABA
    case 0x10: return (uns ? a - b : a + b) & m;           // ADD, SUB
    case 0x11: return (uns ? a == b : (a & b) != 0) ? m : 0;  // CMEQ, CMTST
    case 0x12: return (uns ? acc - a * b : acc + a * b) & m;  // MLA, MLS
    case 0x13: return uns ? si_pmul8(a, b) : (a * b) & m;  // MUL, PMUL
    default: {                                             // SQDMULH, SQRDMULH (16/32 bits)
      // (2ab + round) >> e, computed as (ab + round/2) >> (e-1) so that it fits 64 bits.
      const int64_t p = sext(a, e) * sext(b, e) + (uns ? int64_t(1) << (e - 2) : 0);
      return si_sat_s(p >> (e - 1), e, sat);
    }
  }
}

// Whether U:opcode is allocated with this size (and Q) in three same (vector or scalar); the
// vector logical ops (opcode 00011) are handled apart.
CUARM_HD CUARM_INLINE bool si_3same_allocated(bool scalar, uint32_t q, uint32_t size, uint32_t op) {
  const uint32_t opc = op & 0x1f;
  if (scalar) {
    switch (opc) {
      case 0x01: case 0x05: case 0x09: case 0x0b: return true;  // saturating: any size
      case 0x06: case 0x07: case 0x08: case 0x0a: case 0x10: case 0x11: return size == 3;
      case 0x16: return size == 1 || size == 2;
      default: return false;
    }
  }
  if (size == 3 && !q) return false;
  switch (opc) {
    case 0x00: case 0x02: case 0x04: case 0x0c: case 0x0d: case 0x0e: case 0x0f: case 0x12:
    case 0x14: case 0x15: return size != 3;
    case 0x13: return size != 3 && (!(op & 0x20) || size == 0);  // PMUL: bytes only
    case 0x16: return size == 1 || size == 2;
    case 0x17: return !(op & 0x20);
    default: return true;
  }
}

// Three same, vector and scalar. Returns false for a reserved size/opcode combination.
CUARM_HD inline CUARM_NOINLINE bool si_three_same(uint32_t w, const Vec128& vn, const Vec128& vm,
                                                  const Vec128& vd, Vec128& r, bool& sat) {
  const uint32_t q = bit(w, 30), size = bits(w, 23, 22), opc = bits(w, 15, 11);
  const uint32_t op = (bit(w, 29) << 5) | opc;
  const bool scalar = bit(w, 28);
  if (!scalar && opc == 0x03) {  // logical: size selects the operation
    for (int h = 0; h < 2; ++h) {
      const uint64_t a = h ? vn.hi : vn.lo, b = h ? vm.hi : vm.lo, d = h ? vd.hi : vd.lo;
      uint64_t x;
      switch (((op >> 3) & 4) | size) {
        case 0: x = a & b; break;                 // AND
        case 1: x = a & ~b; break;                // BIC
        case 2: x = a | b; break;                 // ORR
        case 3: x = a | ~b; break;                // ORN
        case 4: x = a ^ b; break;                 // EOR
        case 5: x = (d & a) | (~d & b); break;    // BSL: Vd selects Vn (1) or Vm (0)
        case 6: x = (b & a) | (~b & d); break;    // BIT: insert Vn where Vm is 1
        default: x = (b & d) | (~b & a); break;   // BIF: insert Vn where Vm is 0
      }
      (h ? r.hi : r.lo) = x;
    }
    if (!q) r.hi = 0;
    return true;
  }
  if (!si_3same_allocated(scalar, q, size, op)) return false;
  const int e = 8 << size;
  const uint32_t elements = scalar ? 1 : (64u << q) >> (3 + size);
  // Pairwise: the operands are Vm:Vn (Vn's elements first); element i combines elements 2i, 2i+1.
  const bool pairwise = !scalar && opc >= 0x14 && opc != 0x16;
  const uint32_t eop = !pairwise ? op : opc == 0x14 ? (op & 0x20) | 0x0c : opc == 0x15 ? (op & 0x20) | 0x0d : 0x10;
  Vec128 out{0, 0};
  for (uint32_t i = 0; i < elements; ++i) {
    uint64_t a, b;
    if (pairwise) {
      const uint32_t j = 2 * i, k = j + 1;
      a = j < elements ? velem_get(vn, j, e) : velem_get(vm, j - elements, e);
      b = k < elements ? velem_get(vn, k, e) : velem_get(vm, k - elements, e);
    } else {
      a = velem_get(vn, i, e);
      b = velem_get(vm, i, e);
    }
    velem_put(out, i, e, si_3same_elem(eop, e, a, b, velem_get(vd, i, e), sat));
  }
  r = out;
  return true;
}

// ------------------------------------------------------------------ two-register misc

// One element of the misc operations that map an element to an element of the same size.
CUARM_HD CUARM_INLINE uint64_t si_misc_elem(uint32_t op, int e, uint64_t a, uint64_t acc, bool& sat) {
  const uint64_t m = ones(e), minv = uint64_t(1) << (e - 1);
  const int64_t s = sext(a, e);
  switch (op) {
    case 0x03: {  // SUQADD: signed accumulator Vd plus unsigned Vn
      if (e < 64) return si_sat_s(sext(acc, e) + int64_t(a), e, sat);
      const uint64_t r = acc + a;
      const bool carry = r < acc;
      if ((acc >> 63) ? (carry && (r >> 63)) : (carry || (r >> 63))) return sat = true, ~0ull >> 1;
      return r;
    }
    case 0x23: {  // USQADD: unsigned accumulator Vd plus signed Vn
      if (e < 64) return si_sat_u(int64_t(acc) + s, e, sat);
      const uint64_t r = acc + a;
      const bool carry = r < acc;
      if (s >= 0 && carry) return sat = true, ~0ull;
      if (s < 0 && !carry) return sat = true, 0;
      return r;
    }
    case 0x04: return uint64_t(clz64(((a >> 1) ^ a) & ones(e - 1)) - (65 - e));  // CLS
    case 0x24: return uint64_t(clz64(a) - (64 - e));                               // CLZ
    case 0x05: return uint64_t(popcount64(a));                                      // CNT
    case 0x07:                                                                      // SQABS
    case 0x27:                                                                      // SQNEG
      if (a == minv) return sat = true, minv - 1;
      return (op == 0x27 || s < 0) ? (0 - a) & m : a;
    case 0x08: return s > 0 ? m : 0;    // CMGT #0
    case 0x28: return s >= 0 ? m : 0;   // CMGE #0
    case 0x09: return s == 0 ? m : 0;   // CMEQ #0
    case 0x29: return s <= 0 ? m : 0;   // CMLE #0
    case 0x0a: return s < 0 ? m : 0;    // CMLT #0
    case 0x0b: return s < 0 ? (0 - a) & m : a;  // ABS (the most negative value stays)
    default: return (0 - a) & m;                // NEG
  }
}

// Narrowing of a 2e-bit element to e bits: XTN, SQXTN, UQXTN, SQXTUN.
CUARM_HD CUARM_INLINE uint64_t si_narrow(uint32_t op, int e, uint64_t a, bool& sat) {
  const int64_t s = sext(a, 2 * e);
  switch (op) {
    case 0x12: return a & ones(e);                   // XTN
    case 0x14: return si_sat_s(s, e, sat);           // SQXTN
    case 0x34: return a > ones(e) ? (sat = true, ones(e)) : a;  // UQXTN
    default: return si_sat_u(s, e, sat);             // SQXTUN
  }
}

// Two-register misc, vector and scalar. Returns false for a reserved size/opcode combination.
CUARM_HD inline CUARM_NOINLINE bool si_misc(uint32_t w, const Vec128& vn, const Vec128& vd, Vec128& r,
                                            bool& sat) {
  const uint32_t q = bit(w, 30), size = bits(w, 23, 22), opc = bits(w, 16, 12);
  const uint32_t op = (bit(w, 29) << 5) | opc;
  const int e = 8 << size;
  const bool scalar = bit(w, 28);
  r = Vec128{0, 0};
  if (scalar) {  // the scalar forms: one element, and only these opcodes
    switch (op) {
      case 0x03: case 0x23: case 0x07: case 0x27: case 0x32: case 0x14: case 0x34: break;
      case 0x08: case 0x28: case 0x09: case 0x29: case 0x0a: case 0x0b: case 0x2b:
        if (size != 3) return false;
        break;
      default: return false;
    }
  }
  switch (op) {
    case 0x00: case 0x20: case 0x01: {  // REV64, REV32, REV16: reverse elements in containers
      const uint32_t csize = op == 0x00 ? 3 : op == 0x20 ? 2 : 1;
      if (size >= csize) return false;
      const uint32_t flip = (1u << (csize - size)) - 1, elements = (64u << q) >> (3 + size);
      for (uint32_t i = 0; i < elements; ++i) velem_put(r, i, e, velem_get(vn, i ^ flip, e));
      return true;
    }
    case 0x02: case 0x22: case 0x06: case 0x26: {  // SADDLP, UADDLP, SADALP, UADALP
      if (size == 3) return false;
      const bool uns = op & 0x20;
      const uint32_t elements = (64u << q) >> (4 + size);
      for (uint32_t i = 0; i < elements; ++i) {
        const uint64_t a = velem_get(vn, 2 * i, e), b = velem_get(vn, 2 * i + 1, e);
        uint64_t x = uns ? a + b : uint64_t(sext(a, e) + sext(b, e));
        if (opc == 0x06) x += velem_get(vd, i, 2 * e);
        velem_put(r, i, 2 * e, x & ones(2 * e));
      }
      return true;
    }
    case 0x05: case 0x25:  // CNT; NOT, RBIT (bytes)
      if (size > (op == 0x25 ? 1u : 0u)) return false;
      for (int h = 0; h < 2; ++h) {
        const uint64_t a = h ? vn.hi : vn.lo;
        uint64_t x = 0;
        if (op == 0x25 && size == 0) {
          x = ~a;
        } else {
          for (int i = 0; i < 8; ++i) {
            const uint64_t b = (a >> (8 * i)) & 0xff;
            x |= (op == 0x05 ? uint64_t(popcount64(b)) : bitreverse64(b) >> 56) << (8 * i);
          }
        }
        (h ? r.hi : r.lo) = x;
      }
      if (!q) r.hi = 0;
      return true;
    case 0x12: case 0x32: case 0x14: case 0x34: {  // XTN, SQXTUN, SQXTN, UQXTN (and the 2 forms)
      if (size == 3) return false;
      Vec128 half{0, 0};
      const uint32_t elements = scalar ? 1 : 64u >> (3 + size);
      for (uint32_t i = 0; i < elements; ++i)
        velem_put(half, i, e, si_narrow(op, e, velem_get(vn, i, 2 * e), sat));
      const bool upper = q && !scalar;  // the 2 forms fill the upper half, keeping the lower
      r = Vec128{upper ? vd.lo : half.lo, upper ? half.lo : 0};
      return true;
    }
    case 0x33: {  // SHLL, SHLL2: widen the lower or upper half and shift left by esize
      if (size == 3) return false;
      const uint32_t elements = 64u >> (3 + size);
      for (uint32_t i = 0; i < elements; ++i)
        velem_put(r, i, 2 * e, velem_get(vn, q * elements + i, e) << e);
      return true;
    }
    case 0x04: case 0x24:
      if (size == 3) return false;
      break;
    case 0x03: case 0x23: case 0x07: case 0x27: case 0x08: case 0x28: case 0x09: case 0x29:
    case 0x0a: case 0x0b: case 0x2b:
      if (size == 3 && !q) return false;
      break;
    default: return false;  // REV16 with U=1, CMLT #0 with U=1, SHLL with U=0
  }
  const uint32_t elements = scalar ? 1 : (64u << q) >> (3 + size);
  for (uint32_t i = 0; i < elements; ++i)
    velem_put(r, i, e, si_misc_elem(op, e, velem_get(vn, i, e), velem_get(vd, i, e), sat));
  return true;
}

// ------------------------------------------------------------------ across lanes

// SADDLV, UADDLV, SMAXV, UMAXV, SMINV, UMINV, ADDV. Returns false when reserved.
CUARM_HD inline CUARM_NOINLINE bool si_across(uint32_t w, const Vec128& vn, Vec128& r) {
  const uint32_t q = bit(w, 30), size = bits(w, 23, 22), opc = bits(w, 16, 12);
  const uint32_t op = (bit(w, 29) << 5) | opc;
  if (size == 3 || (size == 2 && !q)) return false;
  if (opc != 0x03 && opc != 0x0a && opc != 0x1a && op != 0x1b) return false;
  const int e = 8 << size;
  const bool uns = op & 0x20;
  const uint32_t elements = (64u << q) >> (3 + size);
  const uint64_t first = velem_get(vn, 0, e);
  int64_t acc = uns ? int64_t(first) : sext(first, e);
  for (uint32_t i = 1; i < elements; ++i) {
    const uint64_t a = velem_get(vn, i, e);
    const int64_t x = uns ? int64_t(a) : sext(a, e);  // elements are at most 32 bits here
    switch (opc) {
      case 0x0a: acc = x > acc ? x : acc; break;
      case 0x1a: acc = x < acc ? x : acc; break;
      default: acc += x; break;
    }
  }
  r = Vec128{uint64_t(acc) & ones(opc == 0x03 ? 2 * e : e), 0};
  return true;
}

// ------------------------------------------------------------------ handlers

template <class C>
CUARM_HD CUARM_INLINE Stop si_finish(C& c, uint32_t w, const Vec128& r, bool sat) {
  vset(c, bits(w, 4, 0), r);
  if (sat) set_qc(c);
  return Stop::None;
}

// Three same (vector and scalar): SHADD ... ADDP, the logical ops, and their U forms.
template <class C>
CUARM_HD Stop op_simd_int_3same(C& c, uint32_t w) {
  Vec128 r;
  bool sat = false;
  if (!si_three_same(w, vget(c, bits(w, 9, 5)), vget(c, bits(w, 20, 16)), vget(c, bits(w, 4, 0)), r, sat))
    return undefined(c, w);
  return si_finish(c, w, r, sat);
}

// Two-register misc (vector and scalar), integer opcodes.
template <class C>
CUARM_HD Stop op_simd_int_misc(C& c, uint32_t w) {
  Vec128 r;
  bool sat = false;
  if (!si_misc(w, vget(c, bits(w, 9, 5)), vget(c, bits(w, 4, 0)), r, sat)) return undefined(c, w);
  return si_finish(c, w, r, sat);
}

// Across lanes, integer opcodes.
template <class C>
CUARM_HD Stop op_simd_int_across(C& c, uint32_t w) {
  Vec128 r;
  if (!si_across(w, vget(c, bits(w, 9, 5)), r)) return undefined(c, w);
  return si_finish(c, w, r, false);
}

// ADDP (scalar): Dd = Vn.D[0] + Vn.D[1]; only 64-bit elements are allocated.
template <class C>
CUARM_HD Stop op_simd_int_saddp(C& c, uint32_t w) {
  if (bits(w, 23, 22) != 3) return undefined(c, w);
  const Vec128 vn = vget(c, bits(w, 9, 5));
  vset64(c, bits(w, 4, 0), vn.lo + vn.hi);
  return Stop::None;
}

}  // namespace cuarm::core
