#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("branch");
  return s;
}

TEST(Branch, BForwardSkips) { EXPECT_EQ(snippets().run("t_b_forward")->x(0), 1u); }

TEST(Branch, BlAndRet) {
  auto m = snippets().run("t_bl_ret");
  EXPECT_EQ(m->x(0), 11u);
  EXPECT_EQ(m->x(30), snippets().symbol("t_bl_ret") + 8);
}

TEST(Branch, Cbz) {
  EXPECT_EQ(snippets().run("t_cbz", {{1, 0}})->x(0), 1u);
  EXPECT_EQ(snippets().run("t_cbz", {{1, 1ull << 40}})->x(0), 2u);
}

}  // namespace
}  // namespace cuarm::test

namespace cuarm::test {
namespace {

constexpr uint32_t kHlt1 = 0xd4400020;  // hlt #1: the fall-through path
constexpr uint32_t kHlt2 = 0xd4400040;  // hlt #2: the branch target
constexpr uint32_t kZ = 0x40000000;     // NZCV with Z set

// Maps the pages of `at` and `target` in an empty address space, puts `w` at `at` followed by
// hlt #1 and hlt #2 at `target`, and runs it from `at`.
std::unique_ptr<Machine> far_branch(uint32_t w, uint64_t at, uint64_t target,
                                    std::initializer_list<std::pair<int, uint64_t>> regs = {},
                                    uint32_t nzcv = 0) {
  MachineOptions o;
  o.memory_size = 0;
  o.backend = test_backend();
  auto m = std::make_unique<Machine>(o);
  const uint64_t pa = at & ~0xfffull, pt = target & ~0xfffull;
  m->map(pa, 0x1000, PermRWX);
  if (pt != pa) m->map(pt, 0x1000, PermRWX);
  auto put = [&](uint64_t a, uint32_t v) {
    const uint8_t b[4] = {uint8_t(v), uint8_t(v >> 8), uint8_t(v >> 16), uint8_t(v >> 24)};
    m->write_memory(a, b);
  };
  put(at, w);
  put(at + 4, kHlt1);
  put(target, kHlt2);
  m->set_pc(at);
  for (auto [r, v] : regs) m->set_x(r, v);
  m->set_nzcv(nzcv);
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Halt) << std::hex << w;
  return m;
}

void expect_taken(const std::unique_ptr<Machine>& m, uint64_t target) {
  const Status st = m->last_status();
  EXPECT_EQ(st.pc, target);
  EXPECT_EQ(st.insn, kHlt2);
}

void expect_not_taken(const std::unique_ptr<Machine>& m, uint64_t at) {
  const Status st = m->last_status();
  EXPECT_EQ(st.pc, at + 4);
  EXPECT_EQ(st.insn, kHlt1);
}

void expect_undefined(uint32_t w) {
  auto m = words_machine({w, 0xd4400000});
  m->set_x(1, 0x2000);
  m->set_x(2, 0x3000);
  m->set_x(30, 0x4000);
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
  EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
  EXPECT_EQ(st.insn, w) << std::hex << w;
  EXPECT_EQ(m->x(30), 0x4000u) << std::hex << w;
}

TEST(Branch, BBackward) { EXPECT_EQ(snippets().run("t_b_backward")->x(0), 3u); }

TEST(Branch, BMaxRange) {
  const uint64_t at = 0x8000000;
  auto m = far_branch(0x15ffffff, at, at + 0x7fffffc);  // b .+0x7fffffc
  expect_taken(m, at + 0x7fffffc);
  m = far_branch(0x16000000, at, 0);  // b .-0x8000000
  expect_taken(m, 0);
  EXPECT_EQ(m->x(30), 0u);  // B does not link
}

TEST(Branch, BlLinksAndReachesMaxRange) {
  const uint64_t at = 0x8000000;
  auto m = far_branch(0x95ffffff, at, at + 0x7fffffc);  // bl .+0x7fffffc
  expect_taken(m, at + 0x7fffffc);
  EXPECT_EQ(m->x(30), at + 4);
  m = far_branch(0x96000000, at, 0);  // bl .-0x8000000
  expect_taken(m, 0);
  EXPECT_EQ(m->x(30), at + 4);
  m = far_branch(0x97ffffff, at, at - 4);  // bl .-4
  expect_taken(m, at - 4);
  EXPECT_EQ(m->x(30), at + 4);
}

// ConditionHolds() written out from the manual's table, independently of the core.
bool holds(uint32_t cond, uint32_t nzcv) {
  const bool n = nzcv & 8, z = nzcv & 4, c = nzcv & 2, v = nzcv & 1;
  switch (cond) {
    case 0: return z;               // EQ
    case 1: return !z;              // NE
    case 2: return c;               // CS
    case 3: return !c;              // CC
    case 4: return n;               // MI
    case 5: return !n;              // PL
    case 6: return v;               // VS
    case 7: return !v;              // VC
    case 8: return c && !z;         // HI
    case 9: return !c || z;         // LS
    case 10: return n == v;         // GE
    case 11: return n != v;         // LT
    case 12: return !z && n == v;   // GT
    case 13: return z || n != v;    // LE
    default: return true;           // AL, NV
  }
}

TEST(Branch, BcondAllConditionsAllFlags) {
  const char* names[16] = {"eq", "ne", "cs", "cc", "mi", "pl", "vs", "vc",
                           "hi", "ls", "ge", "lt", "gt", "le", "al", "nv"};
  for (uint32_t cond = 0; cond < 16; ++cond)
    for (uint32_t f = 0; f < 16; ++f) {
      auto m = snippets().run(std::string("t_bcond_") + names[cond], {}, f << 28);
      EXPECT_EQ(m->x(0), holds(cond, f) ? 1u : 0u) << names[cond] << " nzcv " << f;
      EXPECT_EQ(m->nzcv(), f << 28);
    }
}

TEST(Branch, BcondBackward) { EXPECT_EQ(snippets().run("t_bcond_back")->x(0), 5u); }

TEST(Branch, BcondMaxRange) {
  const uint64_t at = 0x100000;
  auto m = far_branch(0x547fffe0, at, at + 0xffffc, {}, kZ);  // b.eq .+0xffffc
  expect_taken(m, at + 0xffffc);
  m = far_branch(0x547fffe0, at, at + 0xffffc, {}, 0);
  expect_not_taken(m, at);
  m = far_branch(0x54800000, at, 0, {}, kZ);  // b.eq .-0x100000
  expect_taken(m, 0);
}

TEST(Branch, BcondWithBit4SetIsUndefined) {
  expect_undefined(0x54000010);  // bc.eq . (ARMv8.8 FEAT_HBC)
  expect_undefined(0x55000000);  // o1 = 1: unallocated
}

TEST(Branch, CbzCbnzWAndX) {
  const uint64_t hi = 1ull << 32;
  EXPECT_EQ(snippets().run("t_cbz", {{1, hi}})->x(0), 2u);  // X form sees bit 32
  EXPECT_EQ(snippets().run("t_cbz_w", {{1, hi}})->x(0), 1u);  // W form does not
  EXPECT_EQ(snippets().run("t_cbz_w", {{1, 0}})->x(0), 1u);
  EXPECT_EQ(snippets().run("t_cbz_w", {{1, 0x80000000}})->x(0), 2u);
  EXPECT_EQ(snippets().run("t_cbnz_x", {{1, hi}})->x(0), 1u);
  EXPECT_EQ(snippets().run("t_cbnz_x", {{1, 0}})->x(0), 2u);
  EXPECT_EQ(snippets().run("t_cbnz_x", {{1, 1ull << 63}})->x(0), 1u);
  EXPECT_EQ(snippets().run("t_cbnz_w", {{1, hi}})->x(0), 2u);
  EXPECT_EQ(snippets().run("t_cbnz_w", {{1, hi | 1}})->x(0), 1u);
  EXPECT_EQ(snippets().run("t_cbnz_w", {{1, ~0ull}})->x(0), 1u);
}

TEST(Branch, CbnzBackwardLoop) { EXPECT_EQ(snippets().run("t_cbnz_loop", {{1, 7}})->x(0), 7u); }

TEST(Branch, CbzMaxRangeAndXzr) {
  const uint64_t at = 0x100000;
  auto m = far_branch(0xb47fffe3, at, at + 0xffffc, {{3, 0}});  // cbz x3, .+0xffffc
  expect_taken(m, at + 0xffffc);
  m = far_branch(0xb4800003, at, 0, {{3, 0}});  // cbz x3, .-0x100000
  expect_taken(m, 0);
  m = far_branch(0xb5800003, at, 0, {{3, 0}});  // cbnz x3, .-0x100000
  expect_not_taken(m, at);
  m = far_branch(0x3400005f, at, at + 8);  // cbz wzr, .+8: register 31 is zero
  expect_taken(m, at + 8);
}

// TBZ/TBNZ on every bit number, built from the encoding: b5:b40 is the bit, op picks TBNZ.
TEST(Branch, TbzTbnzEveryBit) {
  const uint64_t at = 0x1000;
  for (uint32_t b = 0; b < 64; ++b)
    for (uint32_t op = 0; op < 2; ++op) {
      const uint32_t w = 0x36000000 | ((b >> 5) << 31) | (op << 24) | ((b & 31) << 19) | (2 << 5) | 4;
      // tb[n]z x4/w4, #b, .+8: with only bit b set, then with all bits but b set
      auto m = far_branch(w, at, at + 8, {{4, 1ull << b}});
      if (op) expect_taken(m, at + 8); else expect_not_taken(m, at);
      m = far_branch(w, at, at + 8, {{4, ~(1ull << b)}});
      if (op) expect_not_taken(m, at); else expect_taken(m, at + 8);
    }
}

TEST(Branch, TbzMaxRangeAndBackward) {
  const uint64_t at = 0x10000;
  auto m = far_branch(0x3603ffe4, at, at + 0x7ffc, {{4, 0}});  // tbz w4, #0, .+0x7ffc
  expect_taken(m, at + 0x7ffc);
  m = far_branch(0xb7f40004, at, at - 0x8000, {{4, 1ull << 62}});  // tbnz x4, #62, .-0x8000
  expect_taken(m, at - 0x8000);
  EXPECT_EQ(snippets().run("t_tbz_back", {{1, 0}})->x(0), 8u);
  EXPECT_EQ(snippets().run("t_tbz_back", {{1, 5}})->x(0), 3u);
}

TEST(Branch, BrBlrRet) {
  auto m = snippets().run("t_br", {{1, snippets().symbol("t_br_target")}});
  EXPECT_EQ(m->x(0), 11u);
  EXPECT_EQ(m->x(30), 0u);  // BR does not link

  m = snippets().run("t_blr", {{1, snippets().symbol("t_sub")}});
  EXPECT_EQ(m->x(0), 101u);
  EXPECT_EQ(m->x(30), snippets().symbol("t_blr") + 8);

  m = snippets().run("t_ret_x2");
  EXPECT_EQ(m->x(0), 1u);
  EXPECT_EQ(m->x(30), 0u);
}

TEST(Branch, BlrX30ReadsTheTargetBeforeLinking) {
  auto m = snippets().run("t_blr_x30");
  EXPECT_EQ(m->x(0), 1u);
  EXPECT_EQ(m->x(30), snippets().symbol("t_blr_x30") + 8);
}

TEST(Branch, BrRegister31IsXzr) {
  // br xzr at 0x1000 of a flat machine: jumps to 0, where the zero word is UDF #0 (SP would
  // have been 0x10000, outside memory, a fetch fault).
  auto m = words_machine({0xd61f03e0});
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Undefined);
  EXPECT_EQ(st.pc, 0u);
}

TEST(Branch, OtherBranchRegisterFormsAreUndefined) {
  expect_undefined(0xd61f083f);  // braaz x1 (v8.3 PAC)
  expect_undefined(0xd61f0c3f);  // brabz x1
  expect_undefined(0xd63f083f);  // blraaz x1
  expect_undefined(0xd71f0822);  // braa x1, x2
  expect_undefined(0xd73f0822);  // blraa x1, x2
  expect_undefined(0xd65f0bff);  // retaa
  expect_undefined(0xd65f0fff);  // retab
  expect_undefined(0xd69f03e0);  // eret (EL1)
  expect_undefined(0xd69f0bff);  // eretaa
  expect_undefined(0xd6bf03e0);  // drps
  expect_undefined(0xd67f0020);  // opc = 0011: unallocated
  expect_undefined(0xd61f0021);  // br x1 with op4 = 00001
  expect_undefined(0xd61f0420);  // br x1 with op3 = 000001
  expect_undefined(0xd61e0020);  // br x1 with op2 = 11110
  expect_undefined(0xd63f0801);  // blraaz-like with op4 != 11111
}

}  // namespace
}  // namespace cuarm::test
