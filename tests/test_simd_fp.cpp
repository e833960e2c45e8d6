// Advanced SIMD floating point: snippets from tests/asm/simd_fp.S. Expected values are worked
// out by hand from the Arm manual's pseudocode (FPProcessNaNs order, FPMulAdd, FPRecipEstimate,
// the pairwise Reduce tree, FPToFixed saturation, ...) and simple number encodings.
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("simd_fp");
  return s;
}

constexpr uint32_t IOC = 1, DZC = 2, OFC = 4, UFC = 8, IXC = 16, IDC = 128;
constexpr uint32_t RP = 1u << 22, RM = 2u << 22, RZ = 3u << 22, FZ = 1u << 24, DN = 1u << 25, AHP = 1u << 26;
constexpr uint64_t kJunk = 0x5a5a5a5a5a5a5a5aull;

struct V {
  uint64_t lo, hi;
};
constexpr V kJunkV{kJunk, kJunk};
// Four single elements (element 0 first), two doubles.
constexpr V S(uint64_t e0, uint64_t e1, uint64_t e2, uint64_t e3) { return {e0 | (e1 << 32), e2 | (e3 << 32)}; }
constexpr V S2(uint64_t e0, uint64_t e1, uint64_t hi = kJunk) { return {e0 | (e1 << 32), hi}; }
constexpr V D(uint64_t e0, uint64_t e1) { return {e0, e1}; }
// A scalar result: zero-extended to 128 bits.
constexpr V Z(uint64_t x) { return {x, 0}; }

struct In {
  V v0 = kJunkV, v1 = kJunkV, v2 = kJunkV, v17 = kJunkV;
  uint32_t fpcr = 0, fpsr = 0;
  uint64_t x1 = 0;
};

void expect(const char* name, const In& in, V want, uint32_t fpsr = 0) {
  auto m = snippets().machine();
  Registers r = m->registers();
  for (auto& v : r.v) v[0] = v[1] = kJunk;
  r.v[0][0] = in.v0.lo, r.v[0][1] = in.v0.hi;
  r.v[1][0] = in.v1.lo, r.v[1][1] = in.v1.hi;
  r.v[2][0] = in.v2.lo, r.v[2][1] = in.v2.hi;
  r.v[17][0] = in.v17.lo, r.v[17][1] = in.v17.hi;
  r.x[1] = in.x1;
  r.fpcr = in.fpcr;
  r.fpsr = in.fpsr;
  r.pc = snippets().symbol(std::string("t_") + name);
  m->set_registers(r);
  const Status st = m->run(10);
  ASSERT_EQ(st.signal, StopReason::Halt) << name;
  const Registers o = m->registers();
  EXPECT_EQ(o.v[0][0], want.lo) << name << std::hex << " lo got 0x" << o.v[0][0] << " want 0x" << want.lo;
  EXPECT_EQ(o.v[0][1], want.hi) << name << std::hex << " hi got 0x" << o.v[0][1] << " want 0x" << want.hi;
  EXPECT_EQ(o.fpsr, fpsr) << name << std::hex << " fpsr got 0x" << o.fpsr;
  EXPECT_EQ(o.v[1][0], in.v1.lo) << name;  // sources unchanged
}

// Single encodings.
constexpr uint64_t s0_25 = 0x3e800000, s0_5 = 0x3f000000, s1 = 0x3f800000, s1_25 = 0x3fa00000, s1_5 = 0x3fc00000,
                   s1_75 = 0x3fe00000, s1_9 = 0x3ff33333, s2 = 0x40000000, s2_5 = 0x40200000, s3 = 0x40400000,
                   s4 = 0x40800000, s5 = 0x40a00000, s6 = 0x40c00000, s7 = 0x40e00000;
constexpr uint64_t sm0_25 = 0xbe800000, sm0_5 = 0xbf000000, sm1 = 0xbf800000, sm1_25 = 0xbfa00000, sm1_5 = 0xbfc00000,
                   sm1_75 = 0xbfe00000, sm1_9 = 0xbff33333, sm2 = 0xc0000000, sm2_5 = 0xc0200000, sm3 = 0xc0400000;
constexpr uint64_t sp0 = 0, sn0 = 0x80000000, sinf = 0x7f800000, sninf = 0xff800000, sdnan = 0x7fc00000,
                   sq1 = 0x7fc00001, smax = 0x7f7fffff, smin_normal = 0x00800000, s2p31 = 0x4f000000,
                   sm2p31 = 0xcf000000, s2p32 = 0x4f800000, s2p30 = 0x4e800000;
constexpr uint64_t ones32 = 0xffffffff, ones64 = ~uint64_t(0);
constexpr uint64_t ssnan(uint64_t payload) { return 0x7f800000 | payload; }
constexpr uint64_t sqnan(uint64_t payload) { return 0x7fc00000 | payload; }
// Double encodings.
constexpr uint64_t d0_5 = 0x3fe0000000000000, d1 = 0x3ff0000000000000, d1_5 = 0x3ff8000000000000,
                   d2 = 0x4000000000000000, d2_5 = 0x4004000000000000, d3 = 0x4008000000000000, d4 = 0x4010000000000000,
                   d7 = 0x401c000000000000, dm0_5 = 0xbfe0000000000000, dm1 = 0xbff0000000000000,
                   dm1_5 = 0xbff8000000000000, dm2 = 0xc000000000000000, dm2_5 = 0xc004000000000000,
                   dm3 = 0xc008000000000000, dm5 = 0xc014000000000000;
constexpr uint64_t dp0 = 0, dn0 = 0x8000000000000000, dinf = 0x7ff0000000000000, dninf = 0xfff0000000000000,
                   ddnan = 0x7ff8000000000000, dq1 = 0x7ff8000000000001, d2p53 = 0x4340000000000000,
                   d2p_60 = 0x3c30000000000000, dm2p_60 = 0xbc30000000000000, d1p2m30 = 0x3ff0000000400000,
                   d_third = 0x3fd5555555555555;

// ---------------------------------------------------------------- three same
TEST(SimdFpThreeSame, AddSubMul) {
  expect("fadd_4s", {.v1 = S(s1, s2, sm1, sinf), .v2 = S(s2, s0_5, s1, sninf)}, S(s3, s2_5, sp0, sdnan), IOC);
  expect("fadd_2s", {.v1 = S2(s1, s2), .v2 = S2(s2, s2)}, S2(s3, s4, 0));  // Q=0: upper half zeroed
  // Rounding modes through MSR FPCR: 1 + 2^-60 and -1 - 2^-60.
  const In r{.v1 = D(d1, dm1), .v2 = D(d2p_60, dm2p_60)};
  In m = r;
  expect("fadd_2d_fpcr", m, D(d1, dm1), IXC);
  m.x1 = RP;
  expect("fadd_2d_fpcr", m, D(d1 + 1, dm1), IXC);
  m.x1 = RM;
  expect("fadd_2d_fpcr", m, D(d1, dm1 + 1), IXC);
  m.x1 = RZ;
  expect("fadd_2d_fpcr", m, D(d1, dm1), IXC);
  // FPProcessNaNs: the first signalling NaN (operand order), else the first quiet NaN.
  const In nans{.v1 = S(sq1, ssnan(5), s1, sqnan(3)), .v2 = S(ssnan(2), sqnan(4), s1, ssnan(6))};
  expect("fsub_4s", nans, S(sqnan(2), sqnan(5), sp0, sqnan(6)), IOC);
  In dn = nans;
  dn.fpcr = DN;
  expect("fsub_4s", dn, S(sdnan, sdnan, sp0, sdnan), IOC);
  // 2*3; inf*0 invalid; overflow; an exact denormal result (no UFC), flushed under FZ (UFC).
  const In mul{.v1 = S(s2, sinf, smax, smin_normal), .v2 = S(s3, sp0, s2, s0_5)};
  expect("fmul_4s", mul, S(s6, sdnan, sinf, 0x00400000), IOC | OFC | IXC);
  In mulfz = mul;
  mulfz.fpcr = FZ;
  expect("fmul_4s", mulfz, S(s6, sdnan, sinf, sp0), IOC | OFC | IXC | UFC);
  // Denormal inputs: exact without FZ; flushed (IDC) under FZ.
  const In den{.v1 = S(1, 0x80000001, s1, s1), .v2 = S(s1, s1, 0x00400000, s2)};
  expect("fmul_4s", den, S(1, 0x80000001, 0x00400000, s2));
  In denfz = den;
  denfz.fpcr = FZ;
  expect("fmul_4s", denfz, S(sp0, sn0, sp0, s2), IDC);
  // Flags accumulate onto FPSR.
  In acc = den;
  acc.fpsr = DZC | (1u << 27);
  expect("fmul_4s", acc, S(1, 0x80000001, 0x00400000, s2), DZC | (1u << 27));
  // FMULX: infinity times zero is 2 with the product's sign.
  expect("fmulx_4s", {.v1 = S(sinf, sninf, sp0, s3), .v2 = S(sp0, sp0, sninf, s2)}, S(s2, sm2, sm2, s6));
  expect("fdiv_2d", {.v1 = D(d1, d1), .v2 = D(dp0, d3)}, D(dinf, d_third), DZC | IXC);
}

TEST(SimdFpThreeSame, MaxMin) {
  const In mm{.v1 = S(s1, sn0, sq1, ssnan(2)), .v2 = S(s2, sp0, s1, s1)};
  expect("fmax_4s", mm, S(s2, sp0, sq1, sqnan(2)), IOC);
  expect("fmin_4s", mm, S(s1, sn0, sq1, sqnan(2)), IOC);
  // A quiet NaN loses against a number; two quiet NaNs give the first; a signalling NaN wins.
  const In nm{.v1 = S(s1, sq1, sq1, ssnan(2)), .v2 = S(s2, s3, sqnan(4), s1)};
  expect("fmaxnm_4s", nm, S(s2, s3, sq1, sqnan(2)), IOC);
  expect("fminnm_4s", nm, S(s1, s3, sq1, sqnan(2)), IOC);
}

TEST(SimdFpThreeSame, FusedAndSteps) {
  // (1+2^-23)(1-2^-24) - 1 = 2^-24 - 2^-47 exactly (fused; an unfused product rounds to 1);
  // 1+2*3; a signalling NaN operand beats the quiet NaN addend; a quiet NaN addend with inf*0 is
  // the default NaN (invalid).
  expect("fmla_4s",
         {.v0 = S(sm1, s1, sqnan(0x11), sqnan(0x11)),
          .v1 = S(0x3f800001, s2, ssnan(0x22), sinf),
          .v2 = S(0x3f7fffff, s3, s1, sp0)},
         S(0x337ffffe, s7, sqnan(0x22), sdnan), IOC);
  // FMLS negates element1 before the NaN checks: a quiet NaN there comes out with its sign flipped.
  expect("fmls_2d", {.v0 = D(d1, d1), .v1 = D(d2, dq1), .v2 = D(d3, d1)}, D(dm5, dq1 | dn0));
  // FABD = FPAbs(FPSub): the default NaN of inf-inf and a quieted negative NaN lose their sign.
  expect("fabd_4s", {.v1 = S(s1, s3, sninf, 0xff800001), .v2 = S(s3, s1, sninf, s1)}, S(s2, s2, sdnan, sq1), IOC);
  // FRECPS 2 - a*b (inf*0 gives 2); FRSQRTS (3 - a*b)/2 (inf*0 gives 1.5).
  expect("frecps_4s", {.v1 = S(s2, sinf, s1, sp0), .v2 = S(s0_5, sp0, s2, sinf)}, S(s1, s2, sp0, s2));
  expect("frsqrts_4s", {.v1 = S(s1, sinf, s3, sp0), .v2 = S(s1, sp0, s1, sninf)}, S(s1, s1_5, sp0, s1_5));
}

TEST(SimdFpThreeSame, Compares) {
  // EQ signals only for signalling NaNs; GE/GT for any NaN; FAC* compare absolute values.
  expect("fcmeq_4s", {.v1 = S(s1, sq1, ssnan(1), sn0), .v2 = S(s1, sq1, s1, sp0)}, S(ones32, 0, 0, ones32), IOC);
  expect("fcmeq_2d", {.v1 = D(ddnan, d1), .v2 = D(d1, d1)}, D(0, ones64));
  const In ge{.v1 = S(s2, s1, sq1, sn0), .v2 = S(s1, s2, s1, sp0)};
  expect("fcmge_4s", ge, S(ones32, 0, 0, ones32), IOC);
  expect("fcmgt_4s", ge, S(ones32, 0, 0, 0), IOC);
  expect("facge_4s", {.v1 = S(sm2, s1, sm1, s1), .v2 = S(s1, sm2, s1, sq1)}, S(ones32, 0, ones32, 0), IOC);
  expect("facgt_4s", {.v1 = S(sm2, s1, sm1, s3), .v2 = S(s1, sm2, s1, sm2)}, S(ones32, 0, 0, ones32));
}

TEST(SimdFpThreeSame, Pairwise) {
  // Pairs of the concatenation Vm:Vn: (n0,n1), (n2,n3), (m0,m1), (m2,m3).
  expect("faddp_4s", {.v1 = S(s1, s2, s3, s4), .v2 = S(0x41200000, 0x41a00000, 0x41f00000, 0x42200000)},
         S(s3, s7, 0x41f00000, 0x428c0000));
  expect("fmaxp_4s", {.v1 = S(s1, s5, sq1, s2), .v2 = S(sm1, sm2, ssnan(2), sn0)}, S(s5, sq1, sm1, sqnan(2)), IOC);
  expect("fminp_4s", {.v1 = S(s1, s2, sn0, sp0), .v2 = S(s3, s1, sinf, sninf)}, S(s1, sn0, s1, sninf));
  expect("fmaxnmp_2s", {.v1 = S2(sq1, s3), .v2 = S2(s4, 0xc0a00000)}, S2(s3, s4, 0));
  expect("fminnmp_2d", {.v1 = D(d1, d2), .v2 = D(ddnan, dninf)}, D(d1, dninf));
}

TEST(SimdFpThreeSame, Scalar) {
  expect("fmulx_s", {.v1 = S(sninf, s1, s1, s1), .v2 = S(sp0, s1, s1, s1)}, Z(sm2));
  expect("fcmeq_d", {.v1 = D(d1, kJunk), .v2 = D(d1, kJunk)}, Z(ones64));
  expect("fcmeq_d", {.v1 = D(0x7ff0000000000001, kJunk), .v2 = D(d1, kJunk)}, Z(0), IOC);
  expect("frecps_s", {.v1 = S2(s1_5, s1), .v2 = S2(s2, s1)}, Z(sm1));
  expect("frsqrts_d", {.v1 = D(d1, kJunk), .v2 = D(d2, kJunk)}, Z(d0_5));
  expect("fcmge_s", {.v1 = S2(s1, 0), .v2 = S2(s1, 0)}, Z(ones32));
  expect("facge_d", {.v1 = D(dm3, kJunk), .v2 = D(d2_5, kJunk)}, Z(ones64));
  expect("fabd_s", {.v1 = S2(s1, s7), .v2 = S2(s3, s1)}, Z(s2));
  expect("fcmgt_d", {.v1 = D(d1, kJunk), .v2 = D(d1, kJunk)}, Z(0));
  expect("facgt_s", {.v1 = S2(sm3, 0), .v2 = S2(s2, 0)}, Z(ones32));
}

// ---------------------------------------------------------------- two-register misc
TEST(SimdFpMisc, RoundToIntegral) {
  const In ties{.v1 = S(s0_5, s1_5, s2_5, sm0_5)};
  expect("frintn_4s", ties, S(sp0, s2, s2, sn0));  // not FRINTX: no IXC
  expect("frinta_4s", ties, S(s1, s2, s3, sm1));
  const In dir{.v1 = S(s0_5, sm0_5, s1_5, sinf)};
  expect("frintp_4s", dir, S(s1, sn0, s2, sinf));
  expect("frintm_4s", dir, S(sp0, sm1, s1, sinf));
  expect("frintz_4s", {.v1 = S(s1_5, sm1_5, s2_5, ssnan(1))}, S(s1, sm1, s2, sq1), IOC);
  // FRINTX and FRINTI use FPCR's mode; only FRINTX signals inexact.
  expect("frintx_2d_fpcr", {.v1 = D(d1_5, d2), .x1 = RM}, D(d1, d2), IXC);
  expect("frintx_2d_fpcr", {.v1 = D(d2_5, dm0_5)}, D(d2, dn0), IXC);
  expect("frinti_2d_fpcr", {.v1 = D(d1_5, dm1_5), .x1 = RP}, D(d2, dm1));
}

TEST(SimdFpMisc, ToInteger) {
  expect("fcvtns_4s", {.v1 = S(s1_5, s2_5, s2p31, sm2p31)}, S(2, 2, 0x7fffffff, 0x80000000), IOC | IXC);
  expect("fcvtnu_2d", {.v1 = D(dm1, d2_5)}, D(0, 2), IOC | IXC);
  expect("fcvtps_4s", {.v1 = S(s1_5, sm1_5, s0_25, sm0_25)}, S(2, ones32, 1, 0), IXC);
  expect("fcvtpu_4s", {.v1 = S(s1_5, sm0_25, s2p32, sp0)}, S(2, 0, ones32, 0), IOC | IXC);
  expect("fcvtms_4s", {.v1 = S(s1_5, sm1_5, sm0_25, s3)}, S(1, 0xfffffffe, ones32, 3), IXC);
  expect("fcvtmu_2d", {.v1 = D(d1_5, d2p53)}, D(1, uint64_t(1) << 53), IXC);
  expect("fcvtzs_2s", {.v1 = S2(s1_9, sm1_9)}, S2(1, ones32, 0), IXC);
  // Out of range, NaN and infinity saturate with IOC (and no IXC).
  expect("fcvtzu_4s", {.v1 = S(s1_9, sm1_9, sdnan, sinf)}, S(1, 0, 0, ones32), IOC | IXC);
  expect("fcvtas_4s", {.v1 = S(s2_5, sm2_5, s0_5, sm0_5)}, S(3, 0xfffffffd, 1, ones32), IXC);
  expect("fcvtau_4s", {.v1 = S(s2_5, sm2_5, s0_25, s1)}, S(3, 0, 0, 1), IOC | IXC);
}

TEST(SimdFpMisc, FromInteger) {
  expect("scvtf_4s", {.v1 = S(1, ones32, 0x7fffffff, 0x80000000)}, S(s1, sm1, s2p31, sm2p31), IXC);
  // 2^53 + 1 ties to even.
  expect("scvtf_2d", {.v1 = D(0xfffffffffffffffd, (uint64_t(1) << 53) + 1)}, D(dm3, d2p53), IXC);
  expect("ucvtf_4s", {.v1 = S(1, ones32, 3, 0)}, S(s1, s2p32, s3, sp0), IXC);
  expect("ucvtf_4s_fpcr", {.v1 = S(ones32, 0x01000001, 0, 0), .x1 = RZ}, S(0x4f7fffff, 0x4b800000, sp0, sp0), IXC);
}

TEST(SimdFpMisc, ComparesWithZero) {
  expect("fcmgt_zero_4s", {.v1 = S(s1, sm1, sq1, sp0)}, S(ones32, 0, 0, 0), IOC);
  expect("fcmeq_zero_4s", {.v1 = S(sn0, sp0, s1, sq1)}, S(ones32, ones32, 0, 0));
  expect("fcmlt_zero_4s", {.v1 = S(sm1, s1, sn0, ssnan(1))}, S(ones32, 0, 0, 0), IOC);
  expect("fcmge_zero_4s", {.v1 = S(sn0, s1, sm1, sinf)}, S(ones32, ones32, 0, ones32));
  expect("fcmle_zero_4s", {.v1 = S(sm1, s1, sp0, sninf)}, S(ones32, 0, ones32, ones32));
  expect("fcmle_zero_2d", {.v1 = D(ddnan, dn0)}, D(0, ones64), IOC);
}

TEST(SimdFpMisc, SignSqrtEstimates) {
  // FABS/FNEG touch only the sign bit, NaNs included (no quieting, no IOC).
  expect("fabs_4s", {.v1 = S(sm1, 0xff800001, sn0, s1)}, S(s1, ssnan(1), sp0, s1));
  expect("fneg_2d", {.v1 = D(d1, dq1)}, D(dm1, dq1 | dn0));
  expect("fsqrt_4s", {.v1 = S(s4, s2, sm1, sn0)}, S(s2, 0x3fb504f3, sdnan, sn0), IOC | IXC);
  // FRECPE(1.0): RecipEstimate(256) = 511, exponent 253 - 127: 0x3f7f8000; zero gives infinity
  // with DZC; infinity gives zero.
  expect("frecpe_4s", {.v1 = S(s1, s2, sp0, sinf)}, S(0x3f7f8000, 0x3eff8000, sinf, sp0), DZC);
  // A double whose reciprocal overflows: infinity (round to nearest) with OFC and IXC.
  expect("frecpe_2d", {.v1 = D(d1, 1)}, D(0x3feff00000000000, dinf), OFC | IXC);
  // FRSQRTE(1.0): RecipSqrtEstimate(128) = 511, exponent (380 - 127) / 2; negative: default NaN.
  expect("frsqrte_4s", {.v1 = S(s1, s4, sm1, sn0)}, S(0x3f7f8000, 0x3eff8000, sdnan, sninf), IOC | DZC);
  // URECPE: top 9 bits through RecipEstimate (256 -> 511, 511 -> 256, 384 -> 341); below 0.5 all ones.
  expect("urecpe_4s", {.v1 = S(0x80000000, 0x7fffffff, ones32, 0xc0000000)},
         S(0xff800000, ones32, 0x80000000, 0xaa800000));
  // URSQRTE: RecipSqrtEstimate (128 -> 511, 256 -> 361, 511 -> 256); below 0.25 all ones.
  expect("ursqrte_2s", {.v1 = S2(0x40000000, 0x3fffffff)}, S2(0xff800000, ones32, 0));
  expect("ursqrte_2s", {.v1 = S2(0x80000000, ones32)}, S2(0xb4800000, 0x80000000, 0));
}

TEST(SimdFpMisc, NarrowWiden) {
  // Single -> half: 65536 overflows (OFC, IXC); a quiet NaN keeps its top payload bits.
  const In n4{.v1 = S(s1, sm2, 0x47800000, sq1)};
  expect("fcvtn_4h", n4, {0x7e007c00c0003c00, 0}, OFC | IXC);
  // Alternative half precision: 65536 is 0x7c00 (exponent 31 is a number), NaN gives 0 (IOC).
  In n4ahp = n4;
  n4ahp.fpcr = AHP;
  expect("fcvtn_4h", n4ahp, {0x00007c00c0003c00, 0}, IOC);
  // FCVTN2 writes the upper half and keeps the lower one.
  expect("fcvtn2_8h", {.v0 = {0x1111222233334444, kJunk}, .v1 = S(s1, s2, s0_5, sn0)},
         {0x1111222233334444, 0x8000380040003c00});
  expect("fcvtn_2s", {.v1 = D(d1, d_third)}, {0x3eaaaaab3f800000, 0}, IXC);
  // Round to odd: the truncated result with its lowest bit set when inexact.
  expect("fcvtxn_2s", {.v1 = D(d_third, d1p2m30)}, {0x3f8000013eaaaaab, 0}, IXC);
  expect("fcvtxn2_4s", {.v0 = {0x1234, kJunk}, .v1 = D(d2, 0xbfb999999999999a)}, {0x1234, 0xbdcccccd40000000}, IXC);
  // Half -> single (lower half of Vn; FCVTL2 the upper half): 2^-24, NaN payloads, sNaN quieted.
  expect("fcvtl_4s", {.v1 = {0x00017c00c0003c00, kJunk}}, S(s1, sm2, sinf, 0x33800000));
  expect("fcvtl2_4s", {.v1 = {kJunk, 0x7d003800fc007e01}}, S(0x7fc02000, sninf, s0_5, 0x7fe00000), IOC);
  expect("fcvtl_4s", {.v1 = {0x00000000fe007c00, kJunk}, .fpcr = AHP}, S(0x47800000, 0xc7c00000, sp0, sp0));
  expect("fcvtl_2d", {.v1 = S2(s1, ssnan(1))}, D(d1, 0x7ff8000020000000), IOC);
  expect("fcvtl2_2d", {.v1 = S(kJunk & ones32, 0, sm0_5, smin_normal)}, D(dm0_5, 0x3810000000000000));
  expect("fcvtl2_2d", {.v1 = S(0, 0, 1, 0x80000001)}, D(0x36a0000000000000, 0xb6a0000000000000));
  expect("fcvtl2_2d", {.v1 = S(0, 0, 1, 0x80000001), .fpcr = FZ}, D(dp0, dn0), IDC);
}

TEST(SimdFpMisc, Scalar) {
  expect("fcmgt_zero_s", {.v1 = S2(s1, sm1)}, Z(ones32));
  expect("fcmeq_zero_d", {.v1 = D(dn0, d1)}, Z(ones64));
  expect("fcmlt_zero_s", {.v1 = S2(sm0_5, s1)}, Z(ones32));
  expect("fcmge_zero_d", {.v1 = D(ddnan, d1)}, Z(0), IOC);
  expect("fcmle_zero_s", {.v1 = S2(s1, sm1)}, Z(0));
  expect("fcvtns_s", {.v1 = S2(s2_5, s1)}, Z(2), IXC);
  expect("fcvtnu_d", {.v1 = D(0x400c000000000000, d1)}, Z(4), IXC);
  expect("fcvtps_d", {.v1 = D(dm1_5, d1)}, Z(ones64), IXC);
  expect("fcvtpu_s", {.v1 = S2(s1_25, s1)}, Z(2), IXC);
  expect("fcvtms_s", {.v1 = S2(sm1_25, s1)}, Z(0xfffffffe), IXC);
  expect("fcvtmu_d", {.v1 = D(d7, d1)}, Z(7));
  expect("fcvtzs_d", {.v1 = D(0x43e0000000000000, d1)}, Z(0x7fffffffffffffff), IOC);
  expect("fcvtzu_s", {.v1 = S2(sm0_5, s1)}, Z(0), IXC);
  expect("fcvtas_d", {.v1 = D(dm2_5, d1)}, Z(0xfffffffffffffffd), IXC);
  expect("fcvtau_s", {.v1 = S2(s2_5, s1)}, Z(3), IXC);
  expect("scvtf_s", {.v1 = S2(0xfffffffd, 7)}, Z(sm3));
  expect("ucvtf_d", {.v1 = D(ones64, 7)}, Z(0x43f0000000000000), IXC);
  expect("frecpe_s", {.v1 = S2(s0_5, s1)}, Z(0x3fff8000));
  expect("frsqrte_d", {.v1 = D(d4, d1)}, Z(0x3fdff00000000000));
  // FRECPX: exponent inverted, fraction cleared; zero and denormals get the largest exponent.
  expect("frecpx_s", {.v1 = S2(s1, s1)}, Z(s2));
  expect("frecpx_s", {.v1 = S2(sp0, s1)}, Z(0x7f000000));
  expect("frecpx_d", {.v1 = D(d4, d1)}, Z(d0_5));
  expect("frecpx_d", {.v1 = D(0x8000000000000001, d1)}, Z(0xffe0000000000000));
  expect("frecpx_s", {.v1 = S2(ssnan(3), s1)}, Z(sqnan(3)), IOC);
  expect("fcvtxn_s", {.v1 = D(d1p2m30, d1)}, Z(0x3f800001), IXC);
}

// ---------------------------------------------------------------- across lanes, scalar pairwise
TEST(SimdFpReduce, AcrossLanes) {
  // Reduce is a tree: max(max(e0, e1), max(e2, e3)). Here max(1, q1) = q1 and max(sNaN2, 2) =
  // quiet sNaN2 (IOC), then two quiet NaNs give the first, q1 (a left-to-right chain would
  // give the quieted sNaN2).
  expect("fmaxv", {.v1 = S(s1, sq1, ssnan(2), s2)}, Z(sq1), IOC);
  expect("fminv", {.v1 = S(s3, s1, s4, sn0)}, Z(sn0));
  expect("fmaxnmv", {.v1 = S(s1, s5, sq1, s2)}, Z(s5));
  expect("fminnmv", {.v1 = S(sq1, sqnan(2), s1, s2)}, Z(s1));
}

TEST(SimdFpReduce, ScalarPairwise) {
  expect("faddp_s", {.v1 = S2(s1, s2)}, Z(s3));
  expect("faddp_d", {.v1 = D(d1, d2p_60)}, Z(d1), IXC);
  expect("fmaxp_s", {.v1 = S2(sq1, s1)}, Z(sq1));
  expect("fminp_d", {.v1 = D(dn0, dp0)}, Z(dn0));
  expect("fmaxnmp_d", {.v1 = D(ddnan, d1)}, Z(d1));
  expect("fminnmp_s", {.v1 = S2(ssnan(2), s1)}, Z(sqnan(2)), IOC);
}

// ---------------------------------------------------------------- by element
TEST(SimdFpElement, Vector) {
  expect("fmla_elem_4s",
         {.v0 = S(0x41200000, 0x41a00000, 0x41f00000, 0x42200000), .v1 = S(s1, s2, s3, s4), .v2 = S(0, 0, 0, s2)},
         S(0x41400000, 0x41c00000, 0x42100000, 0x42400000));
  // FPMulAdd(addend, element1, element2): quiet NaNs give the addend's; a signalling element1 wins.
  expect("fmla_elem_2s", {.v0 = S2(sqnan(0xa), s1), .v1 = S2(sqnan(0xb), ssnan(0xc)), .v2 = S2(sqnan(0xd), 0)},
         S2(sqnan(0xa), sqnan(0xc), 0), IOC);
  expect("fmls_elem_2d", {.v0 = D(d1, d1), .v1 = D(d2, dq1), .v2 = D(kJunk, d3)}, D(dm5, dq1 | dn0));
  expect("fmul_elem_4s", {.v1 = S(s1, s2, s3, s4), .v17 = S(0, s0_5, 0, 0)}, S(s0_5, s1, s1_5, s2));
  expect("fmulx_elem_2d", {.v1 = D(dinf, d3), .v2 = D(dp0, kJunk)}, D(d2, dp0));
}

TEST(SimdFpElement, Scalar) {
  expect("fmla_elem_s", {.v0 = S2(s1, 0x12345678), .v1 = S2(s2, 0), .v2 = S(0, 0, s3, 0)}, Z(s7));
  expect("fmls_elem_d", {.v0 = D(0x4024000000000000, kJunk), .v1 = D(d2, kJunk), .v2 = D(0, d3)}, Z(d4));
  expect("fmul_elem_s", {.v1 = S2(s3, 0), .v17 = S(0, 0, 0, sm2)}, Z(0xc0c00000));
  expect("fmulx_elem_d", {.v1 = D(dn0, 0), .v17 = D(0, dinf)}, Z(dm2));
}

// ---------------------------------------------------------------- fixed point
TEST(SimdFpFixed, VectorAndScalar) {
  expect("scvtf_fix_4s", {.v1 = S(0x10000, 0x8000, 0xffff0000, 1)}, S(s1, s0_5, sm1, 0x37800000));
  expect("ucvtf_fix_2d", {.v1 = D(uint64_t(1) << 32, ones64)}, D(d1, 0x41f0000000000000), IXC);
  expect("fcvtzs_fix_4s", {.v1 = S(s1_75, sm1_75, s2p30, s0_25)}, S(3, 0xfffffffd, 0x7fffffff, 0), IOC | IXC);
  expect("fcvtzu_fix_2d", {.v1 = D(d0_5, d1)}, D(dn0, ones64), IOC);
  expect("fcvtzs_fix_2s", {.v1 = S2(s0_5, sm0_25)}, S2(0x7fffffff, 0xc0000000, 0), IOC);
  expect("scvtf_fix_s", {.v1 = S2(3, 0)}, Z(s1_5));
  expect("ucvtf_fix_d", {.v1 = D(dn0, 0)}, Z(d0_5));
  expect("fcvtzs_fix_s", {.v1 = S2(sm1_5, 0)}, Z(0xfffffe80));
  expect("fcvtzu_fix_d", {.v1 = D(d2_5, 0)}, Z(20));
}

// ---------------------------------------------------------------- unallocated
TEST(SimdFpUndefined, ReservedFormsStop) {
  const uint32_t words[] = {
      0x0e62d420,  // fadd v0.1d (sz=1, Q=0)
      0x0e22ec20,  // fmlal v0.2s, v1.2h, v2.2h (FHM, ARMv8.2)
      0x2e22cc20,  // fmlal2 (FHM)
      0x0ee2dc20,  // three same U=0 size<1>=1 opcode 11011
      0x0ea2e420,  // three same U=0 size<1>=1 opcode 11100
      0x2ee2fc20,  // three same U=1 size<1>=1 opcode 11111
      0x5e22d420,  // scalar fadd (not a scalar three same op)
      0x5e22f420,  // scalar fmax
      0x7e22dc20,  // scalar fmul
      0x2e30f820,  // fmaxv with Q=0
      0x6e70f820,  // fmaxv with sz=1
      0x6e30d820,  // across lanes opcode 01101 (no FADDV)
      0x6e30e820,  // across lanes opcode 01110
      0x4e30f820,  // fmaxv h0, v1.8h (FP16)
      0x5e30d820,  // faddp h0, v1.2h (FP16)
      0x7eb0d820,  // scalar pairwise opcode 01101 with size<1>=1
      0x7e30e820,  // scalar pairwise opcode 01110
      0x4f021020,  // fmla v0.8h, v1.8h, v2.h[0] (FP16)
      0x4f621020,  // by element size=01
      0x4fe21020,  // fmla .2d by element with L=1
      0x0fc21020,  // fmla .1d by element (Q=0)
      0x5fe21020,  // fmla d0 by element with L=1
      0x2f821020,  // by element U=1 opcode 0001 (FCMLA space, ARMv8.3)
      0x0e61a820,  // frintn v0.1d
      0x5ea0f820,  // scalar fabs (misc)
      0x6ea0e820,  // misc U=1 opcode 01110
      0x4ee1c820,  // urecpe with sz=1
      0x5ea1c820,  // scalar urecpe
      0x4e21e820,  // frint32z v0.4s (ARMv8.5)
      0x7ee1f820,  // scalar fsqrt (misc)
      0x4ea1f820,  // vector frecpx
      0x6ea18820,  // misc U=1 size<1>=1 opcode 11000
      0x5e218820,  // scalar frintn
      0x2e216820,  // fcvtxn with sz=0
      0x7e216820,  // scalar fcvtxn with sz=0
      0x0ea16820,  // bfcvtn (BF16)
      0x2e617820,  // misc U=1 opcode 10111
      0x4f1fe420,  // scvtf v0.8h, v1.8h, #1 (FP16)
      0x5f0fe420,  // scalar scvtf with immh=0001
      0x5f17e420,  // scvtf h0, h1, #9 (FP16)
      0x0f7fe420,  // scvtf v0.1d, #1 (Q=0)
      0x4f3fec20,  // shift by immediate opcode 11101
      0x4f3ff420,  // shift by immediate opcode 11110
  };
  for (uint32_t w : words) {
    auto m = words_machine({w, 0xd4400000});
    Registers r = m->registers();
    for (auto& v : r.v) v[0] = v[1] = kJunk;
    r.fpcr = 0;
    r.fpsr = 0;
    m->set_registers(r);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    const Registers o = m->registers();
    EXPECT_EQ(o.v[0][0], kJunk) << std::hex << w;
    EXPECT_EQ(o.v[0][1], kJunk) << std::hex << w;
    EXPECT_EQ(o.fpsr, 0u) << std::hex << w;
  }
}

TEST(SimdFpUndefined, AllocatedNeighboursRun) {
  // fadd v0.2d; fmla v0.2d, v1.2d, v2.d[1]; scvtf v0.2d, v1.2d, #1; scvtf s0, s1, #1 (immh=0111);
  // fcvtxn s0, d1; fmaxv s0, v1.4s; then hlt.
  auto m = words_machine({0x4e62d420, 0x4fc21820, 0x4f7fe420, 0x5f3fe420, 0x7e616820, 0x6e30f820, 0xd4400000});
  const Status st = m->run(20);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(m->registers().pc, 0x1000u + 6 * 4);  // stopped at the HLT
}

}  // namespace
}  // namespace cuarm::test
