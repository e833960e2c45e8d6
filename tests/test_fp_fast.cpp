// The soft-float library's fast path (src/core/fp/fp_fast.hpp) against the soft path alone
// (soft_add, ...): over many random operands, biased towards the cases where the fast path must
// decline or get a detail right (overflow, the normal/denormal boundary, the exponent limits of
// its error terms, cancellation, exact results, midpoints of single fma), for every operation,
// both sizes and every FPCR combination, the result bits and the FPSR flags of the entry points
// (add, ...) must equal the soft path's. The test also counts how often the fast path itself
// was taken, so that it cannot pass by never taking it.
// FpFastGpu runs the same kind of cases in a kernel (fp_fast_gpu.cu, built with the CUDA
// backend) and compares the device's entry points, soft path and fast path with the host's soft
// path, and the device's choice of the fast path with the host's, case by case.
#include <gtest/gtest.h>

#include <cmath>
#include <cstdio>
#include <cstring>
#include <random>
#include <string>
#include <vector>

#include <cuarm/batch.hpp>
#include <cuarm/cuarm.hpp>

#include "backend/jit/nvrtc.hpp"
#include "core/fp/fp.hpp"
#if CUARM_TESTS_CUDA
#include "fp_fast_gpu.hpp"
#endif
#if defined(__x86_64__)
#include <immintrin.h>
#endif

namespace cuarm::test {
namespace {

namespace fp = cuarm::core::fp;
using core::ones;

constexpr uint32_t kRN = 0u << 22, kRP = 1u << 22, kRM = 2u << 22, kRZ = 3u << 22;

enum Op { kAdd, kSub, kMul, kDiv, kSqrt, kFma, kOpCount };
const char* const kOpNames[] = {"add", "sub", "mul", "div", "sqrt", "fma"};

struct Gen {
  std::mt19937_64 rng;
  int n;
  Gen(uint64_t seed, int n_) : rng(seed), n(n_) {}

  uint64_t u() { return rng(); }
  uint32_t below(uint32_t k) { return uint32_t(u() % k); }
  int f() const { return n == 64 ? 52 : 23; }
  uint32_t emax() const { return n == 64 ? 2047 : 255; }  // the all-ones exponent
  uint32_t bias() const { return n == 64 ? 1023 : 127; }
  uint64_t make(uint32_t sign, uint32_t bexp, uint64_t frac) const {
    return (uint64_t(sign & 1) << (n - 1)) | (uint64_t(bexp) << f()) | (frac & ones(f()));
  }
  uint32_t exp_of(uint64_t v) const { return uint32_t(v >> f()) & uint32_t(ones(n == 64 ? 11 : 8)); }
  uint32_t clamp_exp(int64_t e) const { return uint32_t(e < 1 ? 1 : e > int64_t(emax()) - 1 ? emax() - 1 : e); }

  // A fraction, often short (trailing zeros: exact products, quotients, roots).
  uint64_t frac() {
    uint64_t m = u() & ones(f());
    if (below(2)) m &= ~ones(f() - int(below(uint32_t(f()) + 1)));
    return m;
  }
  // A significand (fraction) of at most `bits` significant bits after the leading one.
  uint64_t short_frac(int bits) { return (u() & ones(bits)) << (f() - bits); }

  uint64_t host_value(double d) const {
    if (n == 64) {
      uint64_t b;
      memcpy(&b, &d, 8);
      return b;
    }
    const float x = float(d);
    uint32_t b;
    memcpy(&b, &x, 4);
    return b;
  }

  // One operand, from a mix of classes.
  uint64_t operand() {
    const uint32_t s = below(2);
    const uint32_t k = below(100);
    if (k < 30) return make(s, clamp_exp(int64_t(bias()) - 40 + below(81)), frac());  // ordinary
    if (k < 38) return make(s, emax() - 1 - below(4), frac());                         // near overflow
    if (k < 46) return make(s, 1 + below(4), frac());                                   // near the denormals
    if (k < 52 && n == 64) return make(s, below(2) ? 50 + below(12) : 2014 + below(8), frac());  // TwoProduct limits
    if (k < 60) return make(s, 1 + below(emax() - 1), frac());                          // any normal
    if (k < 66) return make(s, 0, 0);                                                   // zero
    if (k < 71) return make(s, 0, frac() | 1);                                          // denormal
    if (k < 74) return make(s, emax(), 0);                                              // infinity
    if (k < 78) return make(s, emax(), frac() | 1);                                     // NaN (quiet or signalling)
    if (k < 90) return host_value(double(int(below(257)) - 128));                       // small integers
    return u() & ones(n);                                                               // any bits
  }

  // An operand whose exponent puts a product (or quotient) of it and `a` at the biased
  // exponent `target`, for targets near the boundaries.
  uint32_t boundary_target() {
    switch (below(4)) {
      case 0: return below(5);                             // at or below the smallest normal
      case 1: return n == 64 ? 50 + below(12) : below(5);  // the double error-term limits
      case 2: return emax() - 1 - below(3);                // near overflow
      default: return bias() + below(3);                   // ordinary
    }
  }
};

uint32_t random_fpcr(Gen& g) {
  const uint32_t rmode_pick = g.below(10);
  const uint32_t rmode = rmode_pick < 7 ? kRN : rmode_pick == 7 ? kRP : rmode_pick == 8 ? kRM : kRZ;
  uint32_t fpcr = rmode;
  if (g.below(2)) fpcr |= fp::kFpcrFZ;
  if (g.below(2)) fpcr |= fp::kFpcrDN;
  if (g.below(4) == 0) fpcr |= fp::kFpcrAHP;
  return fpcr;
}

struct Tally {
  uint64_t cases = 0, rn_cases = 0, fast = 0, mismatches = 0, fast_outside_rn = 0;
};

std::string hex(uint64_t v) {
  char buf[32];
  snprintf(buf, sizeof buf, "0x%llx", static_cast<unsigned long long>(v));
  return buf;
}

// Runs one case of `op` through the entry point, the soft path alone and the fast path alone.
void check(Op op, int n, uint64_t a, uint64_t b, uint64_t c, uint32_t fpcr, uint32_t fpsr0, Tally& t) {
  uint32_t f_entry = fpsr0, f_soft = fpsr0;
  uint64_t r_entry = 0, r_soft = 0;
  switch (op) {
    case kAdd:
      r_entry = fp::add(a, b, n, fpcr, f_entry);
      r_soft = fp::soft_add(a, b, n, fpcr, f_soft);
      break;
    case kSub:
      r_entry = fp::sub(a, b, n, fpcr, f_entry);
      r_soft = fp::soft_sub(a, b, n, fpcr, f_soft);
      break;
    case kMul:
      r_entry = fp::mul(a, b, n, fpcr, f_entry);
      r_soft = fp::soft_mul(a, b, n, fpcr, f_soft);
      break;
    case kDiv:
      r_entry = fp::div(a, b, n, fpcr, f_entry);
      r_soft = fp::soft_div(a, b, n, fpcr, f_soft);
      break;
    case kSqrt:
      r_entry = fp::sqrt(a, n, fpcr, f_entry);
      r_soft = fp::soft_sqrt(a, n, fpcr, f_soft);
      break;
    case kFma:
      r_entry = fp::fma(c, a, b, n, fpcr, f_entry);
      r_soft = fp::soft_fma(c, a, b, n, fpcr, f_soft);
      break;
    default: break;
  }
  bool taken = false;
#if CUARM_FP_FAST
  uint32_t f_fast = fpsr0;
  uint64_t r_fast = 0;
  switch (op) {
    case kAdd: taken = fp::fast::add_sub(a, b, n, false, fpcr, f_fast, r_fast); break;
    case kSub: taken = fp::fast::add_sub(a, b, n, true, fpcr, f_fast, r_fast); break;
    case kMul: taken = fp::fast::mul(a, b, n, fpcr, f_fast, r_fast); break;
    case kDiv: taken = fp::fast::div(a, b, n, fpcr, f_fast, r_fast); break;
    case kSqrt: taken = fp::fast::sqrt(a, n, fpcr, f_fast, r_fast); break;
    case kFma: taken = fp::fast::fma(c, a, b, n, fpcr, f_fast, r_fast); break;
    default: break;
  }
  if (!taken && f_fast != fpsr0) {
    ++t.mismatches;
    ADD_FAILURE() << kOpNames[op] << " n=" << n << ": the declining fast path changed FPSR";
  }
  if (taken && (r_fast != r_soft || f_fast != f_soft)) r_entry = r_fast, f_entry = f_fast;  // reported below
#endif
  ++t.cases;
  const bool rn = fp::rounding_mode(fpcr) == fp::kTieEven;
  if (rn) ++t.rn_cases;
  if (taken) {
    ++t.fast;
    if (!rn) ++t.fast_outside_rn;
  }
  if (r_entry != r_soft || f_entry != f_soft) {
    if (++t.mismatches <= 20)
      ADD_FAILURE() << kOpNames[op] << " n=" << n << " a=" << hex(a) << " b=" << hex(b) << " c=" << hex(c)
                    << " fpcr=" << hex(fpcr) << (taken ? " (fast path)" : "") << ": got " << hex(r_entry)
                    << " flags " << hex(f_entry) << ", soft path " << hex(r_soft) << " flags " << hex(f_soft);
  }
}

// Operands for one case of `op`, from several generators.
void draw(Gen& g, Op op, uint64_t& a, uint64_t& b, uint64_t& c) {
  a = g.operand();
  b = g.operand();
  c = g.operand();
  const int f = g.f();
  const uint32_t bias = g.bias();
  switch (g.below(8)) {
    case 0:  // cancellation: b = -a, or -a with its low bits changed
      b = a ^ (uint64_t(1) << (g.n - 1));
      if (g.below(2)) b ^= g.u() & ones(int(g.below(uint32_t(f))));
      if (op == kFma) c = b;
      break;
    case 1:  // exponents close together (alignment, carries)
      b = g.make(g.below(2), g.clamp_exp(int64_t(g.exp_of(a)) + int64_t(g.below(2 * uint32_t(f) + 9)) - f - 4),
                 g.frac());
      break;
    case 2: {  // a product or quotient at a boundary exponent
      const uint32_t target = g.boundary_target();
      const int64_t ea = g.exp_of(a);
      const int64_t eb = op == kDiv ? ea - int64_t(target) + bias : int64_t(target) + bias - ea;
      b = g.make(g.below(2), g.clamp_exp(eb), g.frac());
      if (op == kSqrt) a = g.make(0, g.clamp_exp(2 * int64_t(target) - bias), g.frac());
      break;
    }
    case 3: {  // exact results: short significands; a = q * b for division, a = s * s for sqrt
      const int bits = g.n == 64 ? 20 : 10;
      const double q = double((uint64_t(1) << bits) | (g.u() & ones(bits))) * (g.below(2) ? -1 : 1);
      const double d = double((uint64_t(1) << bits) | (g.u() & ones(bits)));
      const double qs = std::ldexp(q, int(g.below(41)) - 20);
      if (op == kDiv) {
        a = g.host_value(qs * d);
        b = g.host_value(d);
      } else if (op == kSqrt) {
        a = g.host_value(d * d);
      } else {
        a = g.host_value(qs);
        b = g.host_value(d);
        c = g.host_value(-qs * d + (g.below(2) ? 0.0 : double(g.below(64))));
      }
      break;
    }
    case 4:  // fma: the addend cancels the product (nearly) or is tiny next to it
      if (op == kFma) {
        uint32_t ignored = 0;
        const uint64_t p = fp::soft_mul(a, b, g.n, kRN, ignored);
        c = p ^ (uint64_t(1) << (g.n - 1));
        if (g.below(2)) c ^= g.u() & ones(int(g.below(8)));
      }
      break;
    case 5:  // single fma: a product exactly halfway between two singles plus a tiny addend,
             // whose double sum lands on that midpoint though it is inexact
      if (op == kFma && g.n == 32) {
        // Odd significands of 12 and 13 bits: a product of 24 bits (exact) or 25 (a midpoint).
        a = g.make(g.below(2), 127 + g.below(3), g.short_frac(11) | (uint64_t(1) << (f - 11)));
        b = g.make(g.below(2), 127 + g.below(3), g.short_frac(12) | (uint64_t(1) << (f - 12)));
        c = g.make(g.below(2), 127 - 30 - g.below(30), g.frac());
      }
      break;
    case 6:  // zero operands with every sign
      if (g.below(2)) a = g.make(g.below(2), 0, 0);
      if (g.below(2)) b = g.make(g.below(2), 0, 0);
      if (g.below(2)) c = g.make(g.below(2), 0, 0);
      break;
    default:  // independent operands
      break;
  }
  if (g.n == 32 && g.below(8) == 0) {  // bits above n are ignored
    a |= g.u() << 32;
    b |= g.u() << 32;
    c |= g.u() << 32;
  }
}

class FpFast : public ::testing::TestWithParam<int> {};

TEST_P(FpFast, AgreesWithSoftPath) {
  const int n = GetParam();
  for (int op = 0; op < kOpCount; ++op) {
    Gen g(0x5eed0000u + uint64_t(op) * 131 + uint64_t(n), n);
    Tally t;
    for (int i = 0; i < 400000; ++i) {
      uint64_t a, b, c;
      draw(g, Op(op), a, b, c);
      const uint32_t fpcr = random_fpcr(g);
      const uint32_t fpsr0 = uint32_t(g.u()) & 0x9f & (g.below(2) ? 0u : ~0u);
      check(Op(op), n, a, b, c, fpcr, fpsr0, t);
    }
    EXPECT_EQ(t.mismatches, 0u) << kOpNames[op] << " n=" << n;
    EXPECT_EQ(t.fast_outside_rn, 0u) << kOpNames[op] << " n=" << n;
#if CUARM_FP_FAST
    // The fast path must carry a good share of the round-to-nearest cases (about half of the
    // operands are zeros or ordinary normals), or this test would prove nothing.
    EXPECT_GT(t.fast, t.rn_cases / 5) << kOpNames[op] << " n=" << n;
#endif
    printf("[ fp fast  ] %-4s n=%d: %llu cases, %llu in round to nearest, %llu by the fast path\n", kOpNames[op],
           n, static_cast<unsigned long long>(t.cases), static_cast<unsigned long long>(t.rn_cases),
           static_cast<unsigned long long>(t.fast));
  }
}

INSTANTIATE_TEST_SUITE_P(Sizes, FpFast, ::testing::Values(32, 64));

// ---------------------------------------------------------------- the device fast path
#if CUARM_TESTS_CUDA
// The soft path on the host for one case (the reference of FpFastGpu).
void host_soft(Op op, int n, uint64_t a, uint64_t b, uint64_t c, uint32_t fpcr, uint32_t& fpsr, uint64_t& r) {
  switch (op) {
    case kAdd: r = fp::soft_add(a, b, n, fpcr, fpsr); break;
    case kSub: r = fp::soft_sub(a, b, n, fpcr, fpsr); break;
    case kMul: r = fp::soft_mul(a, b, n, fpcr, fpsr); break;
    case kDiv: r = fp::soft_div(a, b, n, fpcr, fpsr); break;
    case kSqrt: r = fp::soft_sqrt(a, n, fpcr, fpsr); break;
    default: r = fp::soft_fma(c, a, b, n, fpcr, fpsr); break;
  }
}

#if CUARM_FP_FAST
// Whether the host's fast path takes a case.
bool host_fast_taken(Op op, int n, uint64_t a, uint64_t b, uint64_t c, uint32_t fpcr) {
  uint32_t f = 0;
  uint64_t r = 0;
  switch (op) {
    case kAdd: return fp::fast::add_sub(a, b, n, false, fpcr, f, r);
    case kSub: return fp::fast::add_sub(a, b, n, true, fpcr, f, r);
    case kMul: return fp::fast::mul(a, b, n, fpcr, f, r);
    case kDiv: return fp::fast::div(a, b, n, fpcr, f, r);
    case kSqrt: return fp::fast::sqrt(a, n, fpcr, f, r);
    default: return fp::fast::fma(c, a, b, n, fpcr, f, r);
  }
}
#endif
#endif

class FpFastGpu : public ::testing::TestWithParam<int> {};

TEST_P(FpFastGpu, AgreesWithHostSoftPath) {
#if !CUARM_TESTS_CUDA
  GTEST_SKIP() << "this build has no CUDA backend (tests/fp_fast_gpu.cu is built with it)";
#else
  const int n = GetParam();
  constexpr int kCases = 400000;
  std::vector<gpu::FpCase> cases(kCases);
  std::vector<gpu::FpDeviceResult> dev(kCases);
  for (int op = 0; op < kOpCount; ++op) {
    // The operands of FpFast.AgreesWithSoftPath, from another seed.
    Gen g(0x6e0d0000u + uint64_t(op) * 131 + uint64_t(n), n);
    for (auto& k : cases) {
      draw(g, Op(op), k.a, k.b, k.c);
      k.fpcr = random_fpcr(g);
      k.fpsr0 = uint32_t(g.u()) & 0x9f & (g.below(2) ? 0u : ~0u);
      k.op = op;
      k.n = n;
    }
    std::string why;
    const gpu::GpuRun run = gpu::run_fp_cases(cases.data(), cases.size(), dev.data(), &why);
    if (run == gpu::GpuRun::NoDevice) GTEST_SKIP() << "no usable CUDA device: " << why;
    ASSERT_EQ(run, gpu::GpuRun::Ok) << why;

    Tally t;
    uint64_t host_fast = 0, taken_differs = 0;
    for (int i = 0; i < kCases; ++i) {
      const gpu::FpCase& k = cases[size_t(i)];
      const gpu::FpDeviceResult& d = dev[size_t(i)];
      uint32_t f_ref = k.fpsr0;
      uint64_t r_ref = 0;
      host_soft(Op(op), n, k.a, k.b, k.c, k.fpcr, f_ref, r_ref);
      ++t.cases;
      const bool rn = fp::rounding_mode(k.fpcr) == fp::kTieEven;
      if (rn) ++t.rn_cases;
      if (d.taken) {
        ++t.fast;
        if (!rn) ++t.fast_outside_rn;
      }
#if CUARM_FP_FAST
      const bool host_taken = host_fast_taken(Op(op), n, k.a, k.b, k.c, k.fpcr);
      host_fast += host_taken ? 1 : 0;
      if (host_taken != (d.taken != 0) && ++taken_differs <= 10)
        ADD_FAILURE() << kOpNames[op] << " n=" << n << " a=" << hex(k.a) << " b=" << hex(k.b) << " c=" << hex(k.c)
                      << " fpcr=" << hex(k.fpcr) << ": the fast path " << (d.taken ? "took" : "declined")
                      << " it on the device but " << (host_taken ? "took" : "declined") << " it on the host";
#endif
      const char* what = nullptr;
      if (d.entry != r_ref || d.f_entry != f_ref)
        what = "entry point";
      else if (d.soft != r_ref || d.f_soft != f_ref)
        what = "soft path";
      else if (d.taken && (d.fast != r_ref || d.f_fast != f_ref))
        what = "fast path";
      else if (!d.taken && d.f_fast != k.fpsr0)
        what = "declining fast path (changed FPSR)";
      if (what && ++t.mismatches <= 20)
        ADD_FAILURE() << kOpNames[op] << " n=" << n << " a=" << hex(k.a) << " b=" << hex(k.b) << " c=" << hex(k.c)
                      << " fpcr=" << hex(k.fpcr) << " fpsr=" << hex(k.fpsr0) << ": device " << what << " gave entry "
                      << hex(d.entry) << "/" << hex(d.f_entry) << " soft " << hex(d.soft) << "/" << hex(d.f_soft)
                      << " fast " << (d.taken ? "" : "(declined) ") << hex(d.fast) << "/" << hex(d.f_fast)
                      << "; host soft path " << hex(r_ref) << " flags " << hex(f_ref);
    }
    EXPECT_EQ(t.mismatches, 0u) << kOpNames[op] << " n=" << n;
    EXPECT_EQ(t.fast_outside_rn, 0u) << kOpNames[op] << " n=" << n;
    // The device must take the fast path (a build that silently kept the soft path would pass
    // the comparisons above), and exactly where the host takes it.
    EXPECT_GT(t.fast, t.rn_cases / 5) << kOpNames[op] << " n=" << n;
#if CUARM_FP_FAST
    EXPECT_EQ(taken_differs, 0u) << kOpNames[op] << " n=" << n;
    EXPECT_EQ(t.fast, host_fast) << kOpNames[op] << " n=" << n;
#endif
    printf("[ fp gpu   ] %-4s n=%d: %llu cases, %llu in round to nearest, %llu by the device fast path (host %llu)\n",
           kOpNames[op], n, static_cast<unsigned long long>(t.cases), static_cast<unsigned long long>(t.rn_cases),
           static_cast<unsigned long long>(t.fast), static_cast<unsigned long long>(host_fast));
  }
#endif
}

INSTANTIATE_TEST_SUITE_P(Sizes, FpFastGpu, ::testing::Values(32, 64));

// The translated mode's NVRTC compiles the same core headers: the fast path must be on there
// (CUARM_FP_FAST) and compile, entry points and fast tries alike.
TEST(FpFastJit, NvrtcCompilesTheDeviceFastPath) {
  std::string why;
  if (!jit::nvrtc_available(&why)) GTEST_SKIP() << "needs NVRTC: " << why;
  const std::string source = R"(#include "core/fp/fp.hpp"
static_assert(CUARM_FP_FAST == 1 && CUARM_DEVICE_CODE == 1, "the device fast path is on under NVRTC");
namespace fp = cuarm::core::fp;
extern "C" __global__ void fp_fast_nvrtc_check(unsigned long long* v, unsigned int* f) {
  uint32_t fl = f[0];
  for (int n = 32; n <= 64; n += 32) {
    v[0] = fp::add(v[1], v[2], n, f[1], fl);
    v[3] = fp::sub(v[1], v[2], n, f[1], fl);
    v[4] = fp::mul(v[1], v[2], n, f[1], fl);
    v[5] = fp::div(v[1], v[2], n, f[1], fl);
    v[6] = fp::sqrt(v[1], n, f[1], fl);
    v[7] = fp::fma(v[0], v[1], v[2], n, f[1], fl);
    uint64_t r = 0;
    f[2] = fp::fast::add_sub(v[1], v[2], n, false, f[1], fl, r) ? 1u : 0u;
    v[8] = r;
  }
  f[0] = fl;
}
)";
  EXPECT_FALSE(jit::compile_cubin(source, 90).empty());
}

#if CUARM_FP_FAST
// Hand-worked cases at the fast path's edges, each result and flag from the Arm manual's
// rules (not from our code).
struct Out {
  bool taken;
  uint64_t v;
  uint32_t flags;
};
Out fast_add(uint64_t a, uint64_t b, int n) {
  Out o{false, 0, 0};
  o.taken = fp::fast::add_sub(a, b, n, false, kRN, o.flags, o.v);
  return o;
}
Out fast_fma(uint64_t c, uint64_t a, uint64_t b, int n) {
  Out o{false, 0, 0};
  o.taken = fp::fast::fma(c, a, b, n, kRN, o.flags, o.v);
  return o;
}

TEST(FpFastEdges, ZeroSigns) {
  // x + (-x) = +0 in round to nearest; -0 + -0 = -0; +0 + -0 = +0.
  Out o = fast_add(0x3f800000, 0xbf800000, 32);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0u);
  EXPECT_EQ(o.flags, 0u);
  o = fast_add(0x80000000, 0x80000000, 32);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0x80000000u);
  o = fast_add(0x8000000000000000, 0, 64);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0u);
  // FPMulAdd: -0 + (-0 * 1) = -0; -0 + (+0 * 1) = +0; -1 + 1 * 1 = +0.
  o = fast_fma(0x80000000, 0x80000000, 0x3f800000, 32);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0x80000000u);
  o = fast_fma(0x8000000000000000, 0, 0x3ff0000000000000, 64);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0u);
  o = fast_fma(0xbff0000000000000, 0x3ff0000000000000, 0x3ff0000000000000, 64);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0u);
  EXPECT_EQ(o.flags, 0u);
}

TEST(FpFastEdges, DeclinesAtTheBoundaries) {
  // 2^-126 * 1.5 - 2^-126 = 2^-127: a denormal result (UFC is not raised for an exact one, but
  // FZ would flush it): soft path.
  EXPECT_FALSE(fast_add(0x00c00000, 0x80800000, 32).taken);
  // The largest single plus itself overflows: soft path.
  EXPECT_FALSE(fast_add(0x7f7fffff, 0x7f7fffff, 32).taken);
  // A denormal operand: soft path.
  EXPECT_FALSE(fast_add(0x00000001, 0x3f800000, 32).taken);
  // Round to nearest only.
  Out o{false, 0, 0};
  EXPECT_FALSE(fp::fast::add_sub(0x3f800000, 0x3f800000, 32, false, kRZ, o.flags, o.v));
  // Single fma: 1.5 * (1 + 2^-12)... the product (1 + 2^-12)^2 = 1 + 2^-11 + 2^-24 is a
  // midpoint between two singles; a tiny positive addend makes the exact sum round up, while
  // the double sum is the midpoint itself: the fast path must decline.
  const uint64_t a = 0x3f800800;  // 1 + 2^-12
  EXPECT_FALSE(fast_fma(0x20000000, a, a, 32).taken);
  // Without the addend the midpoint is exact and ties to even: 1 + 2^-11 (even), inexact.
  o = fast_fma(0, a, a, 32);
  EXPECT_TRUE(o.taken);
  EXPECT_EQ(o.v, 0x3f801000u);
  EXPECT_EQ(o.flags, fp::kIXC);
}
#endif


#if defined(__x86_64__)
// The CPU backend runs guest code in the default floating-point environment whatever the
// calling thread set (round toward zero, FTZ and DAZ here), and gives the thread its own back.
// 1 + 3*2^-53 (a tie between 1 + 2^-52 and 1 + 2^-51) rounds to the even 1 + 2^-51 to nearest
// (the guest's FPCR) but to 1 + 2^-52 toward zero.
TEST(FpFastEdges, CpuBackendRunsInTheDefaultHostEnvironment) {
  MachineOptions o;
  o.backend = BackendKind::Cpu;
  Machine m(o);
  const uint8_t code[] = {0x00, 0x28, 0x61, 0x1e,   // fadd d0, d0, d1
                          0x00, 0x00, 0x40, 0xd4};  // hlt #0
  m.load_program(code, 0);
  Registers r = m.registers();
  r.v[0][0] = 0x3ff0000000000000ull;  // 1.0
  r.v[1][0] = 0x3cb8000000000000ull;  // 1.5 * 2^-52 = 3 * 2^-53
  m.set_registers(r);
  m.set_pc(0);
  const unsigned caller = 0x1f80 | (3u << 13) | (1u << 15) | (1u << 6);  // RZ, FTZ, DAZ
  const unsigned saved = _mm_getcsr();
  _mm_setcsr(caller);
  const Status st = m.run(10);  // runs on this thread on the CPU backend
  const unsigned after = _mm_getcsr();
  _mm_setcsr(saved);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(m.registers().v[0][0], 0x3ff0000000000002ull);  // 1 + 2^-51
  EXPECT_EQ(m.registers().fpsr & fp::kIXC, fp::kIXC);
  EXPECT_EQ(after & ~0x3fu, caller);  // the caller's environment is back

  // A batch: its threads start from the caller's environment.
  BatchOptions bo;
  bo.backend = BackendKind::Cpu;
  bo.lanes = 3;
  Batch b(bo);
  b.map(0, 0x1000, PermRX);
  b.load_program(code, 0);
  for (uint64_t l = 0; l < 3; ++l) b.set_registers(l, r);
  b.set_pc(0);
  _mm_setcsr(caller);
  b.run(10);
  _mm_setcsr(saved);
  for (uint64_t l = 0; l < 3; ++l) EXPECT_EQ(b.registers(l).v[0][0], 0x3ff0000000000002ull) << "lane " << l;
}
#endif

}  // namespace
}  // namespace cuarm::test
