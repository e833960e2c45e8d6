// Scalar floating point: snippets from tests/asm/fp_scalar.S. Expected values are worked out by
// hand from the Arm manual's definitions (encodings of simple numbers, rounding by hand).
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("fp_scalar");
  return s;
}

constexpr uint32_t N = 1u << 31, Z = 1u << 30, C = 1u << 29, V = 1u << 28;
constexpr uint32_t IOC = 1, DZC = 2, OFC = 4, IXC = 16, IDC = 128;
constexpr uint32_t RP = 1u << 22, RM = 2u << 22, RZ = 3u << 22, FZ = 1u << 24, DN = 1u << 25, AHP = 1u << 26;
constexpr uint64_t kJunk = 0x5a5a5a5a5a5a5a5aull;  // in the upper halves and v0 before the run

struct In {
  uint64_t v1 = 0, v2 = 0, v3 = 0, x1 = 0;
  uint32_t fpcr = 0, nzcv = 0, fpsr = 0;
  uint64_t v1hi = kJunk;
};
struct Out {
  uint64_t v0, v0hi, x0;
  uint32_t nzcv, fpsr;
};

Out run(const char* name, const In& in) {
  auto m = snippets().machine();
  Registers r = m->registers();
  for (auto& v : r.v) v[0] = v[1] = kJunk;
  r.v[1][0] = in.v1;
  r.v[1][1] = in.v1hi;
  r.v[2][0] = in.v2;
  r.v[3][0] = in.v3;
  r.x[0] = kJunk;
  r.x[1] = in.x1;
  r.fpcr = in.fpcr;
  r.fpsr = in.fpsr;
  r.nzcv = in.nzcv;
  r.pc = snippets().symbol(std::string("t_") + name);
  m->set_registers(r);
  const Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt) << name;
  const Registers o = m->registers();
  return {o.v[0][0], o.v[0][1], o.x[0], o.nzcv, o.fpsr};
}

// A scalar FP result in v0 (upper bits zeroed) and the FPSR flags.
void expect_v(const char* name, const In& in, uint64_t v0, uint32_t fpsr = 0) {
  const Out o = run(name, in);
  EXPECT_EQ(o.v0, v0) << name << std::hex << " got 0x" << o.v0;
  EXPECT_EQ(o.v0hi, 0u) << name;
  EXPECT_EQ(o.fpsr, fpsr) << name;
}
// An integer result in x0 and the FPSR flags.
void expect_x(const char* name, const In& in, uint64_t x0, uint32_t fpsr = 0) {
  const Out o = run(name, in);
  EXPECT_EQ(o.x0, x0) << name << std::hex << " got 0x" << o.x0;
  EXPECT_EQ(o.fpsr, fpsr) << name;
}
void expect_nzcv(const char* name, const In& in, uint32_t nzcv, uint32_t fpsr = 0) {
  const Out o = run(name, in);
  EXPECT_EQ(o.nzcv, nzcv) << name << std::hex << " got 0x" << o.nzcv;
  EXPECT_EQ(o.fpsr, fpsr) << name;
}

// Single and double encodings used below.
constexpr uint64_t s1_0 = 0x3f800000, s1_5 = 0x3fc00000, s2_0 = 0x40000000, s2_5 = 0x40200000, s3_0 = 0x40400000,
                   sm1_0 = 0xbf800000, sm1_5 = 0xbfc00000, sm2_5 = 0xc0200000, sqnan = 0x7fc00001,
                   ssnan = 0x7f800001;
constexpr uint64_t d1_0 = 0x3ff0000000000000, d2_0 = 0x4000000000000000, d2_5 = 0x4004000000000000,
                   d3_0 = 0x4008000000000000, dm0_5 = 0xbfe0000000000000, dm2_5 = 0xc004000000000000,
                   d0_5 = 0x3fe0000000000000, dqnan = 0x7ff8000000000001;

// ---------------------------------------------------------------- FP <-> fixed point
TEST(FpScalarFixed, ScvtfUcvtf) {
  expect_v("scvtf_s_w_fix1", {.x1 = 3}, s1_5);
  expect_v("scvtf_s_w_fix1", {.x1 = 0xffffffff00000003}, s1_5);  // only w1
  expect_v("scvtf_s_w_fix1", {.x1 = 0xffffffff}, 0xbf000000);     // -1 / 2
  expect_v("scvtf_d_x_fix64", {.x1 = 0x8000000000000000}, dm0_5);
  expect_v("ucvtf_s_x_fix4", {.x1 = 0x18}, s1_5);
  // (2^64 - 1) / 16 rounds to 2^60.
  expect_v("ucvtf_s_x_fix4", {.x1 = ~0ull}, 0x5d800000, IXC);
  expect_v("ucvtf_s_x_fix4", {.x1 = ~0ull, .fpcr = RZ}, 0x5d7fffff, IXC);
  expect_v("ucvtf_d_w_fix32", {.x1 = 0x80000000}, d0_5);
}

TEST(FpScalarFixed, FcvtzsFcvtzu) {
  expect_x("fcvtzs_w_s_fix4", {.v1 = s1_5}, 24);
  expect_x("fcvtzs_w_s_fix4", {.v1 = sm1_5}, 0xffffffe8);
  expect_x("fcvtzs_w_s_fix4", {.v1 = 0x4d000000}, 0x7fffffff, IOC);  // 2^27 * 16 = 2^31
  expect_x("fcvtzs_x_d_fix1", {.v1 = 0xc006000000000000}, 0xfffffffffffffffb, IXC);  // -2.75*2 -> -5
  expect_x("fcvtzu_w_d_fix32", {.v1 = d0_5}, 0x80000000);
  expect_x("fcvtzu_w_d_fix32", {.v1 = 0xbfd0000000000000}, 0, IOC);  // -0.25 * 2^32
  expect_x("fcvtzu_x_s_fix64", {.v1 = 0x3f400000}, 0xc000000000000000);  // 0.75 * 2^64
  // Rounding is always towards zero, whatever FPCR says.
  expect_x("fcvtzs_x_d_fix1", {.v1 = 0xc006000000000000, .fpcr = RM}, 0xfffffffffffffffb, IXC);
}

// ---------------------------------------------------------------- FP <-> integer
TEST(FpScalarInt, RoundingModes) {
  expect_x("fcvtns_w_s", {.v1 = s2_5}, 2, IXC);
  expect_x("fcvtns_w_s", {.v1 = 0x40600000}, 4, IXC);  // 3.5
  expect_x("fcvtns_w_s", {.v1 = sm2_5}, 0xfffffffe, IXC);
  expect_x("fcvtns_x_d", {.v1 = dm2_5}, 0xfffffffffffffffe, IXC);
  // 2^32 - 0.5 ties to the even 2^32, which does not fit: saturates.
  expect_x("fcvtnu_w_d", {.v1 = 0x41efffffffff0000}, 0xffffffff, IOC);
  expect_x("fcvtnu_w_d", {.v1 = 0x41efffffffe00000}, 0xffffffff, 0);  // 2^32 - 1 exactly
  expect_x("fcvtnu_w_d", {.v1 = dqnan}, 0, IOC);
  expect_x("fcvtps_x_s", {.v1 = 0x3fa00000}, 2, IXC);                  // 1.25
  expect_x("fcvtps_x_s", {.v1 = 0xbfa00000}, ~0ull, IXC);              // -1.25 -> -1
  expect_x("fcvtpu_w_s", {.v1 = 0x3dcccccd}, 1, IXC);                  // 0.1
  expect_x("fcvtms_w_d", {.v1 = 0xbff4000000000000}, 0xfffffffe, IXC);  // -1.25 -> -2
  expect_x("fcvtmu_x_d", {.v1 = 0x3fffae147ae147ae}, 1, IXC);          // 1.99
  expect_x("fcvtmu_x_d", {.v1 = dm0_5}, 0, IOC);                        // -> -1
  expect_x("fcvtzs_w_s", {.v1 = 0xbff33333}, 0xffffffff, IXC);          // -1.9 -> -1
  expect_x("fcvtzs_w_s", {.v1 = 0x4f32d05e}, 0x7fffffff, IOC);          // 3e9
  expect_x("fcvtzs_w_s", {.v1 = 0xff800000}, 0x80000000, IOC);          // -inf
  expect_x("fcvtzs_x_d", {.v1 = 0x43e0000000000000}, 0x7fffffffffffffff, IOC);  // 2^63
  expect_x("fcvtzs_x_d", {.v1 = 0xc3e0000000000000}, 0x8000000000000000, 0);    // -2^63
  expect_x("fcvtzu_w_s", {.v1 = 0x4f32d05e}, 3000000000u);
  expect_x("fcvtzu_x_d", {.v1 = 0x8000000000000000}, 0);  // -0
  expect_x("fcvtas_w_s", {.v1 = s2_5}, 3, IXC);
  expect_x("fcvtas_w_s", {.v1 = sm2_5}, 0xfffffffd, IXC);
  expect_x("fcvtas_w_s", {.v1 = 0x3f000000}, 1, IXC);
  expect_x("fcvtas_x_d", {.v1 = dm0_5}, ~0ull, IXC);
  expect_x("fcvtau_w_d", {.v1 = d2_5}, 3, IXC);
  // FZ: a denormal input is zero (IDC), so no IXC.
  expect_x("fcvtps_x_s", {.v1 = 1, .fpcr = FZ}, 0, IDC);
  expect_x("fcvtps_x_s", {.v1 = 1}, 1, IXC);
}

TEST(FpScalarInt, ScvtfUcvtf) {
  expect_v("scvtf_s_w", {.x1 = 0xffffffff}, sm1_0);
  expect_v("scvtf_s_w", {.x1 = 0x7fffffff}, 0x4f000000, IXC);
  expect_v("scvtf_s_w", {.x1 = 0x7fffffff, .fpcr = RZ}, 0x4effffff, IXC);
  expect_v("scvtf_d_x", {.x1 = 0x8000000000000000}, 0xc3e0000000000000);
  expect_v("scvtf_s_x", {.x1 = (1ull << 62) | 1, .fpcr = RP}, 0x5e800001, IXC);
  expect_v("scvtf_s_x", {.x1 = (1ull << 62) | 1}, 0x5e800000, IXC);
  expect_v("ucvtf_s_w", {.x1 = 0xffffffff}, 0x4f800000, IXC);
  expect_v("ucvtf_d_x", {.x1 = ~0ull}, 0x43f0000000000000, IXC);
  expect_v("ucvtf_d_x", {.x1 = 0}, 0);
  // Flags accumulate: an earlier IOC stays.
  expect_v("ucvtf_s_w", {.x1 = 0xffffffff, .fpsr = IOC}, 0x4f800000, IOC | IXC);
}

TEST(FpScalarInt, FmovGeneral) {
  expect_x("fmov_w_s", {.v1 = 0x1122334455667788}, 0x55667788);
  expect_v("fmov_s_w", {.x1 = 0xaabbccdd11223344}, 0x11223344);
  expect_x("fmov_x_d", {.v1 = 0x1122334455667788}, 0x1122334455667788);
  expect_v("fmov_d_x", {.x1 = 0xaabbccdd11223344}, 0xaabbccdd11223344);
  expect_x("fmov_x_v1d1", {.v1 = 1, .v1hi = 0x0123456789abcdef}, 0x0123456789abcdef);
  // FMOV Vd.D[1], Xn writes the top half only.
  const Out o = run("fmov_v0d1_x", {.x1 = 0xfedcba9876543210});
  EXPECT_EQ(o.v0, kJunk);
  EXPECT_EQ(o.v0hi, 0xfedcba9876543210u);
  // Raw moves: a signalling NaN moves without IOC.
  expect_x("fmov_w_s", {.v1 = ssnan}, ssnan);
}

// ---------------------------------------------------------------- 1 source
TEST(FpScalarDp1, MoveAbsNegSqrt) {
  expect_v("fmov_s", {.v1 = 0xffffffff7f800001}, ssnan);
  expect_v("fmov_d", {.v1 = 0xfff0000000000001}, 0xfff0000000000001);
  expect_v("fabs_s", {.v1 = 0xff800001}, ssnan);  // no NaN processing
  expect_v("fabs_d", {.v1 = 0xc000000000000000}, d2_0);
  expect_v("fneg_s", {.v1 = s1_0}, sm1_0);
  expect_v("fneg_d", {.v1 = dqnan}, 0xfff8000000000001);
  expect_v("fsqrt_s", {.v1 = 0x40800000}, s2_0);
  expect_v("fsqrt_s", {.v1 = sm1_0}, 0x7fc00000, IOC);
  expect_v("fsqrt_s", {.v1 = ssnan}, sqnan, IOC);
  expect_v("fsqrt_d", {.v1 = d2_0}, 0x3ff6a09e667f3bcd, IXC);
  expect_v("fsqrt_d", {.v1 = 0x8000000000000000}, 0x8000000000000000);
}

TEST(FpScalarDp1, ConvertPrecision) {
  expect_v("fcvt_d_s", {.v1 = s1_5}, 0x3ff8000000000000);
  expect_v("fcvt_d_s", {.v1 = 1, .fpcr = FZ}, 0, IDC);
  expect_v("fcvt_d_s", {.v1 = 1}, 0x36a0000000000000);  // 2^-149
  expect_v("fcvt_d_s", {.v1 = ssnan}, 0x7ff8000020000000, IOC);
  expect_v("fcvt_s_d", {.v1 = 0x3fd5555555555555}, 0x3eaaaaab, IXC);
  expect_v("fcvt_s_d", {.v1 = 0x3fd5555555555555, .fpcr = RZ}, 0x3eaaaaaa, IXC);
  expect_v("fcvt_s_d", {.v1 = 0x7fefffffffffffff}, 0x7f800000, OFC | IXC);
  expect_v("fcvt_s_d", {.v1 = dqnan, .fpcr = DN}, 0x7fc00000);
  expect_v("fcvt_h_s", {.v1 = s1_0}, 0x3c00);
  expect_v("fcvt_h_s", {.v1 = 0x477ff000}, 0x7c00, OFC | IXC);  // 65520 -> inf
  expect_v("fcvt_h_s", {.v1 = 0x477ff000, .fpcr = AHP}, 0x7c00, IXC);  // 65536 in AHP
  expect_v("fcvt_h_s", {.v1 = sqnan, .fpcr = AHP}, 0, IOC);
  expect_v("fcvt_h_s", {.v1 = 0x7fc02000}, 0x7e01);
  expect_v("fcvt_h_d", {.v1 = d1_0}, 0x3c00);
  expect_v("fcvt_h_d", {.v1 = 0xc0f0000000000000}, 0xfc00, OFC | IXC);  // -65536
  expect_v("fcvt_s_h", {.v1 = 0x3c00}, s1_0);
  expect_v("fcvt_s_h", {.v1 = 0x7c00, .fpcr = AHP}, 0x47800000);
  expect_v("fcvt_s_h", {.v1 = 0x0001, .fpcr = FZ}, 0x33800000);  // half is never flushed
  expect_v("fcvt_d_h", {.v1 = 0xc000}, 0xc000000000000000);
  expect_v("fcvt_d_h", {.v1 = 0x7d00}, 0x7ff8000000000000 | (1ull << 50), IOC);  // sNaN
}

TEST(FpScalarDp1, RoundToIntegral) {
  expect_v("frintn_s", {.v1 = s2_5}, s2_0);
  expect_v("frintn_s", {.v1 = 0x40600000}, 0x40800000);  // 3.5 -> 4
  expect_v("frintp_d", {.v1 = 0x3ff199999999999a}, d2_0);  // 1.1
  expect_v("frintm_s", {.v1 = 0xbf8ccccd}, 0xc0000000);     // -1.1 -> -2
  expect_v("frintz_d", {.v1 = 0xbffe666666666666}, 0xbff0000000000000);  // -1.9 -> -1
  expect_v("frinta_s", {.v1 = s2_5}, s3_0);
  expect_v("frinta_s", {.v1 = 0xbf000000}, sm1_0);  // -0.5 -> -1
  expect_v("frinta_d", {.v1 = d2_5}, d3_0);
  expect_v("frintx_s", {.v1 = s2_5}, s2_0, IXC);
  expect_v("frintx_s", {.v1 = s2_5, .fpcr = RP}, s3_0, IXC);
  expect_v("frintx_s", {.v1 = s2_0}, s2_0);
  expect_v("frinti_d", {.v1 = d2_5, .fpcr = RP}, d3_0);
  expect_v("frinti_d", {.v1 = d2_5, .fpcr = RM}, d2_0);
  expect_v("frintz_d", {.v1 = 0xbfe0000000000000}, 0x8000000000000000);  // -0.5 -> -0
  expect_v("frintn_s", {.v1 = ssnan, .fpcr = DN}, 0x7fc00000, IOC);
}

// ---------------------------------------------------------------- compare
TEST(FpScalarCompare, Fcmp) {
  expect_nzcv("fcmp_s", {.v1 = s1_0, .v2 = s2_0}, N);
  expect_nzcv("fcmp_s", {.v1 = s2_0, .v2 = s1_0, .nzcv = N | Z}, C);
  expect_nzcv("fcmp_s", {.v1 = sqnan, .v2 = s1_0}, C | V);  // quiet: no IOC
  expect_nzcv("fcmp_s", {.v1 = s1_0, .v2 = ssnan}, C | V, IOC);
  expect_nzcv("fcmp_d", {.v1 = d1_0, .v2 = d1_0}, Z | C);
  expect_nzcv("fcmp_d", {.v1 = 0xfff0000000000000, .v2 = d1_0}, N);
  expect_nzcv("fcmp_s_zero", {.v1 = 0x80000000}, Z | C);
  expect_nzcv("fcmp_s_zero", {.v1 = sm1_0}, N);
  expect_nzcv("fcmp_s_zero", {.v1 = 1, .fpcr = FZ}, Z | C, IDC);
  expect_nzcv("fcmpe_d", {.v1 = dqnan, .v2 = d1_0}, C | V, IOC);
  expect_nzcv("fcmpe_d", {.v1 = d1_0, .v2 = d2_0}, N);
  expect_nzcv("fcmpe_s_zero", {.v1 = s1_0}, C);
  expect_nzcv("fcmpe_s_zero", {.v1 = sqnan}, C | V, IOC);
}

TEST(FpScalarCompare, ConditionalCompare) {
  expect_nzcv("fccmp_s_eq", {.v1 = s1_0, .v2 = s1_0, .nzcv = Z}, Z | C);
  expect_nzcv("fccmp_s_eq", {.v1 = s1_0, .v2 = s1_0}, Z | V);  // #0x5 when eq fails
  expect_nzcv("fccmp_s_eq", {.v1 = sqnan, .v2 = s1_0}, Z | V);  // not compared: no flags
  expect_nzcv("fccmp_s_eq", {.v1 = sqnan, .v2 = s1_0, .nzcv = Z}, C | V);
  expect_nzcv("fccmpe_d_ne", {.v1 = d1_0, .v2 = d2_0, .nzcv = Z}, C);  // #0x2
  expect_nzcv("fccmpe_d_ne", {.v1 = d1_0, .v2 = d2_0}, N);
  expect_nzcv("fccmpe_d_ne", {.v1 = dqnan, .v2 = d2_0}, C | V, IOC);
}

// ---------------------------------------------------------------- immediate
TEST(FpScalarImm, VfpExpandImm) {
  expect_v("fmov_s_imm_1", {}, s1_0);
  expect_v("fmov_d_imm_m0_125", {}, 0xbfc0000000000000);
  expect_v("fmov_s_imm_31", {}, 0x41f80000);
  expect_v("fmov_d_imm_1_9375", {}, 0x3fff000000000000);
}

// ---------------------------------------------------------------- 2 source
TEST(FpScalarDp2, Arithmetic) {
  expect_v("fmul_s", {.v1 = s1_5, .v2 = s2_0}, s3_0);
  expect_v("fmul_s", {.v1 = 0x7f800000, .v2 = 0}, 0x7fc00000, IOC);
  expect_v("fmul_d", {.v1 = d1_0 + 1, .v2 = d1_0 + 1}, d1_0 + 2, IXC);  // (1+2^-52)^2
  expect_v("fdiv_s", {.v1 = s1_0, .v2 = s3_0}, 0x3eaaaaab, IXC);
  expect_v("fdiv_d", {.v1 = d1_0, .v2 = 0x8000000000000000}, 0xfff0000000000000, DZC);
  expect_v("fadd_s", {.v1 = s1_0, .v2 = 0x33800000, .fpcr = RP}, 0x3f800001, IXC);
  expect_v("fadd_s", {.v1 = s1_0, .v2 = 0x33800000}, s1_0, IXC);
  expect_v("fadd_d", {.v1 = d1_0, .v2 = d2_0}, d3_0);
  expect_v("fadd_d", {.v1 = 0x7fefffffffffffff, .v2 = 0x7fefffffffffffff, .fpcr = RZ}, 0x7fefffffffffffff,
           OFC | IXC);
  expect_v("fsub_s", {.v1 = s1_0, .v2 = s1_0, .fpcr = RM}, 0x80000000);
  expect_v("fsub_s", {.v1 = 0x00800001, .v2 = 0x00800000, .fpcr = FZ}, 0, 8 /*UFC*/);  // 2^-149 flushed
  expect_v("fsub_s", {.v1 = 0x00800000, .v2 = 0x00400000, .fpcr = FZ}, 0x00800000, IDC);  // input flushed
  expect_v("fsub_d", {.v1 = d1_0, .v2 = d1_0}, 0);
  expect_v("fsub_d", {.v1 = 0x7ff0000000000000, .v2 = 0x7ff0000000000000}, 0x7ff8000000000000, IOC);
  expect_v("fmax_s", {.v1 = 0x80000000, .v2 = 0}, 0);
  expect_v("fmax_s", {.v1 = sqnan, .v2 = s1_0}, sqnan);
  expect_v("fmin_d", {.v1 = 0, .v2 = 0x8000000000000000}, 0x8000000000000000);
  expect_v("fmin_d", {.v1 = d1_0, .v2 = d2_0}, d1_0);
  expect_v("fmaxnm_d", {.v1 = dqnan, .v2 = d1_0}, d1_0);
  expect_v("fmaxnm_d", {.v1 = 0x7ff0000000000001, .v2 = d1_0}, 0x7ff8000000000001, IOC);
  expect_v("fminnm_s", {.v1 = s1_0, .v2 = sqnan}, s1_0);
  expect_v("fminnm_s", {.v1 = sqnan, .v2 = 0x7fc00002}, sqnan);
  expect_v("fnmul_s", {.v1 = s2_0, .v2 = s3_0}, 0xc0c00000);
  expect_v("fnmul_d", {.v1 = dqnan, .v2 = d1_0}, 0xfff8000000000001);  // the NaN result negated
  expect_v("fnmul_s", {.v1 = sqnan, .v2 = s1_0, .fpcr = DN}, 0xffc00000);
}

// ---------------------------------------------------------------- conditional select
TEST(FpScalarCsel, SelectsByCondition) {
  expect_v("fcsel_s_ge", {.v1 = 0xffffffff11111111, .v2 = 0x22222222}, 0x11111111);       // N == V
  expect_v("fcsel_s_ge", {.v1 = 0x11111111, .v2 = 0x22222222, .nzcv = N}, 0x22222222);  // N != V
  expect_v("fcsel_s_ge", {.v1 = 0x11111111, .v2 = 0x22222222, .nzcv = N | V}, 0x11111111);
  expect_v("fcsel_d_eq", {.v1 = ssnan, .v2 = d1_0, .nzcv = Z}, ssnan);  // raw, no NaN processing
  expect_v("fcsel_d_eq", {.v1 = ssnan, .v2 = d1_0}, d1_0);
}

// ---------------------------------------------------------------- 3 source
TEST(FpScalarDp3, FusedForms) {
  // fmadd: v3 + v1*v2; fmsub: v3 - v1*v2; fnmadd: -v3 - v1*v2; fnmsub: -v3 + v1*v2.
  expect_v("fmadd_s", {.v1 = s2_0, .v2 = s3_0, .v3 = s1_0}, 0x40e00000);   // 7
  expect_v("fmsub_s", {.v1 = s2_0, .v2 = s3_0, .v3 = s1_0}, 0xc0a00000);   // -5
  expect_v("fnmadd_s", {.v1 = s2_0, .v2 = s3_0, .v3 = s1_0}, 0xc0e00000);  // -7
  expect_v("fnmsub_s", {.v1 = s2_0, .v2 = s3_0, .v3 = s1_0}, 0x40a00000);  // 5
  expect_v("fmadd_d", {.v1 = d2_0, .v2 = d3_0, .v3 = d1_0}, 0x401c000000000000);
  expect_v("fmsub_d", {.v1 = d2_0, .v2 = d3_0, .v3 = d1_0}, 0xc014000000000000);
  expect_v("fnmadd_d", {.v1 = d2_0, .v2 = d3_0, .v3 = d1_0}, 0xc01c000000000000);
  expect_v("fnmsub_d", {.v1 = d2_0, .v2 = d3_0, .v3 = d1_0}, 0x4014000000000000);
  // One rounding: (1 + 2^-52)(1 - 2^-53) - 1 = 2^-53 - 2^-105 exactly.
  expect_v("fmadd_d", {.v1 = d1_0 + 1, .v2 = 0x3fefffffffffffff, .v3 = 0xbff0000000000000}, 0x3c9ffffffffffffe);
  expect_v("fnmsub_s", {.v1 = 0x3f800001, .v2 = 0x3f7fffff, .v3 = s1_0}, 0x337ffffe);
  // The negations apply to the operands: a NaN comes out with its sign flipped.
  expect_v("fmsub_d", {.v1 = 0x7ff8000000000005, .v2 = d1_0, .v3 = d1_0}, 0xfff8000000000005);
  expect_v("fnmadd_s", {.v1 = s1_0, .v2 = s1_0, .v3 = sqnan}, 0xffc00001);
  expect_v("fnmsub_s", {.v1 = s1_0, .v2 = s1_0, .v3 = ssnan}, 0xffc00001, IOC);
  expect_v("fmadd_s", {.v1 = 0x7f800000, .v2 = 0, .v3 = sqnan}, 0x7fc00000, IOC);  // inf*0 + qNaN
  expect_v("fmadd_s", {.v1 = s1_0, .v2 = s1_0, .v3 = sm1_0, .fpcr = RM}, 0x80000000);
}

// ---------------------------------------------------------------- unallocated encodings
TEST(FpScalarUndefined, UnallocatedFormsStop) {
  const uint32_t words[] = {
      0x1ea22820,  // fadd with type = 10
      0x1ee22820,  // fadd h0, h1, h2 (FP16)
      0x9e222820,  // fadd s0, s1, s2 with M = 1
      0x3e222820,  // fadd s0, s1, s2 with S = 1
      0x1e229820,  // 2-source opcode 1001
      0x1e22f820,  // 2-source opcode 1111
      0x1ee1c020,  // fsqrt h0, h1 (FP16)
      0x1ea1c020,  // fsqrt with type = 10
      0x1e224020,  // fcvt s0, s1 (opc = type)
      0x1e234020,  // fcvt with opc = 10
      0x1ea2c020,  // fcvt from type = 10
      0x1e26c020,  // 1-source opcode 001101
      0x1e284020,  // frint32z s0, s1 (ARMv8.5)
      0x1e304020,  // 1-source opcode 100000
      0x1ee64020,  // frinta h0, h1 (FP16)
      0x9e264020,  // frinta with M = 1
      0x9e260020,  // fmov x0, s1 (sf = 1, type = 00)
      0x1e660020,  // fmov w0, d1 (sf = 0, type = 01)
      0x9ee60020,  // fmov x0, h1 (FP16)
      0x1ee60020,  // fmov w0, h1 (FP16)
      0x1ee70020,  // fmov h0, w1 (FP16)
      0x9ea60020,  // fmov x0, v1.d[1] with rmode = 00
      0x1eae0020,  // fmov w0, v1.d[1] (sf = 0)
      0x9ebe0020,  // fmov top half with rmode = 11
      0x9e6e0020,  // fmov x0, d1 with rmode = 01
      0x1e7e0020,  // fjcvtzs w0, d1 (ARMv8.3)
      0x1e2a0020,  // scvtf with rmode = 01
      0x1e340020,  // fcvtas with rmode = 10
      0x1ee00020,  // fcvtns w0, h1 (FP16)
      0x1ea00020,  // fcvtns with type = 10
      0x3e200020,  // fcvtns with S = 1
      0x1e027c20,  // scvtf s0, w1, #33 (sf = 0, scale < 32)
      0x1ec2fc20,  // scvtf h0, w1, #1 (FP16)
      0x1e82fc20,  // scvtf fixed with type = 10
      0x1e08fc20,  // fixed-point rmode:opcode = 01000
      0x1e00fc20,  // fixed-point rmode:opcode = 00000
      0x1e1afc20,  // fixed-point rmode:opcode = 11010
      0x3e02fc20,  // scvtf fixed with S = 1
      0x1e226020,  // fcmp with op = 01
      0x1e22a020,  // fcmp with op = 10
      0x1e222021,  // fcmp with opcode2 = 00001
      0x1e222024,  // fcmp with opcode2 = 00100
      0x1ee22020,  // fcmp h1, h2 (FP16)
      0x1e2e1020,  // fmov s0, #1.0 with imm5 = 00001
      0x1eee1000,  // fmov h0, #1.0 (FP16)
      0x1eae1000,  // fmov imm with type = 10
      0x1ee20420,  // fccmp h1, h2 (FP16)
      0x1ea20420,  // fccmp with type = 10
      0x1ee20c20,  // fcsel h0 (FP16)
      0x1ea20c20,  // fcsel with type = 10
      0x1fc20c20,  // fmadd h0 (FP16)
      0x1f820c20,  // fmadd with type = 10
      0x9f020c20,  // fmadd with M = 1
  };
  for (uint32_t w : words) {
    auto m = words_machine({w});
    Registers r = m->registers();
    for (auto& v : r.v) v[0] = v[1] = kJunk;
    r.x[0] = 0x5555;
    r.x[1] = 7;
    r.nzcv = V;
    r.fpsr = 0;
    m->set_registers(r);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    const Registers o = m->registers();
    EXPECT_EQ(o.x[0], 0x5555u) << std::hex << w;
    EXPECT_EQ(o.v[0][0], kJunk) << std::hex << w;
    EXPECT_EQ(o.v[0][1], kJunk) << std::hex << w;
    EXPECT_EQ(o.nzcv, V) << std::hex << w;
    EXPECT_EQ(o.fpsr, 0u) << std::hex << w;
  }
}

TEST(FpScalarUndefined, AllocatedNeighboursRun) {
  // fcvt d0, s1 (0x1e22c020), fmov x0, v1.d[1] (0x9eae0020), scvtf s0, w1, #32 (0x1e028020:
  // scale = 32 is allowed with sf = 0), then hlt.
  auto m = words_machine({0x1e22c020, 0x9eae0020, 0x1e028020, 0xd4400000});
  Registers r = m->registers();
  r.v[1][0] = s1_0;
  r.v[1][1] = 0x77;
  r.x[1] = 0x80000000;
  m->set_registers(r);
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Halt);
  const Registers o = m->registers();
  EXPECT_EQ(o.x[0], 0x77u);
  EXPECT_EQ(o.v[0][0], 0xbf000000u);  // -2^31 / 2^32
}

}  // namespace
}  // namespace cuarm::test
