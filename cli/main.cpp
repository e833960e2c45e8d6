// The `cuarm` command: run a static AArch64 ELF (or a raw binary) and report how it stopped;
// `cuarm batch` (batch_command.cpp) runs many lanes of one program.
#include <CLI/CLI.hpp>
#include <cuarm/cuarm.hpp>
#include <cuarm/process.hpp>
#include <fmt/format.h>
#include <unistd.h>

#include <csignal>
#include <cstring>
#include <filesystem>
#include <functional>
#include <fstream>
#include <iterator>
#include <limits>
#include <set>

#include "batch_command.hpp"
#include "options.hpp"
#include "processes_command.hpp"
#include "qemu_options.hpp"
#include "shell_docs.hpp"
#include "trace.hpp"

namespace {

using cuarm::exit_code_for;

std::string describe(const cuarm::Status& st) {
  using cuarm::StopReason;
  std::string s = fmt::format("{} at pc=0x{:x}", st.signal_name(), st.pc);
  if (st.signal == StopReason::Fault)
    s += fmt::format(" ({} of 0x{:x})", cuarm::access_kind_name(st.fault_access), st.fault_address);
  if (st.signal == StopReason::Undefined) s += fmt::format(" (instruction word 0x{:08x})", st.insn);
  if (st.signal == StopReason::Syscall) s += fmt::format(" (x8={})", st.syscall);
  if (st.signal == StopReason::Exit) s += fmt::format(" (status {})", st.exit_status);
  return s;
}

}  // namespace

int main(int argc, char** argv) {
  // `cuarm PROGRAM ARGS...` is short for `cuarm run PROGRAM ARGS...` (as qemu-aarch64 is used).
  std::vector<std::string> args(argv, argv + argc);
  // Options before PROGRAM belong to `run` too (`cuarm --mount H:G PROGRAM`, as qemu's options).
  const bool generate = args.size() > 1 && (args[1] == "--man" || args[1] == "--completion");
  if (args.size() > 1 && args[1] != "run" && args[1] != "batch" && args[1] != "processes" && args[1] != "-h" &&
      args[1] != "--help" && !generate)
    args.insert(args.begin() + 1, "run");

  CLI::App app{"cuarm: run AArch64 programs on the CPU or an NVIDIA GPU"};
  app.require_subcommand(1);
  auto* run = app.add_subcommand("run", "run a static AArch64 Linux ELF (or --raw binary)");
  std::string program, backend = "auto";
  std::vector<std::string> guest_args;
  uint64_t max_cycles = std::numeric_limits<uint64_t>::max(), base = 0, entry = 0;
  uint64_t memory_size = 4 << 20;
  bool raw = false, trace = false, stats = false, strace = false, bare = false, deterministic = false;
  std::vector<std::string> mounts, envs;
  std::string cwd = "/";
  uint64_t seed = 0;
  cuarm::ProcessOptions defaults;
  uint64_t stack_size = defaults.stack_size, brk_size = defaults.brk_size, mmap_size = defaults.mmap_size,
           tmp_size = defaults.tmp_size;
  run->add_option("program", program, "program to run")->required();
  run->add_option("args", guest_args, "arguments passed to the guest");
  run->add_flag("--raw", raw, "PROGRAM is a flat binary: load it at --base in flat memory, start at --entry");
  run->add_option("--base", base, "raw: load address (default 0)");
  run->add_option("--entry", entry, "raw: entry point (default: --base)");
  run->add_option("--memory-size", memory_size, "raw: bytes of flat RWX memory at address 0 (default 4 MiB)");
  run->add_option("--max-cycles", max_cycles, "stop after this many instructions (MAX_CYCLES)");
  cuarm::cli::add_backend_option(run, backend);
  run->add_flag("--trace", trace, "print each instruction: pc, word, disassembly, registers written");
  run->add_flag("--stats", stats, "print instructions, seconds, IPS and the stop reason on stderr");
  run->add_flag("--strace", strace, "print each syscall on stderr");
  run->add_flag("--bare", bare, "do not service syscalls: SVC stops the run with SYSCALL (default for --raw)");
  run->add_flag("--deterministic", deterministic,
                "runs repeat exactly: CNTVCT_EL0 and the guest's clocks count instructions, AT_RANDOM/getrandom come from --seed, fixed ids");
  run->add_option("--mount", mounts, "HOST:GUEST[:ro]: let the guest see host path HOST at GUEST (repeatable); nothing else of the host file system is visible")
      ->allow_extra_args(false);
  run->add_option("-E,--env", envs, "NAME=VALUE: set a variable in the guest's environment (repeatable)")
      ->allow_extra_args(false);
  std::vector<std::string> unsets;
  bool clean_env = false;
  run->add_option("-U,--unset-env", unsets, "NAME: remove a variable from the guest's environment (repeatable)")
      ->allow_extra_args(false);
  run->add_flag("--clean-env", clean_env,
                "start the guest's environment empty (by default it is cuarm's own, as qemu-aarch64 passes it)");
  run->add_option("--cwd", cwd, "the guest's working directory (a guest path; default /)");
  run->add_option("--seed", seed, "--deterministic: seed of AT_RANDOM and getrandom (default 0)");
  run->add_option("--stack-size", stack_size, "bytes of guest stack (default 8 MiB)");
  run->add_option("--heap-size", brk_size, "bytes the brk heap may grow to (default 256 MiB)");
  run->add_option("--mmap-size", mmap_size, "bytes of the mmap area (default 1 GiB)");
  run->add_option("--tmp-size", tmp_size, "bytes the guest's private in-memory /tmp may hold (default 64 MiB)");
  std::string argv0;
  run->add_option("--argv0", argv0, "the guest's argv[0] (default: PROGRAM as given; qemu's -0)");
  run->set_version_flag("--version", "cuarm " CUARM_VERSION);
  run->footer(
      "qemu-aarch64's options work too, before PROGRAM: -cpu NAME (cuarm runs the Cortex-A53 profile; another\n"
      "name gives a note), -strace, -0 ARGV0, -s SIZE (stack, k/M/G), -E, -U, -L PATH (ignored: static programs\n"
      "have no loader; --mount shows host files), -version. Its others (-d, -g, -seed, ...) are refused.");
  run->positionals_at_end();
  cuarm::cli::BatchCommand batch(app);
  cuarm::cli::ProcessesCommand processes(app);
  std::vector<std::string> notes;
  // `cuarm --man` and `cuarm --completion bash|zsh`: from the definitions above.
  if (generate) {
    if (args[1] == "--man" && args.size() == 2) {
      fmt::print("{}", cuarm::cli::man_page(app, "cuarm " CUARM_VERSION));
      return 0;
    }
    if (args.size() == 3 && (args[2] == "bash" || args[2] == "zsh")) {
      fmt::print("{}", args[2] == "bash" ? cuarm::cli::bash_completion(app) : cuarm::cli::zsh_completion(app));
      return 0;
    }
    fmt::print(stderr, "cuarm: error: usage: cuarm --man | cuarm --completion bash|zsh\n");
    return 1;
  }
  if (args.size() > 1 && args[1] == "run") {
    std::set<std::string> value_options;
    for (const CLI::Option* o : run->get_options()) {
      if (o->get_type_size() == 0) continue;  // a flag
      for (const auto& n : o->get_lnames()) value_options.insert("--" + n);
      for (const auto& n : o->get_snames()) value_options.insert("-" + n);
    }
    try {
      const std::vector<std::string> rest(args.begin() + 2, args.end());
      const std::vector<std::string> translated = cuarm::cli::translate_qemu_options(rest, value_options, &notes);
      args.resize(2);
      args.insert(args.end(), translated.begin(), translated.end());
    } catch (const cuarm::Error& e) {
      fmt::print(stderr, "cuarm: error: {}\n", e.what());
      return 1;
    }
  }
  // Every unsigned option refuses a sign (CLI11 would wrap --max-cycles -5 to 2^64-5).
  for (CLI::App* sub : app.get_subcommands({}))
    for (CLI::Option* o : sub->get_options())
      if (o->get_type_name() == "UINT") o->check(cuarm::cli::kNotNegative);
  try {
    std::vector<const char*> cargv;
    for (auto& a : args) cargv.push_back(a.c_str());
    app.parse(int(cargv.size()), cargv.data());
  } catch (const CLI::ParseError& e) {
    // --help and --version end with 0; every other parse error is a bad option: status 1, as
    // documented (CLI11's own codes are 104-109), on one line.
    if (e.get_exit_code() == 0) return app.exit(e);
    fmt::print(stderr, "cuarm: error: {}\n", e.what());
    fmt::print(stderr, "Run with --help for more information.\n");
    return 1;
  }
  for (const auto& n : notes) fmt::print(stderr, "cuarm: note: {}\n", n);
  if (batch.selected()) return batch.run();
  if (processes.selected()) return processes.run();

  try {
    const bool have_base = run->count("--base") > 0;
    if (!raw && (have_base || run->count("--entry") || run->count("--memory-size")))
      throw cuarm::Error("--base, --entry and --memory-size apply to --raw programs only");
    if (raw && (!mounts.empty() || !envs.empty() || !unsets.empty() || clean_env || run->count("--cwd") || run->count("--stack-size") || run->count("--argv0") ||
                run->count("--heap-size") || run->count("--mmap-size") || run->count("--tmp-size")))
      throw cuarm::Error("--mount, --env, --cwd, --argv0 and the --*-size options apply to ELF programs only");
    const std::vector<uint8_t> image = cuarm::read_input(program);
    cuarm::MachineOptions opt;
    opt.backend = cuarm::parse_backend(backend);
    opt.deterministic = deterministic;
    opt.memory_size = raw ? memory_size : 0;
    cuarm::Machine m(opt);
    std::unique_ptr<cuarm::Process> process;
    if (raw) {
      if (memory_size == 0 || memory_size % 4096) throw cuarm::Error("--memory-size must be a non-zero multiple of 4096");
      if (base > memory_size || image.size() > memory_size - base)
        throw cuarm::Error(fmt::format("raw program of {} bytes at 0x{:x} does not fit in {} bytes of memory (raise --memory-size)",
                                       image.size(), base, memory_size));
      m.load_program(image, base);
      m.set_pc(run->count("--entry") ? entry : base);
      m.set_sp(memory_size);
      bare = true;
    } else {
      cuarm::ProcessOptions po;
      po.argv.push_back(run->count("--argv0") ? argv0 : program);
      po.argv.insert(po.argv.end(), guest_args.begin(), guest_args.end());
      po.exe_path = std::filesystem::absolute(program).lexically_normal().string();
      for (const auto& spec : mounts) po.mounts.push_back(cuarm::parse_mount(spec));
      // The guest's environment: cuarm's own (as qemu-aarch64 does) unless --clean-env, then
      // -U removals and -E settings (a later -E of a name replaces the earlier value).
      auto name_of = [](const std::string& e) { return e.substr(0, e.find('=')); };
      auto drop = [&](const std::string& name) {
        std::erase_if(po.env, [&](const std::string& e) { return name_of(e) == name; });
      };
      if (!clean_env)
        for (char** e = environ; e && *e; ++e) po.env.push_back(*e);
      for (const auto& u : unsets) drop(u);
      for (const auto& e : envs) {
        if (e.find('=') == std::string::npos) throw cuarm::Error(fmt::format("--env '{}': expected NAME=VALUE", e));
        drop(name_of(e));
        po.env.push_back(e);
      }
      po.cwd = cwd;
      po.deterministic = deterministic;
      po.random_seed = seed;
      po.stack_size = stack_size;
      po.brk_size = brk_size;
      po.mmap_size = mmap_size;
      po.tmp_size = tmp_size;
      if (strace) po.strace = stderr;
      process = std::make_unique<cuarm::Process>(m, image, po);
    }
    if (stats) fmt::print(stderr, "cuarm: backend {}\n", m.backend_name());

    cuarm::Status st;
    int term_signal = 0;
    if (trace) {
      st = cuarm::cli::run_traced(m, max_cycles, bare ? nullptr : process.get(), stdout);
      if (process) term_signal = process->term_signal();
    } else if (bare) {
      st = m.run(max_cycles);
    } else {
      const bool tty = isatty(2);
      bool shown = false;
      // The progress line only on a terminal: without a callback, Process::run runs the guest on
      // this thread on the CPU backend, where a syscall round trip is then ~0.4 us instead of ~5.
      std::function<void(const cuarm::Status&)> progress;
      if (tty) progress = [&](const cuarm::Status& live) {
        if (live.elapsed_seconds < 1.0) return;
        fmt::print(stderr, "\rcuarm: {:.3e} instructions, {:.1f} MIPS, {:.1f} s ", double(live.cycles_executed),
                   live.ips / 1e6, live.elapsed_seconds);
        shown = true;
      };
      const cuarm::ProcessResult r = process->run(max_cycles, progress);
      if (shown) fmt::print(stderr, "\r\033[K");
      st = r.status;
      term_signal = r.term_signal;
    }
    std::fflush(stdout);
    if (term_signal) fmt::print(stderr, "cuarm: guest killed by signal {} ({})\n", term_signal, strsignal(term_signal));
    if (stats) {
      fmt::print(stderr, "cuarm: {} instructions in {:.6f} s ({:.1f} MIPS); stopped: {}\n", st.cycles_executed,
                 st.elapsed_seconds, st.ips / 1e6, describe(st));
    } else if (st.signal != cuarm::StopReason::Exit && st.signal != cuarm::StopReason::Halt) {
      fmt::print(stderr, "cuarm: stopped: {}\n", describe(st));
    }
    return exit_code_for(st);
  } catch (const cuarm::Error& e) {
    fmt::print(stderr, "cuarm: error: {}\n", e.what());
    return 1;
  }
}
