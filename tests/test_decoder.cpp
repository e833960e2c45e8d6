// The decoder table itself: well-formed patterns, no accidental overlaps, every row reachable,
// and a few words whose decoding is known from the Arm manual.
#include <cctype>
#include <cstring>
#include <random>
#include <string>

#include "core/table_info.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

using core::kTable;
using core::kTableSize;
using core::Op;

const char* row_name(Op op) {
  for (const auto& r : kTable)
    if (r.op == op) return r.name;
  return op == Op::Undefined ? "Undefined" : "?";
}

TEST(Decoder, PatternsAreWellFormed) {
  ASSERT_GT(kTableSize, 0u);
  for (const auto& r : kTable) {
    SCOPED_TRACE(r.name);
    ASSERT_EQ(std::strlen(r.pattern), 32u);
    for (int i = 0; i < 32; ++i) {
      const char ch = r.pattern[i];
      EXPECT_TRUE(ch == '0' || ch == '1' || std::isalnum(static_cast<unsigned char>(ch)))
          << "bad character '" << ch << "' at bit " << 31 - i << " of " << r.pattern;
    }
    EXPECT_EQ(r.value & ~r.mask, 0u) << "value has bits outside the mask";
    EXPECT_EQ(r.flags & ~core::kAllRowFlags, 0u) << "unknown flags";
  }
}

// The row flags (isa/table.hpp) against the encoding classes of the Arm manual, which the
// rows' fixed bits place them in: loads and stores (op0 = x1x0) and SYS (DC ZVA) touch memory,
// nothing else does; branches, and SVC/HLT/BRK, are in "branches, exception generating and
// system" (op0 = 101x); a direct branch has a signed word offset in field i; only branches
// link or are conditional.
TEST(Decoder, RowFlagsAgreeWithTheEncodingClasses) {
  auto fixed = [](const core::TableRow& r, uint32_t m, uint32_t v) { return (r.mask & m) == m && (r.value & m) == v; };
  for (const auto& r : kTable) {
    SCOPED_TRACE(r.name);
    const bool load_store = fixed(r, 5u << 25, 4u << 25);
    const bool branch_system = fixed(r, 7u << 26, 5u << 26);
    EXPECT_EQ(bool(r.flags & core::kMemory), load_store || std::strcmp(r.name, "SYS") == 0);
    if (r.flags & (core::kBranch | core::kStops)) {
      EXPECT_TRUE(branch_system);
    }
    if (r.flags & core::kDirect) {
      EXPECT_TRUE(r.flags & core::kBranch);
      EXPECT_GE(core::pattern_field_width(r.pattern, 'i'), 14);
    }
    if (r.flags & (core::kLink | core::kConditional)) {
      EXPECT_TRUE(r.flags & core::kBranch);
    }
    if (r.flags & core::kResumes) {
      EXPECT_TRUE(r.flags & core::kStops);
    }
    EXPECT_FALSE((r.flags & core::kLink) && (r.flags & core::kConditional));
  }
  // The rows that stop, branch and link, by name (what the translator relies on).
  auto flags_of = [](const char* name) {
    for (const auto& r : kTable)
      if (std::strcmp(r.name, name) == 0) return r.flags;
    ADD_FAILURE() << "no row " << name;
    return 0u;
  };
  EXPECT_EQ(flags_of("SVC") & (core::kStops | core::kResumes), core::kStops | core::kResumes);
  EXPECT_TRUE(flags_of("HLT") & core::kStops);
  EXPECT_TRUE(flags_of("BRK") & core::kStops);
  EXPECT_TRUE(flags_of("BL") & core::kLink);
  EXPECT_TRUE(flags_of("BLR") & core::kLink);
  EXPECT_FALSE(flags_of("RET") & core::kLink);
  EXPECT_TRUE(flags_of("B_COND") & core::kConditional);
  // A split field: TBZ's b5:b40 (bit 31, then bits 23:19).
  EXPECT_EQ(core::pattern_field("b011011obbbbbiiiiiiiiiiiiiittttt", 'b', 0x37f80041), 31u);
  EXPECT_EQ(core::pattern_field("000101iiiiiiiiiiiiiiiiiiiiiiiiii", 'i', 0x17ffffff), 0x3ffffffu);
}

// decode() is bucketed on op0; the table's meaning is the first matching row in table order:
// both agree on every row's words (fixed bits with random fields) and on random words.
TEST(Decoder, BucketedDecodeIsTheFirstMatchInTableOrder) {
  auto linear = [](uint32_t w) {
    for (const auto& r : kTable)
      if ((w & r.mask) == r.value) return r.op;
    return Op::Undefined;
  };
  uint64_t x = 0x9e3779b97f4a7c15ull;
  auto next = [&x] {
    x ^= x << 13, x ^= x >> 7, x ^= x << 17;
    return uint32_t(x);
  };
  for (const auto& r : kTable)
    for (int i = 0; i < 2000; ++i) {
      const uint32_t w = r.value | (next() & ~r.mask);
      ASSERT_EQ(int(core::decode(w)), int(linear(w))) << r.name << std::hex << " 0x" << w;
    }
  for (int i = 0; i < 2000000; ++i) {
    const uint32_t w = next();
    ASSERT_EQ(int(core::decode(w)), int(linear(w))) << std::hex << "0x" << w;
  }
}

TEST(Decoder, NamesAreUnique) {
  for (uint32_t i = 0; i < kTableSize; ++i)
    for (uint32_t j = i + 1; j < kTableSize; ++j) EXPECT_STRNE(kTable[i].name, kTable[j].name);
}

// Rows i < j overlap iff some word matches both: their fixed bits agree wherever both are fixed.
// That is only allowed when row i is a carve-out whose words are a strict subset of row j's.
TEST(Decoder, NoOverlapsExceptCarveOuts) {
  for (uint32_t i = 0; i < kTableSize; ++i) {
    const auto& a = kTable[i];
    for (uint32_t j = i + 1; j < kTableSize; ++j) {
      const auto& b = kTable[j];
      if ((a.value ^ b.value) & a.mask & b.mask) continue;  // disjoint
      const bool subset = (a.mask & b.mask) == b.mask && a.mask != b.mask && (a.value & b.mask) == b.value;
      if (!(a.flags & core::kCarveOut)) {
        ADD_FAILURE() << b.name << " (" << b.pattern << ") overlaps the earlier row " << a.name << " ("
                      << a.pattern << "), which is not flagged kCarveOut";
      } else if (!subset) {
        ADD_FAILURE() << "carve-out " << a.name << " (" << a.pattern << ") is not strictly more specific than "
                      << b.name << " (" << b.pattern << "), which it overlaps";
      }
    }
  }
}

// Every row must win for some word: otherwise earlier rows shadow it entirely.
TEST(Decoder, EveryRowIsReachable) {
  std::mt19937_64 rng(12345);
  for (const auto& r : kTable) {
    bool found = core::decode(r.value) == r.op;
    for (int t = 0; t < 10000 && !found; ++t) {
      const uint32_t w = r.value | (uint32_t(rng()) & ~r.mask);
      found = core::decode(w) == r.op;
    }
    EXPECT_TRUE(found) << r.name << " (" << r.pattern << "): no word out of 10000 decodes to it";
  }
}

// Known encodings (from aarch64-linux-gnu-objdump) decode to the row the manual puts them in.
// Rows not in the table yet are skipped, so the test grows with the table.
TEST(Decoder, KnownWords) {
  struct Known {
    uint32_t word;
    const char* row;
    const char* disasm;
  };
  const Known known[] = {
      {0xd4000001, "SVC", "svc #0"},
      {0xd4400000, "HLT", "hlt #0"},
      {0xd4200000, "BRK", "brk #0"},
      {0x14000001, "B", "b .+4"},
      {0x97ffffff, "BL", "bl .-4"},
      {0x54000040, "B_COND", "b.eq .+8"},
      {0xb4000041, "CBZ", "cbz x1, .+8"},
      {0x35000041, "CBZ", "cbnz w1, .+8"},
      {0x37f80041, "TBZ", "tbnz w1, #31, .+8"},
      {0xd61f0020, "BR", "br x1"},
      {0xd63f0020, "BLR", "blr x1"},
      {0xd65f03c0, "RET", "ret"},
      {0x10000020, "ADR", "adr x0, .+4"},
      {0x90000000, "ADR", "adrp x0, ."},
      {0x91000420, "ADD_IMM", "add x0, x1, #1"},
      {0xf1000c3f, "ADD_IMM", "cmp x1, #3"},
      {0x92400c20, "LOGIC_IMM", "and x0, x1, #0xf"},
      {0xd2800540, "MOVE_WIDE", "mov x0, #42"},
      {0xd37ff820, "BITFIELD", "lsl x0, x1, #1"},
      {0x93c10c40, "EXTR", "extr x0, x2, x1, #3"},
      {0xaa0103e0, "LOGICAL_SHREG", "mov x0, x1"},
      {0x8b020420, "ADDSUB_SHREG", "add x0, x1, x2, lsl #1"},
      {0x8b22c020, "ADDSUB_EXTREG", "add x0, x1, w2, sxtw"},
      {0x9a020020, "ADDSUB_CARRY", "adc x0, x1, x2"},
      {0xfa421020, "CCMP_REG", "ccmp x1, x2, #0, ne"},
      {0xfa421820, "CCMP_IMM", "ccmp x1, #2, #0, ne"},
      {0x9a821020, "COND_SELECT", "csel x0, x1, x2, ne"},
      {0x9ac20c20, "DP_2SRC", "sdiv x0, x1, x2"},
      {0xdac01020, "DP_1SRC", "clz x0, x1"},
      {0x9b020c20, "DP_3SRC", "madd x0, x1, x2, x3"},
      {0xd503201f, "HINT", "nop"},
      {0xd5033bbf, "BARRIER", "dmb ish"},
      {0xd5033f5f, "BARRIER", "clrex"},
      {0xd50b7420, "SYS", "dc zva, x0"},
      {0xd51b4200, "MSR_REG", "msr nzcv, x0"},
      {0xd53b4200, "MRS", "mrs x0, nzcv"},
      {0x58000040, "LDR_LIT", "ldr x0, .+8"},
      {0xf85f8020, "LDST_UNSCALED", "ldur x0, [x1, #-8]"},
      {0xf8408420, "LDST_POST", "ldr x0, [x1], #8"},
      {0xf8400820, "LDST_UNPRIV", "ldtr x0, [x1]"},
      {0xf8408c20, "LDST_PRE", "ldr x0, [x1, #8]!"},
      {0xb8617800, "LDST_REGOFF", "ldr w0, [x0, x1, lsl #2]"},
      {0xf9400020, "LDST_UIMM", "ldr x0, [x1]"},
      {0xa8400820, "LDST_PAIR_NA", "ldnp x0, x2, [x1]"},
      {0xa8c10820, "LDST_PAIR_POST", "ldp x0, x2, [x1], #16"},
      {0xa9400820, "LDST_PAIR_OFF", "ldp x0, x2, [x1]"},
      {0xa9bf7bfd, "LDST_PAIR_PRE", "stp x29, x30, [sp, #-16]!"},
      {0xc85f7c20, "LDST_EXCL", "ldxr x0, [x1]"},
      {0xc87f0820, "LDST_EXCL_PAIR", "ldxp x0, x2, [x1]"},
      {0xc8dffc20, "LDST_ORDERED", "ldar x0, [x1]"},
  };
  for (const auto& k : known) {
    bool present = false;
    for (const auto& r : kTable) present |= std::strcmp(r.name, k.row) == 0;
    if (!present) continue;
    EXPECT_STREQ(row_name(core::decode(k.word)), k.row) << std::hex << "0x" << k.word << " (" << k.disasm << ")";
  }
}

// Unallocated (or later-extension) words stop as UNDEFINED at the word, whether no row matches
// them or a row's handler rejects them.
TEST(Decoder, UnallocatedWordsStopUndefined) {
  EXPECT_EQ(core::decode(0x00000000), Op::Undefined);  // udf #0
  const uint32_t words[] = {
      0x00000000,  // udf #0
      0xffffffff,  // unallocated (objdump: .inst 0xffffffff)
      0xf8200001,  // ldadd x0, x1, [x0] (ARMv8.1 LSE)
      0x9ac04020,  // CRC32B encoding with sf=1: unallocated
      0x1ac01020,  // DP_2SRC opcode 000100 (unallocated)
      0x5ac01800,  // ctz w0, w0 (FEAT_CSSC, ARMv8.9)
      0x11800000,  // add/sub immediate with bit 23 set: MTE (ARMv8.5) in the 64-bit form only, so here unallocated
      0xd1800000,  // addg/subg (ARMv8.5 MTE)
  };
  for (uint32_t w : words) {
    auto m = words_machine({w});
    const Status st = m->run(1);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << "0x" << w << " stopped with " << st.signal_name();
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << "0x" << w;
    EXPECT_EQ(st.insn, w);
  }
}

}  // namespace
}  // namespace cuarm::test
