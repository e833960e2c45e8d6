// Data processing -- immediate: ADR/ADRP, ADD/SUB(S) imm, logical imm, move wide, bitfield, EXTR.
// Expected values are worked out by hand (or are the constants the assembler encoded).
#include <vector>

#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint32_t N = 1u << 31, Z = 1u << 30, C = 1u << 29, V = 1u << 28;

const Snippets& snippets() {
  static Snippets s("data_imm");
  return s;
}

// ---- PC-relative addressing ----

TEST(DataImmAdr, ForwardAndBackward) {
  auto m = snippets().run("t_adr");
  EXPECT_EQ(m->x(0), snippets().symbol("t_adr") + 8);
  EXPECT_EQ(m->x(1), snippets().symbol("t_adr"));
}

// ADRP/ADR words placed so that the first ADRP sits on the last word of a page.
TEST(DataImmAdr, AdrpPagesAndNegativeOffsets) {
  auto m = words_machine({0xd4400000});  // placeholder; the words go at 0x1ffc
  const std::vector<uint32_t> words = {
      0xb0000000,  // 0x1ffc: adrp x0, 0x2000        (next page)
      0xd0ffffe1,  // 0x2000: adrp x1, 0x0           (-2 pages)
      0xb0ffffe2,  // 0x2004: adrp x2, -0x1000       (-3 pages, wraps below 0)
      0x90800003,  // 0x2008: adrp x3, 0xffffffff00002000 (most negative imm)
      0x10ffffc4,  // 0x200c: adr x4, 0x2004
      0x707fffe5,  // 0x2010: adr x5, 0x10200f        (most positive imm)
      0x1000001f,  // 0x2014: adr xzr, 0x2014         (discarded, SP untouched)
      0xd4400000,  // 0x2018: hlt #0
  };
  std::vector<uint8_t> bytes;
  for (uint32_t w : words)
    for (int i = 0; i < 4; ++i) bytes.push_back(uint8_t(w >> (8 * i)));
  m->write_memory(0x1ffc, bytes);
  m->set_pc(0x1ffc);
  EXPECT_EQ(m->run(100).signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 0x2000u);
  EXPECT_EQ(m->x(1), 0x0u);
  EXPECT_EQ(m->x(2), 0xfffffffffffff000ull);
  EXPECT_EQ(m->x(3), 0xffffffff00002000ull);
  EXPECT_EQ(m->x(4), 0x2004u);
  EXPECT_EQ(m->x(5), 0x10200fu);
  EXPECT_EQ(m->sp(), 0x10000u);
}

// ---- add/subtract (immediate) ----

TEST(DataImmAddSub, ValuesShiftAndZeroExtension) {
  auto m = snippets().run("t_add_imm", {{1, ~0ull}}, N | Z | C | V);
  EXPECT_EQ(m->x(0), 0xffeu);
  EXPECT_EQ(m->x(2), 0xfffu);                    // lsl #12
  EXPECT_EQ(m->x(3), 0u);                        // W wraps, upper half cleared
  EXPECT_EQ(m->x(4), 0xffffffffff000fffull);     // sub 0xfff000
  EXPECT_EQ(m->x(5), 0xfffffffdull);
  EXPECT_EQ(m->x(6), ~0ull);
  EXPECT_EQ(m->nzcv(), N | Z | C | V);           // ADD/SUB leave the flags alone
}

TEST(DataImmAddSub, StackPointerOperands) {
  auto m = snippets().run("t_add_sp", {{2, 0x300000}, {4, 0xffffffff00200000ull}});
  EXPECT_EQ(m->x(0), kStackTop + 16);
  EXPECT_EQ(m->x(1), kStackTop - 0x20);
  EXPECT_EQ(m->x(3), 0x310000u);
  EXPECT_EQ(m->x(5), 0x200001u);  // add wsp: zero-extended
  EXPECT_EQ(m->sp(), 0x200001u);
}

TEST(DataImmAddSub, AddsFlags) {
  auto m = snippets().run("t_adds_x", {{1, 0x7fffffffffffffffull}});
  EXPECT_EQ(m->x(0), 0x8000000000000000ull);
  EXPECT_EQ(m->nzcv(), N | V);
  m = snippets().run("t_adds_x", {{1, ~0ull}});
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->nzcv(), Z | C);
  m = snippets().run("t_adds_x", {{1, 0}}, N | Z | C | V);
  EXPECT_EQ(m->nzcv(), 0u);
  m = snippets().run("t_adds_w", {{1, 0xffffffff7fffffffull}});
  EXPECT_EQ(m->x(0), 0x80000000u);
  EXPECT_EQ(m->nzcv(), N | V);
  m = snippets().run("t_adds_w", {{1, 0x1ffffffffull}});
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->nzcv(), Z | C);
}

TEST(DataImmAddSub, SubsFlags) {
  auto m = snippets().run("t_subs_x", {{1, 0}});
  EXPECT_EQ(m->x(0), ~0ull);
  EXPECT_EQ(m->nzcv(), N);  // borrow: C clear
  m = snippets().run("t_subs_x", {{1, 1}});
  EXPECT_EQ(m->nzcv(), Z | C);
  m = snippets().run("t_subs_x", {{1, 0x8000000000000000ull}});
  EXPECT_EQ(m->x(0), 0x7fffffffffffffffull);
  EXPECT_EQ(m->nzcv(), C | V);
  m = snippets().run("t_subs_w", {{1, 0x80000fff}});  // subs w0, w1, #1, lsl #12
  EXPECT_EQ(m->x(0), 0x7fffffffu);
  EXPECT_EQ(m->nzcv(), C | V);
  m = snippets().run("t_subs_w", {{1, 0xffffffff00000000ull}});
  EXPECT_EQ(m->x(0), 0xfffff000u);
  EXPECT_EQ(m->nzcv(), N);
}

TEST(DataImmAddSub, CmpCmnWriteOnlyFlags) {
  EXPECT_EQ(snippets().run("t_cmp", {{1, 5}})->nzcv(), Z | C);
  EXPECT_EQ(snippets().run("t_cmp", {{1, 4}})->nzcv(), N);
  EXPECT_EQ(snippets().run("t_cmp", {{1, 6}})->nzcv(), C);
  auto m = snippets().run("t_cmp", {{1, 0x8000000000000004ull}});
  EXPECT_EQ(m->nzcv(), C | V);
  EXPECT_EQ(m->sp(), kStackTop);  // Rd = 31 is XZR for SUBS
  EXPECT_EQ(snippets().run("t_cmn_w", {{1, 0xffffffff}})->nzcv(), Z | C);
  EXPECT_EQ(snippets().run("t_cmn_w", {{1, 0x7fffffff}})->nzcv(), N | V);
  // Rn = 31 of SUBS is SP: SP (0x400000) - 0x400000 == 0.
  EXPECT_EQ(snippets().run("t_cmp_sp")->nzcv(), Z | C);
}

// ---- logical (immediate) ----

TEST(DataImmLogic, BitmaskElementSizes64) {
  auto m = snippets().run("t_logic_x", {{1, 0xfedcba9876543210ull}});
  EXPECT_EQ(m->x(0), 0x5454101054541010ull);  // & 0x5555... (esize 2)
  EXPECT_EQ(m->x(2), 0xaaaaaaaaaaaaaaaaull);
  EXPECT_EQ(m->x(3), 0x6666666666666666ull);  // esize 4
  EXPECT_EQ(m->x(4), 0xf1d3b597795b3d1full);  // ^ 0x0f0f... (esize 8)
  EXPECT_EQ(m->x(5), 0x00ff00ff00ff00ffull);  // esize 16
  EXPECT_EQ(m->x(6), 0x0000ffff0000ffffull);  // esize 32
  EXPECT_EQ(m->x(7), 0x8000000000000000ull);  // & 0x8000000000000001 (esize 64)
  EXPECT_EQ(m->x(8), 0x7ffffffffffffffeull);
  EXPECT_EQ(m->x(9), 0x0123456789abcdeeull);  // ^ 0xfffffffffffffffe
  EXPECT_EQ(m->x(10), 0x1c1c1c1c1c1c1c1cull);
}

TEST(DataImmLogic, WordForms) {
  auto m = snippets().run("t_logic_w", {{1, 0xfedcba9876543210ull}, {2, ~0ull}});
  EXPECT_EQ(m->x(0), 0x54541010u);
  EXPECT_EQ(m->x(2), 0x80000001u);
  EXPECT_EQ(m->x(3), 0x89ab3210u);
  EXPECT_EQ(m->x(4), 0x7ff43ff0u);
}

TEST(DataImmLogic, StackPointerDestination) {
  auto m = snippets().run("t_logic_sp", {{1, 0x3fffff}});
  EXPECT_EQ(m->x(0), 0x3ffff0u);  // and sp, x1, #~0xf
  EXPECT_EQ(m->x(2), 0x10000u);   // orr wsp, wzr, #0x10000
  EXPECT_EQ(m->sp(), 0x10000u);
}

TEST(DataImmLogic, AndsTstFlags) {
  auto m = snippets().run("t_ands_x", {{1, 0x8000000000000000ull}}, C | V);
  EXPECT_EQ(m->x(0), 0x8000000000000000ull);
  EXPECT_EQ(m->nzcv(), N);  // C and V cleared
  m = snippets().run("t_ands_x", {{1, 0xffffffffull}}, C | V);
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->nzcv(), Z);
  m = snippets().run("t_ands_w", {{1, 0xffffffff80000000ull}});
  EXPECT_EQ(m->x(0), 0x80000000u);
  EXPECT_EQ(m->nzcv(), N);  // bit 31 is the sign of a W result
  m = snippets().run("t_tst", {{1, 0x100}}, C | V);
  EXPECT_EQ(m->nzcv(), Z);
  EXPECT_EQ(m->sp(), kStackTop);  // Rd = 31 is XZR for ANDS
}

// ---- move wide ----

TEST(DataImmMoveWide, MovzMovnMovk) {
  auto m = snippets().run("t_movw", {{1, 0xdeadbeefdeadbeefull},
                                     {5, 0x1111222233334444ull},
                                     {6, ~0ull},
                                     {8, 0x0123456789abcdefull}});
  EXPECT_EQ(m->x(0), 0x1234000000000000ull);
  EXPECT_EQ(m->x(1), 0xabcd0000u);
  EXPECT_EQ(m->x(2), ~0ull);
  EXPECT_EQ(m->x(3), 0xffffffffu);
  EXPECT_EQ(m->x(4), 0xffffedcbffffffffull);
  EXPECT_EQ(m->x(5), 0x11112222beef4444ull);
  EXPECT_EQ(m->x(6), 0xffffbeefu);  // movk w: upper half of X cleared
  EXPECT_EQ(m->x(7), 0x0000ffffu);
  EXPECT_EQ(m->x(8), 0xcafe456789abcdefull);
}

// ---- bitfield ----

TEST(DataImmBitfield, ShiftAliases) {
  auto m = snippets().run("t_shift", {{1, 0x80000000800000f1ull}});
  EXPECT_EQ(m->x(0), 0xf80000000800000full);  // asr #4
  EXPECT_EQ(m->x(2), 1u);                     // lsr #63
  EXPECT_EQ(m->x(3), 0x8000000000000000ull);  // lsl #63
  EXPECT_EQ(m->x(4), 0xffffffffu);            // asr w #31
  EXPECT_EQ(m->x(5), 0x800000f1u);            // lsr w #0
  EXPECT_EQ(m->x(6), 0x80000000u);            // lsl w #31
  EXPECT_EQ(m->x(7), ~0ull);                  // asr #63
  EXPECT_EQ(m->x(8), 0x0000000800000f10ull);  // lsl #4
  EXPECT_EQ(m->x(9), 0x080000000800000full);  // lsr #4
  EXPECT_EQ(m->x(10), 0xf800000fu);           // asr w #4
}

TEST(DataImmBitfield, ExtendAliases) {
  auto m = snippets().run("t_ext", {{1, 0x123456789abcde80ull}});
  EXPECT_EQ(m->x(0), 0xffffffffffffff80ull);  // sxtb x
  EXPECT_EQ(m->x(2), 0xffffffffffffde80ull);  // sxth x
  EXPECT_EQ(m->x(3), 0xffffffff9abcde80ull);  // sxtw
  EXPECT_EQ(m->x(4), 0x80u);                  // uxtb
  EXPECT_EQ(m->x(5), 0xde80u);                // uxth
  EXPECT_EQ(m->x(6), 0xffffff80u);            // sxtb w
  EXPECT_EQ(m->x(7), 0xffffde80u);            // sxth w
}

TEST(DataImmBitfield, FieldAliases) {
  auto m = snippets().run("t_bfx", {{1, 0x8123456789abcdefull},
                                    {2, 0x1111111111111111ull},
                                    {7, 0x2222222222222222ull},
                                    {10, 0xffffffff00000000ull},
                                    {11, ~0ull},
                                    {14, ~0ull}});
  EXPECT_EQ(m->x(0), 0xffffffffffffffdeull);  // sbfx #4, #8
  EXPECT_EQ(m->x(3), 0x56u);                  // ubfx #36, #8
  EXPECT_EQ(m->x(4), 0xffffffffffffef00ull);  // sbfiz #8, #8
  EXPECT_EQ(m->x(5), 0x0ef0000000000000ull);  // ubfiz #52, #8
  EXPECT_EQ(m->x(2), 0x1111111111cdef11ull);  // bfi #8, #16
  EXPECT_EQ(m->x(7), 0x22222222222222deull);  // bfxil #4, #8
  EXPECT_EQ(m->x(8), 0x9u);                   // ubfx w #24, #4
  EXPECT_EQ(m->x(9), 0xfffffff9u);            // sbfx w #24, #4
  EXPECT_EQ(m->x(10), 0x80000000u);           // bfi w #31, #1: upper half cleared
  EXPECT_EQ(m->x(11), 0x89abcdefu);           // bfxil w #0, #32
  EXPECT_EQ(m->x(12), ~0ull);                 // sbfx #63, #1
  EXPECT_EQ(m->x(13), 0x8123456789abcdefull); // ubfx #0, #64
  EXPECT_EQ(m->x(14), 0xc0000000u);           // sbfiz w #30, #2
  EXPECT_EQ(m->x(15), 0x7u);                  // sbfx #32, #4
}

// ---- extract ----

TEST(DataImmExtr, ExtrAndRor) {
  auto m = snippets().run("t_extr", {{1, 0x0123456789abcdefull}, {2, 0xfedcba9876543210ull}});
  EXPECT_EQ(m->x(0), 0xeffedcba98765432ull);  // extr #8
  EXPECT_EQ(m->x(3), 0xfedcba9876543210ull);  // extr #0 = Rm
  EXPECT_EQ(m->x(4), 0x02468acf13579bdfull);  // extr #63
  EXPECT_EQ(m->x(5), 0xf0123456789abcdeull);  // ror #4
  EXPECT_EQ(m->x(6), 0xef765432u);            // extr w #8
  EXPECT_EQ(m->x(7), 0x13579bdfu);            // ror w #31
  EXPECT_EQ(m->x(8), 0x76543210u);            // extr w #0
  EXPECT_EQ(m->x(9), 0x0123456789abcdefull);  // ror #0
}

// ---- unallocated encodings ----

TEST(DataImmUndefined, UnallocatedFormsStop) {
  const uint32_t words[] = {
      0x12400020,  // AND (imm) sf=0 N=1
      0x9240fc20,  // AND (imm) N=1 imms=111111: all-ones element reserved
      0x9200fc20,  // AND (imm) N=0 imms=111111: no element size
      0xb200f420,  // ORR (imm) 2-bit element of all ones
      0xb2824680,  // move wide opc=01
      0x52c00020,  // MOVZ w, hw=2
      0x72e00020,  // MOVK w, hw=3
      0xf3401c20,  // bitfield opc=11
      0xd304fc20,  // UBFM sf=1 N=0
      0x53447c20,  // UBFM sf=0 N=1
      0x13207c20,  // SBFM sf=0 immr=32
      0x33008020,  // BFM sf=0 imms=32
      0x93822020,  // EXTR sf=1 N=0
      0x13c22020,  // EXTR sf=0 N=1
      0x13828020,  // EXTR sf=0 imms=32
      0xb3c22020,  // EXTR op21=01
      0xd3c22020,  // EXTR op21=10
      0x93e22020,  // EXTR o0=1
      0x91810020,  // addg x0, x1, #0x10, #0 (ARMv8.5 MTE)
  };
  for (uint32_t w : words) {
    auto m = words_machine({w, 0xd4400000});
    m->set_x(0, 0x5a5a5a5a5a5a5a5aull);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(m->pc(), 0x1000u) << std::hex << w;
    EXPECT_EQ(m->x(0), 0x5a5a5a5a5a5a5a5aull) << std::hex << w;
  }
}

}  // namespace
}  // namespace cuarm::test
