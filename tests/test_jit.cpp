// The GPU backend's translated mode (docs/jit.md): what the translator discovers, that NVRTC
// compiles its output (no GPU needed), and, on a GPU, that translated runs end exactly as the
// CPU interpreter's (registers, pc, retired count, stop reason, memory).
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>

#include <cuarm/batch.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include "backend/jit/nvrtc.hpp"
#include "backend/jit/translate.hpp"
#include "diff/generator.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

using WordMap = std::map<uint64_t, uint32_t>;

jit::FetchWord fetch_from(const WordMap& m) {
  return [&m](uint64_t a, uint32_t* w) {
    auto it = m.find(a);
    if (it == m.end()) return false;
    *w = it->second;
    return true;
  };
}

// 0x1000: bl 0x1010 ; b 0x1000 ; (unreached) ; (unreached)
// 0x1010: add x0, x0, #1 ; cbz x0, 0x1020 ; ret
// 0x1020: svc #0 ; hlt #0 ; (after hlt: unreached)
const WordMap kCalls = {{0x1000, 0x94000004}, {0x1004, 0x17ffffff}, {0x1008, 0x91000400}, {0x100c, 0x91000400},
                        {0x1010, 0x91000400}, {0x1014, 0xb4000060}, {0x1018, 0xd65f03c0}, {0x1020, 0xd4000001},
                        {0x1024, 0xd4400000}, {0x1028, 0x91000400}};

TEST(Jit, DiscoversReachableCode) {
  const jit::Translation t = jit::translate({0x1000}, fetch_from(kCalls));
  // Reached: everything but 0x101c (not code) and the word after HLT; 0x1008/0x100c follow an
  // unconditional branch and are translated speculatively (usually the next function).
  const std::vector<uint64_t> want = {0x1000, 0x1004, 0x1008, 0x100c, 0x1010, 0x1014, 0x1018, 0x1020, 0x1024};
  EXPECT_EQ(t.words, want);
  EXPECT_EQ(t.lo, 0x1000u);
  EXPECT_EQ(t.hi, 0x1028u);
  EXPECT_TRUE(t.contains(0x1018));
  // Regions start at the start, at BL's target and return address, after SVC, and at the
  // speculative word; the rest is inside regions (0x1020 is CBZ's target in region 0x1010).
  EXPECT_EQ(t.entries, (std::vector<uint64_t>{0x1000, 0x1004, 0x1008, 0x1010, 0x1024}));
  // Translated code starts at a block leader (a run that ended for lack of budget goes on
  // there): 0x1020 (CBZ's target) and 0x1018 (after CBZ) are, 0x1014 (CBZ, inside a block) is not.
  EXPECT_TRUE(t.enters(0x1010));
  EXPECT_TRUE(t.enters(0x1020));
  EXPECT_TRUE(t.enters(0x1018));
  EXPECT_FALSE(t.enters(0x1014));
  // A batch translation starts anywhere (the interpreter leaves lanes at any word).
  const jit::Translation b = jit::translate({0x1000}, fetch_from(kCalls), jit::kMaxWords, nullptr, jit::Kernel::Batch);
  EXPECT_EQ(b.enterable, b.words);
  EXPECT_NE(b.source.find("case 0x1014ull: if (c.left < 1)"), std::string::npos) << b.source;
  // Each word calls the core's handler with the word as a constant.
  EXPECT_NE(t.source.find("core::op_b_imm(c, 0x94000004u)"), std::string::npos);
  EXPECT_NE(t.source.find("core::op_cbz(c, 0xb4000060u)"), std::string::npos);
  EXPECT_NE(t.source.find("goto L_1020"), std::string::npos);  // CBZ's target, inside the region
  EXPECT_NE(t.source.find("case 0x1010ull: return region_1010(g, &m, r, 0x1010ull);"), std::string::npos);
  // Blocks: the budget is checked once at the head of each (0x1010: add, cbz; 0x1018: ret).
  EXPECT_NE(t.source.find("L_1010:\n  if (c.left < 2)"), std::string::npos) << t.source;
  EXPECT_NE(t.source.find("L_1018:\n  if (c.left < 1)"), std::string::npos) << t.source;
  EXPECT_EQ(t.memory_words, 0u);
}

TEST(Jit, GrowsAndRespectsTheWordLimit) {
  const jit::Translation small = jit::translate({0x1010}, fetch_from(kCalls), 2);
  EXPECT_EQ(small.words, (std::vector<uint64_t>{0x1010, 0x1014}));
  const jit::Translation grown = jit::translate({0x1008}, fetch_from(kCalls), 64, &small);
  for (uint64_t a : {0x1008, 0x100c, 0x1010, 0x1014, 0x1018, 0x1020, 0x1024}) EXPECT_TRUE(grown.contains(a)) << a;
  EXPECT_FALSE(grown.contains(0x1000));
  EXPECT_FALSE(grown.contains(0x1004));
  EXPECT_TRUE(jit::translate({0x2000}, fetch_from(kCalls)).words.empty());  // nothing executable there
  EXPECT_TRUE(jit::translate({0x1002}, fetch_from(kCalls)).words.empty());  // misaligned
}

std::vector<uint8_t> file_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

// The collatz example's code, read through a CPU machine that loaded it.
struct ElfCode {
  std::vector<uint8_t> elf;
  ElfInfo info;
  WordMap words;
};
ElfCode collatz_code() {
  ElfCode e;
  e.elf = file_bytes(std::string(CUARM_EXAMPLES_DIR) + "/collatz");
  MachineOptions o;
  o.memory_size = 0;
  o.backend = BackendKind::Cpu;
  Machine m(o);
  e.info = m.load_elf(e.elf);
  for (const RegionInfo& r : m.regions())
    if (r.perms & PermX) {
      const std::vector<uint8_t> b = m.read_memory(r.base, r.size);
      for (uint64_t i = 0; i + 4 <= b.size(); i += 4) {
        uint32_t w;
        std::memcpy(&w, b.data() + i, 4);
        e.words[r.base + i] = w;
      }
    }
  return e;
}

TEST(Jit, NvrtcCompilesTranslations) {
  std::string why;
  if (!jit::nvrtc_available(&why)) GTEST_SKIP() << "translated mode needs NVRTC: " << why;
  EXPECT_FALSE(jit::compile_cubin(jit::translate({0x1000}, fetch_from(kCalls)).source, 90).empty());
  const ElfCode e = collatz_code();
  ASSERT_FALSE(e.words.empty());
  const jit::Translation t = jit::translate({e.info.entry}, fetch_from(e.words), 256);
  EXPECT_GT(t.words.size(), 20u);
  EXPECT_FALSE(jit::compile_cubin(t.source, 90).empty());
  // The batch kernel's translation (every word a place to start).
  const jit::Translation b = jit::translate({e.info.entry}, fetch_from(e.words), 256, nullptr, jit::Kernel::Batch);
  EXPECT_EQ(b.enterable, b.words);
  EXPECT_FALSE(jit::compile_cubin(b.source, 90).empty());
}

// Sets an environment variable for one scope (and restores what was there).
class ScopedEnv {
 public:
  ScopedEnv(const char* name, const std::string& value) : name_(name) {
    if (const char* old = std::getenv(name)) old_ = old, had_ = true;
    setenv(name, value.c_str(), 1);
  }
  ~ScopedEnv() { had_ ? (void)setenv(name_, old_.c_str(), 1) : (void)unsetenv(name_); }

 private:
  const char* name_;
  std::string old_;
  bool had_ = false;
};

// Compiled translations land in the disk cache and come back from it, byte for byte; a
// damaged entry, another source or a changed header is a miss; "off" neither reads nor writes.
TEST(Jit, CompiledTranslationsAreCachedOnDisk) {
  std::string why;
  if (!jit::nvrtc_available(&why)) GTEST_SKIP() << "translated mode needs NVRTC: " << why;
  namespace fs = std::filesystem;
  const fs::path dir = fs::temp_directory_path() / fmt::format("cuarm_jit_cache_{}", ::getpid());
  fs::remove_all(dir);
  ScopedEnv cache("CUARM_JIT_CACHE", dir.string());
  EXPECT_EQ(jit::cubin_cache_dir(), dir.string());
  const std::string src = jit::translate({0x1000}, fetch_from(kCalls)).source;
  auto entries = [&] {
    std::vector<fs::path> v;
    if (fs::exists(dir))
      for (const auto& e : fs::directory_iterator(dir)) v.push_back(e.path());
    return v;
  };

  bool cached = true;
  EXPECT_FALSE(jit::cached_cubin(src, 90));  // a lookup alone never compiles
  EXPECT_TRUE(entries().empty());
  const std::vector<char> first = jit::compile_cubin(src, 90, &cached);
  EXPECT_FALSE(cached);
  ASSERT_EQ(entries().size(), 1u);
  const std::vector<char> again = jit::compile_cubin(src, 90, &cached);
  EXPECT_TRUE(cached);
  EXPECT_EQ(again, first);
  EXPECT_EQ(jit::cached_cubin(src, 90), first);
  EXPECT_FALSE(jit::cached_cubin(src, 80));  // another architecture: another entry

  std::ofstream(entries()[0], std::ios::binary | std::ios::trunc) << "\x7f" "ELF cut short";
  EXPECT_EQ(jit::compile_cubin(src, 90, &cached), first);
  EXPECT_FALSE(cached);  // damaged: compiled again, and the entry rewritten
  jit::compile_cubin(src, 90, &cached);
  EXPECT_TRUE(cached);

  jit::compile_cubin(jit::translate({0x1010}, fetch_from(kCalls)).source, 90, &cached);
  EXPECT_FALSE(cached);
  EXPECT_EQ(entries().size(), 2u);

  {
    // A copy of the headers with one changed: the same source must not reuse the old cubin.
    const fs::path inc = dir / "include";
    for (const char* sub : {"core", "backend/jit"})
      fs::create_directories(inc / sub), fs::copy(fs::path(CUARM_SOURCE_DIR) / "src" / sub, inc / sub, fs::copy_options::recursive);
    std::ofstream(inc / "core" / "config.hpp", std::ios::app) << "\n// changed\n";
    ScopedEnv include("CUARM_JIT_INCLUDE", inc.string());
    jit::compile_cubin(src, 90, &cached);
    EXPECT_FALSE(cached);
  }
  {
    ScopedEnv off("CUARM_JIT_CACHE", "off");
    EXPECT_EQ(jit::cubin_cache_dir(), "");
    EXPECT_FALSE(jit::cached_cubin(src, 90));
    const size_t before = entries().size();
    jit::compile_cubin(src, 90, &cached);
    EXPECT_FALSE(cached);
    EXPECT_EQ(entries().size(), before);
  }
  fs::remove_all(dir);
}

// A CUDA machine in translated mode `mode` ("always": from the first instruction), or nullptr
// (test skipped).
std::unique_ptr<Machine> jit_machine(const MachineOptions& base, std::string* why, const char* mode = "always") {
  if (!cuda_backend_built()) return *why = "this build has no CUDA backend", nullptr;
  if (!jit::nvrtc_available(why)) return nullptr;
  MachineOptions o = base;
  o.backend = BackendKind::Cuda;
  const ScopedEnv jit("CUARM_JIT", mode);
  std::unique_ptr<Machine> m;
  try {
    m = std::make_unique<Machine>(o);
  } catch (const Error& e) {
    *why = std::string("no usable CUDA device: ") + e.what();
  }
  return m;
}

std::unique_ptr<Machine> cpu_machine(MachineOptions o) {
  o.backend = BackendKind::Cpu;
  return std::make_unique<Machine>(o);
}

void expect_same(const Machine& a, const Machine& b, const Status& sa, const Status& sb, const std::string& what) {
  EXPECT_EQ(sa.signal, sb.signal) << what;
  EXPECT_EQ(sa.cycles_executed, sb.cycles_executed) << what;
  EXPECT_EQ(sa.pc, sb.pc) << what;
  EXPECT_EQ(sa.fault_address, sb.fault_address) << what;
  const Registers ra = a.registers(), rb = b.registers();
  EXPECT_EQ(std::memcmp(&ra, &rb, sizeof ra), 0) << what;
}

TEST(Jit, SeedLoopsStopExactlyWhereTheInterpreterDoes) {
  std::string why;
  auto g = jit_machine({}, &why);
  if (!g) GTEST_SKIP() << why;
  auto c = cpu_machine({});
  const std::vector<uint8_t> code = words_to_bytes({0x91000400, 0xf9000020, 0x17fffffe});  // add ; str x0,[x1] ; b
  for (Machine* m : {g.get(), c.get()}) {
    m->load_program(code, 0x1000);
    m->set_pc(0x1000);
    m->set_x(1, 0x10000);
  }
  for (uint64_t n : {0ull, 1ull, 2ull, 3ull, 4ull, 1000ull, 65535ull, 65536ull, 65537ull, 1000003ull}) {
    const Status sg = g->run(n), sc = c->run(n);
    expect_same(*g, *c, sg, sc, "max_cycles " + std::to_string(n));
    EXPECT_EQ(g->read_memory(0x10000, 8), c->read_memory(0x10000, 8));
  }
}

TEST(Jit, CollatzMatchesTheInterpreter) {
  std::string why;
  MachineOptions o;
  o.memory_size = 0;
  auto g = jit_machine(o, &why);
  if (!g) GTEST_SKIP() << why;
  auto c = cpu_machine(o);
  const ElfCode e = collatz_code();
  for (Machine* m : {g.get(), c.get()}) {
    m->load_elf(e.elf);
    m->map(0x7f0000, 0x10000, PermRW);
    m->set_sp(0x800000);
    m->set_pc(e.info.entry);
  }
  // Several legs: each start() resumes where the last one stopped (a syscall, or the budget).
  for (int leg = 0; leg < 40; ++leg) {
    const Status sg = g->run(3000017), sc = c->run(3000017);
    expect_same(*g, *c, sg, sc, "leg " + std::to_string(leg));
    if (sc.signal != StopReason::MaxCycles && sc.signal != StopReason::Syscall) break;
  }
}

// Random code from the differential generator, laid out back to back, run from many points:
// every stop (fault, UNDEFINED, ...) is compared, then both resume at the next word.
TEST(Jit, RandomCodeMatchesTheInterpreter) {
  std::string why;
  MachineOptions o;
  o.memory_size = 0;
  auto g = jit_machine(o, &why);
  if (!g) GTEST_SKIP() << why;
  auto c = cpu_machine(o);
  const diff::Generator gen(0x71c0de);
  const std::vector<uint32_t> words = gen.code(200);
  const diff::Case init = gen.make(0);
  for (Machine* m : {g.get(), c.get()}) {
    m->map(diff::kCode, diff::kCodeSize, PermRX);
    m->map(diff::kData, diff::kDataSize, PermRW);
    m->write_memory(diff::kCode, words_to_bytes(words));
    m->write_memory(diff::kData, gen.data());
    Registers r = init.init;
    r.pc = diff::kCode;
    m->set_registers(r);
  }
  int stops = 0;
  // (Each stop resumes at no region entry: "always" grows the translation and compiles it
  // again, a few seconds a round, so fewer rounds than the code could give.)
  for (int round = 0; round < 12; ++round) {
    const Status sg = g->run(5000), sc = c->run(5000);
    expect_same(*g, *c, sg, sc, "round " + std::to_string(round));
    if (HasFailure()) break;
    if (sc.signal == StopReason::Halt) break;
    if (sc.signal != StopReason::MaxCycles) ++stops;
    // Skip the stopping word (or move on after a budget stop): both sides the same way.
    const uint64_t next = sc.signal == StopReason::Syscall || sc.signal == StopReason::MaxCycles ? sc.pc : sc.pc + 4;
    const uint64_t pc = next - diff::kCode < 4 * words.size() ? next : diff::kCode + 4 * (round % words.size());
    g->set_pc(pc);
    c->set_pc(pc);
  }
  EXPECT_EQ(g->read_memory(diff::kData, diff::kDataSize), c->read_memory(diff::kData, diff::kDataSize));
  EXPECT_GT(stops, 5);
}

// A guest that rewrites an instruction of its own loop: the translated code must notice and
// run the new instruction, as the interpreter does.
TEST(Jit, SelfModifyingCodeIsRetranslated) {
  std::string why;
  auto g = jit_machine({}, &why);
  if (!g) GTEST_SKIP() << why;
  auto c = cpu_machine({});
  // 0x1000: add x0, x0, #1      <- rewritten to add x0, x0, #2 (0x91000800) by the str below
  // 0x1004: subs x3, x3, #1
  // 0x1008: b.ne 0x1000
  // 0x100c: str w2, [x1]        (x1 = 0x1000, w2 = 0x91000800)
  // 0x1010: mov x3, #5 ; 0x1014: cbz x4, 0x1000 (x4 = 0 the first time: loop again) ; 0x1018: hlt
  const std::vector<uint8_t> code = words_to_bytes(
      {0x91000400, 0xf1000463, 0x54ffffc1, 0xb9000022, 0xd28000a3, 0xb4ffff64, 0xd4400000});
  for (Machine* m : {g.get(), c.get()}) {
    m->load_program(code, 0x1000);
    m->set_pc(0x1000);
    m->set_x(1, 0x1000);
    m->set_x(2, 0x91000800);
    m->set_x(3, 10);
  }
  const Status sg = g->run(1000), sc = c->run(1000);
  expect_same(*g, *c, sg, sc, "self-modifying loop");
  EXPECT_EQ(sc.signal, StopReason::MaxCycles);  // x4 stays 0: it loops for ever, adding 2 a turn
  EXPECT_GT(c->x(0), 10u + 2 * 5);
}

// Auto mode, one guest (docs/jit.md): past the warm-up, a translation nobody has compiled yet
// is compiled only once the guest has run about as long as NVRTC is expected to take
// (Translation::expected_compile_seconds, at least 0.3 s), so a short run never starts
// NVRTC (nothing reaches the disk cache); a long run compiles it; after that a short run finds it
// and runs it at once. Every run ends as the CPU interpreter's.
TEST(Jit, AutoModeCompilesForLongRunsAndReusesWhatWasCompiled) {
  namespace fs = std::filesystem;
  std::string why;
  if (!jit_machine({}, &why, "auto")) GTEST_SKIP() << why;
  const fs::path dir = fs::temp_directory_path() / fmt::format("cuarm_jit_auto_{}", ::getpid());
  fs::remove_all(dir);
  const ScopedEnv cache("CUARM_JIT_CACHE", dir.string());
  const ScopedEnv log("CUARM_JIT_LOG", "1");
  // add x0, x0, #3 ; str x0, [x1] ; b: code no other test runs, so that no translation of it is
  // loaded in this process yet (the tests before this one compile the seed loops).
  const std::vector<uint8_t> code = words_to_bytes({0x91000c00, 0xf9000020, 0x17fffffe});
  auto cached = [&] {
    size_t n = 0;
    if (fs::exists(dir))
      for (const auto& e : fs::directory_iterator(dir)) n += e.path().extension() == ".cubin";
    return n;
  };
  // One run of `n` instructions on a fresh auto-mode machine against the CPU; returns its log.
  auto run = [&](uint64_t n) {
    auto g = jit_machine({}, &why, "auto");
    auto c = cpu_machine({});
    for (Machine* m : {g.get(), c.get()}) {
      m->load_program(code, 0x1000);
      m->set_pc(0x1000);
      m->set_x(1, 0x10000);
    }
    ::testing::internal::CaptureStderr();
    const Status sg = g->run(n);
    g.reset();  // a compilation still running is waited for here: its log line too
    const std::string err = ::testing::internal::GetCapturedStderr();
    const Status sc = c->run(n);
    EXPECT_EQ(sg.signal, StopReason::MaxCycles);
    EXPECT_EQ(sg.cycles_executed, sc.cycles_executed);
    EXPECT_EQ(sg.pc, sc.pc);
    return err;
  };
  // Short: just past the warm-up, ~0.2 s interpreted on an H100 (below the expected compile time).
  const uint64_t kShort = jit::kJitWarmup + 1000;
  std::string err = run(kShort);
  EXPECT_EQ(err.find("[cuarm jit]"), std::string::npos) << err;
  EXPECT_EQ(cached(), 0u);
  // Long: 60M instructions, > 10 s interpreted: compiled once it has run the expected compile time.
  err = run(60000000);
  EXPECT_NE(err.find("[cuarm jit] compiled"), std::string::npos) << err;
  EXPECT_GE(cached(), 1u);
  // Short again: the translation is found (loaded in this process already) and used.
  err = run(kShort);
  EXPECT_NE(err.find("[cuarm jit] found"), std::string::npos) << err;
  EXPECT_EQ(err.find("[cuarm jit] compiled"), std::string::npos) << err;
  fs::remove_all(dir);
}

TEST(Jit, CancelStopsTranslatedCode) {
  std::string why;
  auto g = jit_machine({}, &why);
  if (!g) GTEST_SKIP() << why;
  g->load_program(words_to_bytes({0x91000400, 0x17ffffff}), 0x1000);
  g->set_pc(0x1000);
  g->start(~0ull);
  while (g->poll().cycles_executed < 10000000) {
  }
  g->cancel();
  const Status s = g->wait();
  EXPECT_EQ(s.signal, StopReason::Cancelled);
  EXPECT_EQ(g->x(0), s.cycles_executed / 2 + (s.pc == 0x1004 ? 1 : 0));
}

}  // namespace
}  // namespace cuarm::test

namespace cuarm::test {
namespace {

// Batch lanes in translated mode against the CPU batch: the hash example over lanes of
// different lengths (divergent loops, loads, a call and a return), registers and stops lane by
// lane; budgets that end lanes mid-loop too.
struct HashBatch {
  std::vector<uint64_t> x0;
  std::vector<Status> status;
  std::vector<Registers> regs;
};
HashBatch run_hash(BackendKind kind, uint64_t max_cycles) {
  constexpr uint64_t kLanes = 300, kInput = 0x10000000, kStride = 4096, kStackTop = 0x20000000;
  BatchOptions o;
  o.lanes = kLanes;
  o.backend = kind;
  o.devices = kind == BackendKind::Cuda ? std::vector<int>{0} : std::vector<int>{};
  Batch b(o);
  b.load_elf(file_bytes(std::string(CUARM_EXAMPLES_DIR) + "/hash_lanes"));
  b.map(kInput, kStride, PermRW);
  b.map(kStackTop - 4096, 4096, PermRW);
  std::vector<uint8_t> inputs(kLanes * kStride);
  uint64_t seed = 12345;
  for (auto& x : inputs) x = uint8_t((seed = seed * 6364136223846793005ull + 1442695040888963407ull) >> 56);
  std::vector<uint64_t> lengths(kLanes);
  for (uint64_t l = 0; l < kLanes; ++l) lengths[l] = (l * 37) % 1024;
  b.write_memory_lanes(kInput, inputs, kStride);
  b.set_x(0, kInput);
  b.set_x(1, lengths);
  b.set_x(2, 3);
  b.set_sp(kStackTop);
  b.run(max_cycles);
  HashBatch r;
  r.x0 = b.x(0);
  for (uint64_t l = 0; l < kLanes; ++l) r.status.push_back(b.lane_status(l)), r.regs.push_back(b.registers(l));
  return r;
}

TEST(Jit, BatchLanesMatchTheCpuBatch) {
  std::string why;
  if (!cuda_backend_built()) GTEST_SKIP() << "this build has no CUDA backend";
  if (!jit::nvrtc_available(&why)) GTEST_SKIP() << "translated mode needs NVRTC: " << why;
  for (uint64_t budget : {uint64_t(UINT64_MAX), uint64_t(5000), uint64_t(77777)}) {
    const HashBatch cpu = run_hash(BackendKind::Cpu, budget);
    HashBatch gpu;
    {
      const ScopedEnv jit("CUARM_JIT", "always");
      try {
        gpu = run_hash(BackendKind::Cuda, budget);
      } catch (const Error& e) {
        GTEST_SKIP() << "no usable CUDA device: " << e.what();
      }
    }
    for (size_t l = 0; l < cpu.x0.size(); ++l) {
      ASSERT_EQ(cpu.status[l].signal, gpu.status[l].signal) << "lane " << l << " budget " << budget;
      ASSERT_EQ(cpu.status[l].cycles_executed, gpu.status[l].cycles_executed) << "lane " << l;
      ASSERT_EQ(std::memcmp(&cpu.regs[l], &gpu.regs[l], sizeof(Registers)), 0) << "lane " << l << " budget " << budget;
    }
  }
}

}  // namespace
}  // namespace cuarm::test
