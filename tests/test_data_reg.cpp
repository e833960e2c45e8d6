// Data processing -- register: snippets from tests/asm/data_reg.S. Expected values are worked
// out by hand (or are published check values, for CRC-32/CRC-32C).
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("data_reg");
  return s;
}

constexpr uint32_t N = 1u << 31, Z = 1u << 30, C = 1u << 29, V = 1u << 28;
constexpr uint64_t kMin64 = 0x8000000000000000ull, kMax64 = 0x7fffffffffffffffull, kAll = ~0ull;

// x0 after running snippet t_<name>.
uint64_t x0(const char* name, std::initializer_list<std::pair<int, uint64_t>> regs, uint32_t nzcv = 0) {
  return snippets().run(std::string("t_") + name, regs, nzcv)->x(0);
}

struct Result {
  uint64_t x0;
  uint32_t nzcv;
};
// x0 and NZCV after running t_<name>.
Result xf(const char* name, std::initializer_list<std::pair<int, uint64_t>> regs, uint32_t nzcv = 0) {
  auto m = snippets().run(std::string("t_") + name, regs, nzcv);
  return {m->x(0), m->nzcv()};
}
void expect(const Result& r, uint64_t x, uint32_t nzcv) {
  EXPECT_EQ(r.x0, x);
  EXPECT_EQ(r.nzcv, nzcv);
}

// The 16 condition codes in encoding order, and when each holds (written from the manual's table).
const char* const kConds[16] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
                                "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
bool holds(int cond, uint32_t f) {
  const bool n = f & N, z = f & Z, c = f & C, v = f & V;
  switch (cond) {
    case 0: return z;
    case 1: return !z;
    case 2: return c;
    case 3: return !c;
    case 4: return n;
    case 5: return !n;
    case 6: return v;
    case 7: return !v;
    case 8: return c && !z;
    case 9: return !c || z;
    case 10: return n == v;
    case 11: return n != v;
    case 12: return !z && n == v;
    case 13: return z || n != v;
    default: return true;  // al, nv
  }
}

// ---------------------------------------------------------------- add/subtract, shifted register
TEST(DataRegAddSubShifted, AddLeavesFlags) {
  expect(xf("add_x", {{1, kMax64}, {2, 1}}, Z | C), kMin64, Z | C);
  expect(xf("sub_x", {{1, 0}, {2, 1}}, N | V), kAll, N | V);
}

TEST(DataRegAddSubShifted, AddWZeroExtends) {
  EXPECT_EQ(x0("add_w", {{1, kAll}, {2, 1}}), 0u);
  EXPECT_EQ(x0("add_w", {{1, 0xaaaaaaaa00000005}, {2, 0xbbbbbbbb00000007}}), 0xcu);
  EXPECT_EQ(x0("add_w", {{1, 0x7fffffff}, {2, 1}}), 0x80000000u);
}

TEST(DataRegAddSubShifted, AddsFlags) {
  expect(xf("adds_x", {{1, kMax64}, {2, 1}}), kMin64, N | V);
  expect(xf("adds_x", {{1, kAll}, {2, 1}}), 0, Z | C);
  expect(xf("adds_x", {{1, kMin64}, {2, kMin64}}), 0, Z | C | V);
  expect(xf("adds_x", {{1, 1}, {2, 2}}, N | Z | C | V), 3, 0);
  expect(xf("adds_w", {{1, 0x7fffffff}, {2, 1}}), 0x80000000, N | V);
  expect(xf("adds_w", {{1, 0xffffffff}, {2, 1}}), 0, Z | C);
  expect(xf("adds_w", {{1, 0xffffffff00000001}, {2, 0x00000001ffffffff}}), 0, Z | C);
}

TEST(DataRegAddSubShifted, SubsFlags) {
  expect(xf("subs_x", {{1, 5}, {2, 3}}), 2, C);
  expect(xf("subs_x", {{1, 3}, {2, 5}}), 0xfffffffffffffffe, N);
  expect(xf("subs_x", {{1, 5}, {2, 5}}), 0, Z | C);
  expect(xf("subs_x", {{1, kMin64}, {2, 1}}), kMax64, C | V);
  expect(xf("subs_x", {{1, 0}, {2, kMin64}}), kMin64, N | V);
  expect(xf("subs_w", {{1, 0}, {2, 1}}), 0xffffffff, N);
  expect(xf("subs_w", {{1, 0x80000000}, {2, 1}}), 0x7fffffff, C | V);
}

TEST(DataRegAddSubShifted, ShiftAmounts) {
  EXPECT_EQ(x0("add_lsl0_x", {{1, 1}, {2, 2}}), 3u);
  EXPECT_EQ(x0("sub_lsl63_x", {{1, 0}, {2, 1}}), kMin64);
  EXPECT_EQ(x0("sub_lsl63_x", {{1, 0}, {2, 3}}), kMin64);
  EXPECT_EQ(x0("sub_lsl63_x", {{1, 5}, {2, 2}}), 5u);
  EXPECT_EQ(x0("add_lsr1_x", {{1, 0}, {2, kAll}}), kMax64);
  EXPECT_EQ(x0("add_lsr63_x", {{1, 10}, {2, kMin64}}), 11u);
  EXPECT_EQ(x0("add_lsr63_x", {{1, 10}, {2, kMax64}}), 10u);
  EXPECT_EQ(x0("add_asr63_x", {{1, 10}, {2, kMin64}}), 9u);
  EXPECT_EQ(x0("add_asr63_x", {{1, 10}, {2, kMax64}}), 10u);
  EXPECT_EQ(x0("add_lsl31_w", {{1, 0}, {2, 3}}), 0x80000000u);
  EXPECT_EQ(x0("add_asr31_w", {{1, 5}, {2, 0x80000000}}), 4u);
  EXPECT_EQ(x0("add_asr31_w", {{1, 5}, {2, 0x17fffffff}}), 5u);
  expect(xf("adds_lsr31_w", {{1, 0xffffffff}, {2, 0x80000000}}), 0, Z | C);
}

TEST(DataRegAddSubShifted, Register31IsZr) {
  EXPECT_EQ(x0("add_rn_xzr", {{1, 42}}), 42u);  // not SP
  auto m = snippets().run("t_add_rd_xzr", {{0, 77}, {1, 1}, {2, 2}});
  EXPECT_EQ(m->x(0), 77u);
  EXPECT_EQ(m->sp(), kStackTop);
  m = snippets().run("t_cmp_x", {{0, 77}, {1, 3}, {2, 3}});
  EXPECT_EQ(m->nzcv(), Z | C);
  EXPECT_EQ(m->sp(), kStackTop);
  EXPECT_EQ(m->x(0), 77u);
  EXPECT_EQ(xf("cmn_w", {{1, 0xffffffff}, {2, 1}}).nzcv, Z | C);
  EXPECT_EQ(x0("neg_x", {{1, 1}}), kAll);
  EXPECT_EQ(x0("neg_x", {{1, kMin64}}), kMin64);
  expect(xf("negs_w", {{1, 0}}), 0, Z | C);
  expect(xf("negs_w", {{1, 0x80000000}}), 0x80000000, N | V);
  expect(xf("negs_w", {{1, 1}}), 0xffffffff, N);
}

// ---------------------------------------------------------------- add/subtract, extended register
TEST(DataRegAddSubExtended, Extends) {
  EXPECT_EQ(x0("add_uxtb1", {{1, 0x1000}, {2, 0xffffffffffffff81}}), 0x1102u);
  EXPECT_EQ(x0("add_uxth2", {{1, 0}, {2, 0x12348765}}), 0x21d94u);
  EXPECT_EQ(x0("add_uxtw3", {{1, 1}, {2, 0xffffffff80000000}}), 0x400000001u);
  EXPECT_EQ(x0("add_uxtx4", {{1, 0}, {2, 0xf000000000000001}}), 0x10u);
  EXPECT_EQ(x0("add_sxtb0", {{1, 0x100}, {2, 0x80}}), 0x80u);
  EXPECT_EQ(x0("add_sxtb0", {{1, 0x100}, {2, 0x7f}}), 0x17fu);
  EXPECT_EQ(x0("add_sxth1", {{1, 0}, {2, 0x8000}}), 0xffffffffffff0000u);
  EXPECT_EQ(x0("add_sxtw2", {{1, 0x10}, {2, 0xffffffff}}), 0xcu);
  EXPECT_EQ(x0("sub_sxtx3", {{1, 0}, {2, 1}}), 0xfffffffffffffff8u);
  EXPECT_EQ(x0("add_sxtb_w", {{1, 0x10}, {2, 0xff}}), 0xfu);
  EXPECT_EQ(x0("add_sxtb_w", {{1, 0}, {2, 0x80}}), 0xffffff80u);
  EXPECT_EQ(x0("sub_uxth_w", {{1, 0}, {2, 0x10001}}), 0xfffffff0u);
}

TEST(DataRegAddSubExtended, StackPointer) {
  EXPECT_EQ(x0("add_x0_sp", {{1, 0x20}}), kStackTop + 0x20);
  auto m = snippets().run("t_add_sp_sp", {{1, 0x100}});
  EXPECT_EQ(m->sp(), kStackTop + 0x100);
  m = snippets().run("t_sub_sp_sp", {{1, 1}});
  EXPECT_EQ(m->sp(), kStackTop - 0x10);
  m = snippets().run("t_add_wsp_wsp", {{1, 0xffffffff00000010}});
  EXPECT_EQ(m->sp(), kStackTop + 0x10);
  m = snippets().run("t_add_wsp_wsp", {{1, 0xffc00000}});  // 32-bit sum wraps to 0
  EXPECT_EQ(m->sp(), 0u);
}

TEST(DataRegAddSubExtended, FlagSettingWritesZr) {
  auto m = snippets().run("t_adds_ext_sp", {{1, 0xffffffffffc00000}});
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->nzcv(), Z | C);
  EXPECT_EQ(m->sp(), kStackTop);
  m = snippets().run("t_cmp_sp", {{1, kStackTop}});
  EXPECT_EQ(m->nzcv(), Z | C);
  EXPECT_EQ(m->sp(), kStackTop);
  EXPECT_EQ(xf("cmp_sp", {{1, kStackTop + 1}}).nzcv, N);
  expect(xf("subs_sxtw_x", {{1, 0}, {2, 0x80000000}}, Z), 0x80000000, 0);
  expect(xf("subs_sxtw_x", {{1, 5}, {2, 5}}), 0, Z | C);
  expect(xf("adds_uxtb_w", {{1, 0xffffff00}, {2, 0x1ff}}), 0xffffffff, N);
  expect(xf("adds_uxtb_w", {{1, 0xffffff01}, {2, 0xff}}), 0, Z | C);
}

// ---------------------------------------------------------------- logical, shifted register
TEST(DataRegLogical, AndBic) {
  expect(xf("and_x", {{1, 0xf0f0f0f0f0f0f0f0}, {2, 0xff00ff00ff00ff00}}, N | Z | C | V), 0xf000f000f000f000,
         N | Z | C | V);
  EXPECT_EQ(x0("and_w", {{1, kAll}, {2, 0xffffffff0000ffff}}), 0xffffu);
  EXPECT_EQ(x0("bic_lsl4_x", {{1, 0xffff}, {2, 0xf}}), 0xff0fu);
  EXPECT_EQ(x0("bic_w", {{1, kAll}, {2, 0xffff}}), 0xffff0000u);
}

TEST(DataRegLogical, OrrOrn) {
  EXPECT_EQ(x0("orr_ror8_x", {{1, 0}, {2, 0x12}}), 0x1200000000000000u);
  EXPECT_EQ(x0("orr_ror8_x", {{1, 0}, {2, 0x0123456789abcdef}}), 0xef0123456789abcdu);
  EXPECT_EQ(x0("orr_ror63_x", {{1, 0}, {2, 0x8000000000000001}}), 3u);
  EXPECT_EQ(x0("orr_w", {{1, 0x12340000}, {2, 0xffffffff00005678}}), 0x12345678u);
  EXPECT_EQ(x0("orn_asr31_w", {{1, 0}, {2, 0x80000000}}), 0u);
  EXPECT_EQ(x0("orn_asr31_w", {{1, 0}, {2, 0x7fffffff}}), 0xffffffffu);
  EXPECT_EQ(x0("orn_x", {{1, 0}, {2, 0}}), kAll);
}

TEST(DataRegLogical, EorEon) {
  EXPECT_EQ(x0("eor_lsr63_x", {{1, 5}, {2, kMin64}}), 4u);
  EXPECT_EQ(x0("eor_w", {{1, kAll}, {2, 0x0f0f0f0f}}), 0xf0f0f0f0u);
  EXPECT_EQ(x0("eon_ror31_w", {{1, 0}, {2, 1}}), 0xfffffffdu);
  EXPECT_EQ(x0("eon_x", {{1, 0x1234}, {2, 0x1234}}), kAll);
}

TEST(DataRegLogical, FlagSetting) {
  expect(xf("ands_x", {{1, 0x8000000000000001}, {2, kMin64}}, Z | C | V), kMin64, N);
  expect(xf("ands_x", {{1, 0x8000000000000001}, {2, 2}}, N | C | V), 0, Z);
  expect(xf("ands_asr63_x", {{1, 0x1234}, {2, kMin64}}, C | V), 0x1234, 0);
  expect(xf("ands_w", {{1, 0x80000000}, {2, 0xffffffff80000000}}), 0x80000000, N);
  expect(xf("ands_w", {{1, 0x100000000}, {2, 0x100000000}}), 0, Z);
  expect(xf("bics_x", {{1, kAll}, {2, kAll}}), 0, Z);
  expect(xf("bics_ror1_w", {{1, 0xffffffff}, {2, 1}}, C | V), 0x7fffffff, 0);
  auto m = snippets().run("t_tst_x", {{0, 77}, {1, 0xf0}, {2, 0x0f}}, N | C | V);
  EXPECT_EQ(m->nzcv(), Z);
  EXPECT_EQ(m->x(0), 77u);
}

TEST(DataRegLogical, MovMvnAliases) {
  EXPECT_EQ(x0("mov_x", {{1, 0x123456789abcdef0}}), 0x123456789abcdef0u);
  EXPECT_EQ(x0("mov_w", {{0, kAll}, {1, 0xffffffff12345678}}), 0x12345678u);
  EXPECT_EQ(x0("mvn_x", {{1, 0}}), kAll);
  EXPECT_EQ(x0("mvn_w", {{1, 0}}), 0xffffffffu);
}

// ---------------------------------------------------------------- add/subtract with carry
TEST(DataRegCarry, Adc) {
  expect(xf("adc_x", {{1, 1}, {2, 2}}, C), 4, C);
  expect(xf("adc_x", {{1, 1}, {2, 2}}, Z), 3, Z);
  EXPECT_EQ(x0("adc_w", {{1, 0xffffffff}, {2, 0}}, C), 0u);
}

TEST(DataRegCarry, Adcs) {
  expect(xf("adcs_x", {{1, kAll}, {2, 0}}, C), 0, Z | C);
  expect(xf("adcs_x", {{1, kMax64}, {2, 0}}, C), kMin64, N | V);
  expect(xf("adcs_x", {{1, kAll}, {2, kAll}}, C), kAll, N | C);
  expect(xf("adcs_x", {{1, 1}, {2, 1}}, N | Z | V), 2, 0);
  expect(xf("adcs_w", {{1, 0x7fffffff}, {2, 0}}, C), 0x80000000, N | V);
  expect(xf("adcs_w", {{1, 0xffffffff}, {2, 0xffffffff}}), 0xfffffffe, N | C);
}

TEST(DataRegCarry, Sbc) {
  EXPECT_EQ(x0("sbc_x", {{1, 5}, {2, 3}}, C), 2u);
  EXPECT_EQ(x0("sbc_x", {{1, 5}, {2, 3}}, 0), 1u);
  EXPECT_EQ(x0("sbc_w", {{1, 0}, {2, 0}}, 0), 0xffffffffu);
  expect(xf("sbcs_x", {{1, 0}, {2, 0}}, 0), kAll, N);
  expect(xf("sbcs_x", {{1, 0}, {2, 0}}, C), 0, Z | C);
  expect(xf("sbcs_x", {{1, kMin64}, {2, 0}}, 0), kMax64, C | V);
  expect(xf("sbcs_w", {{1, 0x80000000}, {2, 1}}, C), 0x7fffffff, C | V);
  EXPECT_EQ(x0("ngc_x", {{1, 1}}, C), kAll);
  EXPECT_EQ(x0("ngc_x", {{1, 1}}, 0), 0xfffffffffffffffeu);
  expect(xf("ngcs_w", {{1, 0}}, C), 0, Z | C);
  expect(xf("ngcs_w", {{1, 0}}, 0), 0xffffffff, N);
}

// ---------------------------------------------------------------- conditional compare
TEST(DataRegCondCompare, AllConditionsRegister) {
  // ccmp x1, x2, #6, cond: 1 - 2 sets N only; the immediate #6 is Z and C.
  for (int cond = 0; cond < 16; ++cond)
    for (uint32_t f = 0; f < 16; ++f) {
      const uint32_t in = f << 28;
      auto m = snippets().run(std::string("t_ccmp_") + kConds[cond], {{1, 1}, {2, 2}}, in);
      EXPECT_EQ(m->nzcv(), holds(cond, in) ? N : Z | C) << kConds[cond] << " flags " << f;
    }
}

TEST(DataRegCondCompare, AllConditionsImmediate) {
  // ccmp w1, #3, #9, cond with w1 = 3 (upper half of x1 ignored): Z and C; #9 is N and V.
  for (int cond = 0; cond < 16; ++cond)
    for (uint32_t f = 0; f < 16; ++f) {
      const uint32_t in = f << 28;
      auto m = snippets().run(std::string("t_ccmpi_") + kConds[cond], {{1, 0xffffffff00000003}}, in);
      EXPECT_EQ(m->nzcv(), holds(cond, in) ? Z | C : N | V) << kConds[cond] << " flags " << f;
    }
}

TEST(DataRegCondCompare, Forms) {
  EXPECT_EQ(xf("ccmn_x", {{1, kAll}, {2, 1}}, Z).nzcv, Z | C);
  EXPECT_EQ(xf("ccmn_x", {{1, kAll}, {2, 1}}, C).nzcv, 0u);  // eq fails: #0
  EXPECT_EQ(xf("ccmn_w", {{1, 0x7fffffff}, {2, 1}}, Z).nzcv, N | V);
  EXPECT_EQ(xf("ccmp_w", {{1, 0}, {2, 1}}, Z).nzcv, N);
  EXPECT_EQ(xf("ccmp_w", {{1, 0x100000000}, {2, 0}}, Z).nzcv, Z | C);
  EXPECT_EQ(xf("ccmp_imm31_x", {{1, 31}}, Z).nzcv, Z | C);
  EXPECT_EQ(xf("ccmp_imm31_x", {{1, 0}}, Z).nzcv, N);
  EXPECT_EQ(xf("ccmn_imm_x", {{1, kAll}}, Z).nzcv, Z | C);
  EXPECT_EQ(xf("ccmn_imm_x", {{1, kMax64}}, Z).nzcv, N | V);
}

// ---------------------------------------------------------------- conditional select
TEST(DataRegCondSelect, AllConditionsCsel) {
  for (int cond = 0; cond < 16; ++cond)
    for (uint32_t f = 0; f < 16; ++f) {
      const uint32_t in = f << 28;
      auto m = snippets().run(std::string("t_csel_") + kConds[cond],
                              {{1, 0x1111111111111111}, {2, 0x2222222222222222}}, in);
      EXPECT_EQ(m->x(0), holds(cond, in) ? 0x1111111111111111u : 0x2222222222222222u) << kConds[cond] << " " << f;
      EXPECT_EQ(m->nzcv(), in);
    }
}

TEST(DataRegCondSelect, AllConditionsCsinc) {
  // csinc w0, w1, w2: w2 + 1 wraps to 0 in 32 bits.
  for (int cond = 0; cond < 16; ++cond)
    for (uint32_t f = 0; f < 16; ++f) {
      const uint32_t in = f << 28;
      auto m = snippets().run(std::string("t_csinc_") + kConds[cond],
                              {{1, 0xaaaaaaaa00000005}, {2, 0xbbbbbbbbffffffff}}, in);
      EXPECT_EQ(m->x(0), holds(cond, in) ? 5u : 0u) << kConds[cond] << " " << f;
    }
}

TEST(DataRegCondSelect, Forms) {
  EXPECT_EQ(x0("csel_w", {{1, 0xffffffff00000001}, {2, 2}}, Z), 1u);
  EXPECT_EQ(x0("csinc_x", {{1, 1}, {2, kAll}}, 0), 0u);
  EXPECT_EQ(x0("csinc_x", {{1, 1}, {2, kMax64}}, 0), kMin64);
  EXPECT_EQ(x0("csinc_x", {{1, 1}, {2, kMax64}}, Z), 1u);
  EXPECT_EQ(x0("csinv_x", {{1, 1}, {2, 0}}, 0), kAll);
  EXPECT_EQ(x0("csinv_x", {{1, 1}, {2, 0}}, Z), 1u);
  EXPECT_EQ(x0("csinv_w", {{1, 1}, {2, 0}}, 0), 0xffffffffu);
  EXPECT_EQ(x0("csneg_x", {{1, 1}, {2, 1}}, 0), kAll);
  EXPECT_EQ(x0("csneg_x", {{1, 1}, {2, kMin64}}, 0), kMin64);
  EXPECT_EQ(x0("csneg_w", {{1, 1}, {2, 0x80000000}}, 0), 0x80000000u);
  EXPECT_EQ(x0("csneg_w", {{1, 1}, {2, 5}}, 0), 0xfffffffbu);
  EXPECT_EQ(x0("csneg_w", {{1, 1}, {2, 5}}, Z), 1u);
}

TEST(DataRegCondSelect, Aliases) {
  EXPECT_EQ(x0("cset_x", {{0, 77}}, Z), 1u);
  EXPECT_EQ(x0("cset_x", {{0, 77}}, N | C | V), 0u);
  EXPECT_EQ(x0("csetm_w", {{0, 77}}, Z), 0xffffffffu);
  EXPECT_EQ(x0("csetm_w", {{0, 77}}, 0), 0u);
  EXPECT_EQ(x0("cinc_x", {{1, kAll}}, Z), 0u);
  EXPECT_EQ(x0("cinc_x", {{1, kAll}}, 0), kAll);
  EXPECT_EQ(x0("cinv_w", {{1, 0}}, Z), 0xffffffffu);
  EXPECT_EQ(x0("cinv_w", {{1, 0xffffffff00000000}}, 0), 0u);
  EXPECT_EQ(x0("cneg_x", {{1, 5}}, Z), 0xfffffffffffffffbu);
  EXPECT_EQ(x0("cneg_x", {{1, 5}}, 0), 5u);
}

// ---------------------------------------------------------------- data-processing, 1 source
TEST(DataReg1Source, Rbit) {
  EXPECT_EQ(x0("rbit_x", {{1, 1}}), kMin64);
  EXPECT_EQ(x0("rbit_x", {{1, 0x0123456789abcdef}}), 0xf7b3d591e6a2c480u);
  EXPECT_EQ(x0("rbit_w", {{1, 1}}), 0x80000000u);
  EXPECT_EQ(x0("rbit_w", {{1, 0xffffffff00000000}}), 0u);
  EXPECT_EQ(x0("rbit_w", {{1, 0x12345678}}), 0x1e6a2c48u);
}

TEST(DataReg1Source, Rev) {
  EXPECT_EQ(x0("rev16_x", {{1, 0x0123456789abcdef}}), 0x23016745ab89efcdu);
  EXPECT_EQ(x0("rev16_w", {{1, 0xffffffff11223344}}), 0x22114433u);
  EXPECT_EQ(x0("rev32_x", {{1, 0x0123456789abcdef}}), 0x67452301efcdab89u);
  EXPECT_EQ(x0("rev_x", {{1, 0x0123456789abcdef}}), 0xefcdab8967452301u);
  EXPECT_EQ(x0("rev_w", {{1, 0xaaaaaaaa11223344}}), 0x44332211u);
}

TEST(DataReg1Source, Clz) {
  EXPECT_EQ(x0("clz_x", {{1, 0}}), 64u);
  EXPECT_EQ(x0("clz_x", {{1, 1}}), 63u);
  EXPECT_EQ(x0("clz_x", {{1, kMin64}}), 0u);
  EXPECT_EQ(x0("clz_x", {{1, 0xffffffff}}), 32u);
  EXPECT_EQ(x0("clz_w", {{1, 0}}), 32u);
  EXPECT_EQ(x0("clz_w", {{1, 0xffffffff00000001}}), 31u);
  EXPECT_EQ(x0("clz_w", {{1, 0x80000000}}), 0u);
}

TEST(DataReg1Source, Cls) {
  EXPECT_EQ(x0("cls_x", {{1, 0}}), 63u);
  EXPECT_EQ(x0("cls_x", {{1, kAll}}), 63u);
  EXPECT_EQ(x0("cls_x", {{1, 1}}), 62u);
  EXPECT_EQ(x0("cls_x", {{1, 0xfffffffffffffffe}}), 62u);
  EXPECT_EQ(x0("cls_x", {{1, kMin64}}), 0u);
  EXPECT_EQ(x0("cls_x", {{1, 0x4000000000000000}}), 0u);
  EXPECT_EQ(x0("cls_x", {{1, 0xc000000000000000}}), 1u);
  EXPECT_EQ(x0("cls_w", {{1, 0}}), 31u);
  EXPECT_EQ(x0("cls_w", {{1, 0xffffffff}}), 31u);
  EXPECT_EQ(x0("cls_w", {{1, 0xc0000000}}), 1u);
  EXPECT_EQ(x0("cls_w", {{1, 0xffffffff00000001}}), 30u);
  EXPECT_EQ(x0("cls_w", {{1, 0x7fffffff}}), 0u);
}

// ---------------------------------------------------------------- data-processing, 2 source
TEST(DataReg2Source, Udiv) {
  EXPECT_EQ(x0("udiv_x", {{1, 100}, {2, 7}}), 14u);
  EXPECT_EQ(x0("udiv_x", {{1, 100}, {2, 0}}), 0u);
  EXPECT_EQ(x0("udiv_x", {{1, kAll}, {2, 1}}), kAll);
  EXPECT_EQ(x0("udiv_x", {{1, kAll}, {2, 2}}), kMax64);
  EXPECT_EQ(x0("udiv_x", {{1, kMin64}, {2, kAll}}), 0u);
  EXPECT_EQ(x0("udiv_w", {{1, 0xffffffff}, {2, 2}}), 0x7fffffffu);
  EXPECT_EQ(x0("udiv_w", {{1, 5}, {2, 0}}), 0u);
  EXPECT_EQ(x0("udiv_w", {{1, 0x100000008}, {2, 0x100000002}}), 4u);
  EXPECT_EQ(x0("udiv_w", {{1, 5}, {2, 0x100000000}}), 0u);  // divisor is W2 = 0
}

TEST(DataReg2Source, Sdiv) {
  EXPECT_EQ(x0("sdiv_x", {{1, uint64_t(-7)}, {2, 2}}), uint64_t(-3));
  EXPECT_EQ(x0("sdiv_x", {{1, 7}, {2, uint64_t(-2)}}), uint64_t(-3));
  EXPECT_EQ(x0("sdiv_x", {{1, kMin64}, {2, kAll}}), kMin64);
  EXPECT_EQ(x0("sdiv_x", {{1, kMin64}, {2, 1}}), kMin64);
  EXPECT_EQ(x0("sdiv_x", {{1, 5}, {2, 0}}), 0u);
  EXPECT_EQ(x0("sdiv_x", {{1, kAll}, {2, kAll}}), 1u);
  EXPECT_EQ(x0("sdiv_w", {{1, 0x80000000}, {2, 0xffffffff}}), 0x80000000u);
  EXPECT_EQ(x0("sdiv_w", {{1, 0xfffffff9}, {2, 2}}), 0xfffffffdu);
  EXPECT_EQ(x0("sdiv_w", {{1, 7}, {2, 0}}), 0u);
  EXPECT_EQ(x0("sdiv_w", {{1, 0xfffffff8}, {2, 0xfffffffe}}), 4u);
}

TEST(DataReg2Source, Shifts) {
  EXPECT_EQ(x0("lslv_x", {{1, 1}, {2, 63}}), kMin64);
  EXPECT_EQ(x0("lslv_x", {{1, 1}, {2, 64}}), 1u);
  EXPECT_EQ(x0("lslv_x", {{1, 1}, {2, 0}}), 1u);
  EXPECT_EQ(x0("lslv_x", {{1, 1}, {2, 65}}), 2u);
  EXPECT_EQ(x0("lslv_x", {{1, 1}, {2, kAll}}), kMin64);
  EXPECT_EQ(x0("lslv_w", {{1, 1}, {2, 31}}), 0x80000000u);
  EXPECT_EQ(x0("lslv_w", {{1, 1}, {2, 32}}), 1u);
  EXPECT_EQ(x0("lslv_w", {{1, 1}, {2, 33}}), 2u);
  EXPECT_EQ(x0("lslv_w", {{1, 0xffffffff}, {2, 4}}), 0xfffffff0u);
  EXPECT_EQ(x0("lsrv_x", {{1, kMin64}, {2, 63}}), 1u);
  EXPECT_EQ(x0("lsrv_x", {{1, kMin64}, {2, 64}}), kMin64);
  EXPECT_EQ(x0("lsrv_w", {{1, 0xffffffff80000000}, {2, 31}}), 1u);
  EXPECT_EQ(x0("lsrv_w", {{1, 0xffffffff80000000}, {2, 32}}), 0x80000000u);
  EXPECT_EQ(x0("asrv_x", {{1, kMin64}, {2, 63}}), kAll);
  EXPECT_EQ(x0("asrv_x", {{1, kMin64}, {2, 1}}), 0xc000000000000000u);
  EXPECT_EQ(x0("asrv_x", {{1, kMin64}, {2, 128}}), kMin64);
  EXPECT_EQ(x0("asrv_w", {{1, 0x80000000}, {2, 31}}), 0xffffffffu);
  EXPECT_EQ(x0("asrv_w", {{1, 0x140000000}, {2, 1}}), 0x20000000u);
  EXPECT_EQ(x0("rorv_x", {{1, 1}, {2, 1}}), kMin64);
  EXPECT_EQ(x0("rorv_x", {{1, 1}, {2, 63}}), 2u);
  EXPECT_EQ(x0("rorv_x", {{1, 1}, {2, 64}}), 1u);
  EXPECT_EQ(x0("rorv_w", {{1, 1}, {2, 1}}), 0x80000000u);
  EXPECT_EQ(x0("rorv_w", {{1, 1}, {2, 32}}), 1u);
  EXPECT_EQ(x0("rorv_w", {{1, 1}, {2, 31}}), 2u);
  EXPECT_EQ(x0("rorv_w", {{1, 0xffffffff00000001}, {2, 4}}), 0x10000000u);
}

// "123456789" as the first 8 bytes (little-endian) and the 9th.
constexpr uint64_t kMsg8 = 0x3837363534333231ull, kMsg9 = 0x39;
constexpr uint64_t kCrc32Check = 0xcbf43926, kCrc32cCheck = 0xe3069283;

TEST(DataReg2Source, Crc32CheckValues) {
  EXPECT_EQ(x0("crc32b_loop", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}, {3, 8}, {4, 1}}), kCrc32Check);
  EXPECT_EQ(x0("crc32w_msg", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}, {3, 32}}), kCrc32Check);
  EXPECT_EQ(x0("crc32x_msg", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}}), kCrc32Check);
}

TEST(DataReg2Source, Crc32cCheckValues) {
  EXPECT_EQ(x0("crc32cb_loop", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}, {3, 8}, {4, 1}}), kCrc32cCheck);
  EXPECT_EQ(x0("crc32ch_msg", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}, {3, 16}}), kCrc32cCheck);
  EXPECT_EQ(x0("crc32cw_msg", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}, {3, 32}}), kCrc32cCheck);
  EXPECT_EQ(x0("crc32cx_msg", {{0, 0xffffffff}, {1, kMsg8}, {2, kMsg9}}), kCrc32cCheck);
}

TEST(DataReg2Source, Crc32SingleSteps) {
  // No inversion inside the instruction: CRC-32("12") = 0x4f5344cd, CRC-32("1234") = 0x9be3e0a3,
  // CRC-32("\0") = 0xd202ef8d, each = ~CRC32x(0xffffffff, data).
  EXPECT_EQ(x0("crc32h", {{1, 0xffffffff}, {2, 0xffff000000003231}}), 0xffffffffu & ~0x4f5344cdu);
  EXPECT_EQ(x0("crc32w", {{1, 0xffffffff}, {2, 0xdeadbeef34333231}}), 0xffffffffu & ~0x9be3e0a3u);
  EXPECT_EQ(x0("crc32b", {{1, 0xffffffff}, {2, 0xff00}}), 0xffffffffu & ~0xd202ef8du);
  EXPECT_EQ(x0("crc32b", {{1, 0}, {2, 0}}), 0u);
  EXPECT_EQ(x0("crc32x", {{1, 0}, {2, 0}}), 0u);
  EXPECT_EQ(x0("crc32cb", {{1, 0}, {2, 0}}), 0u);
  EXPECT_EQ(x0("crc32cx", {{1, 0}, {2, 0}}), 0u);
}

// ---------------------------------------------------------------- data-processing, 3 source
TEST(DataReg3Source, MaddMsub) {
  EXPECT_EQ(x0("madd_x", {{1, 3}, {2, 4}, {3, 5}}), 17u);
  EXPECT_EQ(x0("madd_x", {{1, 1ull << 32}, {2, 1ull << 32}, {3, 1}}), 1u);
  EXPECT_EQ(x0("madd_x", {{1, kAll}, {2, kAll}, {3, 0}}), 1u);
  EXPECT_EQ(x0("madd_w", {{1, 0x10000}, {2, 0x10000}, {3, 7}}), 7u);
  EXPECT_EQ(x0("madd_w", {{1, 0xffffffff}, {2, 2}, {3, 0}}), 0xfffffffeu);
  EXPECT_EQ(x0("madd_w", {{1, 0x500000003}, {2, 0x700000004}, {3, 0x900000005}}), 17u);
  EXPECT_EQ(x0("msub_x", {{1, 3}, {2, 4}, {3, 5}}), uint64_t(-7));
  EXPECT_EQ(x0("msub_w", {{1, 3}, {2, 4}, {3, 5}}), 0xfffffff9u);
  EXPECT_EQ(x0("mul_x", {{1, kMin64}, {2, 2}}), 0u);
  EXPECT_EQ(x0("mul_x", {{1, uint64_t(-3)}, {2, 5}}), uint64_t(-15));
  EXPECT_EQ(x0("mneg_w", {{1, 3}, {2, 5}}), 0xfffffff1u);
}

TEST(DataReg3Source, Long) {
  EXPECT_EQ(x0("smaddl", {{1, 0xffffffff}, {2, 0x80000000}, {3, 0}}), 0x80000000u);
  EXPECT_EQ(x0("smaddl", {{1, 0x7fffffff}, {2, 0x7fffffff}, {3, 1}}), 0x3fffffff00000002u);
  EXPECT_EQ(x0("smaddl", {{1, 0x1234567800000002}, {2, 0xfffffffffffffffd}, {3, 10}}), 4u);
  EXPECT_EQ(x0("smsubl", {{1, 2}, {2, 0xfffffffd}, {3, 0}}), 6u);
  EXPECT_EQ(x0("smull", {{1, 0x80000000}, {2, 0x80000000}}), 0x4000000000000000u);
  EXPECT_EQ(x0("smull", {{1, 0xffffffff}, {2, 2}}), uint64_t(-2));
  EXPECT_EQ(x0("umaddl", {{1, 0xffffffff}, {2, 0xffffffff}, {3, 1}}), 0xfffffffe00000002u);
  EXPECT_EQ(x0("umaddl", {{1, 1}, {2, 1}, {3, kAll}}), 0u);
  EXPECT_EQ(x0("umsubl", {{1, 0xffffffff}, {2, 2}, {3, 0}}), 0xfffffffe00000002u);
  EXPECT_EQ(x0("umull", {{1, 0xffffffff00000002}, {2, 0xffffffff00000003}}), 6u);
}

TEST(DataReg3Source, MultiplyHigh) {
  EXPECT_EQ(x0("smulh", {{1, kAll}, {2, kAll}}), 0u);
  EXPECT_EQ(x0("smulh", {{1, kMin64}, {2, kMin64}}), 0x4000000000000000u);
  EXPECT_EQ(x0("smulh", {{1, kAll}, {2, 1}}), kAll);
  EXPECT_EQ(x0("smulh", {{1, kMin64}, {2, kAll}}), 0u);
  EXPECT_EQ(x0("smulh", {{1, kMax64}, {2, 2}}), 0u);
  EXPECT_EQ(x0("umulh", {{1, kAll}, {2, kAll}}), 0xfffffffffffffffeu);
  EXPECT_EQ(x0("umulh", {{1, kMin64}, {2, 4}}), 2u);
  EXPECT_EQ(x0("umulh", {{1, 1ull << 32}, {2, 1ull << 32}}), 1u);
}

// ---------------------------------------------------------------- unallocated encodings
TEST(DataRegUndefined, UnallocatedFormsStop) {
  const uint32_t words[] = {
      0x8bc20020,  // add x0, x1, x2 with shift = 11 (ROR)
      0x0b028020,  // add w0, w1, w2, lsl #32
      0x6b42fc20,  // subs w0, w1, w2, lsr #63
      0x0a028020,  // and w0, w1, w2, lsl #32
      0x2a02fc20,  // orr w0, w1, w2, lsl #63
      0x8b227420,  // add x0, x1, x2, uxtx #5
      0x8b626020,  // add x0, x1, x2, uxtx with opt = 01
      0xda420020,  // ccmp x1, x2, #0, eq with S = 0
      0xfa420420,  // ccmp x1, x2, #0, eq with o2 = 1
      0xfa420030,  // ccmp x1, x2, #0, eq with o3 = 1
      0xda420820,  // ccmp x1, #2, #0, eq with S = 0
      0x9a020420,  // adc x0, x1, x2 with bits 15:10 = 000001
      0xba008402,  // rmif x0, #1, #2 (ARMv8.4)
      0x3a00080d,  // setf8 w0 (ARMv8.4)
      0xba820020,  // csel x0, x1, x2, eq with S = 1
      0x9a820820,  // csel x0, x1, x2, eq with op2 = 10
      0xbac20820,  // udiv x0, x1, x2 with S = 1
      0x9ac20020,  // subp x0, x1, x2 (MTE)
      0x9ac21020,  // irg x0, x1, x2 (MTE)
      0xbac20020,  // subps x0, x1, x2 (MTE)
      0x9ac20420,  // 2-source opcode 000001
      0x9ac23020,  // pacga x0, x1, x2 (ARMv8.3)
      0x9ac26020,  // smax x0, x1, x2 (CSSC)
      0x9ac26c20,  // umin x0, x1, x2 (CSSC)
      0x1ac24c20,  // crc32x with sf = 0
      0x9ac24020,  // crc32b with sf = 1
      0x9ac24420,  // crc32h with sf = 1
      0x9ac24820,  // crc32w with sf = 1
      0x9ac25020,  // crc32cb with sf = 1
      0x1ac25c20,  // crc32cx with sf = 0
      0xfac00020,  // rbit x0, x1 with S = 1
      0xdac10020,  // pacia x0, x1 (ARMv8.3)
      0xdac143e0,  // xpaci x0 (ARMv8.3)
      0xdac01820,  // ctz x0, x1 (CSSC)
      0xdac02020,  // abs x0, x1 (CSSC)
      0x5ac01c20,  // cnt w0, w1 (CSSC)
      0x5ac00c20,  // rev with sf = 0 and opc = 11
      0xbb020c20,  // madd x0, x1, x2, x3 with op54 = 01
      0x1b220c20,  // smaddl with sf = 0
      0x9b42fc20,  // smulh x0, x1, x2 with o0 = 1
      0x9bc2fc20,  // umulh x0, x1, x2 with o0 = 1
      0x9b620c20,  // 3-source op31 = 011
      0x9b820c20,  // 3-source op31 = 100
      0x9be20c20,  // 3-source op31 = 111
  };
  for (uint32_t w : words) {
    auto m = words_machine({w});
    m->set_x(0, 0x5555);
    m->set_x(1, 7);
    m->set_x(2, 3);
    m->set_nzcv(V);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
    EXPECT_EQ(m->x(0), 0x5555u) << std::hex << w;
    EXPECT_EQ(m->nzcv(), V) << std::hex << w;
    EXPECT_EQ(m->sp(), 0x10000u) << std::hex << w;
  }
}

TEST(DataRegUndefined, AllocatedNeighboursRun) {
  // The allocated encodings next to the forms above run: ccmp x1, #2, #0, eq (7 != 2 with Z set:
  // 7 - 2 sets C) then csel x0, x1, x2, eq; then hlt.
  auto m = words_machine({0xfa420820, 0x9a820020, 0xd4400000});
  m->set_x(1, 7);
  m->set_x(2, 3);
  m->set_nzcv(Z);
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(m->nzcv(), C);
  EXPECT_EQ(m->x(0), 3u);
}

}  // namespace
}  // namespace cuarm::test
