// The soft-float library (src/core/fp): values and flags worked out by hand from the Arm
// manual's pseudocode, and, for round-to-nearest results between normal numbers only, a check
// against the host's IEEE arithmetic (the host is not our code).
#include <gtest/gtest.h>

#include <unicorn/unicorn.h>

#include <cmath>
#include <cstring>

#include "core/fp/fp.hpp"

namespace cuarm::test {
namespace {

namespace fp = cuarm::core::fp;
using fp::kDZC;
using fp::kIDC;
using fp::kIOC;
using fp::kIXC;
using fp::kOFC;
using fp::kUFC;

constexpr uint32_t RN = 0u << 22, RP = 1u << 22, RM = 2u << 22, RZ = 3u << 22;
constexpr uint32_t FZ = fp::kFpcrFZ, DN = fp::kFpcrDN, AHP = fp::kFpcrAHP;

// Single-precision constants.
constexpr uint64_t kOne = 0x3f800000, kTwo = 0x40000000, kHalf = 0x3f000000, kMaxS = 0x7f7fffff,
                   kInfS = 0x7f800000, kNInfS = 0xff800000, kDnS = 0x7fc00000, kQNaN = 0x7fc00002,
                   kSNaN = 0x7f800003, kNZero = 0x80000000, kMinDen = 0x00000001, kMinNorm = 0x00800000;
constexpr uint64_t kOneD = 0x3ff0000000000000, kDnD = 0x7ff8000000000000;

struct R {
  uint64_t v;
  uint32_t flags;
};
bool operator==(const R& a, const R& b) { return a.v == b.v && a.flags == b.flags; }
std::ostream& operator<<(std::ostream& o, const R& r) {
  return o << std::hex << "{0x" << r.v << ", flags 0x" << r.flags << "}" << std::dec;
}

#define OP2(fn, a, b, n, fpcr)            \
  ([&] {                                  \
    uint32_t f = 0;                       \
    uint64_t v = fp::fn(a, b, n, fpcr, f); \
    return R{v, f};                       \
  }())
#define OP1(fn, a, n, fpcr)            \
  ([&] {                               \
    uint32_t f = 0;                    \
    uint64_t v = fp::fn(a, n, fpcr, f); \
    return R{v, f};                    \
  }())

R fma(uint64_t a, uint64_t b, uint64_t c, int n, uint32_t fpcr) {
  uint32_t f = 0;
  const uint64_t v = fp::fma(a, b, c, n, fpcr, f);
  return {v, f};
}
R cvt(uint64_t a, int from, int to, uint32_t fpcr, uint32_t rounding = 99) {
  uint32_t f = 0;
  const uint64_t v = fp::convert(a, from, to, rounding == 99 ? fp::rounding_mode(fpcr) : rounding, fpcr, f);
  return {v, f};
}
R to_fixed(uint64_t a, int n, int size, bool u, int fbits, uint32_t rounding, uint32_t fpcr = 0) {
  uint32_t f = 0;
  const uint64_t v = fp::to_fixed(a, n, size, u, fbits, rounding, fpcr, f);
  return {v, f};
}
R from_fixed(uint64_t a, int size, bool u, int fbits, int n, uint32_t rounding, uint32_t fpcr = 0) {
  uint32_t f = 0;
  const uint64_t v = fp::from_fixed(a, size, u, fbits, n, rounding, fpcr, f);
  return {v, f};
}
R rint(uint64_t a, int n, uint32_t rounding, bool exact, uint32_t fpcr = 0) {
  uint32_t f = 0;
  const uint64_t v = fp::round_int(a, n, rounding, exact, fpcr, f);
  return {v, f};
}
uint32_t cmp(uint64_t a, uint64_t b, int n, bool sig, uint32_t& f, uint32_t fpcr = 0) {
  return fp::compare(a, b, n, sig, fpcr, f);
}

// ------------------------------------------------------------------ rounding
TEST(FpLib, AddRoundsInEachMode) {
  // 1 + 2^-24 is exactly halfway between 1 and 1 + 2^-23.
  const uint64_t e = 0x33800000;  // 2^-24
  EXPECT_EQ(OP2(add, kOne, e, 32, RN), (R{kOne, kIXC}));  // tie to even
  EXPECT_EQ(OP2(add, kOne, e, 32, RP), (R{0x3f800001, kIXC}));
  EXPECT_EQ(OP2(add, kOne, e, 32, RM), (R{kOne, kIXC}));
  EXPECT_EQ(OP2(add, kOne, e, 32, RZ), (R{kOne, kIXC}));
  // 1 + 2^-23 + 2^-24: a tie with an odd last bit rounds up in RN.
  EXPECT_EQ(OP2(add, 0x3f800001, e, 32, RN), (R{0x3f800002, kIXC}));
  // Negative: -1 - 2^-24.
  EXPECT_EQ(OP2(sub, 0xbf800000, e, 32, RM), (R{0xbf800001, kIXC}));
  EXPECT_EQ(OP2(sub, 0xbf800000, e, 32, RP), (R{0xbf800000, kIXC}));
  // 1 + 3*2^-25 (above the tie) rounds up in RN.
  EXPECT_EQ(OP2(add, kOne, 0x33c00000, 32, RN), (R{0x3f800001, kIXC}));
  // Exact results set no flag.
  EXPECT_EQ(OP2(add, kOne, kOne, 32, RN), (R{kTwo, 0}));
  EXPECT_EQ(OP2(add, kOneD, kOneD, 64, RN), (R{0x4000000000000000, 0}));
  // Double: 1 + 2^-53 ties to 1, RP gives the next double.
  EXPECT_EQ(OP2(add, kOneD, 0x3ca0000000000000, 64, RN), (R{kOneD, kIXC}));
  EXPECT_EQ(OP2(add, kOneD, 0x3ca0000000000000, 64, RP), (R{kOneD + 1, kIXC}));
}

TEST(FpLib, ExactZeroSignDependsOnRounding) {
  EXPECT_EQ(OP2(sub, kOne, kOne, 32, RN), (R{0, 0}));
  EXPECT_EQ(OP2(sub, kOne, kOne, 32, RM), (R{kNZero, 0}));
  EXPECT_EQ(OP2(add, kNZero, kNZero, 32, RN), (R{kNZero, 0}));
  EXPECT_EQ(OP2(add, kNZero, 0, 32, RN), (R{0, 0}));
  EXPECT_EQ(OP2(add, kNZero, 0, 32, RM), (R{kNZero, 0}));
  EXPECT_EQ(fma(0xbf800000, kOne, kOne, 32, RN), (R{0, 0}));
  EXPECT_EQ(fma(0xbf800000, kOne, kOne, 32, RM), (R{kNZero, 0}));
  EXPECT_EQ(fma(kNZero, kNZero, kOne, 32, RN), (R{kNZero, 0}));  // -0 + -0*1 = -0
  EXPECT_EQ(fma(kNZero, 0, kOne, 32, RN), (R{0, 0}));            // -0 + +0
}

TEST(FpLib, OverflowByMode) {
  EXPECT_EQ(OP2(add, kMaxS, kMaxS, 32, RN), (R{kInfS, kOFC | kIXC}));
  EXPECT_EQ(OP2(add, kMaxS, kMaxS, 32, RP), (R{kInfS, kOFC | kIXC}));
  EXPECT_EQ(OP2(add, kMaxS, kMaxS, 32, RM), (R{kMaxS, kOFC | kIXC}));
  EXPECT_EQ(OP2(add, kMaxS, kMaxS, 32, RZ), (R{kMaxS, kOFC | kIXC}));
  const uint64_t nmax = kMaxS | 0x80000000;
  EXPECT_EQ(OP2(add, nmax, nmax, 32, RM), (R{kNInfS, kOFC | kIXC}));
  EXPECT_EQ(OP2(add, nmax, nmax, 32, RP), (R{nmax, kOFC | kIXC}));
  EXPECT_EQ(OP2(mul, 0x7fefffffffffffff, 0x4000000000000000, 64, RN), (R{0x7ff0000000000000, kOFC | kIXC}));
  // Max + half an ulp of max rounds to even = up = overflow in RN; max + less than that does not.
  EXPECT_EQ(OP2(add, kMaxS, 0x73000000, 32, RN), (R{kInfS, kOFC | kIXC}));  // 2^103 = half ulp
  EXPECT_EQ(OP2(add, kMaxS, 0x72800000, 32, RN), (R{kMaxS, kIXC}));
}

TEST(FpLib, DenormalResultsAndFlushToZero) {
  // 2^-126 * 0.5 = 2^-127: an exact denormal sets no flag.
  EXPECT_EQ(OP2(mul, kMinNorm, kHalf, 32, RN), (R{0x00400000, 0}));
  // Under FZ the tiny result flushes to +0 with UFC and without IXC.
  EXPECT_EQ(OP2(mul, kMinNorm, kHalf, 32, RN | FZ), (R{0, kUFC}));
  EXPECT_EQ(OP2(mul, kMinNorm | 0x80000000, kHalf, 32, RN | FZ), (R{kNZero, kUFC}));
  // 2^-149 * 0.75 rounds to 2^-149: inexact and tiny.
  EXPECT_EQ(OP2(mul, kMinDen, 0x3f400000, 32, RN), (R{kMinDen, kUFC | kIXC}));
  // 2^-149 * 0.5 = 2^-150: a tie, to even = 0.
  EXPECT_EQ(OP2(mul, kMinDen, kHalf, 32, RN), (R{0, kUFC | kIXC}));
  EXPECT_EQ(OP2(mul, kMinDen, kHalf, 32, RP), (R{kMinDen, kUFC | kIXC}));
  // Tininess is detected before rounding: (2^-126 - 2^-150) rounds up to 2^-126 and is
  // still an underflow.
  EXPECT_EQ(cvt(0x380fffffe0000000, 64, 32, RN), (R{kMinNorm, kUFC | kIXC}));
  // FZ flushes input denormals (IDC): 1 + 2^-149 is exactly 1.
  EXPECT_EQ(OP2(add, kOne, kMinDen, 32, RN), (R{kOne, kIXC}));
  EXPECT_EQ(OP2(add, kOne, kMinDen, 32, RN | FZ), (R{kOne, kIDC}));
  EXPECT_EQ(OP2(add, kMinDen, kMinDen, 32, RN), (R{2, 0}));
  EXPECT_EQ(OP2(add, kMinDen, kMinDen, 32, FZ), (R{0, kIDC}));
  // Denormal double inputs.
  EXPECT_EQ(OP2(add, 1, 1, 64, RN), (R{2, 0}));
  EXPECT_EQ(OP2(mul, 1, kOneD, 64, FZ), (R{0, kIDC}));
}

TEST(FpLib, NaNPropagation) {
  // Signalling NaNs first (quietened, IOC), then quiet NaNs, in operand order.
  EXPECT_EQ(OP2(add, kQNaN, kSNaN, 32, 0), (R{0x7fc00003, kIOC}));
  EXPECT_EQ(OP2(add, kSNaN, kQNaN, 32, 0), (R{0x7fc00003, kIOC}));
  EXPECT_EQ(OP2(add, kQNaN, 0x7fc00005, 32, 0), (R{kQNaN, 0}));
  EXPECT_EQ(OP2(add, kOne, 0xffc00005, 32, 0), (R{0xffc00005, 0}));
  EXPECT_EQ(OP2(mul, 0x7f800001, 0x7f800002, 32, 0), (R{0x7fc00001, kIOC}));
  // DN: the default NaN instead.
  EXPECT_EQ(OP2(add, kSNaN, kOne, 32, DN), (R{kDnS, kIOC}));
  EXPECT_EQ(OP2(add, kQNaN, kOne, 32, DN), (R{kDnS, 0}));
  EXPECT_EQ(OP2(div, 0x7ff0000000000001, kOneD, 64, 0), (R{0x7ff8000000000001, kIOC}));
  // FMA: the addend comes first.
  EXPECT_EQ(fma(kQNaN, kSNaN, kOne, 32, 0), (R{0x7fc00003, kIOC}));
  EXPECT_EQ(fma(kQNaN, 0x7fc00007, kOne, 32, 0), (R{kQNaN, 0}));
  EXPECT_EQ(fma(kOne, 0x7fc00007, 0x7fc00009, 32, 0), (R{0x7fc00007, 0}));
  // A quiet NaN addend with infinity * 0 gives the default NaN and IOC.
  EXPECT_EQ(fma(kQNaN, kInfS, 0, 32, 0), (R{kDnS, kIOC}));
}

TEST(FpLib, InvalidAndDivideByZero) {
  EXPECT_EQ(OP2(sub, kInfS, kInfS, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP2(add, kInfS, kNInfS, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP2(add, kInfS, kInfS, 32, 0), (R{kInfS, 0}));
  EXPECT_EQ(OP2(mul, kInfS, 0, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP2(div, 0, 0, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP2(div, kInfS, kInfS, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP2(div, kOne, 0, 32, 0), (R{kInfS, kDZC}));
  EXPECT_EQ(OP2(div, kOne, kNZero, 32, 0), (R{kNInfS, kDZC}));
  EXPECT_EQ(OP2(div, kInfS, 0, 32, 0), (R{kInfS, 0}));
  EXPECT_EQ(OP2(div, kOne, kInfS, 32, 0), (R{0, 0}));
  EXPECT_EQ(OP1(sqrt, 0xbf800000, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP1(sqrt, 0xbff0000000000000, 64, 0), (R{kDnD, kIOC}));
  EXPECT_EQ(OP1(sqrt, kNZero, 32, 0), (R{kNZero, 0}));
  EXPECT_EQ(OP1(sqrt, kNInfS, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP1(sqrt, kInfS, 32, 0), (R{kInfS, 0}));
  EXPECT_EQ(fma(kNInfS, kInfS, kOne, 32, 0), (R{kDnS, kIOC}));  // -inf + inf*1
  EXPECT_EQ(fma(kOne, kInfS, 0, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(fma(kInfS, kInfS, kOne, 32, 0), (R{kInfS, 0}));
}

TEST(FpLib, DivSqrtValues) {
  // 1/3 in single: 0x3eaaaaab (RN, rounds up), 0x3eaaaaaa (RZ).
  EXPECT_EQ(OP2(div, kOne, 0x40400000, 32, RN), (R{0x3eaaaaab, kIXC}));
  EXPECT_EQ(OP2(div, kOne, 0x40400000, 32, RZ), (R{0x3eaaaaaa, kIXC}));
  EXPECT_EQ(OP2(div, 0x40c00000, 0x40400000, 32, RN), (R{kTwo, 0}));  // 6/3
  EXPECT_EQ(OP2(div, kOneD, 0x4008000000000000, 64, RN), (R{0x3fd5555555555555, kIXC}));
  EXPECT_EQ(OP1(sqrt, 0x40800000, 32, 0), (R{kTwo, 0}));
  EXPECT_EQ(OP1(sqrt, kTwo, 32, 0), (R{0x3fb504f3, kIXC}));
  EXPECT_EQ(OP1(sqrt, 0x4000000000000000, 64, 0), (R{0x3ff6a09e667f3bcd, kIXC}));
  EXPECT_EQ(OP1(sqrt, 0x00800000, 32, 0), (R{0x20000000, 0}));  // sqrt(2^-126) = 2^-63
  EXPECT_EQ(OP1(sqrt, kMinDen, 32, 0), (R{0x1a3504f3, kIXC}));  // sqrt(2^-149) = 2^-74.5
}

TEST(FpLib, FusedMultiplyAddRoundsOnce) {
  // (1 + 2^-23)(1 - 2^-24) - 1 = 2^-24 - 2^-47 exactly (0x337ffffe); a separate multiply
  // rounds the product to 1 and gives 0.
  EXPECT_EQ(fma(0xbf800000, 0x3f800001, 0x3f7fffff, 32, RN), (R{0x337ffffe, 0}));
  EXPECT_EQ(OP2(mul, 0x3f800001, 0x3f7fffff, 32, RN), (R{kOne, kIXC}));
  // Double: (1 + 2^-52)(1 - 2^-53) - 1 = 2^-53 - 2^-105 exactly.
  EXPECT_EQ(fma(0xbff0000000000000, kOneD + 1, 0x3fefffffffffffff, 64, RN), (R{0x3c9ffffffffffffe, 0}));
  // A tiny addend only decides the rounding: 1*1 + 2^-149 in RP is the next float.
  EXPECT_EQ(fma(kMinDen, kOne, kOne, 32, RP), (R{0x3f800001, kIXC}));
  EXPECT_EQ(fma(kMinDen, kOne, kOne, 32, RN), (R{kOne, kIXC}));
  // A tiny product below a large addend, negative: RZ goes towards zero.
  EXPECT_EQ(fma(kOne, 0x80800000, kMinNorm, 32, RZ), (R{0x3f7fffff, kIXC}));
}

TEST(FpLib, MulX) {
  EXPECT_EQ(OP2(mulx, kInfS, 0, 32, 0), (R{kTwo, 0}));
  EXPECT_EQ(OP2(mulx, kNZero, kInfS, 32, 0), (R{0xc0000000, 0}));
  EXPECT_EQ(OP2(mulx, 0xfff0000000000000, 0, 64, 0), (R{0xc000000000000000, 0}));
  EXPECT_EQ(OP2(mulx, kTwo, kTwo, 32, 0), (R{0x40800000, 0}));
  EXPECT_EQ(OP2(mulx, kSNaN, 0, 32, 0), (R{0x7fc00003, kIOC}));
}

TEST(FpLib, MinMax) {
  EXPECT_EQ(OP2(max, kNZero, 0, 32, 0), (R{0, 0}));
  EXPECT_EQ(OP2(max, 0, kNZero, 32, 0), (R{0, 0}));
  EXPECT_EQ(OP2(min, 0, kNZero, 32, 0), (R{kNZero, 0}));
  EXPECT_EQ(OP2(max, kOne, kTwo, 32, 0), (R{kTwo, 0}));
  EXPECT_EQ(OP2(min, kOne, 0xc0000000, 32, 0), (R{0xc0000000, 0}));
  EXPECT_EQ(OP2(max, kQNaN, kOne, 32, 0), (R{kQNaN, 0}));
  EXPECT_EQ(OP2(maxnm, kQNaN, kOne, 32, 0), (R{kOne, 0}));
  EXPECT_EQ(OP2(minnm, kOne, kQNaN, 32, 0), (R{kOne, 0}));
  EXPECT_EQ(OP2(maxnm, kQNaN, 0x7fc00005, 32, 0), (R{kQNaN, 0}));
  EXPECT_EQ(OP2(maxnm, kSNaN, kOne, 32, 0), (R{0x7fc00003, kIOC}));
  EXPECT_EQ(OP2(minnm, kQNaN, kSNaN, 32, 0), (R{0x7fc00003, kIOC}));
  EXPECT_EQ(OP2(maxnm, kQNaN, kNInfS, 32, 0), (R{kNInfS, 0}));
  // FZ: a denormal counts as a zero of its sign, and comes out as that zero.
  EXPECT_EQ(OP2(max, 0x80000001, kNZero, 32, FZ), (R{kNZero, kIDC}));
  EXPECT_EQ(OP2(max, kMinDen, kNZero, 32, 0), (R{kMinDen, 0}));
  EXPECT_EQ(OP2(max, 0xbff0000000000000, 0xc000000000000000, 64, 0), (R{0xbff0000000000000, 0}));
}

TEST(FpLib, Compare) {
  uint32_t f = 0;
  EXPECT_EQ(cmp(kOne, kTwo, 32, false, f), 0x80000000u);
  EXPECT_EQ(cmp(kTwo, kOne, 32, false, f), 0x20000000u);
  EXPECT_EQ(cmp(kOne, kOne, 32, false, f), 0x60000000u);
  EXPECT_EQ(cmp(0, kNZero, 32, false, f), 0x60000000u);
  EXPECT_EQ(cmp(kNInfS, kInfS, 32, false, f), 0x80000000u);
  EXPECT_EQ(cmp(0xbf800000, 0xc0000000, 32, false, f), 0x20000000u);
  EXPECT_EQ(f, 0u);
  EXPECT_EQ(cmp(kQNaN, kOne, 32, false, f), 0x30000000u);
  EXPECT_EQ(f, 0u);  // a quiet compare of a quiet NaN does not signal
  EXPECT_EQ(cmp(kQNaN, kOne, 32, true, f), 0x30000000u);
  EXPECT_EQ(f, kIOC);
  f = 0;
  EXPECT_EQ(cmp(kOne, kSNaN, 32, false, f), 0x30000000u);
  EXPECT_EQ(f, kIOC);
  f = 0;
  EXPECT_EQ(cmp(kMinDen, 0, 32, false, f, FZ), 0x60000000u);
  EXPECT_EQ(f, kIDC);
  f = 0;
  EXPECT_EQ(cmp(kMinDen, 0, 32, false, f), 0x20000000u);
  EXPECT_FALSE(fp::compare_eq(kQNaN, kQNaN, 32, 0, f));
  EXPECT_EQ(f, 0u);
  EXPECT_FALSE(fp::compare_ge(kQNaN, kOne, 32, 0, f));
  EXPECT_EQ(f, kIOC);
  EXPECT_TRUE(fp::compare_ge(kOne, kOne, 32, 0, f));
  EXPECT_FALSE(fp::compare_gt(kOne, kOne, 32, 0, f));
}

TEST(FpLib, ConvertPrecision) {
  EXPECT_EQ(cvt(0x3fd5555555555555, 64, 32, RN), (R{0x3eaaaaab, kIXC}));
  EXPECT_EQ(cvt(0x3fd5555555555555, 64, 32, RZ), (R{0x3eaaaaaa, kIXC}));
  EXPECT_EQ(cvt(0x7fefffffffffffff, 64, 32, RN), (R{kInfS, kOFC | kIXC}));
  EXPECT_EQ(cvt(0x7fefffffffffffff, 64, 32, RZ), (R{kMaxS, kOFC | kIXC}));
  EXPECT_EQ(cvt(kOne, 32, 64, RN), (R{kOneD, 0}));
  EXPECT_EQ(cvt(kMinDen, 32, 64, RN), (R{0x36a0000000000000, 0}));  // 2^-149
  EXPECT_EQ(cvt(kMinDen, 32, 64, FZ), (R{0, kIDC}));
  EXPECT_EQ(cvt(0x36a0000000000000, 64, 32, FZ), (R{0, kUFC}));
  // NaNs keep their payload's top bits and become quiet.
  EXPECT_EQ(cvt(0x7f800003, 32, 64, 0), (R{0x7ff8000060000000, kIOC}));
  EXPECT_EQ(cvt(0xfff0000000000001 | (uint64_t(0x12345) << 29), 64, 32, 0), (R{0xffc12345, kIOC}));
  EXPECT_EQ(cvt(0x7f800003, 32, 64, DN), (R{kDnD, kIOC}));
  // Half precision: 65520 ties to 65536, which overflows IEEE half ...
  EXPECT_EQ(cvt(0x477ff000, 32, 16, RN), (R{0x7c00, kOFC | kIXC}));
  EXPECT_EQ(cvt(0x477ff000, 32, 16, RZ), (R{0x7bff, kIXC}));
  // ... but is a number in the alternative format; its overflow saturates with IOC instead.
  EXPECT_EQ(cvt(0x477ff000, 32, 16, RN | AHP), (R{0x7c00, kIXC}));
  EXPECT_EQ(cvt(0x47ffffff, 32, 16, RN | AHP), (R{0x7fff, kIOC}));
  EXPECT_EQ(cvt(0x7c00, 16, 32, AHP), (R{0x47800000, 0}));  // 2^16
  EXPECT_EQ(cvt(0x7c00, 16, 32, 0), (R{kInfS, 0}));
  EXPECT_EQ(cvt(kInfS, 32, 16, AHP), (R{0x7fff, kIOC}));
  EXPECT_EQ(cvt(kQNaN, 32, 16, AHP), (R{0, kIOC}));
  EXPECT_EQ(cvt(0x7e01, 16, 32, 0), (R{0x7fc02000, 0}));
  EXPECT_EQ(cvt(0x7c01, 16, 32, 0), (R{0x7fc02000, kIOC}));
  EXPECT_EQ(cvt(0x7fc02000, 32, 16, 0), (R{0x7e01, 0}));
  EXPECT_EQ(cvt(0x3c00, 16, 64, 0), (R{kOneD, 0}));
  // Half denormals are not flushed by FZ in ARMv8.0.
  EXPECT_EQ(cvt(0x33800000, 32, 16, FZ), (R{0x0001, 0}));  // 2^-24
  EXPECT_EQ(cvt(0x0001, 16, 32, FZ), (R{0x33800000, 0}));
  EXPECT_EQ(cvt(0x33000000, 32, 16, RN), (R{0, kUFC | kIXC}));  // 2^-25: a tie, to even 0
  // Round to odd (FCVTXN): 1 + 2^-30 -> 1 + 2^-23.
  EXPECT_EQ(cvt(0x3ff0000004000000, 64, 32, 0, fp::kOdd), (R{0x3f800001, kIXC}));
  EXPECT_EQ(cvt(0x3ff0000020000000, 64, 32, 0, fp::kOdd), (R{0x3f800001, 0}));
}

TEST(FpLib, ToInteger) {
  const uint64_t k25 = 0x40200000, kN25 = 0xc0200000;  // 2.5, -2.5
  EXPECT_EQ(to_fixed(k25, 32, 32, false, 0, fp::kTieEven), (R{2, kIXC}));
  EXPECT_EQ(to_fixed(k25, 32, 32, false, 0, fp::kTieAway), (R{3, kIXC}));
  EXPECT_EQ(to_fixed(k25, 32, 32, false, 0, fp::kPosInf), (R{3, kIXC}));
  EXPECT_EQ(to_fixed(k25, 32, 32, false, 0, fp::kNegInf), (R{2, kIXC}));
  EXPECT_EQ(to_fixed(kN25, 32, 32, false, 0, fp::kTieAway), (R{0xfffffffd, kIXC}));
  EXPECT_EQ(to_fixed(kN25, 32, 32, false, 0, fp::kTieEven), (R{0xfffffffe, kIXC}));
  EXPECT_EQ(to_fixed(kN25, 32, 64, false, 0, fp::kZero), (R{0xfffffffffffffffe, kIXC}));
  EXPECT_EQ(to_fixed(kN25, 32, 64, false, 0, fp::kNegInf), (R{0xfffffffffffffffd, kIXC}));
  // Saturation.
  EXPECT_EQ(to_fixed(0x501502f9, 32, 32, false, 0, fp::kZero), (R{0x7fffffff, kIOC}));  // 1e10
  EXPECT_EQ(to_fixed(0xd01502f9, 32, 32, false, 0, fp::kZero), (R{0x80000000, kIOC}));
  EXPECT_EQ(to_fixed(0xcf000000, 32, 32, false, 0, fp::kZero), (R{0x80000000, 0}));  // -2^31 fits
  EXPECT_EQ(to_fixed(0x4f000000, 32, 32, false, 0, fp::kZero), (R{0x7fffffff, kIOC}));  // 2^31
  EXPECT_EQ(to_fixed(0x4f000000, 32, 32, true, 0, fp::kZero), (R{0x80000000, 0}));
  EXPECT_EQ(to_fixed(0x4f800000, 32, 32, true, 0, fp::kZero), (R{0xffffffff, kIOC}));  // 2^32
  EXPECT_EQ(to_fixed(0xbf800000, 32, 32, true, 0, fp::kZero), (R{0, kIOC}));
  EXPECT_EQ(to_fixed(0xbf000000, 32, 32, true, 0, fp::kZero), (R{0, kIXC}));  // -0.5 -> 0
  EXPECT_EQ(to_fixed(0xbf000000, 32, 32, true, 0, fp::kNegInf), (R{0, kIOC}));  // -> -1
  EXPECT_EQ(to_fixed(kQNaN, 32, 64, false, 0, fp::kZero), (R{0, kIOC}));
  EXPECT_EQ(to_fixed(kNInfS, 32, 64, false, 0, fp::kZero), (R{0x8000000000000000, kIOC}));
  EXPECT_EQ(to_fixed(kInfS, 32, 64, true, 0, fp::kZero), (R{~0ull, kIOC}));
  EXPECT_EQ(to_fixed(0x43e0000000000000, 64, 64, false, 0, fp::kZero), (R{0x7fffffffffffffff, kIOC}));
  EXPECT_EQ(to_fixed(0x43e0000000000000, 64, 64, true, 0, fp::kZero), (R{0x8000000000000000, 0}));
  // Fixed point: 1.5 with 4 fraction bits is 24; 2^-149 with FZ is 0 and only IDC.
  EXPECT_EQ(to_fixed(0x3fc00000, 32, 32, false, 4, fp::kZero), (R{24, 0}));
  EXPECT_EQ(to_fixed(0x4b7fffff, 32, 32, false, 0, fp::kZero), (R{0xffffff, 0}));  // exponent 0 exactly
  EXPECT_EQ(to_fixed(0x4b800001, 32, 64, true, 0, fp::kZero), (R{0x1000002, 0}));
  EXPECT_EQ(to_fixed(0x3ff8000000000000, 64, 64, true, 64, fp::kZero), (R{~0ull, kIOC}));  // 1.5*2^64
  EXPECT_EQ(to_fixed(0x3fe8000000000000, 64, 64, true, 64, fp::kZero), (R{0xc000000000000000, 0}));
  EXPECT_EQ(to_fixed(kMinDen, 32, 32, false, 0, fp::kPosInf, FZ), (R{0, kIDC}));
  EXPECT_EQ(to_fixed(kMinDen, 32, 32, false, 0, fp::kPosInf), (R{1, kIXC}));
}

TEST(FpLib, FromInteger) {
  EXPECT_EQ(from_fixed(0xffffffff, 32, false, 0, 32, fp::kTieEven), (R{0xbf800000, 0}));
  EXPECT_EQ(from_fixed(0xffffffff, 32, true, 0, 32, fp::kTieEven), (R{0x4f800000, kIXC}));
  EXPECT_EQ(from_fixed(0xffffffff, 32, true, 0, 32, fp::kZero), (R{0x4f7fffff, kIXC}));
  EXPECT_EQ(from_fixed(0x8000000000000000, 64, false, 0, 32, fp::kTieEven), (R{0xdf000000, 0}));
  EXPECT_EQ(from_fixed(0x8000000000000000, 64, true, 0, 64, fp::kTieEven), (R{0x43e0000000000000, 0}));
  EXPECT_EQ(from_fixed(0, 64, false, 0, 64, fp::kNegInf), (R{0, 0}));
  EXPECT_EQ(from_fixed(1, 32, false, 1, 32, fp::kTieEven), (R{kHalf, 0}));
  EXPECT_EQ(from_fixed(1, 64, true, 64, 32, fp::kTieEven, FZ), (R{0x1f800000, 0}));  // 2^-64
  EXPECT_EQ(from_fixed(0x1000001, 32, false, 0, 32, fp::kTieEven), (R{0x4b800000, kIXC}));  // 2^24+1
  EXPECT_EQ(from_fixed(0x1000003, 32, false, 0, 32, fp::kTieEven), (R{0x4b800002, kIXC}));
  // Only the low int_size bits count.
  EXPECT_EQ(from_fixed(0x1234567800000002, 32, false, 0, 64, fp::kTieEven), (R{0x4000000000000000, 0}));
}

TEST(FpLib, RoundToIntegral) {
  const uint64_t k25 = 0x40200000, kN25 = 0xc0200000;
  EXPECT_EQ(rint(k25, 32, fp::kTieEven, false), (R{kTwo, 0}));
  EXPECT_EQ(rint(k25, 32, fp::kTieAway, false), (R{0x40400000, 0}));
  EXPECT_EQ(rint(kN25, 32, fp::kTieAway, false), (R{0xc0400000, 0}));
  EXPECT_EQ(rint(kN25, 32, fp::kPosInf, false), (R{0xc0000000, 0}));
  EXPECT_EQ(rint(kN25, 32, fp::kNegInf, false), (R{0xc0400000, 0}));
  EXPECT_EQ(rint(kN25, 32, fp::kZero, true), (R{0xc0000000, kIXC}));  // FRINTX signals
  EXPECT_EQ(rint(0xbe99999a, 32, fp::kPosInf, false), (R{kNZero, 0}));  // -0.3 -> -0
  EXPECT_EQ(rint(0x3e99999a, 32, fp::kTieEven, true), (R{0, kIXC}));
  EXPECT_EQ(rint(0x3f000000, 32, fp::kTieAway, false), (R{kOne, 0}));  // 0.5 away
  EXPECT_EQ(rint(0x3f000000, 32, fp::kTieEven, false), (R{0, 0}));
  EXPECT_EQ(rint(0x7149f2ca, 32, fp::kTieEven, true), (R{0x7149f2ca, 0}));  // 1e30
  EXPECT_EQ(rint(0x4330000000000001, 64, fp::kTieEven, true), (R{0x4330000000000001, 0}));  // 2^52+1
  EXPECT_EQ(rint(0x432fffffffffffff, 64, fp::kTieEven, true), (R{0x4330000000000000, kIXC}));  // 2^52-0.5
  EXPECT_EQ(rint(kSNaN, 32, fp::kZero, true), (R{0x7fc00003, kIOC}));
  EXPECT_EQ(rint(kNInfS, 32, fp::kZero, true), (R{kNInfS, 0}));
  EXPECT_EQ(rint(0x80000001, 32, fp::kNegInf, true, FZ), (R{kNZero, kIDC}));
  EXPECT_EQ(rint(0x80000001, 32, fp::kNegInf, true), (R{0xbf800000, kIXC}));
}

TEST(FpLib, ReciprocalEstimates) {
  // The tables: RecipEstimate(256) = 511 (1/0.50098 in 1/256 steps), RecipEstimate(511) = 256;
  // RecipSqrtEstimate(128) = 511, (256) = 361.
  EXPECT_EQ(fp::recip_estimate_int(256), 511u);
  EXPECT_EQ(fp::recip_estimate_int(511), 256u);
  EXPECT_EQ(fp::rsqrt_estimate_int(128), 511u);
  EXPECT_EQ(fp::rsqrt_estimate_int(256), 361u);
  EXPECT_EQ(fp::rsqrt_estimate_int(511), 256u);
  // FRECPE(1.0) = 0.998046875; FRECPE(2.0) = half that; FRECPE(-1.5) (scaled 0x180 = 384:
  // 2^19 / 769 = 681, (681 + 1) / 2 = 341 = 0x155).
  EXPECT_EQ(OP1(recip_estimate, kOne, 32, 0), (R{0x3f7f8000, 0}));
  EXPECT_EQ(OP1(recip_estimate, kTwo, 32, 0), (R{0x3eff8000, 0}));
  EXPECT_EQ(OP1(recip_estimate, 0xbfc00000, 32, 0), (R{0xbf2a8000, 0}));
  EXPECT_EQ(OP1(recip_estimate, kOneD, 64, 0), (R{0x3feff00000000000, 0}));
  EXPECT_EQ(OP1(recip_estimate, 0, 32, 0), (R{kInfS, kDZC}));
  EXPECT_EQ(OP1(recip_estimate, kNInfS, 32, 0), (R{kNZero, 0}));
  EXPECT_EQ(OP1(recip_estimate, kSNaN, 32, 0), (R{0x7fc00003, kIOC}));
  // Tiny operands overflow: infinity or the largest normal by rounding mode.
  EXPECT_EQ(OP1(recip_estimate, kMinDen, 32, RN), (R{kInfS, kOFC | kIXC}));
  EXPECT_EQ(OP1(recip_estimate, kMinDen, 32, RZ), (R{kMaxS, kOFC | kIXC}));
  EXPECT_EQ(OP1(recip_estimate, 0x80000001, 32, RP), (R{0xff7fffff, kOFC | kIXC}));
  EXPECT_EQ(OP1(recip_estimate, kMinDen, 32, FZ), (R{kInfS, kDZC | kIDC}));
  // 2^-127 (a denormal, 0x00400000): the estimate is 2^127 * 0.998 = 0x7eff8000.
  EXPECT_EQ(OP1(recip_estimate, 0x00400000, 32, 0), (R{0x7eff8000, 0}));
  // Large operands give denormal estimates, flushed under FZ with UFC.
  EXPECT_EQ(OP1(recip_estimate, 0x7e800000, 32, 0), (R{0x007fc000, 0}));  // 2^126 -> 0.998 * 2^-126
  EXPECT_EQ(OP1(recip_estimate, 0x7e800000, 32, FZ), (R{0, kUFC}));
  EXPECT_EQ(OP1(recip_estimate, 0x7f000000, 32, 0), (R{0x003fe000, 0}));  // 2^127
  // FRSQRTE(1.0) = 0.998046875, FRSQRTE(2.0) = 361/512, FRSQRTE(4.0) = 0.4990234375.
  EXPECT_EQ(OP1(rsqrt_estimate, kOne, 32, 0), (R{0x3f7f8000, 0}));
  EXPECT_EQ(OP1(rsqrt_estimate, kTwo, 32, 0), (R{0x3f348000, 0}));
  EXPECT_EQ(OP1(rsqrt_estimate, 0x40800000, 32, 0), (R{0x3eff8000, 0}));
  EXPECT_EQ(OP1(rsqrt_estimate, kOneD, 64, 0), (R{0x3feff00000000000, 0}));
  EXPECT_EQ(OP1(rsqrt_estimate, kNZero, 32, 0), (R{kNInfS, kDZC}));
  EXPECT_EQ(OP1(rsqrt_estimate, 0xbf800000, 32, 0), (R{kDnS, kIOC}));
  EXPECT_EQ(OP1(rsqrt_estimate, kInfS, 32, 0), (R{0, 0}));
  // 2^-149 = 2^-150 * 2: scaled 0.5 -> 361/256 * 2^74 (biased 201).
  EXPECT_EQ(OP1(rsqrt_estimate, kMinDen, 32, 0), (R{0x64b48000, 0}));
}

TEST(FpLib, StepsAndRecpX) {
  EXPECT_EQ(OP2(recip_step, 0x3fc00000, kTwo, 32, 0), (R{0xbf800000, 0}));  // 2 - 1.5*2
  EXPECT_EQ(OP2(recip_step, kInfS, 0, 32, 0), (R{kTwo, 0}));
  EXPECT_EQ(OP2(recip_step, kInfS, kOne, 32, 0), (R{kNInfS, 0}));  // 2 - inf
  EXPECT_EQ(OP2(recip_step, kOne, kTwo, 32, RM), (R{kNZero, 0}));
  EXPECT_EQ(OP2(recip_step, kOne, kTwo, 32, RN), (R{0, 0}));
  EXPECT_EQ(OP2(recip_step, kQNaN, kOne, 32, 0), (R{0xffc00002, 0}));  // op1 negated first
  EXPECT_EQ(OP2(rsqrt_step, kOne, kOne, 32, 0), (R{kOne, 0}));  // (3 - 1) / 2
  EXPECT_EQ(OP2(rsqrt_step, 0, kInfS, 32, 0), (R{0x3fc00000, 0}));
  EXPECT_EQ(OP2(rsqrt_step, kOneD, 0x4008000000000000, 64, 0), (R{0, 0}));
  EXPECT_EQ(OP1(recpx, kTwo, 32, 0), (R{kOne, 0}));
  EXPECT_EQ(OP1(recpx, 0x40400000, 32, 0), (R{kOne, 0}));  // 3.0: fraction cleared
  EXPECT_EQ(OP1(recpx, 0, 32, 0), (R{0x7f000000, 0}));
  EXPECT_EQ(OP1(recpx, 0x80000001, 32, 0), (R{0xff000000, 0}));
  EXPECT_EQ(OP1(recpx, 0x80000001, 32, FZ), (R{0xff000000, kIDC}));
  EXPECT_EQ(OP1(recpx, kNInfS, 32, 0), (R{kNZero, 0}));
  EXPECT_EQ(OP1(recpx, kOneD, 64, 0), (R{0x4000000000000000, 0}));
  EXPECT_EQ(OP1(recpx, kSNaN, 32, DN), (R{kDnS, kIOC}));
}

// ------------------------------------------------------------------ against the host
// The host's IEEE arithmetic in round-to-nearest, for normal operands and normal results only
// (where ARM and IEEE agree); special cases are covered by hand above.
struct Rng {
  uint64_t s = 0x9e3779b97f4a7c15ull;
  uint64_t next() {
    s ^= s << 13;
    s ^= s >> 7;
    s ^= s << 17;
    return s;
  }
};
template <class T, class U>
T bitcast(U u) {
  T t;
  std::memcpy(&t, &u, sizeof t);
  return t;
}
bool normal32(uint32_t v) {
  const uint32_t e = (v >> 23) & 0xff;
  return e != 0 && e != 0xff;
}
bool normal64(uint64_t v) {
  const uint64_t e = (v >> 52) & 0x7ff;
  return e != 0 && e != 0x7ff;
}
// Random operands with exponents near each other, so that results are mostly normal and
// additions cancel often.
uint32_t rnd32(Rng& r) {
  const uint64_t x = r.next();
  return uint32_t((x & 0x807fffff) | (uint32_t(112 + (x >> 40) % 32) << 23));
}
uint64_t rnd64(Rng& r) {
  const uint64_t x = r.next();
  return (x & 0x800fffffffffffffull) | (uint64_t(1000 + (r.next() % 48)) << 52);
}

TEST(FpLib, AgreesWithHostInRoundToNearest) {
  Rng r;
  int checked = 0;
  for (int i = 0; i < 200000; ++i) {
    const uint32_t a = rnd32(r), b = rnd32(r), c = rnd32(r);
    const float fa = bitcast<float>(a), fb = bitcast<float>(b), fc = bitcast<float>(c);
    const float want[6] = {fa + fb, fa - fb, fa * fb, fa / fb, std::sqrt(std::fabs(fa)), std::fma(fa, fb, fc)};
    uint32_t f = 0;
    const uint64_t got[6] = {fp::add(a, b, 32, 0, f), fp::sub(a, b, 32, 0, f), fp::mul(a, b, 32, 0, f),
                             fp::div(a, b, 32, 0, f), fp::sqrt(a & 0x7fffffff, 32, 0, f), fp::fma(c, a, b, 32, 0, f)};
    for (int k = 0; k < 6; ++k) {
      const uint32_t w = bitcast<uint32_t>(want[k]);
      if (!normal32(w)) continue;
      ++checked;
      ASSERT_EQ(got[k], w) << "single op " << k << " a=" << std::hex << a << " b=" << b << " c=" << c;
    }
    const uint64_t da = rnd64(r), db = rnd64(r), dc = rnd64(r);
    const double xa = bitcast<double>(da), xb = bitcast<double>(db), xc = bitcast<double>(dc);
    const double wantd[7] = {xa + xb, xa - xb, xa * xb, xa / xb, std::sqrt(std::fabs(xa)), std::fma(xa, xb, xc),
                             double(fa)};
    const uint64_t gotd[7] = {fp::add(da, db, 64, 0, f), fp::sub(da, db, 64, 0, f), fp::mul(da, db, 64, 0, f),
                              fp::div(da, db, 64, 0, f), fp::sqrt(da & ~(1ull << 63), 64, 0, f),
                              fp::fma(dc, da, db, 64, 0, f), fp::convert(a, 32, 64, fp::kTieEven, 0, f)};
    for (int k = 0; k < 7; ++k) {
      const uint64_t w = bitcast<uint64_t>(wantd[k]);
      if (!normal64(w)) continue;
      ++checked;
      ASSERT_EQ(gotd[k], w) << "double op " << k << " a=" << std::hex << da << " b=" << db << " c=" << dc;
    }
    const float narrowed = float(xa);
    if (normal32(bitcast<uint32_t>(narrowed))) {
      ASSERT_EQ(fp::convert(da, 64, 32, fp::kTieEven, 0, f), bitcast<uint32_t>(narrowed));
    }
    const int64_t si = int64_t(r.next()) >> (r.next() % 64);
    ASSERT_EQ(fp::from_fixed(uint64_t(si), 64, false, 0, 64, fp::kTieEven, 0, f), bitcast<uint64_t>(double(si)));
    ASSERT_EQ(fp::from_fixed(uint64_t(si), 64, false, 0, 32, fp::kTieEven, 0, f), bitcast<uint32_t>(float(si)));
    ASSERT_EQ(fp::from_fixed(uint64_t(si), 64, true, 0, 64, fp::kTieEven, 0, f),
              bitcast<uint64_t>(double(uint64_t(si))));
  }
  EXPECT_GT(checked, 2000000);
}


// ------------------------------------------------------------------ against Unicorn
// The library functions that the scalar rows do not use (the Advanced SIMD helpers' FRECPE,
// FRSQRTE, FRECPS, FRSQRTS, FMULX, FRECPX, FCVTXN, FCMEQ/GE/GT) run here against Unicorn's
// (QEMU's) scalar forms of those instructions, on special values and random FPCR modes.
class UnicornOne {
 public:
  UnicornOne() {
    EXPECT_EQ(uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc_), UC_ERR_OK);
    EXPECT_EQ(uc_ctl_set_cpu_model(uc_, UC_CPU_ARM64_A53), UC_ERR_OK);
    EXPECT_EQ(uc_mem_map(uc_, kCode, 0x1000, UC_PROT_READ | UC_PROT_EXEC), UC_ERR_OK);
  }
  ~UnicornOne() { uc_close(uc_); }
  // Runs `word` with v1 = a, v2 = b; returns v0's low 64 bits and FPSR.
  uint64_t run(uint32_t word, uint64_t a, uint64_t b, uint32_t fpcr, uint32_t& fpsr) {
    uc_mem_write(uc_, kCode, &word, 4);
    uc_ctl_remove_cache(uc_, kCode, kCode + 4);
    uint64_t v[2] = {0, 0};
    uc_reg_write(uc_, UC_ARM64_REG_V0, v);
    v[0] = a;
    uc_reg_write(uc_, UC_ARM64_REG_V1, v);
    v[0] = b;
    uc_reg_write(uc_, UC_ARM64_REG_V2, v);
    uint32_t zero = 0;
    uc_reg_write(uc_, UC_ARM64_REG_FPCR, &fpcr);
    uc_reg_write(uc_, UC_ARM64_REG_FPSR, &zero);
    EXPECT_EQ(uc_emu_start(uc_, kCode, kCode + 4, 0, 1), UC_ERR_OK);
    uc_reg_read(uc_, UC_ARM64_REG_V0, v);
    uc_reg_read(uc_, UC_ARM64_REG_FPSR, &fpsr);
    return v[0];
  }

 private:
  static constexpr uint64_t kCode = 0x10000;
  uc_engine* uc_ = nullptr;
};

// An operand of n bits: mostly the special classes (zeros, infinities, NaNs, denormals, extreme
// and small normals), sometimes random bits.
uint64_t special(Rng& r, int n) {
  const int e = n == 32 ? 8 : 11, f = n - 1 - e;
  const uint64_t emax = (1ull << e) - 1, fmask = (1ull << f) - 1, x = r.next();
  uint64_t exp = 0, frac = 0;
  switch (x % 11) {
    case 0: break;
    case 1: exp = emax; break;
    case 2: exp = emax, frac = (1ull << (f - 1)) | (r.next() & (fmask >> 1)); break;
    case 3: exp = emax, frac = (r.next() & (fmask >> 1)) | 1; break;
    case 4: frac = r.next() & fmask; break;
    case 5: exp = 1 + (r.next() % 3), frac = r.next() & fmask; break;
    case 6: exp = emax - 1 - (r.next() % 3), frac = r.next() & fmask; break;
    case 7: exp = (emax >> 1) + (r.next() % 4), frac = r.next() & fmask & ~(fmask >> 4); break;
    default: exp = 1 + r.next() % (emax - 1), frac = r.next() & fmask; break;
  }
  return (((x >> 40) & 1) << (n - 1)) | (exp << f) | frac;
}

TEST(FpLib, AgreesWithUnicornOnAdvancedSimdHelpers) {
  UnicornOne uc;
  Rng r;
  struct Case {
    const char* name;
    uint32_t word;
    int n;
  };
  const Case cases[] = {
      {"frecpe s", 0x5ea1d820, 32},  {"frecpe d", 0x5ee1d820, 64},  {"frsqrte s", 0x7ea1d820, 32},
      {"frsqrte d", 0x7ee1d820, 64}, {"frecps s", 0x5e22fc20, 32},  {"frecps d", 0x5e62fc20, 64},
      {"frsqrts s", 0x5ea2fc20, 32}, {"frsqrts d", 0x5ee2fc20, 64}, {"fmulx s", 0x5e22dc20, 32},
      {"fmulx d", 0x5e62dc20, 64},   {"frecpx s", 0x5ea1f820, 32},  {"frecpx d", 0x5ee1f820, 64},
      {"fcvtxn", 0x7e616820, 64},    {"fcmeq s", 0x5e22e420, 32},   {"fcmge d", 0x7e62e420, 64},
      {"fcmgt s", 0x7ea2e420, 32},
  };
  for (int k = 0; k < int(sizeof cases / sizeof cases[0]); ++k) {
    const Case& cs = cases[k];
    int bad = 0;
    for (int i = 0; i < 20000 && bad < 5; ++i) {
      const int n = cs.n;
      const uint64_t a = special(r, n), b = special(r, n);
      const uint32_t fpcr = (r.next() & 1) ? 0 : uint32_t(r.next() % 32) << 22;
      uint32_t want_fpsr = 0, got_fpsr = 0;
      const uint64_t want = uc.run(cs.word, a, b, fpcr, want_fpsr);
      uint64_t got;
      switch (k) {
        case 0: case 1: got = fp::recip_estimate(a, n, fpcr, got_fpsr); break;
        case 2: case 3: got = fp::rsqrt_estimate(a, n, fpcr, got_fpsr); break;
        case 4: case 5: got = fp::recip_step(a, b, n, fpcr, got_fpsr); break;
        case 6: case 7: got = fp::rsqrt_step(a, b, n, fpcr, got_fpsr); break;
        case 8: case 9: got = fp::mulx(a, b, n, fpcr, got_fpsr); break;
        case 10: case 11: got = fp::recpx(a, n, fpcr, got_fpsr); break;
        case 12: got = fp::convert(a, 64, 32, fp::kOdd, fpcr, got_fpsr); break;
        case 13: got = fp::compare_eq(a, b, n, fpcr, got_fpsr) ? 0xffffffff : 0; break;
        case 14: got = fp::compare_ge(a, b, n, fpcr, got_fpsr) ? ~0ull : 0; break;
        default: got = fp::compare_gt(a, b, n, fpcr, got_fpsr) ? 0xffffffff : 0; break;
      }
      if (got != want || got_fpsr != want_fpsr) {
        ++bad;
        ADD_FAILURE() << cs.name << std::hex << ": a=0x" << a << " b=0x" << b << " fpcr=0x" << fpcr
                      << " unicorn 0x" << want << " fpsr 0x" << want_fpsr << ", ours 0x" << got << " fpsr 0x"
                      << got_fpsr;
      }
    }
  }
}

}  // namespace
}  // namespace cuarm::test
