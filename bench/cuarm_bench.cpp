// cuarm-bench: the seed's two loops on cuarm's backends and on Unicorn, in the same run, as a table.
//   add_b      : add x0, x0, #1 ; b .-4
//   add_str_b  : add x0, x0, #1 ; str x0, [x1] ; b .-8
// Unicorn runs twice: with `count` (uc_emu_start's instruction limit, which makes Unicorn
// count every instruction) and without (a time limit; instructions = iterations from x0).
#include <CLI/CLI.hpp>
#include <cuarm/cuarm.hpp>
#include <fmt/format.h>
#include <unicorn/unicorn.h>

#include <chrono>
#include <string>
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

}  // namespace

int main(int argc, char** argv) {
  CLI::App app{"cuarm-bench: cuarm beside Unicorn on the seed's loops"};
  uint64_t n = 100'000'000;
  std::string backend = "cpu";
  app.add_option("-n,--instructions", n, "instructions per run (default 100M)");
  app.add_option("--backend", backend, "cuarm backend: cpu | cuda | auto")->check(CLI::IsMember({"auto", "cpu", "cuda"}));
  CLI11_PARSE(app, argc, argv);
  try {
    const auto kind = cuarm::parse_backend(backend);
    fmt::print("{:<10} {:<24} {:>14} {:>10} {:>14} {:>10}\n", "loop", "engine", "instructions", "seconds", "IPS",
               "vs cuarm");
    for (const auto& loop : kLoops) {
      std::vector<Row> rows;
      rows.push_back(run_cuarm(loop, kind, false, n));
      rows.push_back(run_cuarm(loop, kind, true, n));
      rows.push_back(run_unicorn(loop, true, n, 0));
      rows.push_back(run_unicorn(loop, false, n, rows[0].seconds > 0.5 ? rows[0].seconds : 0.5));
      for (const auto& r : rows)
        fmt::print("{:<10} {:<24} {:>14} {:>10.3f} {:>14.3e} {:>9.2f}x\n", r.loop, r.engine, r.instructions, r.seconds,
                   r.ips(), rows[0].ips() / r.ips());
    }
  } catch (const cuarm::Error& e) {
    fmt::print(stderr, "cuarm-bench: {}\n", e.what());
    return 1;
  }
}
