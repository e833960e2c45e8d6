#include "generator.hpp"

#include <capstone/capstone.h>

#include <cstdio>
#include <cstdlib>
#include <cstring>

namespace cuarm::diff {

using core::kTable;
using core::kTableSize;
using core::Op;

const char* class_name(RowClass c) {
  switch (c) {
    case RowClass::Exception: return "exception";
    case RowClass::System: return "system";
    case RowClass::Branch: return "branch";
    case RowClass::DataImm: return "data_imm";
    case RowClass::DataReg: return "data_reg";
    case RowClass::LoadStore: return "load_store";
    case RowClass::SimdLoadStore: return "simd_ldst";
    case RowClass::FpScalar: return "fp_scalar";
    case RowClass::SimdPermute: return "simd_perm";
    case RowClass::SimdInt: return "simd_int";
    case RowClass::SimdShiftLong: return "simd_shl";
    case RowClass::SimdFp: return "simd_fp";
    case RowClass::Crypto: return "crypto";
  }
  return "?";
}

namespace {

// Rows that are not compared with Unicorn at all, and why. Keep this list short: everything
// that Unicorn runs the way the architecture says must be compared. See docs/testing.md.
struct Exclusion {
  const char* row;
  const char* reason;
};
const Exclusion kExclusions[] = {
    // Exception generation ends a run differently by design: Unicorn raises an interrupt
    // (SVC: intno 2, BRK: intno 7) and, without semihosting, treats HLT as UNDEFINED (intno 1),
    // while we stop with SYSCALL/BREAKPOINT/HALT. The snippet tests cover these rows.
    {"SVC", "exception generation: Unicorn raises an interrupt (intno 2), we stop with SYSCALL"},
    {"HLT", "exception generation: Unicorn (no semihosting) raises UNDEFINED, we stop with HALT"},
    {"BRK", "exception generation: Unicorn raises an interrupt (intno 7), we stop with BREAKPOINT"},
};

// The row list of each class, from the same macros the decoder is built from.
#define CUARM_DIFF_OP(name, pat, fn, fl) Op::name,
const Op kExceptionOps[] = {CUARM_ISA_EXCEPTION(CUARM_DIFF_OP) Op::Undefined};
const Op kSystemOps[] = {CUARM_ISA_SYSTEM(CUARM_DIFF_OP) Op::Undefined};
const Op kBranchOps[] = {CUARM_ISA_BRANCH(CUARM_DIFF_OP) Op::Undefined};
const Op kDataImmOps[] = {CUARM_ISA_DATA_IMM(CUARM_DIFF_OP) Op::Undefined};
const Op kDataRegOps[] = {CUARM_ISA_DATA_REG(CUARM_DIFF_OP) Op::Undefined};
const Op kLoadStoreOps[] = {CUARM_ISA_LOAD_STORE(CUARM_DIFF_OP) Op::Undefined};
const Op kSimdLoadStoreOps[] = {CUARM_ISA_SIMD_LOAD_STORE(CUARM_DIFF_OP) Op::Undefined};
const Op kFpScalarOps[] = {CUARM_ISA_FP_SCALAR(CUARM_DIFF_OP) Op::Undefined};
const Op kSimdPermuteOps[] = {CUARM_ISA_SIMD_PERMUTE(CUARM_DIFF_OP) Op::Undefined};
const Op kSimdIntOps[] = {CUARM_ISA_SIMD_INT(CUARM_DIFF_OP) Op::Undefined};
const Op kSimdShiftLongOps[] = {CUARM_ISA_SIMD_SHIFT_LONG(CUARM_DIFF_OP) Op::Undefined};
const Op kSimdFpOps[] = {CUARM_ISA_SIMD_FP(CUARM_DIFF_OP) Op::Undefined};
const Op kCryptoOps[] = {CUARM_ISA_CRYPTO(CUARM_DIFF_OP) Op::Undefined};
#undef CUARM_DIFF_OP

template <size_t N>
bool in(const Op (&ops)[N], Op op) {
  for (Op o : ops)
    if (o == op) return true;
  return false;
}

RowClass class_of(Op op) {
  if (in(kExceptionOps, op)) return RowClass::Exception;
  if (in(kSystemOps, op)) return RowClass::System;
  if (in(kBranchOps, op)) return RowClass::Branch;
  if (in(kDataImmOps, op)) return RowClass::DataImm;
  if (in(kDataRegOps, op)) return RowClass::DataReg;
  if (in(kLoadStoreOps, op)) return RowClass::LoadStore;
  if (in(kSimdLoadStoreOps, op)) return RowClass::SimdLoadStore;
  if (in(kFpScalarOps, op)) return RowClass::FpScalar;
  if (in(kSimdPermuteOps, op)) return RowClass::SimdPermute;
  if (in(kSimdIntOps, op)) return RowClass::SimdInt;
  if (in(kSimdShiftLongOps, op)) return RowClass::SimdShiftLong;
  if (in(kSimdFpOps, op)) return RowClass::SimdFp;
  return RowClass::Crypto;
}

// True when the pattern's bits [hi:lo] are all the field letter `ch`.
bool field_is(const core::TableRow& r, int hi, int lo, char ch) {
  for (int b = hi; b >= lo; --b)
    if (r.pattern[31 - b] != ch) return false;
  return true;
}

uint64_t rnd_value(Rng& r) {
  static const uint64_t kEdges64[] = {0, 1ull << 63, (1ull << 63) - 1, ~0ull};
  static const uint64_t kEdges32[] = {0, 0x7fffffff, 0x80000000, 0xffffffff};
  switch (r.below(8)) {
    case 0:
    case 1:
    case 2: return r.next();
    case 3: return r.chance(50) ? r.below(64) : uint64_t(-int64_t(r.below(64)));
    case 4: return kEdges64[r.below(4)] + uint64_t(int64_t(r.below(9)) - 4);
    case 5: {
      const uint64_t lo = uint32_t(kEdges32[r.below(4)] + uint32_t(int32_t(r.below(5)) - 2));
      static const uint64_t kHigh[] = {0, 0xffffffff00000000ull};
      return lo | (r.chance(50) ? kHigh[r.below(2)] : (r.next() << 32));
    }
    case 6: {
      const uint64_t p = 1ull << r.below(64);
      return p + uint64_t(int64_t(r.below(3)) - 1);
    }
    default: return kData + r.below(kDataSize);
  }
}

// A 64-bit half of a V register: random bits, or elements of one size (16/32/64 bits) drawn
// from the values where FP arithmetic has its special cases (zeros, infinities, quiet and
// signalling NaNs with payloads, denormals, the extreme normals, small integers).
uint64_t rnd_fp_half(Rng& r) {
  if (r.chance(35)) return r.next();
  const int esize = 16 << r.below(3);                 // 16, 32 or 64
  const int ebits = esize == 16 ? 5 : esize == 32 ? 8 : 11;
  const int fbits = esize - 1 - ebits;
  const uint64_t emax = (1ull << ebits) - 1, fmask = (1ull << fbits) - 1;
  uint64_t out = 0;
  for (int at = 0; at < 64; at += esize) {
    const uint64_t sign = r.below(2);
    uint64_t exp = 0, frac = 0;
    switch (r.below(12)) {
      case 0: break;                                               // zero
      case 1: exp = emax; break;                                   // infinity
      case 2: exp = emax, frac = (1ull << (fbits - 1)) | (r.next() & (fmask >> 1)); break;  // qNaN
      case 3: exp = emax, frac = (r.next() & (fmask >> 1)) | 1; break;                      // sNaN
      case 4: frac = r.next() & fmask; break;                      // denormal
      case 5: exp = 1, frac = r.below(4); break;                   // smallest normals
      case 6: exp = emax - 1, frac = fmask - r.below(4); break;    // largest normals
      case 7:                                                      // small integer
      case 8: exp = (emax >> 1) + r.below(uint64_t(fbits) < 12 ? fbits : 12), frac = r.next() & fmask & ~(fmask >> 3); break;
      default: exp = 1 + r.below(emax - 1), frac = r.next() & fmask; break;  // any normal
    }
    const uint64_t e = (sign << (esize - 1)) | (exp << fbits) | frac;
    out |= (esize == 64 ? e : e & ((1ull << esize) - 1)) << at;
  }
  return out;
}

}  // namespace

bool memory_class(RowClass c) { return c == RowClass::LoadStore || c == RowClass::SimdLoadStore; }

const std::vector<RowMeta>& rows() {
  static const std::vector<RowMeta> list = [] {
    std::vector<RowMeta> v;
    for (uint32_t i = 0; i < kTableSize; ++i) {
      RowMeta m{&kTable[i], class_of(kTable[i].op), nullptr};
      for (const auto& e : kExclusions)
        if (std::strcmp(e.row, kTable[i].name) == 0) m.excluded = e.reason;
      v.push_back(m);
    }
    return v;
  }();
  return list;
}

int row_index(Op op) {
  const uint32_t i = uint32_t(op) - 1;  // Op 0 is NotDecoded; rows follow in table order
  return i < kTableSize ? int(i) : -1;
}

std::vector<std::string> stale_exclusions() {
  std::vector<std::string> out;
  for (const auto& e : kExclusions) {
    bool found = false;
    for (const auto& r : kTable) found |= std::strcmp(e.row, r.name) == 0;
    if (!found) out.push_back(e.row);
  }
  return out;
}

namespace {

// A system register as MRS/MSR name it in bits 20:5 (op0:op1:CRn:CRm:op2).
constexpr uint32_t sysreg(uint32_t op0, uint32_t op1, uint32_t crn, uint32_t crm, uint32_t op2) {
  return (op0 << 14) | (op1 << 11) | (crn << 7) | (crm << 3) | op2;
}

}  // namespace

// Unicorn runs its guest at EL1, where far more of the system class is accessible than at EL0.
// So only the system-class words whose EL0 behaviour Unicorn reproduces are compared: MSR/MRS of
// the EL0 registers (NZCV, FPCR, FPSR, TPIDR_EL0), reads of CTR_EL0, DCZID_EL0 and MIDR_EL1
// (same values as Linux shows EL0 on a Cortex-A53), and the EL0 cache maintenance SYS ops.
// Everything else in MRS/MSR/SYS traps at EL0 and is checked by tests/test_system.cpp.
const char* word_exclusion(uint32_t w, int row) {
  const char* name = rows()[row].row->name;
  if (std::strcmp(name, "HINT") == 0) {
    // WFI halts Unicorn's CPU (the run ends early, waiting for an interrupt); we run it as NOP.
    if (core::bits(w, 11, 5) == 0x03) return "WFI stops Unicorn";
    return nullptr;
  }
  if (std::strcmp(name, "MRS") == 0 || std::strcmp(name, "MSR_REG") == 0) {
    const uint32_t reg = core::bits(w, 20, 5);
    const bool el0_rw = reg == sysreg(3, 3, 4, 2, 0) || reg == sysreg(3, 3, 4, 4, 0) ||
                        reg == sysreg(3, 3, 4, 4, 1) || reg == sysreg(3, 3, 13, 0, 2);
    const bool same_ro = reg == sysreg(3, 3, 0, 0, 1) || reg == sysreg(3, 3, 0, 0, 7) || reg == sysreg(3, 0, 0, 0, 0);
    if (el0_rw || (same_ro && name[1] == 'R')) return nullptr;
    return "system register: Unicorn runs at EL1 (other registers are accessible or read differently there)";
  }
  if (std::strcmp(name, "SYS") == 0) {
    const uint32_t op1 = core::bits(w, 18, 16), crn = core::bits(w, 15, 12), crm = core::bits(w, 11, 8),
                   op2 = core::bits(w, 7, 5);
    if (op1 == 3 && crn == 7 && op2 == 1 && (crm == 4 || crm == 5 || crm == 10 || crm == 11 || crm == 14))
      return nullptr;
    return "SYS operation: Unicorn runs at EL1, where the EL1 maintenance operations are allowed";
  }
  return nullptr;
}

// Random system-register and SYS fields are nearly always outside what word_exclusion() lets
// through; most words of those rows get a compared register or operation instead.
static uint32_t steer_system(Rng& r, uint32_t w, const core::TableRow& t) {
  const bool msr = std::strcmp(t.name, "MSR_REG") == 0, mrs = std::strcmp(t.name, "MRS") == 0;
  if ((msr || mrs) && r.chance(90)) {
    static const uint32_t kRegs[] = {sysreg(3, 3, 4, 2, 0), sysreg(3, 3, 4, 4, 0), sysreg(3, 3, 4, 4, 1),
                                     sysreg(3, 3, 13, 0, 2), sysreg(3, 3, 0, 0, 1), sysreg(3, 3, 0, 0, 7),
                                     sysreg(3, 0, 0, 0, 0)};
    const uint32_t reg = kRegs[r.below(msr ? 4 : 7)];
    return (w & ~(0xffffu << 5)) | (reg << 5);
  }
  if (std::strcmp(t.name, "SYS") == 0 && r.chance(90)) {
    static const uint32_t kCrm[] = {4, 5, 10, 11, 14};
    return (w & ~(0x3fffu << 5)) | (3u << 16) | (7u << 12) | (kCrm[r.below(5)] << 8) | (1u << 5);
  }
  return w;
}

bool exclusive_class(const core::TableRow& r) {
  // Load/store exclusive class (Arm manual C4.1.88): op0 = xx00, op1 = 0 (bits 29:24 = 001000).
  return (r.mask & 0x3f000000u) == 0x3f000000u && (r.value & 0x3f000000u) == 0x08000000u;
}

// CUARM_DIFF_ROWS: comma-separated row-name prefixes; when set, only matching rows are drawn
// (for working on one class: `CUARM_DIFF_ROWS=FP_,SIMD_LD`). Unset: every compared row.
static bool row_selected(const char* name) {
  const char* only = std::getenv("CUARM_DIFF_ROWS");
  if (!only || !*only) return true;
  for (const char* p = only; *p;) {
    const char* end = std::strchr(p, ',');
    const size_t len = end ? size_t(end - p) : std::strlen(p);
    if (len && std::strncmp(name, p, len) == 0) return true;
    if (!end) break;
    p = end + 1;
  }
  return false;
}

Generator::Generator(uint64_t seed) : seed_(seed) {
  for (size_t i = 0; i < rows().size(); ++i) {
    const RowMeta& m = rows()[i];
    if (m.excluded || !row_selected(m.row->name)) continue;
    any_.push_back(int(i));
    if (m.cls != RowClass::Branch && m.cls != RowClass::Exception) straight_.push_back(int(i));
  }
  Rng r(seed ^ 0xda7a5eedull);
  data_.resize(kDataSize);
  for (auto& b : data_) b = uint8_t(r.next());
}

// Whether our handler rejects `w` as UNDEFINED, run on a scratch state with no memory. Used
// only to shape the streams (see make()), never to decide what is expected.
static bool rejected(uint32_t w) {
  core::CpuState s{};
  core::MemView m{};
  core::Exec<core::MemView> c{s, m, kCode};
  c.next = kCode + 4;
  return core::execute(c, w, core::decode(w)) == core::Stop::Undefined;
}

// A word of `row` with random don't-care bits, as long as it decodes to a compared row.
// Returns 0 with *decoded = -1 when none was found.
uint32_t Generator::word_for(Rng& r, int row, uint64_t pc, int* decoded) const {
  const core::TableRow& t = *rows()[row].row;
  for (int tries = 0; tries < 64; ++tries) {
    uint32_t w = t.value | (uint32_t(r.next()) & ~t.mask);
    w = steer_system(r, w, t);
    const int d = row_index(core::decode(w));
    if (d < 0 || rows()[d].excluded) continue;
    const RowMeta& m = rows()[d];
    // Literal loads (imm19 at 23:5, no base register): aim most of them into the data region.
    if (memory_class(m.cls) && !field_is(*m.row, 9, 5, 'n') && r.chance(80)) {
      const uint64_t target = (kData + r.below(kDataSize - 16)) & ~3ull;
      w = (w & ~(0x7ffffu << 5)) | (uint32_t(((target - pc) >> 2) & 0x7ffff) << 5);
      if (row_index(core::decode(w)) != d) continue;
    }
    if (word_exclusion(w, d)) continue;
    *decoded = d;
    return w;
  }
  *decoded = -1;
  return 0;
}

// Load/store base registers point into the data region (with room for the largest offsets),
// index registers hold small values; register branches sometimes land in the code region.
void Generator::fix_addresses(Rng& r, Case& c) const {
  for (size_t i = 0; i < c.words.size(); ++i) {
    const uint32_t w = c.words[i];
    const RowMeta& m = rows()[c.rows[i]];
    if (memory_class(m.cls)) {
      if (field_is(*m.row, 9, 5, 'n')) {
        uint64_t base = kData + 1024 + r.below(8192);
        // Exclusive and acquire/release accesses must be aligned: test mostly the aligned path.
        if (r.chance(exclusive_class(*m.row) ? 90 : 75)) base &= ~15ull;
        const uint32_t n = core::bits(w, 9, 5);
        if (n == 31)
          c.init.sp = base & ~15ull;  // SP-based accesses keep SP 16-byte aligned
        else
          c.init.x[n] = base;
      }
      // Register offset (bit 21 = 1, bits 11:10 = 10): a small index, extended as `option` says.
      const bool regoff = m.row->pattern[31 - 21] == '1' && m.row->pattern[31 - 11] == '1' &&
                          m.row->pattern[31 - 10] == '0' && !(m.row->mask & (0x1fu << 16));
      if (regoff && core::bits(w, 20, 16) != 31) {
        const uint32_t mreg = core::bits(w, 20, 16);
        const int64_t small = int64_t(r.below(129)) - 64;
        const uint64_t noise = r.next() << 32;
        switch (core::bits(w, 15, 13)) {
          case 2: c.init.x[mreg] = noise | uint32_t(small < 0 ? -small : small); break;  // UXTW
          case 6: c.init.x[mreg] = noise | uint32_t(int32_t(small)); break;             // SXTW
          case 7: c.init.x[mreg] = uint64_t(small); break;                              // SXTX
          default: c.init.x[mreg] = uint64_t(small < 0 ? -small : small); break;        // LSL
        }
      }
    } else if (m.cls == RowClass::System && std::strcmp(m.row->name, "SYS") == 0) {
      // DC ZVA / DC CVAC / IC IVAU ...: the address is in Xt.
      const uint32_t t = core::bits(w, 4, 0);
      if (t != 31 && r.chance(90)) c.init.x[t] = kData + r.below(kDataSize);
    } else if (m.cls == RowClass::Branch && field_is(*m.row, 9, 5, 'n') && r.chance(30)) {
      const uint32_t n = core::bits(w, 9, 5);
      if (n != 31) c.init.x[n] = kCode + 4 * r.below(kCodeSize / 4);
    }
  }
}

std::vector<uint32_t> Generator::code(size_t n) const {
  std::vector<uint32_t> words;
  for (uint64_t i = 0; words.size() < n; ++i)
    for (uint32_t w : make(i).words) words.push_back(w);
  words.push_back(0xd4400000);  // hlt
  return words;
}

Case Generator::make(uint64_t index) const {
  // Hash (seed, index) into the starting state: neighbouring cases must not share a stream
  // (splitmix64 states that differ by its increment would be the same stream shifted by one).
  Rng r(Rng(seed_ ^ (index * 0xd1342543de82ef95ull)).next());
  Case c;
  c.index = index;
  const int len = 1 + int(r.below(kMaxStream));
  c.pc = kCode + 4 * r.below(kCodeSize / 4 - kMaxStream - 1);
  for (int i = 0; i < len; ++i) {
    const std::vector<int>& pool = i + 1 < len ? straight_ : any_;
    if (pool.empty()) break;
    int d = -1;
    uint32_t w = 0;
    // Most random fillings of some rows are unallocated, which would end most streams at
    // their first word. So before the last word, 3 in 4 of the words we reject are redrawn;
    // the rest, and every last word, still test that both sides agree on UNDEFINED.
    const bool redraw_undefined = i + 1 < len && r.chance(75);
    for (int tries = 0; tries < 16 && d < 0; ++tries) {
      w = word_for(r, pool[r.below(pool.size())], c.pc + 4 * i, &d);
      if (d >= 0 && i + 1 < len && rows()[d].cls == RowClass::Branch) d = -1;
      if (d >= 0 && redraw_undefined && rejected(w)) d = -1;
    }
    if (d < 0) break;
    c.words.push_back(w);
    c.rows.push_back(d);
  }
  // A store-exclusive mostly fails (no monitor armed). Half of those that follow another word
  // get a matching load-exclusive (same size and base) in front, to test the success path too.
  for (size_t i = 1; i < c.words.size(); ++i) {
    const uint32_t w = c.words[i];
    if (!exclusive_class(*rows()[c.rows[i]].row) || core::bit(w, 23) || core::bit(w, 22) || !r.chance(50)) continue;
    const uint32_t n = core::bits(w, 9, 5), pair = core::bit(w, 21);
    uint32_t t = uint32_t(r.below(31));
    if (t == n) t = (t + 1) % 31;
    uint32_t t2 = pair ? uint32_t(r.below(31)) : 31;
    if (pair && (t2 == n || t2 == t)) t2 = 31;  // LDXP with Rt2 == Rt is CONSTRAINED UNPREDICTABLE
    const uint32_t ld = (w & 0xc0200000u) | 0x08400000u | (0x1fu << 16) | (uint32_t(r.below(2)) << 15) |
                        (t2 << 10) | (n << 5) | t;
    const int d = row_index(core::decode(ld));
    if (d < 0 || rows()[d].excluded || word_exclusion(ld, d)) continue;
    c.words[i - 1] = ld;
    c.rows[i - 1] = d;
  }
  for (auto& x : c.init.x) x = rnd_value(r);
  c.init.sp = r.chance(50) ? rnd_value(r) : ((kData + r.below(kDataSize)) & ~15ull);
  c.init.pc = c.pc;
  c.init.nzcv = uint32_t(r.below(16)) << 28;
  c.init.tpidr_el0 = r.next();
  for (auto& v : c.init.v) v[0] = rnd_fp_half(r), v[1] = rnd_fp_half(r);
  // FPCR: half the cases run with the default (round to nearest, no FZ/DN/AHP); the rest with
  // random RMode (23:22), FZ (24), DN (25) and AHP (26). FPSR starts with random cumulative flags
  // (IOC, DZC, OFC, UFC, IXC, IDC and QC) so that both sides must keep the ones already set.
  c.init.fpcr = r.chance(50) ? 0 : uint32_t(r.below(32)) << 22;
  c.init.fpsr = r.chance(50) ? 0 : uint32_t(r.next() & 0x0800009fu);
  fix_addresses(r, c);
  return c;
}

std::string describe(uint32_t word, uint64_t pc) {
  static csh handle = [] {
    csh h = 0;
    if (cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &h) != CS_ERR_OK) h = 0;
    return h;
  }();
  char buf[256];
  const int d = row_index(core::decode(word));
  std::string dis = "(capstone: invalid)";
  if (handle) {
    cs_insn* insn = nullptr;
    const size_t n = cs_disasm(handle, reinterpret_cast<const uint8_t*>(&word), 4, pc, 1, &insn);
    if (n) dis = std::string(insn[0].mnemonic) + " " + insn[0].op_str;
    if (n) cs_free(insn, n);
  }
  std::snprintf(buf, sizeof buf, "0x%llx: %08x  %-14s %s", (unsigned long long)pc, word,
                d < 0 ? "Undefined" : rows()[d].row->name, dis.c_str());
  return buf;
}

}  // namespace cuarm::diff
