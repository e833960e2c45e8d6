#include "translate.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <deque>
#include <map>
#include <set>

#include "core/table_info.hpp"

namespace cuarm::jit {
namespace {

using core::Op;

// How a word leaves its position: what the discovery follows and what the emitter jumps to.
struct Flow {
  bool falls_through = true;  // the next word may run after it, in the same region
  bool branch = false;        // a branch row: the next pc is c.next, not the next word
  bool direct = false;        // has a constant target
  bool call = false;          // BL/BLR: the target and the return address are entries of their own
  bool resumes = false;       // SVC: the host services it, the guest resumes at the next word (an entry)
  uint64_t target = 0;
  bool memory = false;        // may read or write guest memory (stores are checked for self-modifying code)
};

const core::TableRow* row_of(uint32_t w) {
  const Op op = core::decode(w);
  const uint32_t i = uint32_t(op) - 1;
  return i < core::kTableSize ? &core::kTable[i] : nullptr;
}

bool is(const core::TableRow* r, const char* name) { return r && std::strcmp(r->name, name) == 0; }

int64_t sext(uint64_t v, int bits) { return int64_t(v << (64 - bits)) >> (64 - bits); }

// From the row's flags (core/isa/table.hpp) and its field i (a direct branch's word offset).
Flow flow_of(uint32_t w, uint64_t pc) {
  const core::TableRow* r = row_of(w);
  Flow f;
  const uint32_t fl = r ? r->flags : core::kStops;  // UNDEFINED stops on itself
  f.branch = fl & core::kBranch;
  f.direct = fl & core::kDirect;
  f.call = fl & core::kLink;
  f.resumes = fl & core::kResumes;
  f.memory = fl & core::kMemory;
  f.falls_through = !(fl & core::kStops) && (!f.branch || (fl & core::kConditional));
  if (f.direct) {
    const int width = core::pattern_field_width(r->pattern, 'i');
    f.target = pc + uint64_t(sext(uint64_t(core::pattern_field(r->pattern, 'i', w)) << 2, width + 2));
  }
  return f;
}

std::string label(uint64_t a) { return fmt::format("L_{:x}", a); }

// One region: the words reachable from `entry` by fall-through and direct branches (up to
// kRegionWords), and the places it leaves to that translated code should continue at.
struct Region {
  uint64_t entry = 0;
  std::map<uint64_t, uint32_t> words;
  std::set<uint64_t> targets;         // direct branch targets inside the region (block leaders)
  std::vector<uint64_t> exits;        // constant pcs it leaves to: entries for other regions
  std::vector<uint64_t> speculative;  // the word after an unconditional branch: often the next function
};

Region discover(uint64_t entry, const FetchWord& fetch, size_t cap) {
  Region g;
  g.entry = entry;
  std::vector<uint64_t> work{entry};
  while (!work.empty()) {
    uint64_t pc = work.back();
    work.pop_back();
    while ((pc & 3) == 0 && !g.words.count(pc)) {
      uint32_t w;
      if (g.words.size() >= cap || !fetch(pc, &w)) {
        g.exits.push_back(pc);  // full, or not code: the dispatcher (or the interpreter) goes on there
        break;
      }
      g.words[pc] = w;
      const Flow f = flow_of(w, pc);
      if (f.call) {
        if (f.direct) g.exits.push_back(f.target);
        g.exits.push_back(pc + 4);  // the return address
        break;
      }
      if (f.resumes) {
        g.exits.push_back(pc + 4);
        break;
      }
      if (f.direct) work.push_back(f.target);
      if (!f.falls_through) {
        if (f.branch) g.speculative.push_back(pc + 4);  // after B, BR or RET
        break;
      }
      pc += 4;
    }
  }
  for (const auto& [a, w] : g.words) {
    const Flow f = flow_of(w, a);
    if (f.direct && !f.call && g.words.count(f.target)) g.targets.insert(f.target);
  }
  return g;
}

// A word ends its block when control may not simply go on to the next word.
bool ends_block(uint32_t w, uint64_t a) {
  const Flow f = flow_of(w, a);
  return f.branch || !f.falls_through;
}

// The guest state a region may touch, from its words: every register field of an A64
// encoding is at bits 4:0, 9:5, 14:10 or 20:16, so those four fields of every word name a
// superset of the general registers it uses (plus X30 for BL/BLR); a SIMD&FP word (data
// processing: bits 27:25 = 111; load/store: bit 27 = 1, 25 = 0, V = bit 26 = 1) also the same V
// registers and the three after each (LD1-LD4 and TBL name up to four consecutive registers),
// and with MRS/MSR FPCR and FPSR. The differential tests of translated code
// (test_jit_host.cpp, and test_jit.cpp on a GPU) would see a register missed here.
struct Footprint {
  uint32_t x = 0, v = 0;  // bit n: Xn / Vn
  bool fp = false;
  void add(uint32_t w) {
    const uint32_t fields[] = {w & 31, (w >> 5) & 31, (w >> 10) & 31, (w >> 16) & 31};
    for (uint32_t f : fields) x |= 1u << f;
    const bool simd_fp = ((w >> 25) & 7) == 7 || (((w >> 25) & 5) == 4 && ((w >> 26) & 1));
    if (simd_fp) {
      for (uint32_t f : fields)
        for (uint32_t k = 0; k < 4; ++k) v |= 1u << ((f + k) % 32);
    }
    const core::TableRow* r = row_of(w);
    if (simd_fp || is(r, "MRS") || is(r, "MSR_REG")) fp = true;  // FPCR, FPSR
    if (r && (r->flags & core::kLink)) x |= 1u << 30;
    x &= 0x7fffffffu;  // 31 is SP or XZR: SP is always copied
  }
};

// Copies of the footprint between the state in memory (g) and the region's local (s).
std::string copy_state(const Footprint& fp, const char* to, const char* from) {
  std::string out;
  for (int i = 0; i < 31; ++i)
    if (fp.x >> i & 1) out += fmt::format("  {0}.x[{2}] = {1}.x[{2}];\n", to, from, i);
  for (int i = 0; i < 32; ++i)
    if (fp.v >> i & 1) out += fmt::format("  {0}.v[{2}][0] = {1}.v[{2}][0]; {0}.v[{2}][1] = {1}.v[{2}][1];\n", to, from, i);
  const char* always[] = {"sp", "nzcv", "flags", "tpidr_el0", "excl_addr", "excl_size", "excl_valid"};
  for (const char* f : always) out += fmt::format("  {0}.{2} = {1}.{2};\n", to, from, f);
  if (fp.fp) out += fmt::format("  {0}.fpcr = {1}.fpcr; {0}.fpsr = {1}.fpsr;\n", to, from);
  return out;
}

// The region as a function: `template <class M> uint64_t region_<entry>(state, memory, run,
// resume)`. Its state is a local holding only the footprint (the compiler keeps what the code
// uses in registers): loaded on entry, stored at the exits. `resume` is where to start: the
// entry, or another block leader (a run that ended at a block for lack of budget goes on there),
// or with every_word (batch lanes, which the interpreter leaves anywhere) any word, which then
// checks the budget for the rest of its block. The pcs it can start at go to `enterable`.
void emit_region(const Region& g, bool every_word, std::string& s, std::vector<uint64_t>& enterable) {
  Footprint fp;
  for (const auto& [a, w] : g.words) fp.add(w);
  // Block leaders: the entry, direct targets, and every word whose predecessor does not simply
  // fall into it; for every word, the words left in its block (itself included).
  auto leader = [&](uint64_t a) {
    if (a == g.entry || g.targets.count(a)) return true;
    auto prev = g.words.find(a - 4);
    return prev == g.words.end() || ends_block(prev->second, prev->first);
  };
  std::map<uint64_t, size_t> rest;
  for (auto it = g.words.rbegin(); it != g.words.rend(); ++it) {
    const auto next = rest.find(it->first + 4);
    const bool goes_on = !ends_block(it->second, it->first) && next != rest.end() && !leader(it->first + 4);
    rest[it->first] = goes_on ? next->second + 1 : 1;
  }
  std::string resume;
  for (const auto& [a, w] : g.words) {
    if (leader(a)) {
      resume += fmt::format("    case 0x{:x}ull: goto {};\n", a, label(a));
      enterable.push_back(a);
    } else if (every_word) {
      resume += fmt::format("    case 0x{:x}ull: if (c.left < {}) {{ pc = 0x{:x}ull; r.why = kWhyBudget; goto out; }} goto W_{:x};\n",
                            a, rest[a], a, a);
      enterable.push_back(a);
    }
  }
  s += fmt::format(
      "template <class M>\n"
      "CUARM_JIT_REGION uint64_t region_{:x}(core::CpuState* __restrict__ gp, M* __restrict__ mp, Run& r, uint64_t resume) {{\n"
      "  core::CpuState& g = *gp;\n"
      "  M m = *mp;  // in registers: the TLB, the self-modifying-code flag\n"
      "  core::CpuState s;\n"
      "{}"
      "  s.stop = g.stop;\n"
      "  core::Exec<M> c{{s, m, 0, 0, r.retired_end, r.left}};\n"
      "  core::Stop st = core::Stop::None;\n"
      "  uint64_t pc = resume;\n"
      "  switch (resume) {{\n{}"
      "    default: goto {};\n"
      "  }}\n",
      g.entry, copy_state(fp, "s", "g"), resume, label(g.entry));
  for (auto it = g.words.begin(); it != g.words.end(); ++it) {
    const auto [a, w] = *it;
    if (leader(a))
      s += fmt::format("{}:\n  if (c.left < {}) {{ pc = 0x{:x}ull; r.why = kWhyBudget; goto out; }}\n", label(a), rest[a], a);
    else if (every_word)
      s += fmt::format("W_{:x}:\n", a);
    const core::TableRow* row = row_of(w);
    const Flow f = flow_of(w, a);
    s += fmt::format("  c.pc = 0x{:x}ull; c.next = 0x{:x}ull;\n", a, a + 4);
    if (row)
      s += fmt::format("  st = core::{}(c, 0x{:08x}u);  // {}\n", row->handler, w, row->name);
    else
      s += fmt::format("  st = core::undefined(c, 0x{:08x}u);\n", w);
    s += fmt::format("  if (st != core::Stop::None) {{ pc = 0x{:x}ull; goto stopped; }}\n", a);
    s += "  --c.left;\n";
    if (f.memory) s += "  if (c.m.dirty) { pc = c.next; r.why = kWhyCodeWritten; goto out; }\n";
    const bool next_here = g.words.count(a + 4) != 0;
    if (f.branch) {
      if (f.direct && !f.call && g.words.count(f.target))
        s += fmt::format("  if (c.next == 0x{:x}ull) goto {};\n", f.target, label(f.target));
      if (f.falls_through && next_here)
        s += fmt::format("  if (c.next == 0x{:x}ull) goto {};\n", a + 4, label(a + 4));
      s += "  pc = c.next; goto out;\n";
    } else if (f.falls_through && !next_here) {
      s += fmt::format("  pc = 0x{:x}ull; goto out;\n", a + 4);
    } else if (!f.falls_through) {
      s += "  pc = c.next; goto out;\n";  // not reached: SVC, HLT, BRK and UNDEFINED always stop
    }
  }
  s += "stopped:\n"
       "  if (st == core::Stop::Syscall) {  // SVC retires; every other stop leaves pc on the instruction\n"
       "    --c.left;\n"
       "    pc = c.next;\n"
       "  }\n"
       "  r.stop = st;\n"
       "  g.stop = s.stop;\n"
       "out:\n";
  s += copy_state(fp, "g", "s");
  s += "  *mp = m;\n"
       "  r.left = c.left;\n"
       "  return pc;\n"
       "}\n\n";
}

}  // namespace

bool Translation::contains(uint64_t pc) const { return std::binary_search(words.begin(), words.end(), pc); }
bool Translation::enters(uint64_t pc) const { return std::binary_search(enterable.begin(), enterable.end(), pc); }

double Translation::expected_compile_seconds() const {
  // NVRTC to a cubin on the device machine's host (docs/jit.md has the measurements): a fixed
  // cost for the headers, then per word; loads and stores inline the memory fast path.
  return 0.3 + 0.004 * double(words.size() - memory_words) + 0.03 * double(memory_words);
}

Translation translate(const std::vector<uint64_t>& starts, const FetchWord& fetch, size_t max_words,
                      const Translation* previous, Kernel kernel) {
  std::deque<uint64_t> work;
  std::vector<uint64_t> speculative;
  if (previous) work.insert(work.end(), previous->entries.begin(), previous->entries.end());
  work.insert(work.end(), starts.begin(), starts.end());
  std::map<uint64_t, Region> regions;
  std::map<uint64_t, uint32_t> all;
  size_t total = 0;
  bool spec_added = false;
  while (total < max_words) {
    if (work.empty()) {
      if (spec_added) break;
      // Once every known entry has its region: the words after unconditional branches, while
      // there is room (usually the next function: it saves a retranslation later).
      work.insert(work.end(), speculative.begin(), speculative.end());
      spec_added = true;
      continue;
    }
    const uint64_t e = work.front();
    work.pop_front();
    uint32_t w;
    if ((e & 3) || regions.count(e) || !fetch(e, &w)) continue;
    Region g = discover(e, fetch, std::min(kRegionWords, max_words - total));
    total += g.words.size();
    for (uint64_t x : g.exits) work.push_back(x);
    for (uint64_t x : g.speculative) speculative.push_back(x);
    for (const auto& [a, word] : g.words) all[a] = word;
    regions.emplace(e, std::move(g));
  }

  Translation t;
  for (const auto& [e, g] : regions) t.entries.push_back(e);
  for (const auto& [a, w] : all) {
    t.words.push_back(a), t.values.push_back(w);
    if (flow_of(w, a).memory) ++t.memory_words;
  }
  if (all.empty()) return t;
  t.lo = all.begin()->first;
  t.hi = all.rbegin()->first + 4;

  std::string& s = t.source;
  s += fmt::format(
      "// Generated by cuarm's translator: {} regions, {} guest words in [0x{:x}, 0x{:x}).\n"
      "#define CUARM_JIT_BATCH {}  // the kernel NVRTC compiles: cuarm_jit_batch (1) or cuarm_jit_single (0)\n"
      "#include \"backend/jit/prelude.hpp\"\n"
      "namespace cuarm::jit_code {{\n"
      "constexpr uint64_t kLo = 0x{:x}ull, kHi = 0x{:x}ull;\n\n",
      regions.size(), all.size(), t.lo, t.hi, kernel == Kernel::Batch ? 1 : 0, t.lo, t.hi);
  // Every pc a region can start at, with the region that starts there (its own entry first,
  // else the first region that has it).
  std::map<uint64_t, uint64_t> region_at;
  for (const auto& [e, g] : regions) {
    std::vector<uint64_t> enterable;
    emit_region(g, kernel == Kernel::Batch, s, enterable);
    for (uint64_t a : enterable) region_at.emplace(a, e);
  }
  for (const auto& [e, g] : regions) region_at[e] = e;
  s += "// The region that can start at pc; kWhyLeft when none can.\n"
       "template <class M>\n"
       "CUARM_HD CUARM_INLINE uint64_t dispatch(uint64_t pc, core::CpuState* g, M& m, Run& r) {\n"
       "  switch (pc) {\n";
  for (const auto& [a, e] : region_at) {
    s += fmt::format("    case 0x{:x}ull: return region_{:x}(g, &m, r, 0x{:x}ull);\n", a, e, a);
    t.enterable.push_back(a);
  }
  s += "    default: r.why = kWhyLeft; return pc;\n  }\n}\n}  // namespace cuarm::jit_code\n"
       "#include \"backend/jit/driver.hpp\"\n";
  return t;
}

}  // namespace cuarm::jit
