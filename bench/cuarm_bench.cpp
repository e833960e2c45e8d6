// cuarm-bench: the seed's two loops on cuarm's backends and on Unicorn, in the same run, as a table.
//   add_b      : add x0, x0, #1 ; b .-4
//   add_str_b  : add x0, x0, #1 ; str x0, [x1] ; b .-8
// Unicorn runs twice: with `count` (uc_emu_start's instruction limit, which makes Unicorn
// count every instruction) and without (a time limit; instructions = iterations from x0).
#include <CLI/CLI.hpp>
#include <cuarm/batch.hpp>
#include <cuarm/cuarm.hpp>
#include <fmt/format.h>
#include <unicorn/unicorn.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <fstream>
#include <iterator>
#include <random>
#include <string>
#include <thread>
#include <vector>

namespace {

struct Loop {
  std::string name;
  std::vector<uint32_t> words;
};

const std::vector<Loop> kLoops = {
    {"add_b", {0x91000400 /* add x0, x0, #1 */, 0x17ffffff /* b .-4 */}},
    {"add_str_b", {0x91000400 /* add x0, x0, #1 */, 0xf9000020 /* str x0, [x1] */, 0x17fffffe /* b .-8 */}},
};

constexpr uint64_t kCode = 0x1000, kData = 0x10000;

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
  uint64_t x1 = kData, x0 = 0;
  check(uc_reg_write(uc, UC_ARM64_REG_X1, &x1), "reg");
  const auto t0 = std::chrono::steady_clock::now();
  if (count)
    check(uc_emu_start(uc, kCode, 0xfffffff0, 0, n), "run");
  else
    check(uc_emu_start(uc, kCode, 0xfffffff0, uint64_t(seconds * 1e6), 0), "run");
  const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  uc_reg_read(uc, UC_ARM64_REG_X0, &x0);
  uc_close(uc);
  // Without count, the loop counter tells how many iterations ran.
  const uint64_t done = count ? n : x0 * loop.words.size();
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
  CLI::App app{"cuarm-bench: cuarm beside Unicorn on the seed's loops"};
  uint64_t n = 100'000'000;
  std::string backend = "cpu";
  app.add_option("-n,--instructions", n, "instructions per run (default 100M)");
  app.add_option("--backend", backend, "cuarm backend: cpu | cuda | auto")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  uint64_t lanes = 0, iters = 100000, hash_lanes = 0;
  bool scaling = false;
  int repeat = 5;
  app.add_option("--repeat", repeat, "runs of each single-guest row; the median is printed (default 5)");
  app.add_flag("--scaling", scaling,
               "with --batch-lanes on cuda: the counted loop on 1, 2, 4, ... visible GPUs, --batch-lanes per GPU");
  app.add_option("--hash-lanes", hash_lanes, "also run the compiled-C hash workload with this many lanes (0: skip)");
  app.add_option("--batch-lanes", lanes, "also run the batch counted loop with this many lanes (0: skip)");
  app.add_option("--batch-iters", iters, "iterations of the counted loop per lane (3 instructions each)");
  int batch_runs = 1;
  app.add_option("--batch-runs", batch_runs,
                 "runs of each batch row (on cuda the first includes compiling the translation, later ones reuse it)");
  CLI11_PARSE(app, argc, argv);
  try {
    const auto kind = cuarm::parse_backend(backend);
    fmt::print("{:<10} {:<24} {:>14} {:>10} {:>14} {:>10}\n", "loop", "engine", "instructions", "seconds", "IPS",
               "vs cuarm");
    for (const auto& loop : kLoops) {
      std::vector<Row> rows;
      rows.push_back(median_of(repeat, [&] { return run_cuarm(loop, kind, false, n); }));
      rows.push_back(median_of(repeat, [&] { return run_cuarm(loop, kind, true, n); }));
      rows.push_back(median_of(repeat, [&] { return run_unicorn(loop, true, n, 0); }));
      const double limit = rows[0].seconds > 0.5 ? rows[0].seconds : 0.5;
      rows.push_back(median_of(repeat, [&] { return run_unicorn(loop, false, n, limit); }));
      for (const auto& r : rows)
        fmt::print("{:<10} {:<24} {:>14} {:>10.3f} {:>14.3e} {:>9.2f}x\n", r.loop, r.engine, r.instructions, r.seconds,
                   r.ips(), rows[0].ips() / r.ips());
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
    const HashWork w = hash_lanes ? make_hash_work(hash_lanes) : HashWork{};
    for (int run = 0; hash_lanes && run < batch_runs; ++run) {
      uint64_t lane_bytes = 0;
      const Row ours = run_hash_batch(kind, w, &lane_bytes);
      Row uc = run_hash_unicorn(w, hash_lanes);
      uc.instructions = ours.instructions;  // the same lanes, so the same instructions retired
      for (const auto& r : {ours, uc})
        fmt::print("{:<10} {:<24} {:>14} {:>10.3f} {:>14.3e} {:>9.2f}x\n", r.loop, r.engine, r.instructions, r.seconds,
                   r.ips(), ours.ips() / r.ips());
      fmt::print("hash_c: {} bytes of memory per lane; all {} lanes checked against the host\n", lane_bytes, hash_lanes);
    }
  } catch (const cuarm::Error& e) {
    fmt::print(stderr, "cuarm-bench: {}\n", e.what());
    return 1;
  }
}
