// Translated code on the CPU: the translator's output (docs/jit.md) compiled by the host's C++
// compiler and run against the core interpreter, without a GPU. It checks what the translator
// adds to the core's handlers: regions and blocks, the budget checked per block (MAX_CYCLES
// stays exact), stops, exits to the dispatcher, the footprint of guest state a region copies,
// the memory TLB (flat regions and copy-on-write pages), and self-modifying code. The GPU runs
// the same source under NVRTC (test_jit.cpp's Jit.* cases).
#include <dlfcn.h>
#include <fmt/format.h>
#include <gtest/gtest.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <map>
#include <memory>
#include <vector>

#include "backend/jit/prelude.hpp"
#include "backend/jit/translate.hpp"
#include "core/lane.hpp"
#include "diff/generator.hpp"

#ifndef CUARM_HOST_CXX
#error "CUARM_HOST_CXX must name the host C++ compiler"
#endif

namespace cuarm::test {
namespace {

namespace fs = std::filesystem;

// run_translated over a flat view (one guest) or a lane view (copy-on-write pages).
using RunFlat = int (*)(core::CpuState*, core::MemView*, uint64_t, uint64_t*, uint32_t*);
using RunLane = int (*)(core::CpuState*, core::LaneView*, uint64_t, uint64_t*, uint32_t*);
struct Compiled {
  RunFlat flat = nullptr;
  RunLane lane = nullptr;
};

// Compiles a translation's source with the host compiler into a shared object (once per
// source in this process) and loads it. Empty when no compiler can be run (the caller skips).
Compiled compile_on_host(const std::string& source, std::string* why) {
  static std::map<std::string, Compiled> done;
  if (auto it = done.find(source); it != done.end()) return it->second;
  const fs::path dir = fs::temp_directory_path() / fmt::format("cuarm_jit_host_{}", ::getpid());
  fs::create_directories(dir);
  const fs::path cpp = dir / fmt::format("t{}.cpp", done.size()), so = dir / fmt::format("t{}.so", done.size());
  {
    std::ofstream f(cpp);
    f << source
      << "\nextern \"C\" int run_flat(cuarm::core::CpuState* s, cuarm::core::MemView* v, unsigned long long budget,\n"
         "                        unsigned long long* n, unsigned* why) {\n"
         "  cuarm::jit_code::JitMem<cuarm::core::MemView> m{v, cuarm::jit_code::kLo, cuarm::jit_code::kHi, false};\n"
         "  uint64_t k = 0;\n"
         "  const int st = int(cuarm::jit_code::run_translated(*s, m, budget, &k, why));\n"
         "  *n = k;\n"
         "  return st;\n"
         "}\n"
         "extern \"C\" int run_lane(cuarm::core::CpuState* s, cuarm::core::LaneView* v, unsigned long long budget,\n"
         "                        unsigned long long* n, unsigned* why) {\n"
         "  cuarm::jit_code::JitMem<cuarm::core::LaneView> m{v, cuarm::jit_code::kLo, cuarm::jit_code::kHi, false};\n"
         "  uint64_t k = 0;\n"
         "  const int st = int(cuarm::jit_code::run_translated(*s, m, budget, &k, why));\n"
         "  *n = k;\n"
         "  return st;\n"
         "}\n";
  }
  const std::string cmd = fmt::format("{} -std=c++20 -O1 -fPIC -shared -w -I{}/src -o {} {} 2>{}/err.txt", CUARM_HOST_CXX,
                                      CUARM_SOURCE_DIR, so.string(), cpp.string(), dir.string());
  if (std::system(cmd.c_str()) != 0) {
    std::ifstream e(dir / "err.txt");
    *why = "host compiler failed: " + std::string(std::istreambuf_iterator<char>(e), {}).substr(0, 2000);
    return {};
  }
  void* h = dlopen(so.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (!h) return *why = dlerror(), Compiled{};
  Compiled c{reinterpret_cast<RunFlat>(dlsym(h, "run_flat")), reinterpret_cast<RunLane>(dlsym(h, "run_lane"))};
  return done[source] = c;
}

// One guest's memory on the host: flat regions with decode caches where executable.
struct Guest {
  struct Bytes {
    std::vector<uint8_t> data;
    std::vector<uint64_t> decoded;
  };
  std::vector<std::unique_ptr<Bytes>> store;
  core::MemView view{};
  core::CpuState s{};

  void map(uint64_t base, uint64_t size, uint32_t perms) {
    auto b = std::make_unique<Bytes>();
    b->data.assign(size, 0);
    if (perms & core::kPermX) b->decoded.assign(size / 4, 0);
    view.region[view.count++] = {base, size, b->data.data(), b->decoded.empty() ? nullptr : b->decoded.data(), perms, 0,
                                 nullptr};
    store.push_back(std::move(b));
  }
  // The host's write (loading code too): no permission check.
  void write(uint64_t addr, const void* p, size_t n) {
    const core::Region* r = view.find(addr, n);
    ASSERT_NE(r, nullptr);
    std::memcpy(r->data + (addr - r->base), p, n);
  }
  bool fetch(uint64_t a, uint32_t* w) {
    const core::Region* r = view.find(a, 4);
    if (r == nullptr || !(r->perms & core::kPermX)) return false;
    std::memcpy(w, r->data + (a - r->base), 4);
    return true;
  }
  // A deep copy whose pointers point at its own bytes.
  std::unique_ptr<Guest> clone() const {
    auto g = std::make_unique<Guest>();
    g->s = s;
    for (uint32_t i = 0; i < view.count; ++i) {
      const core::Region& r = view.region[i];
      g->map(r.base, r.size, r.perms);
      std::memcpy(g->view.region[i].data, r.data, r.size);
    }
    return g;
  }
};

// What the CUDA engine's driver does in "always" mode, on the host: translated code where a
// region starts at the pc, a translation grown from the pc where none does (the interpreter,
// one instruction, where it cannot: not code), and the interpreter for what is left of the
// budget after kWhyBudget. Returns the stop.
// The translation and its code are kept between legs, as the engine keeps them between runs.
struct Translated {
  jit::Translation t;
  Compiled fn;
  uint64_t translated = 0, interpreted = 0;  // instructions each way
};
core::Stop run_translated(Guest& g, Translated& tr, uint64_t max_cycles, uint64_t* done, std::string* why,
                          int* compiles) {
  jit::Translation& t = tr.t;
  Compiled& fn = tr.fn;
  bool interpret_next = false;
  *done = 0;
  const jit::FetchWord fetch = [&g](uint64_t a, uint32_t* w) { return g.fetch(a, w); };
  while (*done < max_cycles) {
    if (!t.enters(g.s.pc)) {
      jit::Translation grown = jit::translate({g.s.pc}, fetch, jit::kMaxWords, &t);
      if (grown.enters(g.s.pc)) {
        fn = compile_on_host(grown.source, why);
        if (!fn.flat) return core::Stop::None;
        t = std::move(grown);
        ++*compiles;
      }
    }
    uint64_t n = 0;
    if (!interpret_next && t.enters(g.s.pc)) {
      uint32_t w = 0;
      const auto st = core::Stop(fn.flat(&g.s, &g.view, max_cycles - *done, &n, &w));
      *done += n;
      tr.translated += n;
      if (st != core::Stop::None) return g.s.stop.reason = st;
      if (w == jit_code::kWhyCodeWritten) t = {};
      interpret_next = w == jit_code::kWhyBudget;
      continue;
    }
    interpret_next = false;
    const core::Stop st = core::run(g.s, g.view, 1, &n);
    *done += n;
    tr.interpreted += n;
    if (st != core::Stop::None) return st;
  }
  return g.s.stop.reason = core::Stop::MaxCycles;
}

core::Stop run_interpreted(Guest& g, uint64_t max_cycles, uint64_t* done) {
  const core::Stop st = core::run(g.s, g.view, max_cycles, done);
  return g.s.stop.reason = st == core::Stop::None ? core::Stop::MaxCycles : st;
}

void expect_same(const Guest& a, const Guest& b, const std::string& what) {
  EXPECT_EQ(a.s.pc, b.s.pc) << what;
  EXPECT_EQ(a.s.retired, b.s.retired) << what;
  EXPECT_EQ(int(a.s.stop.reason), int(b.s.stop.reason)) << what;
  if (a.s.stop.reason == core::Stop::Fault) {
    EXPECT_EQ(a.s.stop.fault_addr, b.s.stop.fault_addr) << what;
  }
  EXPECT_EQ(std::memcmp(a.s.x, b.s.x, sizeof a.s.x), 0) << what;
  EXPECT_EQ(a.s.sp, b.s.sp) << what;
  EXPECT_EQ(a.s.nzcv, b.s.nzcv) << what;
  EXPECT_EQ(a.s.fpsr, b.s.fpsr) << what;
  EXPECT_EQ(std::memcmp(a.s.v, b.s.v, sizeof a.s.v), 0) << what;
  EXPECT_EQ(a.s.excl_valid, b.s.excl_valid) << what;
  for (uint32_t i = 0; i < a.view.count; ++i)
    EXPECT_EQ(std::memcmp(a.view.region[i].data, b.view.region[i].data, a.view.region[i].size), 0)
        << what << ": region " << i;
}

// Runs `legs` legs of max_cycles on a translated and an interpreted copy of `g`, comparing
// after each; `next` may move both on after a stop (the same way). Returns the stops seen.
int compare(Guest& g, uint64_t max_cycles, int legs, const std::function<void(Guest&, core::Stop)>& next,
            int* compiles, uint64_t* translated = nullptr, uint64_t* interpreted = nullptr) {
  auto a = g.clone(), b = g.clone();
  Translated tr;
  int stops = 0;
  for (int leg = 0; leg < legs; ++leg) {
    uint64_t na = 0, nb = 0;
    std::string why;
    const core::Stop sa = run_translated(*a, tr, max_cycles, &na, &why, compiles);
    if (!why.empty()) {
      ADD_FAILURE() << why;
      return stops;
    }
    const core::Stop sb = run_interpreted(*b, max_cycles, &nb);
    EXPECT_EQ(int(sa), int(sb)) << "leg " << leg;
    EXPECT_EQ(na, nb) << "leg " << leg;
    expect_same(*a, *b, fmt::format("leg {} (stop {})", leg, int(sb)));
    if (::testing::Test::HasFailure()) return stops;
    if (sb == core::Stop::Halt) break;
    if (sb != core::Stop::MaxCycles) ++stops;
    a->s.stop.reason = b->s.stop.reason = core::Stop::None;
    if (next) next(*a, sb), next(*b, sb);
  }
  if (translated) *translated += tr.translated;
  if (interpreted) *interpreted += tr.interpreted;
  return stops;
}

bool have_host_compiler(std::string* why) {
  if (std::system(fmt::format("{} --version >/dev/null 2>&1", CUARM_HOST_CXX).c_str()) == 0) return true;
  *why = fmt::format("no host C++ compiler at {} to compile translated code with", CUARM_HOST_CXX);
  return false;
}

std::vector<uint8_t> bytes_of(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> b(words.size() * 4);
  std::memcpy(b.data(), words.data(), b.size());
  return b;
}

TEST(JitHost, SeedLoopsStopExactlyWhereTheInterpreterDoes) {
  std::string why;
  if (!have_host_compiler(&why)) GTEST_SKIP() << why;
  int compiles = 0;
  // add x0, x0, #1 ; b .   and   add x0, x0, #1 ; str x0, [x1] ; b .-8 (x1 inside the region)
  for (const auto& words : {std::vector<uint32_t>{0x91000400, 0x17ffffff},
                            std::vector<uint32_t>{0x91000400, 0xf9000020, 0x17fffffe}}) {
    Guest g;
    g.map(0, 0x100000, core::kPermR | core::kPermW | core::kPermX);
    const auto code = bytes_of(words);
    g.write(0x1000, code.data(), code.size());
    g.s.pc = 0x1000;
    g.s.x[1] = 0x10000;
    for (uint64_t n : {0ull, 1ull, 2ull, 3ull, 4ull, 5ull, 1000ull, 65537ull, 1000003ull}) {
      compare(g, n, 1, nullptr, &compiles);
      if (HasFailure()) return;
    }
    // Resuming leg after leg, as start() does.
    compare(g, 7, 5, nullptr, &compiles);
  }
  EXPECT_GE(compiles, 2);
}

// Calls, returns, a syscall and a halt: the stops are the interpreter's, and the translated
// code goes on after each (BL's return address and the word after SVC are region entries).
TEST(JitHost, CallsSyscallsAndStops) {
  std::string why;
  if (!have_host_compiler(&why)) GTEST_SKIP() << why;
  // 0x1000: bl 0x1010 ; b 0x1000 ; -- ; --
  // 0x1010: add x0, x0, #1 ; cbz x0, 0x1020 ; ret ; --
  // 0x1020: svc #0 ; hlt #0
  const std::vector<uint32_t> words = {0x94000004, 0x17ffffff, 0, 0, 0x91000400, 0xb4000060, 0xd65f03c0, 0,
                                       0xd4000001, 0xd4400000};
  Guest g;
  g.map(0, 0x100000, core::kPermR | core::kPermW | core::kPermX);
  const auto code = bytes_of(words);
  g.write(0x1000, code.data(), code.size());
  g.s.pc = 0x1000;
  g.s.x[0] = ~uint64_t(0) - 1000;  // wraps to 0 after 1001 calls: then the SVC, then HLT
  int compiles = 0;
  const int stops = compare(g, 100000, 10, nullptr, &compiles);
  EXPECT_EQ(stops, 1);  // the SVC (HLT ends the comparison)
}

// Random code from the differential generator, laid out back to back, run from many points:
// every stop (fault, UNDEFINED, ...) is compared, then both resume at the next word. This is
// what would see a register the footprint misses, or a wrong TLB entry.
TEST(JitHost, RandomCodeMatchesTheInterpreter) {
  std::string why;
  if (!have_host_compiler(&why)) GTEST_SKIP() << why;
  const diff::Generator gen(0x71c0de);
  const std::vector<uint32_t> words = gen.code(300);
  const diff::Case init = gen.make(0);
  Guest g;
  g.map(diff::kCode, diff::kCodeSize, core::kPermR | core::kPermX);
  g.map(diff::kData, diff::kDataSize, core::kPermR | core::kPermW);
  const auto code = bytes_of(words);
  g.write(diff::kCode, code.data(), code.size());
  const std::vector<uint8_t> data = gen.data();
  g.write(diff::kData, data.data(), data.size());
  std::memcpy(g.s.x, init.init.x, sizeof g.s.x);
  std::memcpy(g.s.v, init.init.v, sizeof g.s.v);
  g.s.sp = init.init.sp, g.s.nzcv = init.init.nzcv, g.s.fpcr = init.init.fpcr, g.s.fpsr = init.init.fpsr;
  g.s.pc = diff::kCode;
  int round = 0, compiles = 0;
  // Skip the stopping word (or move on after a budget stop): both sides the same way.
  auto next = [&](Guest& x, core::Stop st) {
    const uint64_t pc = st == core::Stop::Syscall || st == core::Stop::MaxCycles ? x.s.pc : x.s.pc + 4;
    x.s.pc = pc - diff::kCode < 4 * words.size() ? pc : diff::kCode + 4 * (round % words.size());
  };
  int stops = 0;
  uint64_t translated = 0, interpreted = 0;
  for (round = 0; round < 8 && !HasFailure(); ++round)
    stops += compare(g, 5000 + round, 8, next, &compiles, &translated, &interpreted);
  EXPECT_GT(stops, 5);
  // Most instructions ran as translated code (the interpreter only walks to region entries).
  EXPECT_GT(translated, 2 * interpreted) << translated << " translated, " << interpreted << " interpreted";
}

// A guest that rewrites an instruction of its own loop: the translated code notices and runs
// the new instruction, as the interpreter does.
TEST(JitHost, SelfModifyingCodeIsRetranslated) {
  std::string why;
  if (!have_host_compiler(&why)) GTEST_SKIP() << why;
  // 0x1000: add x0, x0, #1 (rewritten to add x0, x0, #2 by the str) ; subs x3, x3, #1 ;
  // b.ne 0x1000 ; str w2, [x1] ; mov x3, #5 ; cbz x4, 0x1000 ; hlt
  const std::vector<uint32_t> words = {0x91000400, 0xf1000463, 0x54ffffc1, 0xb9000022, 0xd28000a3, 0xb4ffff64,
                                       0xd4400000};
  Guest g;
  g.map(0, 0x100000, core::kPermR | core::kPermW | core::kPermX);
  const auto code = bytes_of(words);
  g.write(0x1000, code.data(), code.size());
  g.s.pc = 0x1000;
  g.s.x[1] = 0x1000, g.s.x[2] = 0x91000800, g.s.x[3] = 10;
  int compiles = 0;
  compare(g, 1000, 1, nullptr, &compiles);
  EXPECT_GE(compiles, 2);  // translated again after the store
}

// Lanes of a batch: writable memory in copy-on-write pages from a pool. Two lanes run the same
// translated code over the same image; each sees only its own writes, as in the interpreter.
TEST(JitHost, CopyOnWritePagesOfLanes) {
  std::string why;
  if (!have_host_compiler(&why)) GTEST_SKIP() << why;
  // x1 = lane's buffer; loop: ldr x2, [x1] ; add x2, x2, x0 ; str x2, [x1], #8 ; subs x3, x3, #1 ;
  // b.ne loop ; hlt       (reads and writes across several pages; x0 differs per lane)
  const std::vector<uint32_t> words = {0xf9400022, 0x8b000042, 0xf8008422, 0xf1000463, 0x54ffff81, 0xd4400000};
  std::vector<uint8_t> code(0x1000, 0), data(0x4000, 0);
  std::memcpy(code.data(), words.data(), words.size() * 4);
  for (size_t i = 0; i < data.size(); ++i) data[i] = uint8_t(i * 7);
  const std::vector<uint8_t> original = data;
  std::vector<uint64_t> decoded(code.size() / 4, 0);
  const uint64_t lanes = 2, pages = 4;
  std::vector<uint32_t> tables(lanes * pages, 0);
  std::vector<uint8_t> pool_pages(16 * core::kPageSize);
  alignas(16) uint32_t next[2] = {0, 0};
  const core::PagePool pool{pool_pages.data(), next, 16, 0};
  const core::Region image[2] = {
      {0x10000, code.size(), code.data(), decoded.data(), core::kPermR | core::kPermX, 0, nullptr},
      {0x20000, data.size(), data.data(), nullptr, core::kPermR | core::kPermW, 0, tables.data()}};
  // Each lane: once translated (the host compiler), once interpreted on a copy of the pool.
  // A batch translation: lanes can start at any word (the interpreter leaves them anywhere).
  jit::Translation t = jit::translate(
      {0x10000},
      [&](uint64_t a, uint32_t* w) {
        if (a - 0x10000 >= code.size()) return false;
        std::memcpy(w, code.data() + (a - 0x10000), 4);
        return true;
      },
      jit::kMaxWords, nullptr, jit::Kernel::Batch);
  ASSERT_TRUE(t.enters(0x10008));  // the STR, inside the loop's block
  const Compiled fn = compile_on_host(t.source, &why);
  ASSERT_TRUE(fn.lane) << why;
  std::vector<uint32_t> tables2 = tables;
  std::vector<uint8_t> pool_pages2 = pool_pages;
  alignas(16) uint32_t next2[2] = {0, 0};
  const core::PagePool pool2{pool_pages2.data(), next2, 16, 0};
  const core::Region image2[2] = {image[0], {0x20000, data.size(), data.data(), nullptr, image[1].perms, 0, tables2.data()}};
  for (uint64_t lane = 0; lane < lanes; ++lane) {
    core::CpuState a{}, b{};
    a.pc = b.pc = 0x10000;
    a.x[0] = b.x[0] = 1000 + lane;
    a.x[1] = b.x[1] = 0x20000 + 0x800 * lane + 8;  // crosses a page on the way
    a.x[3] = b.x[3] = 1200;
    core::LaneView va, vb;
    core::make_lane_view(image, 2, pool, lane, va);
    core::make_lane_view(image2, 2, pool2, lane, vb);
    uint64_t na = 0, nb = 0;
    uint32_t w = 0;
    core::Stop sa = core::Stop::None;
    if (lane == 0) {
      // Lane 0: 7 instructions interpreted (it stops inside a block), then translated code in
      // slices of 5 instructions, each resuming wherever the last one ended (the budget check
      // of a word entered inside its block: the slice ends before a block that does not fit).
      ASSERT_EQ(core::run(a, va, 7, &na), core::Stop::None);
      while (sa == core::Stop::None && na < 1000000) {
        uint64_t n = 0;
        uint32_t why = 0;
        sa = core::Stop(fn.lane(&a, &va, 5, &n, &why));
        if (sa == core::Stop::None && why == jit_code::kWhyBudget) {  // the interpreter finishes the slice
          uint64_t k = 0;
          sa = core::run(a, va, 5 - n, &k);
          n += k;
        } else if (sa == core::Stop::None) {
          EXPECT_EQ(n, 5u) << "why " << why;
        }
        na += n;
      }
    } else {
      sa = core::Stop(fn.lane(&a, &va, 1000000, &na, &w));
    }
    const auto sb = core::run(b, vb, 1000000, &nb);
    EXPECT_EQ(int(sa), int(core::Stop::Halt));
    EXPECT_EQ(int(sa), int(sb));
    EXPECT_EQ(na, nb);
    EXPECT_EQ(a.pc, b.pc);
    EXPECT_EQ(std::memcmp(a.x, b.x, sizeof a.x), 0);
    for (uint64_t off = 0; off < data.size(); off += 8) {
      uint64_t xa = 0, xb = 0, bad;
      ASSERT_TRUE(va.read<uint64_t>(0x20000 + off, xa, &bad));
      ASSERT_TRUE(vb.read<uint64_t>(0x20000 + off, xb, &bad));
      ASSERT_EQ(xa, xb) << "lane " << lane << " offset " << off;
    }
  }
  EXPECT_EQ(next[0], next2[0]);  // the same pages taken
  EXPECT_EQ(next[0], 6u);        // three pages a lane
  EXPECT_EQ(data, original);     // the image is never written
}

}  // namespace
}  // namespace cuarm::test

namespace cuarm::test {
namespace {

// A translated store into a page of decoded words clears the interpreter's decode cache there
// (the interpreter then runs the new word), and one into a page without any clears nothing.
TEST(JitHost, StoresClearTheInterpretersDecodedWords) {
  std::string why;
  if (!have_host_compiler(&why)) GTEST_SKIP() << why;
  Guest g;
  g.map(0, 0x10000, core::kPermR | core::kPermW | core::kPermX);
  // 0x1000: add x0, x0, #1 ; hlt          (the interpreter runs it: its words are decoded)
  // 0x2000: str w2, [x1] ; str x3, [x4] ; hlt   (translated: rewrites 0x1000, writes data at 0x8000)
  const auto first = bytes_of({0x91000400, 0xd4400000});
  const auto second = bytes_of({0xb9000022, 0xf9000083, 0xd4400000});
  g.write(0x1000, first.data(), first.size());
  g.write(0x2000, second.data(), second.size());
  g.s.pc = 0x1000;
  uint64_t n = 0;
  ASSERT_EQ(core::run(g.s, g.view, 100, &n), core::Stop::Halt);
  ASSERT_EQ(g.s.x[0], 1u);
  const uint64_t* decoded = g.view.region[0].decoded;
  ASSERT_NE(decoded[0x1000 / 4], 0u);
  const jit::Translation t = jit::translate({0x2000}, [&g](uint64_t a, uint32_t* w) { return g.fetch(a, w); });
  const Compiled fn = compile_on_host(t.source, &why);
  ASSERT_TRUE(fn.flat) << why;
  g.s.pc = 0x2000;
  g.s.x[1] = 0x1000, g.s.x[2] = 0x91000800;  // add x0, x0, #2
  g.s.x[3] = 0x1122334455667788, g.s.x[4] = 0x8000;
  uint32_t w = 0;
  EXPECT_EQ(core::Stop(fn.flat(&g.s, &g.view, 100, &n, &w)), core::Stop::Halt);
  EXPECT_EQ(decoded[0x1000 / 4], 0u);  // cleared: the word changed
  EXPECT_NE(decoded[0x1004 / 4], 0u);  // its neighbour untouched
  g.s.pc = 0x1000;
  g.s.x[0] = 0;
  ASSERT_EQ(core::run(g.s, g.view, 100, &n), core::Stop::Halt);
  EXPECT_EQ(g.s.x[0], 2u);  // the new word ran
  uint64_t x = 0, bad;
  ASSERT_TRUE(g.view.read<uint64_t>(0x8000, x, &bad));
  EXPECT_EQ(x, 0x1122334455667788u);
}

}  // namespace
}  // namespace cuarm::test
