// Differential test: random instruction streams from the decoder table run on Unicorn 2
// (Cortex-A53 model) and on cuarm from the same random state; registers, PC, NZCV, the whole
// data region and the way the stream ended must agree. See docs/testing.md.
//
// Environment: CUARM_DIFF_SEED (default fixed), CUARM_DIFF_COUNT (instructions to generate),
// CUARM_DIFF_CASE (run only this case index), CUARM_DIFF_MAX_FAILS (stop after this many),
// CUARM_DIFF_ROWS (draw only rows whose names start with one of these comma-separated prefixes).
#include <chrono>
#include <cinttypes>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <map>
#include <string>
#include <vector>

#include "diff/generator.hpp"
#include "diff/unicorn_runner.hpp"
#include "support.hpp"

namespace cuarm::diff {
namespace {

uint64_t env_u64(const char* name, uint64_t def) {
  const char* v = std::getenv(name);
  return v && *v ? std::strtoull(v, nullptr, 0) : def;
}

constexpr uint64_t kDefaultSeed = 0xc0a4a53d1ffull;
constexpr uint64_t kDefaultCount = 250000;

std::string hex(uint64_t v) {
  char b[24];
  std::snprintf(b, sizeof b, "%016" PRIx64, v);
  return b;
}

// Every architectural difference between the two outcomes, one per line (empty: they agree).
std::string differences(const Outcome& u, const Outcome& o, const uint8_t* umem, const uint8_t* omem) {
  std::string d;
  if (u.end != o.end) d += std::string("  end: unicorn ") + end_name(u.end) + ", cuarm " + end_name(o.end) + "\n";
  if (u.end == End::Fault && o.end == End::Fault && u.access_known && o.access_known && u.access != o.access)
    d += std::string("  fault access: unicorn ") + access_kind_name(u.access) + ", cuarm " +
         access_kind_name(o.access) + "\n";
  if (u.executed != o.executed)
    d += "  retired: unicorn " + std::to_string(u.executed) + ", cuarm " + std::to_string(o.executed) + "\n";
  const Registers &a = u.regs, &b = o.regs;
  for (int i = 0; i < 31; ++i)
    if (a.x[i] != b.x[i]) d += "  x" + std::to_string(i) + ": unicorn " + hex(a.x[i]) + ", cuarm " + hex(b.x[i]) + "\n";
  if (a.sp != b.sp) d += "  sp: unicorn " + hex(a.sp) + ", cuarm " + hex(b.sp) + "\n";
  if (a.pc != b.pc) d += "  pc: unicorn " + hex(a.pc) + ", cuarm " + hex(b.pc) + "\n";
  if (a.nzcv != b.nzcv) d += "  nzcv: unicorn " + hex(a.nzcv) + ", cuarm " + hex(b.nzcv) + "\n";
  if (a.fpcr != b.fpcr) d += "  fpcr: unicorn " + hex(a.fpcr) + ", cuarm " + hex(b.fpcr) + "\n";
  if (a.fpsr != b.fpsr) d += "  fpsr: unicorn " + hex(a.fpsr) + ", cuarm " + hex(b.fpsr) + "\n";
  if (a.tpidr_el0 != b.tpidr_el0) d += "  tpidr_el0: unicorn " + hex(a.tpidr_el0) + ", cuarm " + hex(b.tpidr_el0) + "\n";
  for (int i = 0; i < 32; ++i)
    if (a.v[i][0] != b.v[i][0] || a.v[i][1] != b.v[i][1])
      d += "  v" + std::to_string(i) + ": unicorn " + hex(a.v[i][1]) + hex(a.v[i][0]) + ", cuarm " + hex(b.v[i][1]) +
           hex(b.v[i][0]) + "\n";
  if (std::memcmp(umem, omem, kDataSize) != 0) {
    int shown = 0;
    for (uint64_t i = 0; i < kDataSize && shown < 16; ++i)
      if (umem[i] != omem[i]) {
        char b2[96];
        std::snprintf(b2, sizeof b2, "  mem[0x%" PRIx64 "]: unicorn %02x, cuarm %02x\n", kData + i, umem[i], omem[i]);
        d += b2;
        ++shown;
      }
  }
  return d;
}

void report(uint64_t seed, const Case& c, const Outcome& u, const Outcome& o, const std::string& diff) {
  std::string s = "MISMATCH seed=0x" + hex(seed) + " case=" + std::to_string(c.index) +
                  "  (rerun: CUARM_DIFF_SEED=0x" + hex(seed) + " CUARM_DIFF_CASE=" + std::to_string(c.index) + ")\n";
  for (size_t i = 0; i < c.words.size(); ++i) s += "  " + describe(c.words[i], c.pc + 4 * i) + "\n";
  s += "initial state:\n";
  for (int i = 0; i < 31; ++i) s += "  x" + std::to_string(i) + "=" + hex(c.init.x[i]) + ((i % 4 == 3) ? "\n" : "");
  s += "\n  sp=" + hex(c.init.sp) + " nzcv=" + hex(c.init.nzcv >> 28) + "\n";
  for (const Outcome* side : {&u, &o}) {
    s += side == &u ? "unicorn: " + u.detail + "\n  changed:" : "cuarm:   " + o.detail + "\n  changed:";
    for (int i = 0; i < 31; ++i)
      if (side->regs.x[i] != c.init.x[i]) s += " x" + std::to_string(i) + "=" + hex(side->regs.x[i]);
    if (side->regs.sp != c.init.sp) s += " sp=" + hex(side->regs.sp);
    if (side->regs.nzcv != c.init.nzcv) s += " nzcv=" + hex(side->regs.nzcv >> 28);
    s += "\n";
  }
  s += "differences:\n" + diff;
  ADD_FAILURE() << s;
}

// The harness itself: hand-made streams whose outcome is known from the manual must be
// classified the same way on both sides (and match the expected values).
TEST(DiffUnicorn, HarnessClassifiesKnownStreams) {
  uint8_t* umem = static_cast<uint8_t*>(std::aligned_alloc(4096, kDataSize));
  std::memset(umem, 0, kDataSize);
  std::vector<uint8_t> omem(kDataSize);
  UnicornRunner uc(umem);
  CuarmRunner ours;
  struct Known {
    std::vector<uint32_t> words;
    End end;
    uint64_t pc_offset;  // expected final pc - first word (for Completed: where the stream went)
    const char* what;
  };
  const Known known[] = {
      {{0x91000420, 0x91000420}, End::Completed, 8, "add x0, x1, #1; add x0, x1, #1"},
      {{0x91000420, 0x00000000}, End::Undefined, 4, "add; udf #0"},
      {{0xf9400040}, End::Fault, 0, "ldr x0, [x2] (x2 unmapped)"},
      {{0xf9000060}, End::Fault, 0, "str x0, [x3] (x3 in the code region: read-only)"},
      {{0x91000420, 0x14100000}, End::Completed, 4 + 0x400000, "add; b .+4MiB (unmapped target)"},
  };
  for (const Known& k : known) {
    Case c;
    c.pc = kCode + 0x100;
    c.words = k.words;
    for (uint32_t w : k.words) c.rows.push_back(row_index(core::decode(w)));
    c.init.pc = c.pc;
    c.init.x[1] = 41;
    c.init.x[2] = 0x7000000;
    c.init.x[3] = kCode;
    c.init.sp = kData + 0x100;
    for (const Outcome& out : {uc.run(c), ours.run(c)}) {
      EXPECT_EQ(out.end, k.end) << k.what << ": " << out.detail;
      EXPECT_EQ(out.regs.pc, c.pc + k.pc_offset) << k.what << ": " << out.detail;
      EXPECT_EQ(out.regs.x[0], k.words[0] == 0x91000420 ? 42u : 0u) << k.what;
    }
    ours.machine().read_memory(kData, omem);
    EXPECT_EQ(differences(uc.run(c), ours.run(c), umem, omem.data()), "") << k.what;
  }
  std::free(umem);
}

TEST(DiffUnicorn, RandomStreams) {
  const uint64_t seed = env_u64("CUARM_DIFF_SEED", kDefaultSeed);
  const uint64_t count = env_u64("CUARM_DIFF_COUNT", kDefaultCount);
  const uint64_t max_fails = env_u64("CUARM_DIFF_MAX_FAILS", 10);
  const char* only = std::getenv("CUARM_DIFF_CASE");
  std::printf("[diff] seed=0x%" PRIx64 " count=%" PRIu64 " (CUARM_DIFF_SEED / CUARM_DIFF_COUNT override)\n", seed,
              count);

  for (const std::string& name : stale_exclusions())
    ADD_FAILURE() << "the exclusion list names " << name << ", which is not a row of the decoder table";

  const Generator gen(seed);
  const std::vector<uint8_t>& ref = gen.data();
  // Unicorn maps the data region over this buffer, so the test reads and restores it in place.
  uint8_t* umem = static_cast<uint8_t*>(std::aligned_alloc(4096, kDataSize));
  std::memcpy(umem, ref.data(), kDataSize);
  std::vector<uint8_t> omem(kDataSize);
  UnicornRunner uc(umem);
  CuarmRunner ours;
  ours.machine().write_memory(kData, ref);

  const auto& meta = rows();
  std::vector<uint64_t> compared(meta.size(), 0);
  uint64_t generated = 0, cases = 0, fails = 0, ends[4] = {};
  std::map<std::string, uint64_t> set_aside;  // cases excused by case_exclusion(), per reason
  bool armed = false;  // the previous case may have left an exclusive monitor armed
  const auto t0 = std::chrono::steady_clock::now();

  const uint64_t first = only ? std::strtoull(only, nullptr, 0) : 0;
  for (uint64_t idx = first; only ? idx == first : generated < count; ++idx) {
    const Case c = gen.make(idx);
    if (c.words.empty()) continue;
    if (armed) uc.clrex(), ours.clrex();
    armed = false;
    for (int r : c.rows)
      armed |= meta[r].cls == RowClass::LoadStore && std::strstr(meta[r].row->name, "EX") != nullptr;
    generated += c.words.size();
    ++cases;

    const Outcome u = uc.run(c);
    const Outcome o = ours.run(c);
    ours.machine().read_memory(kData, omem);
    const std::string diff = differences(u, o, umem, omem.data());
    const char* excused = diff.empty() ? nullptr : case_exclusion(c, u, o);
    if (excused) {
      ++set_aside[excused];
      std::memcpy(umem, ref.data(), kDataSize);
      ours.machine().write_memory(kData, ref);
      continue;
    }
    if (!diff.empty()) {
      report(seed, c, u, o, diff);
      std::memcpy(umem, ref.data(), kDataSize);
      ours.machine().write_memory(kData, ref);
      if (++fails >= max_fails) break;
      continue;
    }
    ++ends[int(o.end)];
    const uint64_t ran = o.end == End::Completed ? o.executed : o.executed + 1;
    for (uint64_t k = 0; k < ran && k < c.words.size(); ++k) ++compared[c.rows[k]];
    // Put back the bytes the stream stored (both sides agree, so one buffer tells which).
    for (uint64_t off = 0; off < kDataSize; off += 256)
      if (std::memcmp(umem + off, ref.data() + off, 256) != 0) {
        std::memcpy(umem + off, ref.data() + off, 256);
        ours.machine().write_memory(kData + off, std::span<const uint8_t>(ref.data() + off, 256));
      }
  }
  std::free(umem);

  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  uint64_t total = 0;
  for (uint64_t n : compared) total += n;
  std::printf("[diff] %" PRIu64 " cases, %" PRIu64 " instructions generated, %" PRIu64
              " compared in %.1f s; streams ended: %" PRIu64 " completed, %" PRIu64 " undefined, %" PRIu64
              " fault\n",
              cases, generated, total, secs, ends[int(End::Completed)], ends[int(End::Undefined)],
              ends[int(End::Fault)]);
  for (const auto& [why, n] : set_aside) std::printf("[diff] %" PRIu64 " cases set aside: %s\n", n, why.c_str());
  std::printf("[diff] %-16s %-10s %10s\n", "row", "class", "compared");
  for (size_t i = 0; i < meta.size(); ++i) {
    if (meta[i].excluded)
      std::printf("[diff] %-16s %-10s   excluded: %s\n", meta[i].row->name, class_name(meta[i].cls), meta[i].excluded);
    else
      std::printf("[diff] %-16s %-10s %10" PRIu64 "\n", meta[i].row->name, class_name(meta[i].cls), compared[i]);
  }
  const char* rows_filter = std::getenv("CUARM_DIFF_ROWS");
  if (!only && fails < max_fails && !(rows_filter && *rows_filter)) {
    for (size_t i = 0; i < meta.size(); ++i)
      EXPECT_TRUE(meta[i].excluded || compared[i] > 0) << meta[i].row->name << " was never compared";
  }
}

}  // namespace
}  // namespace cuarm::diff
