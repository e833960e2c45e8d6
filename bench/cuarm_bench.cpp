// cuarm-bench: the seed's two loops on cuarm's backends and on Unicorn, in the same run, as a table.
//   add_b      : add x0, x0, #1 ; b .-4
//   add_str_b  : add x0, x0, #1 ; str x0, [x1] ; b .-8
// Unicorn runs twice: with `count` (uc_emu_start's instruction limit, which makes Unicorn
// count every instruction) and without (a time limit; instructions = iterations from x0).
// --fp adds FP and SIMD loops (bench/programs/fp_simd_loops.S): a double dot product, a memcpy
// through Q registers and a chain of single-precision adds, each checked against the host.
// --programs times whole programs of the test corpus beside qemu-aarch64 (program_rows.cpp).
#include <CLI/CLI.hpp>
#include <cuarm/batch.hpp>
#include <cuarm/cuarm.hpp>
#include <fmt/format.h>
#include <unicorn/unicorn.h>

#include <algorithm>
#include <atomic>
#include <bit>
#include <chrono>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <fstream>
#include <functional>
#include <iterator>
#include <memory>
#include <random>
#include <string>
#include <thread>
#include <vector>

#include "program_rows.hpp"

namespace {

constexpr uint64_t kCode = 0x1000, kData = 0x10000;

// What a loop's check and counters read after a run.
struct Guest {
  uint64_t x[8] = {};
  uint64_t d[8] = {};         // low 64 bits of V0..V7
  std::vector<uint8_t> data;  // Loop::data's range, read back
};

struct Loop {
  std::string name;
  std::vector<uint32_t> words;
  // Instructions retired, from the loop's own counters (Unicorn without `count`).
  std::function<uint64_t(const Guest&)> retired;
  std::vector<uint8_t> data;  // written at kData before the run
  std::vector<uint64_t> d;    // initial D0..D7 (the rest zero)
  // After exactly n instructions: "" when the guest's state is right, else what is wrong.
  std::function<std::string(const Guest&, uint64_t n)> check;
};

const std::vector<Loop> kLoops = {
    {"add_b", {0x91000400 /* add x0, x0, #1 */, 0x17ffffff /* b .-4 */}, [](const Guest& g) { return g.x[0] * 2; }},
    {"add_str_b",
     {0x91000400 /* add x0, x0, #1 */, 0xf9000020 /* str x0, [x1] */, 0x17fffffe /* b .-8 */},
     [](const Guest& g) { return g.x[0] * 3; }},
};

// The FP and SIMD loops (--fp). Each runs forever; an outer loop reloads the pointers so that any
// number of instructions stays inside the data region. Addresses are those of flat memory.
constexpr uint64_t kDotA = 0x10000, kDotB = 0x20000, kDotLen = 1024, kDotPass = 5 * kDotLen + 5;
constexpr uint64_t kCpySrc = 0x30000, kCpyDst = 0x40000, kCpyBytes = 8192, kCpyPass = 4 * (kCpyBytes / 32) + 5;
constexpr uint64_t kFpDataSize = kCpyDst + kCpyBytes - kData;

std::vector<Loop> fp_loops() {
  std::mt19937_64 rng(5);
  std::vector<Loop> loops;
  {
    Loop l{"fdot",
           {
               0xd2a00021,  // mov   x1, #0x10000      (outer: A)
               0xd2a00042,  // mov   x2, #0x20000      (B)
               0xd2808003,  // mov   x3, #1024
               0xfc408421,  // ldr   d1, [x1], #8      (inner)
               0xfc408442,  // ldr   d2, [x2], #8
               0x1f420020,  // fmadd d0, d1, d2, d0
               0xf1000463,  // subs  x3, x3, #1
               0x54ffff81,  // b.ne  inner
               0x91000484,  // add   x4, x4, #1        (passes)
               0x17fffff7,  // b     outer
           },
           [](const Guest& g) { return g.x[4] * kDotPass + 3 + 5 * (kDotLen - std::min(g.x[3], kDotLen)); }};
    l.data.assign(kFpDataSize, 0);
    std::uniform_real_distribution<double> u(-1.0, 1.0);
    std::vector<double> a(kDotLen), b(kDotLen);
    for (auto& v : a) v = u(rng);
    for (auto& v : b) v = u(rng);
    std::memcpy(l.data.data() + (kDotA - kData), a.data(), kDotLen * 8);
    std::memcpy(l.data.data() + (kDotB - kData), b.data(), kDotLen * 8);
    // The host's fused multiply-add chain over the same elements in the same order (FPCR = 0:
    // round to nearest, no flush to zero), computed once per n.
    auto memo = std::make_shared<std::pair<uint64_t, double>>(UINT64_MAX, 0.0);
    l.check = [a, b, memo](const Guest& g, uint64_t n) -> std::string {
      const uint64_t passes = n / kDotPass, rem = n % kDotPass;
      // In a pass, element k's fmadd is instruction 5k + 5 (after the 3 moves and 2 loads).
      const uint64_t part = rem >= 6 ? std::min(kDotLen, (rem - 6) / 5 + 1) : 0;
      if (memo->first != n) {
        double d = 0;
        for (uint64_t i = 0; i < passes * kDotLen + part; ++i) d = std::fma(a[i % kDotLen], b[i % kDotLen], d);
        *memo = {n, d};
      }
      const uint64_t want = std::bit_cast<uint64_t>(memo->second);
      if (g.d[0] != want || g.x[4] != passes)
        return fmt::format("d0=0x{:016x} x4={}, expected 0x{:016x} ({}) and {}", g.d[0], g.x[4], want, memo->second,
                           passes);
      return "";
    };
    loops.push_back(std::move(l));
  }
  {
    Loop l{"neon_memcpy",
           {
               0xd2a00061,  // mov   x1, #0x30000      (outer: source)
               0xd2a00082,  // mov   x2, #0x40000      (destination)
               0xd2802003,  // mov   x3, #256          (32-byte chunks)
               0xacc10420,  // ldp   q0, q1, [x1], #32 (inner)
               0xac810440,  // stp   q0, q1, [x2], #32
               0xf1000463,  // subs  x3, x3, #1
               0x54ffffa1,  // b.ne  inner
               0x91000484,  // add   x4, x4, #1        (copies)
               0x17fffff8,  // b     outer
           },
           [](const Guest& g) {
             return g.x[4] * kCpyPass + 3 + 4 * (kCpyBytes / 32 - std::min(g.x[3], kCpyBytes / 32));
           }};
    l.data.assign(kFpDataSize, 0);
    for (uint64_t i = 0; i < kCpyBytes; ++i) l.data[kCpySrc - kData + i] = uint8_t(rng());
    l.check = [](const Guest& g, uint64_t n) -> std::string {
      const uint8_t* src = g.data.data() + (kCpySrc - kData);
      const uint8_t* dst = g.data.data() + (kCpyDst - kData);
      if (n < kCpyPass) return "too few instructions for one whole copy";
      if (std::memcmp(src, dst, kCpyBytes) != 0 || g.x[4] != n / kCpyPass)
        return fmt::format("destination differs from the source or x4={} (expected {})", g.x[4], n / kCpyPass);
      return "";
    };
    loops.push_back(std::move(l));
  }
  {
    Loop l{"fadd_chain",
           {
               0x1e212800,  // fadd s0, s0, s1
               0x1e232842,  // fadd s2, s2, s3
               0x1e252884,  // fadd s4, s4, s5
               0x1e2728c6,  // fadd s6, s6, s7
               0x91000400,  // add  x0, x0, #1
               0x17fffffb,  // b    .-20
           },
           [](const Guest& g) { return g.x[0] * 6; }};
    // Start values and increments: small steps that stop changing a large sum (rounding), a
    // negative one, and one that rounds up to the next representable value.
    const float start[4] = {0.0f, 1000.0f, -1.0f, 1.0e6f}, step[4] = {0.1f, 1.0e-3f, -0.7f, 3.5f};
    l.d.assign(8, 0);
    for (int i = 0; i < 4; ++i) {
      l.d[2 * i] = std::bit_cast<uint32_t>(start[i]);
      l.d[2 * i + 1] = std::bit_cast<uint32_t>(step[i]);
    }
    l.check = [start, step](const Guest& g, uint64_t n) -> std::string {
      for (int i = 0; i < 4; ++i) {
        // The i-th fadd is instruction i of each 6-instruction iteration.
        const uint64_t adds = n / 6 + (n % 6 > uint64_t(i) ? 1 : 0);
        volatile float s = start[i];  // volatile: one rounded float add at a time, as the guest
        for (uint64_t k = 0; k < adds; ++k) s = s + step[i];
        const uint64_t want = std::bit_cast<uint32_t>(float(s));
        if (g.d[2 * i] != want)
          return fmt::format("s{}=0x{:08x}, expected 0x{:08x} ({} after {} adds)", 2 * i, g.d[2 * i], want, float(s),
                             adds);
      }
      if (g.x[0] != n / 6) return fmt::format("x0={}, expected {}", g.x[0], n / 6);
      return "";
    };
    loops.push_back(std::move(l));
  }
  return loops;
}

struct Row {
  std::string loop, engine;
  uint64_t instructions;
  double seconds;
  double ips() const { return seconds > 0 ? instructions / seconds : 0; }
};

std::vector<uint8_t> bytes_of(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> b;
  for (uint32_t w : words)
    for (int i = 0; i < 4; ++i) b.push_back(uint8_t(w >> (8 * i)));
  return b;
}

Row run_cuarm(const Loop& loop, cuarm::BackendKind kind, bool async, uint64_t n) {
  cuarm::MachineOptions o;
  o.backend = kind;
  cuarm::Machine m(o);
  m.load_program(bytes_of(loop.words), kCode);
  m.set_pc(kCode);
  m.set_x(1, kData);
  if (!loop.data.empty()) m.write_memory(kData, loop.data);
  if (!loop.d.empty()) {
    auto r = m.registers();
    for (size_t i = 0; i < loop.d.size(); ++i) r.v[i][0] = loop.d[i];
    m.set_registers(r);
  }
  cuarm::Status st;
  if (async) {
    m.start(n);
    while (!m.wait_for(0.001)) (void)m.poll();  // a caller watching progress, as the seed's async mode
    st = m.wait();
  } else {
    st = m.run(n);
  }
  if (st.signal != cuarm::StopReason::MaxCycles || st.cycles_executed != n)
    throw cuarm::Error(fmt::format("{}: unexpected stop {} after {}", loop.name, st.signal_name(), st.cycles_executed));
  if (loop.check) {
    Guest g;
    const auto r = m.registers();
    for (int i = 0; i < 8; ++i) g.x[i] = r.x[i], g.d[i] = r.v[i][0];
    g.data = m.read_memory(kData, loop.data.size());
    if (const auto bad = loop.check(g, n); !bad.empty())
      throw cuarm::Error(fmt::format("{} on cuarm: wrong result after {} instructions: {}", loop.name, n, bad));
  }
  return {loop.name, fmt::format("cuarm {} {}", m.backend_name(), async ? "async" : "blocking"), n, st.elapsed_seconds};
}

void check(uc_err e, const char* what) {
  if (e != UC_ERR_OK) throw cuarm::Error(fmt::format("unicorn {}: {}", what, uc_strerror(e)));
}

Row run_unicorn(const Loop& loop, bool count, uint64_t n, double seconds) {
  uc_engine* uc;
  check(uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc), "open");
  check(uc_mem_map(uc, 0, 4 << 20, UC_PROT_ALL), "map");
  const auto code = bytes_of(loop.words);
  check(uc_mem_write(uc, kCode, code.data(), code.size()), "write");
  uint64_t x1 = kData;
  check(uc_reg_write(uc, UC_ARM64_REG_X1, &x1), "reg");
  if (!loop.data.empty()) check(uc_mem_write(uc, kData, loop.data.data(), loop.data.size()), "write");
  for (size_t i = 0; i < loop.d.size(); ++i) check(uc_reg_write(uc, UC_ARM64_REG_D0 + int(i), &loop.d[i]), "reg");
  const auto t0 = std::chrono::steady_clock::now();
  if (count)
    check(uc_emu_start(uc, kCode, 0xfffffff0, 0, n), "run");
  else
    check(uc_emu_start(uc, kCode, 0xfffffff0, uint64_t(seconds * 1e6), 0), "run");
  const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  Guest g;
  for (int i = 0; i < 8; ++i) {
    check(uc_reg_read(uc, UC_ARM64_REG_X0 + i, &g.x[i]), "reg");
    check(uc_reg_read(uc, UC_ARM64_REG_D0 + i, &g.d[i]), "reg");
  }
  g.data.resize(loop.data.size());
  if (!g.data.empty()) check(uc_mem_read(uc, kData, g.data.data(), g.data.size()), "read");
  uc_close(uc);
  // With count Unicorn stopped after exactly n, which the check can verify; without, the loop's
  // counters tell how many instructions ran.
  if (count && loop.check)
    if (const auto bad = loop.check(g, n); !bad.empty())
      throw cuarm::Error(fmt::format("{} on Unicorn: wrong result after {} instructions: {}", loop.name, n, bad));
  const uint64_t done = count ? n : loop.retired(g);
  return {loop.name, count ? "unicorn (count)" : "unicorn (no count)", done, dt};
}

// The batch loop: x0 iterations of add x1, x1, #1 ; subs x0, x0, #1 ; b.ne (3 instructions).
const std::vector<uint32_t> kCountedLoop = {0x91000421, 0xf1000400, 0x54ffffc1, 0xd4400000};

Row run_batch(cuarm::BackendKind kind, uint64_t lanes, uint64_t iters, std::vector<int> devices = {}) {
  cuarm::BatchOptions o;
  o.lanes = lanes;
  o.backend = kind;
  o.devices = std::move(devices);
  cuarm::Batch b(o);
  b.map(kCode, 0x1000, cuarm::PermRX);
  b.map(kData, 0x1000, cuarm::PermRW);
  b.load_program(bytes_of(kCountedLoop), kCode);
  b.set_pc(kCode);
  b.set_x(0, iters);
  const auto st = b.run(UINT64_MAX);
  const uint64_t expect = lanes * 3 * iters;  // the HLT stops without retiring
  if (st.cycles_executed != expect || st.by_reason[uint8_t(cuarm::StopReason::Halt)] != lanes)
    throw cuarm::Error(fmt::format("batch: {} instructions, {} lanes halted; expected {} and {}", st.cycles_executed,
                                   st.by_reason[uint8_t(cuarm::StopReason::Halt)], expect, lanes));
  return {"counted", fmt::format("cuarm batch {} x{}", b.backend_name(), lanes), st.cycles_executed, st.elapsed_seconds};
}

// Unicorn on every core: one engine per thread, each running the counted loop.
Row run_unicorn_all_cores(uint64_t iters) {
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  const auto t0 = std::chrono::steady_clock::now();
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([iters] {
      uc_engine* uc;
      uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc);
      uc_mem_map(uc, 0, 1 << 20, UC_PROT_ALL);
      const auto code = bytes_of(kCountedLoop);
      uc_mem_write(uc, kCode, code.data(), code.size());
      uint64_t x0 = iters;
      uc_reg_write(uc, UC_ARM64_REG_X0, &x0);
      uc_emu_start(uc, kCode, kCode + 12, 0, 0);  // until the hlt
      uc_close(uc);
    });
  for (auto& th : pool) th.join();
  const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  return {"counted", fmt::format("unicorn x{} threads", threads), threads * 3 * iters, dt};
}

// The compiled-C batch workload (examples/hash_lanes.c): lane i hashes its own input of a
// random length, so lanes diverge. Each lane's result is checked against the host.
struct HashWork {
  std::vector<uint8_t> elf;
  uint64_t entry = 0, hlt = 0;
  std::vector<uint8_t> inputs;  // lane-major, kHashStride bytes a lane
  std::vector<uint64_t> lengths, expect;
};
constexpr uint64_t kHashInput = 0x10000000, kHashStride = 4096, kHashRounds = 4;
constexpr uint64_t kHashStackTop = 0x20000000, kHashStack = 4096;

uint64_t host_hash(const uint8_t* p, uint64_t n, uint64_t rounds) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (uint64_t r = 0; r < rounds; ++r) {
    for (uint64_t i = 0; i < n; ++i) h = (h ^ p[i]) * 0x100000001b3ull;
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
  }
  return h;
}

HashWork make_hash_work(uint64_t lanes) {
  HashWork w;
  const std::string path = std::string(CUARM_EXAMPLES_DIR) + "/hash_lanes";
  std::ifstream f(path, std::ios::binary);
  if (!f) throw cuarm::Error("cannot open " + path + " (built with aarch64-linux-gnu-gcc)");
  w.elf.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  cuarm::MachineOptions o;
  o.memory_size = 0;
  o.backend = cuarm::BackendKind::Cpu;
  cuarm::Machine probe(o);
  w.entry = probe.load_elf(w.elf).entry;
  w.hlt = w.entry + 4;  // _start: bl hash_lane ; hlt #0
  std::mt19937_64 rng(42);
  w.inputs.resize(lanes * kHashStride);
  for (auto& b : w.inputs) b = uint8_t(rng());
  for (uint64_t l = 0; l < lanes; ++l) {
    w.lengths.push_back(256 + rng() % (kHashStride - 255));
    w.expect.push_back(host_hash(w.inputs.data() + l * kHashStride, w.lengths.back(), kHashRounds));
  }
  return w;
}

Row run_hash_batch(cuarm::BackendKind kind, const HashWork& w, uint64_t* lane_bytes) {
  const uint64_t lanes = w.lengths.size();
  cuarm::BatchOptions o;
  o.lanes = lanes;
  o.backend = kind;
  cuarm::Batch b(o);
  b.load_elf(w.elf);
  b.map(kHashInput, kHashStride, cuarm::PermRW);
  b.map(kHashStackTop - kHashStack, kHashStack, cuarm::PermRW);
  b.write_memory_lanes(kHashInput, w.inputs, kHashStride);
  b.set_x(0, kHashInput);
  b.set_x(1, w.lengths);
  b.set_x(2, kHashRounds);
  b.set_sp(kHashStackTop);
  const auto st = b.run(UINT64_MAX);
  const auto x0 = b.x(0);
  for (uint64_t l = 0; l < lanes; ++l)
    if (b.lane_status(l).signal != cuarm::StopReason::Halt || x0[l] != w.expect[l])
      throw cuarm::Error(fmt::format("hash batch: lane {} stopped with {} and x0=0x{:x}, expected HALT and 0x{:x}", l,
                                     b.lane_status(l).signal_name(), x0[l], w.expect[l]));
  *lane_bytes = b.memory_per_lane();
  return {"hash_c", fmt::format("cuarm batch {} x{}", b.backend_name(), lanes), st.cycles_executed, st.elapsed_seconds};
}

// Unicorn on every core: each thread takes every T-th lane, runs it to the HLT, checks it.
Row run_hash_unicorn(const HashWork& w, uint64_t lanes) {
  const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
  std::vector<std::thread> pool;
  std::atomic<bool> ok{true};
  const auto t0 = std::chrono::steady_clock::now();
  for (unsigned t = 0; t < threads; ++t)
    pool.emplace_back([&, t] {
      uc_engine* uc;
      uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc);
      uc_mem_map(uc, 0x400000, 0x10000, UC_PROT_ALL);
      uc_mem_map(uc, kHashInput, kHashStride, UC_PROT_ALL);
      uc_mem_map(uc, kHashStackTop - kHashStack, kHashStack, UC_PROT_ALL);
      // The ELF's one PT_LOAD starts at file offset 0, address 0x400000.
      uc_mem_write(uc, 0x400000, w.elf.data(), std::min<size_t>(w.elf.size(), 0x10000));
      for (uint64_t l = t; l < lanes; l += threads) {
        uc_mem_write(uc, kHashInput, w.inputs.data() + l * kHashStride, kHashStride);
        uint64_t x0 = kHashInput, x1 = w.lengths[l], x2 = kHashRounds, sp = kHashStackTop;
        uc_reg_write(uc, UC_ARM64_REG_X0, &x0);
        uc_reg_write(uc, UC_ARM64_REG_X1, &x1);
        uc_reg_write(uc, UC_ARM64_REG_X2, &x2);
        uc_reg_write(uc, UC_ARM64_REG_SP, &sp);
        uc_emu_start(uc, w.entry, w.hlt, 0, 0);
        uc_reg_read(uc, UC_ARM64_REG_X0, &x0);
        if (x0 != w.expect[l]) ok = false;
      }
      uc_close(uc);
    });
  for (auto& th : pool) th.join();
  const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  if (!ok) throw cuarm::Error("hash: a Unicorn lane computed a wrong hash");
  // Unicorn ran the same lanes, so it retired the same instructions (the caller fills them in).
  return {"hash_c", fmt::format("unicorn x{} threads", threads), 0, dt};
}

// The run with the median IPS of `repeat` runs (this machine's timings vary from run to run).
template <class F>
Row median_of(int repeat, F&& run) {
  std::vector<Row> rows;
  for (int i = 0; i < std::max(1, repeat); ++i) rows.push_back(run());
  std::sort(rows.begin(), rows.end(), [](const Row& a, const Row& b) { return a.ips() < b.ips(); });
  return rows[rows.size() / 2];
}

}  // namespace

int main(int argc, char** argv) {
  // Rows appear as they are measured, also into a pipe (a run cut short by a timeout keeps them).
  std::setvbuf(stdout, nullptr, _IOLBF, 0);
  CLI::App app{"cuarm-bench: cuarm beside Unicorn on the seed's loops"};
  uint64_t n = 100'000'000;
  std::string backend = "cpu";
  app.add_option("-n,--instructions", n, "instructions per run (default 100M)");
  app.add_option("--backend", backend, "cuarm backend: cpu | cuda | auto")->check(CLI::IsMember(cuarm::backend_names()));
  uint64_t lanes = 0, iters = 100000, hash_lanes = 0;
  bool scaling = false, fp = false;
  int repeat = 5;
  app.add_option("--repeat", repeat, "runs of each single-guest row; the median is printed (default 5)");
  app.add_flag("--scaling", scaling,
               "with --batch-lanes on cuda: the counted loop on 1, 2, 4, ... visible GPUs, --batch-lanes per GPU");
  app.add_flag("--fp", fp,
               "also run the FP and SIMD single-guest loops (fdot: double dot product with fmadd; neon_memcpy: "
               "ldp/stp of Q registers; fadd_chain: single-precision adds), each checked against the host");
  app.add_option("--hash-lanes", hash_lanes, "also run the compiled-C hash workload with this many lanes (0: skip)");
  app.add_option("--batch-lanes", lanes, "also run the batch counted loop with this many lanes (0: skip)");
  app.add_option("--batch-iters", iters, "iterations of the counted loop per lane (3 instructions each)");
  int batch_runs = 1;
  app.add_option("--batch-runs", batch_runs,
                 "runs of each batch row (on cuda the first includes compiling the translation, later ones reuse it)");
  ProgramBenchOptions progs;
  progs.dir = CUARM_PROGRAMS_DIR;
  progs.syscall_loop = CUARM_SYSCALL_LOOP;
  bool programs = false, skip_loops = false;
  std::vector<std::string> only;
  app.add_option("--loop", only, "run only these single-guest loops (repeatable; e.g. --fp --loop fdot)");
  app.add_flag("--skip-loops", skip_loops, "leave out the single-guest loop rows (add_b, add_str_b, --fp)");
  app.add_flag("--programs", programs,
               "also run whole static programs of the test corpus (checked: same stdout and exit status) under cuarm "
               "and qemu-aarch64 -cpu cortex-a53, and time one syscall round trip");
  app.add_option("--program-dir", progs.dir, "where --programs finds them (default: the corpus built at -O2)");
  progs.names = {"mandelbrot", "nqueens", "sudoku", "matmul_double", "sha256_soft", "printf_float_g", "math_sweep",
                 "neon_matmul_f32"};
  app.add_option("--program", progs.names, "a program of --program-dir (repeatable; default: a mix of eight)");
  progs.syscalls = 100000;
  app.add_option("--syscalls", progs.syscalls, "getppid round trips timed by --programs (0: skip)");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto kind = cuarm::parse_backend(backend);
    std::vector<Loop> loops = kLoops;
    if (fp)
      for (auto& l : fp_loops()) loops.push_back(std::move(l));
    size_t w = 10;  // the loop column: 10 wide unless a name is longer
    for (const auto& l : loops) w = std::max(w, l.name.size());
    fmt::print("{:<{}} {:<24} {:>14} {:>10} {:>14} {:>10}\n", "loop", w, "engine", "instructions", "seconds", "IPS",
               "vs cuarm");
    if (skip_loops) loops.clear();
    if (!only.empty()) {
      for (const auto& name : only)
        if (std::none_of(loops.begin(), loops.end(), [&](const Loop& l) { return l.name == name; }))
          throw cuarm::Error(fmt::format("--loop {}: no such loop (add --fp for the FP/SIMD loops)", name));
      std::erase_if(loops, [&](const Loop& l) { return std::find(only.begin(), only.end(), l.name) == only.end(); });
    }
    for (const auto& loop : loops) {
      std::vector<Row> rows;
      rows.push_back(median_of(repeat, [&] { return run_cuarm(loop, kind, false, n); }));
      rows.push_back(median_of(repeat, [&] { return run_cuarm(loop, kind, true, n); }));
      rows.push_back(median_of(repeat, [&] { return run_unicorn(loop, true, n, 0); }));
      const double limit = rows[0].seconds > 0.5 ? rows[0].seconds : 0.5;
      rows.push_back(median_of(repeat, [&] { return run_unicorn(loop, false, n, limit); }));
      for (const auto& r : rows)
        fmt::print("{:<{}} {:<24} {:>14} {:>10.3f} {:>14.3e} {:>9.2f}x\n", r.loop, w, r.engine, r.instructions,
                   r.seconds, r.ips(), rows[0].ips() / r.ips());
    }
    for (int run = 0; lanes && run < batch_runs; ++run) {
      const Row ours = run_batch(kind, lanes, iters);
      // Unicorn gets about as much work per thread as one second of ours, and at least one lane's.
      const unsigned threads = std::max(1u, std::thread::hardware_concurrency());
      const uint64_t uc_iters = std::max<uint64_t>(iters, uint64_t(ours.ips() / threads / 3));
      const Row uc = run_unicorn_all_cores(uc_iters);
      for (const auto& r : {ours, uc})
        fmt::print("{:<10} {:<24} {:>14} {:>10.3f} {:>14.3e} {:>9.2f}x\n", r.loop, r.engine, r.instructions, r.seconds,
                   r.ips(), ours.ips() / r.ips());
    }
    if (scaling && lanes) {
      int gpus = 0;
      {
        cuarm::BatchOptions probe;
        probe.backend = cuarm::BackendKind::Cuda;
        gpus = int(cuarm::Batch(probe).devices().size());
      }
      double one = 0;
      for (int n = 1; n <= gpus; n *= 2) {
        std::vector<int> devs;
        for (int d = 0; d < n; ++d) devs.push_back(d);
        const Row r = run_batch(cuarm::BackendKind::Cuda, lanes * n, iters, devs);
        if (n == 1) one = r.ips();
        fmt::print("scaling    {} GPU(s) {:<16} {:>14} {:>10.3f} {:>14.3e} efficiency {:.2f}\n", n, "", r.instructions,
                   r.seconds, r.ips(), r.ips() / (one * n));
      }
    }
    const HashWork work = hash_lanes ? make_hash_work(hash_lanes) : HashWork{};
    for (int run = 0; hash_lanes && run < batch_runs; ++run) {
      uint64_t lane_bytes = 0;
      const Row ours = run_hash_batch(kind, work, &lane_bytes);
      Row uc = run_hash_unicorn(work, hash_lanes);
      uc.instructions = ours.instructions;  // the same lanes, so the same instructions retired
      for (const auto& r : {ours, uc})
        fmt::print("{:<10} {:<24} {:>14} {:>10.3f} {:>14.3e} {:>9.2f}x\n", r.loop, r.engine, r.instructions, r.seconds,
                   r.ips(), ours.ips() / r.ips());
      fmt::print("hash_c: {} bytes of memory per lane; all {} lanes checked against the host\n", lane_bytes, hash_lanes);
    }
    if (programs) {
      progs.kind = kind;
      progs.repeat = std::max(1, std::min(repeat, 3));
      run_program_rows(progs);
    }
  } catch (const cuarm::Error& e) {
    fmt::print(stderr, "cuarm-bench: {}\n", e.what());
    return 1;
  }
}
