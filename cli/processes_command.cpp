// `cuarm processes`: lanes as processes through cuarm::ProcessBatch. Lane i's arguments come from
// the command line (with {lane} replaced by i) or from line i of --args-file; its stdin from
// --stdin-file (every lane) or --stdin-dir/<i>; its stdout and stderr go to --out-dir/<i>.out and
// <i>.err. A table of the first lanes on stdout, an aggregate line on stderr.
#include "processes_command.hpp"

#include "console.hpp"
#include "options.hpp"

#include <cuarm/process_batch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <map>
#include <sstream>

namespace cuarm::cli {

namespace {

const char* const kFooter = R"(Every lane is a process of PROGRAM (a static AArch64 ELF, glibc or musl, static-pie too) with
its own argv, stdin, file descriptors, heap and exit status; syscalls are serviced on the host
between rounds (docs/os.md). Lanes see no host file unless --mount allows it, and their
environment is empty unless -E sets variables. Memory per lane is --stack-size + --heap-size +
--mmap-size plus the program's writable segments: keep them small for many lanes.

Arguments of lane i (argv[0] is PROGRAM as given):
  ARGS...               everything after PROGRAM, as given (options too, as qemu-aarch64
                        passes them); every {lane} in them becomes i
  --args-file FILE      line i holds lane i's arguments, separated by spaces or tabs (no
                        quoting); the number of lines gives the lanes (or must equal --lanes)
Stdin of lane i: --stdin-file FILE (the same bytes for every lane), --stdin-dir DIR (the file
DIR/i, which must exist), or nothing (end of file at once).

Output: with --out-dir DIR, lane i's stdout in DIR/i.out and stderr in DIR/i.err (the folder is
created). A table of the first --summary-lanes lanes on stdout: lane, exit code, instructions,
bytes written to stdout and stderr, and the start of stdout's first line; every lane with
--csv FILE (lane,exit_code,signal,cycles,stdout_bytes,stderr_bytes; '-' = stdout instead of the
table); on stderr the lanes per exit code, instructions, seconds and backend.

Exit status: 0 when every lane exited with status 0, 2 when some lane did not (stderr names the
first), 130 when interrupted (Ctrl-C cancels the lanes), 1 for an error before the run.)";

[[noreturn]] void fail(const std::string& msg) { throw Error(msg); }

std::string read_text(const std::string& path, const char* what) {
  try {
    const std::vector<uint8_t> b = read_input(path);
    return {b.begin(), b.end()};
  } catch (const Error& e) {
    fail(fmt::format("{}: {}", what, e.what()));
  }
}

std::vector<std::string> split_ws(const std::string& line) {
  std::vector<std::string> v;
  std::istringstream s(line);
  for (std::string w; s >> w;) v.push_back(w);
  return v;
}

std::string with_lane(std::string s, uint64_t lane) {
  const std::string key = "{lane}", value = std::to_string(lane);
  for (size_t p = 0; (p = s.find(key, p)) != std::string::npos; p += value.size()) s.replace(p, key.size(), value);
  return s;
}

// The first line of a lane's stdout for the table: at most 40 characters, controls as '.'.
std::string first_line(const std::string& out) {
  std::string s = out.substr(0, std::min(out.find('\n'), size_t(40)));
  for (char& c : s)
    if (static_cast<unsigned char>(c) < 0x20 || c == 0x7f) c = '.';
  return s;
}

void write_file(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream f(p, std::ios::binary | std::ios::trunc);
  f.write(bytes.data(), std::streamsize(bytes.size()));
  if (!f.flush()) fail(fmt::format("--out-dir: writing '{}' failed", p.string()));
}

}  // namespace

struct ProcessesCommand::Options {
  std::string program, backend = "auto";
  std::vector<std::string> args, mounts, env;
  uint64_t lanes = 0;
  std::string args_file, stdin_file, stdin_dir, out_dir, csv, cwd = "/";
  uint64_t max_cycles = std::numeric_limits<uint64_t>::max();
  bool deterministic = false;
  uint64_t seed = 0;
  uint64_t stack_size = 256u << 10, heap_size = 1u << 20, mmap_size = 4u << 20, tmp_size = 1u << 20;
  uint64_t summary_lanes = 16;
};

ProcessesCommand::ProcessesCommand(CLI::App& app) : o_(std::make_unique<Options>()) {
  Options& o = *o_;
  cmd_ = app.add_subcommand("processes", "run N lanes that are Linux processes of one static program, each with its "
                                         "own arguments and stdin, and summarize each lane");
  cmd_->add_option("PROGRAM", o.program, "static AArch64 Linux program")->required();
  cmd_->add_option("ARGS", o.args, "arguments of every lane ({lane} becomes the lane index)");
  cmd_->add_option("--lanes", o.lanes, "number of lanes (default: the lines of --args-file)")->check(kAtLeastOne);
  cmd_->add_option("--args-file", o.args_file, "line i: lane i's arguments")->type_name("FILE");
  auto* sf = cmd_->add_option("--stdin-file", o.stdin_file, "every lane reads this file on stdin")->type_name("FILE");
  auto* sd = cmd_->add_option("--stdin-dir", o.stdin_dir, "lane i reads DIR/i on stdin")->type_name("DIR");
  sf->excludes(sd);
  cmd_->add_option("--out-dir", o.out_dir, "write lane i's stdout and stderr to DIR/i.out and DIR/i.err")->type_name("DIR");
  add_backend_option(cmd_, o.backend);
  cmd_->add_option("--max-cycles", o.max_cycles, "end a lane that runs this many instructions without a syscall");
  cmd_->add_option("--mount", o.mounts, "let every lane see HOST at GUEST (read-only with :ro) (repeatable)")
      ->type_name("HOST:GUEST[:ro]")->allow_extra_args(false);
  cmd_->add_option("-E,--env", o.env, "set VAR=VALUE in every lane's environment (repeatable)")
      ->type_name("VAR=VALUE")->allow_extra_args(false);
  cmd_->add_option("--cwd", o.cwd, "the lanes' working directory (a guest path; default /)");
  cmd_->add_flag("--deterministic", o.deterministic, "fixed clock and random bytes (lane i: seed + i)");
  cmd_->add_option("--seed", o.seed, "--deterministic: seed of lane 0 (default 0)");
  cmd_->add_option("--stack-size", o.stack_size, "bytes of stack per lane (default 256 KiB)");
  cmd_->add_option("--heap-size", o.heap_size, "bytes of brk heap per lane (default 1 MiB)");
  cmd_->add_option("--mmap-size", o.mmap_size, "bytes of mmap area per lane (default 4 MiB)");
  cmd_->add_option("--tmp-size", o.tmp_size, "bytes each lane's private in-memory /tmp may hold (default 1 MiB)");
  cmd_->add_option("--summary-lanes", o.summary_lanes, "table rows: the first K lanes (default 16)");
  cmd_->add_option("--csv", o.csv, "write every lane as CSV to FILE ('-': stdout, instead of the table)")->type_name("FILE");
  cmd_->footer(kFooter);
  cmd_->positionals_at_end();
}

ProcessesCommand::~ProcessesCommand() = default;

bool ProcessesCommand::selected() const { return cmd_->parsed(); }

int ProcessesCommand::run() {
  const Options& o = *o_;
  try {
    // Lanes and their arguments.
    std::vector<LaneProcess> lanes;
    if (!o.args_file.empty()) {
      if (!o.args.empty()) fail("give the lanes' arguments after PROGRAM or in --args-file, not both");
      std::istringstream s(read_text(o.args_file, "--args-file"));
      for (std::string line; std::getline(s, line);) {
        LaneProcess l;
        l.argv.push_back(o.program);
        for (auto& w : split_ws(line)) l.argv.push_back(std::move(w));
        lanes.push_back(std::move(l));
        if (lanes.size() > kMaxProcessLanes) fail(fmt::format("--args-file: more than {} lines (lanes)", kMaxProcessLanes));
      }
      if (lanes.empty()) fail(fmt::format("--args-file: '{}' has no lines", o.args_file));
      if (o.lanes && o.lanes != lanes.size())
        fail(fmt::format("--args-file has {} lines for --lanes {}", lanes.size(), o.lanes));
    } else {
      if (!o.lanes) fail("--lanes N or --args-file FILE is required");
      if (o.lanes > kMaxProcessLanes) fail(fmt::format("--lanes {}: at most {} lanes in one batch", o.lanes, kMaxProcessLanes));
      lanes.resize(o.lanes);
      for (uint64_t i = 0; i < o.lanes; ++i) {
        lanes[i].argv.push_back(o.program);
        for (const auto& a : o.args) lanes[i].argv.push_back(with_lane(a, i));
      }
    }
    if (!o.stdin_file.empty()) {
      const std::string in = read_text(o.stdin_file, "--stdin-file");
      for (auto& l : lanes) l.stdin_bytes = in;
    } else if (!o.stdin_dir.empty()) {
      for (size_t i = 0; i < lanes.size(); ++i)
        lanes[i].stdin_bytes = read_text((std::filesystem::path(o.stdin_dir) / std::to_string(i)).string(), "--stdin-dir");
    }
    if (!o.out_dir.empty()) {
      std::error_code ec;
      std::filesystem::create_directories(o.out_dir, ec);
      if (ec) fail(fmt::format("--out-dir: cannot create '{}': {}", o.out_dir, ec.message()));
    }

    ProcessBatchOptions bo;
    bo.batch.backend = parse_backend(o.backend);
    bo.batch.deterministic = o.deterministic;
    for (const auto& m : o.mounts) bo.common.mounts.push_back(parse_mount(m));
    for (const auto& e : o.env) {
      if (e.find('=') == std::string::npos) fail(fmt::format("--env: '{}' is not VAR=VALUE", e));
      bo.common.env.push_back(e);
    }
    bo.common.cwd = o.cwd;
    // /proc/self/exe is absolute on Linux (glibc asserts it in _dl_get_origin), as `cuarm run` gives it.
    bo.common.exe_path = std::filesystem::absolute(o.program).lexically_normal().string();
    bo.common.deterministic = o.deterministic;
    bo.common.random_seed = o.seed;
    bo.common.tmp_size = o.tmp_size;
    bo.stack_size = o.stack_size, bo.brk_size = o.heap_size, bo.mmap_size = o.mmap_size;
    const std::string image = read_text(o.program, "PROGRAM");
    const size_t n = lanes.size();
    const SigintFlag sigint;  // from here on, Ctrl-C cancels the lanes (once they start)
    ProcessBatch pb(std::span(reinterpret_cast<const uint8_t*>(image.data()), image.size()), std::move(lanes), bo);

    // Run, with a live progress line on a terminal; Ctrl-C cancels the lanes.
    const bool cancelled = run_with_progress(pb, o.max_cycles, sigint, [](const ProcessBatchStatus& live) {
      return fmt::format("{}/{} lanes ended, {:.3e} instructions, {} rounds, {:.1f} s", live.lanes_ended, live.lanes,
                         double(live.cycles_executed), live.rounds, live.elapsed_seconds);
    });
    const ProcessBatchStatus st = pb.wait();
    const std::vector<LaneResult>& res = pb.results();

    if (!o.out_dir.empty())
      for (size_t i = 0; i < n; ++i) {
        write_file(std::filesystem::path(o.out_dir) / fmt::format("{}.out", i), res[i].out);
        write_file(std::filesystem::path(o.out_dir) / fmt::format("{}.err", i), res[i].err);
      }
    const bool csv_stdout = o.csv == "-";
    if (!o.csv.empty()) {
      FILE* f = csv_stdout ? stdout : std::fopen(o.csv.c_str(), "w");
      if (!f) fail(fmt::format("--csv: cannot create '{}': {}", o.csv, std::strerror(errno)));
      fmt::print(f, "lane,exit_code,signal,cycles,stdout_bytes,stderr_bytes\n");
      for (size_t i = 0; i < n; ++i)
        fmt::print(f, "{},{},{},{},{},{}\n", i, res[i].result.exit_code, res[i].result.status.signal_name(),
                   res[i].cycles, res[i].out.size(), res[i].err.size());
      if (!csv_stdout && std::fclose(f) != 0) fail(fmt::format("--csv: writing '{}' failed", o.csv));
    }
    if (!csv_stdout && o.summary_lanes > 0) {
      const size_t rows = size_t(std::min<uint64_t>(o.summary_lanes, n));
      std::vector<std::vector<std::string>> cells{{"lane", "exit", "instructions", "stdout", "stderr", "first line"}};
      for (size_t i = 0; i < rows; ++i)
        cells.push_back({std::to_string(i), std::to_string(res[i].result.exit_code), std::to_string(res[i].cycles),
                         std::to_string(res[i].out.size()), std::to_string(res[i].err.size()), first_line(res[i].out)});
      print_lane_table(cells, n);
    }
    std::fflush(stdout);

    std::map<int, uint64_t> by_code;
    for (const auto& r : res) ++by_code[r.result.exit_code];
    std::string codes;
    for (const auto& [code, count] : by_code) codes += fmt::format("{}{} exit {}", codes.empty() ? "" : ", ", count, code);
    fmt::print(stderr, "cuarm: {} lanes: {}; {} instructions in {:.6f} s, {} rounds; backend {}\n", n, codes,
               st.cycles_executed, st.elapsed_seconds, st.rounds, pb.backend_name());
    if (cancelled) {
      fmt::print(stderr, "cuarm: interrupted: lanes still running were cancelled\n");
      return 130;
    }
    for (size_t i = 0; i < n; ++i)
      if (res[i].result.exit_code != 0) {
        const uint64_t bad = uint64_t(std::count_if(res.begin(), res.end(), [](const LaneResult& r) { return r.result.exit_code != 0; }));
        fmt::print(stderr, "cuarm: {} lane{} did not exit with 0; first: lane {}: exit {} ({})\n", bad, bad == 1 ? "" : "s",
                   i, res[i].result.exit_code, res[i].result.status.signal_name());
        return 2;
      }
    return 0;
  } catch (const std::exception& e) {
    fmt::print(stderr, "cuarm: error: {}\n", e.what());
    return 1;
  }
}

}  // namespace cuarm::cli
