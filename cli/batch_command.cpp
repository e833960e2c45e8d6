// `cuarm batch`: N lanes of one program through cuarm::Batch. The program is a static AArch64
// ELF or a flat binary (--raw); lanes get registers from --set / --regs-file and bytes from
// --input-file; each lane has a private stack. Output: a per-lane table on stdout, an aggregate
// line on stderr, optionally every lane as CSV.
#include "batch_command.hpp"

#include "console.hpp"
#include "options.hpp"

#include <cuarm/batch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <charconv>
#include <cstring>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string_view>

namespace cuarm::cli {

namespace {

constexpr uint64_t kPage = 4096;
constexpr uint64_t kStackTop = 0x7fff0000;  // lanes' stacks end here (documented in --help)
constexpr uint64_t kStartFrame = 32;        // argc 0, argv NULL, envp NULL, auxv AT_NULL: zeros

const char* const kFooter = R"(PROGRAM is a static AArch64 ELF, or with --raw a flat binary mapped read+execute at --base
(with --data regions mapped read+write). A batch shares code between lanes, so a region may not
be both writable and executable: ELFs linked with code and data in one RWX segment are refused.

Every lane has its own stack (--stack-size bytes, read+write, ending at 0x7fff0000) and its own
copy of every writable region. SP = 0x7fff0000-32, pointing at an empty Linux start frame
(argc 0, argv/envp NULL, auxv AT_NULL). Lanes have no syscalls yet: an SVC stops a lane with
SYSCALL (pc after the SVC, number in x8). A program meant for batches ends with HLT or BRK, or
pass --expect SYSCALL and read the result registers.

Per-lane inputs (numbers are decimal or 0x hex):
  --set xN=VALUE        every lane (VALUE may be negative: two's complement)
  --set xN=lane         the lane index; also xN=lane*K, xN=lane+B, xN=lane-B, xN=lane*K+B
  --regs-file FILE      one line per lane (line i -> lane i): whitespace-separated xN=VALUE;
                        applied after --set; the line count must equal --lanes
  --input-file FILE --input-addr ADDR --input-stride S
                        lane i gets bytes [i*S, (i+1)*S) of FILE at ADDR (a writable region);
                        FILE must hold exactly --lanes * S bytes

Output: a table of the first --summary-lanes lanes on stdout (lane, stop reason, instructions,
pc, the --show registers in decimal, a detail for faults, undefined instructions and syscalls);
every lane with --csv FILE (lane,signal,cycles,pc,<registers>; '-' = stdout instead of the
table); lanes per stop reason, instructions, seconds, IPS, backend and memory per lane on stderr.

Exit status: 0 when every lane stopped with an --expect reason (default HALT), 2 when some lane
did not (stderr names the first), 130 when interrupted (Ctrl-C cancels the lanes), 1 for an
error before the run (bad option value, unreadable or unsuitable program or input file).)";

[[noreturn]] void fail(const std::string& msg) { throw Error(msg); }

std::vector<uint8_t> read_bytes(const std::string& path, const char* what) {
  try {
    return read_input(path);
  } catch (const Error& e) {
    fail(fmt::format("{}: {}", what, e.what()));
  }
}

// A whole string as an unsigned number: decimal or 0x hex, no sign, no spaces.
std::optional<uint64_t> parse_number(std::string_view s) {
  int base = 10;
  if (s.size() > 2 && s[0] == '0' && (s[1] == 'x' || s[1] == 'X')) {
    s.remove_prefix(2);
    base = 16;
  }
  if (s.empty()) return std::nullopt;
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v, base);
  if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
  return v;
}

// VALUE: a number, or '-' and a number (two's complement).
std::optional<uint64_t> parse_value(std::string_view s) {
  if (!s.empty() && s[0] == '-') {
    auto v = parse_number(s.substr(1));
    if (!v) return std::nullopt;
    return uint64_t(0) - *v;
  }
  return parse_number(s);
}

// x0..x30, written canonically (no leading zeros).
std::optional<int> parse_register(std::string_view s) {
  if (s.size() < 2 || s.size() > 3 || s[0] != 'x') return std::nullopt;
  if (s.size() == 3 && s[1] == '0') return std::nullopt;
  int n = 0;
  const auto [end, ec] = std::from_chars(s.data() + 1, s.data() + s.size(), n);
  if (ec != std::errc() || end != s.data() + s.size() || n < 0 || n > 30) return std::nullopt;
  return n;
}

// One --set: register = (lane ? lane * mul : 0) + add, modulo 2^64.
struct SetSpec {
  int reg = 0;
  bool lane = false;
  uint64_t mul = 1, add = 0;
  uint64_t value(uint64_t l) const { return (lane ? l * mul : 0) + add; }
};

SetSpec parse_set(const std::string& text) {
  const auto bad = [&](const std::string& why) {
    fail(fmt::format("--set '{}': {}; expected xN=VALUE, xN=lane, xN=lane*K, xN=lane+B, xN=lane-B or "
                     "xN=lane*K+B (N 0..30; VALUE, K, B decimal or 0x hex)", text, why));
  };
  const size_t eq = text.find('=');
  if (eq == std::string::npos) bad("no '='");
  SetSpec s;
  const auto reg = parse_register(std::string_view(text).substr(0, eq));
  if (!reg) bad(fmt::format("'{}' is not a register x0..x30", text.substr(0, eq)));
  s.reg = *reg;
  std::string_view rhs = std::string_view(text).substr(eq + 1);
  if (rhs.substr(0, 4) != "lane") {
    const auto v = parse_value(rhs);
    if (!v) bad(fmt::format("'{}' is not a number", rhs));
    s.add = *v;
    return s;
  }
  s.lane = true;
  rhs.remove_prefix(4);
  if (!rhs.empty() && rhs[0] == '*') {
    rhs.remove_prefix(1);
    const size_t op = rhs.find_first_of("+-");
    const auto k = parse_number(rhs.substr(0, op));
    if (!k) bad(fmt::format("'{}' is not a number (K)", rhs.substr(0, op)));
    s.mul = *k;
    rhs = op == std::string_view::npos ? std::string_view() : rhs.substr(op);
  }
  if (!rhs.empty()) {
    const bool minus = rhs[0] == '-';
    if (rhs[0] != '+' && !minus) bad(fmt::format("unexpected '{}' after 'lane'", rhs));
    const auto b = parse_number(rhs.substr(1));
    if (!b) bad(fmt::format("'{}' is not a number (B)", rhs.substr(1)));
    s.add = minus ? uint64_t(0) - *b : *b;
  }
  return s;
}

struct DataRegion {
  uint64_t base, size;
};

DataRegion parse_data(const std::string& text) {
  const size_t colon = text.find(':');
  std::optional<uint64_t> base, size;
  if (colon != std::string::npos) {
    base = parse_number(std::string_view(text).substr(0, colon));
    size = parse_number(std::string_view(text).substr(colon + 1));
  }
  if (!base || !size) fail(fmt::format("--data '{}': expected ADDR:SIZE (decimal or 0x hex)", text));
  if (*base % kPage) fail(fmt::format("--data '{}': ADDR must be a multiple of 4 KiB", text));
  if (*size == 0 || *size > std::numeric_limits<uint64_t>::max() - kPage)
    fail(fmt::format("--data '{}': SIZE must be non-zero", text));
  return {*base, (*size + kPage - 1) & ~(kPage - 1)};
}

// --regs-file: line i holds lane i's `xN=VALUE` pairs. Values land in regs[n] (zeros where unset).
void apply_regs_file(const std::string& path, uint64_t lanes, std::vector<std::vector<uint64_t>>& regs) {
  const std::vector<uint8_t> bytes = read_bytes(path, "--regs-file");
  std::string_view text(reinterpret_cast<const char*>(bytes.data()), bytes.size());
  std::vector<std::string_view> lines;
  while (!text.empty()) {
    const size_t nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
    lines.push_back(line);
    text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
  }
  if (lines.size() != lanes)
    fail(fmt::format("--regs-file '{}': {} line{}, expected one per lane ({} lanes)", path, lines.size(),
                     lines.size() == 1 ? "" : "s", lanes));
  for (uint64_t l = 0; l < lanes; ++l) {
    std::string_view line = lines[l];
    while (true) {
      const size_t start = line.find_first_not_of(" \t");
      if (start == std::string_view::npos) break;
      line.remove_prefix(start);
      const size_t end = line.find_first_of(" \t");
      const std::string_view tok = line.substr(0, end);
      line = end == std::string_view::npos ? std::string_view() : line.substr(end);
      const size_t eq = tok.find('=');
      const auto reg = eq == std::string_view::npos ? std::nullopt : parse_register(tok.substr(0, eq));
      const auto value = eq == std::string_view::npos ? std::nullopt : parse_value(tok.substr(eq + 1));
      if (!reg || !value)
        fail(fmt::format("--regs-file '{}' line {}: '{}' is not xN=VALUE (N 0..30; VALUE decimal or 0x hex)", path,
                         l + 1, tok));
      if (regs[*reg].empty()) regs[*reg].assign(lanes, 0);
      regs[*reg][l] = *value;
    }
  }
}

std::optional<StopReason> parse_reason(std::string name) {
  std::transform(name.begin(), name.end(), name.begin(), [](unsigned char c) { return char(std::toupper(c)); });
  for (int r = 1; r <= int(StopReason::Cancelled); ++r)
    if (name == stop_reason_name(StopReason(r))) return StopReason(r);
  return std::nullopt;
}

std::string detail_of(const Status& st) {
  switch (st.signal) {
    case StopReason::Fault:
      return fmt::format("{} of 0x{:x}", access_kind_name(st.fault_access), st.fault_address);
    case StopReason::Undefined: return fmt::format("instruction word 0x{:08x}", st.insn);
    case StopReason::Syscall: return fmt::format("x8={}", st.syscall);
    default: return {};
  }
}

}  // namespace

struct BatchCommand::Options {
  uint64_t lanes = 0;
  std::string program, backend = "auto";
  uint64_t max_cycles = std::numeric_limits<uint64_t>::max();
  bool deterministic = false, raw = false;
  uint64_t base = 0, entry = 0;
  std::vector<std::string> data, sets, show{"x0"}, expect{"HALT"};
  std::string regs_file, input_file, csv;
  uint64_t input_addr = 0, input_stride = 0;
  uint64_t stack_size = 64 * 1024;
  uint64_t summary_lanes = 16;
};

BatchCommand::BatchCommand(CLI::App& app) : o_(std::make_unique<Options>()) {
  Options& o = *o_;
  cmd_ = app.add_subcommand("batch", "run N lanes of one program (static ELF or --raw binary) and summarize each lane");
  cmd_->add_option("PROGRAM", o.program, "program to run in every lane")->required();
  cmd_->add_option("--lanes", o.lanes, "number of lanes (guests)")->required()->check(kAtLeastOne);
  add_backend_option(cmd_, o.backend);
  cmd_->add_option("--max-cycles", o.max_cycles, "stop each lane after this many instructions (MAX_CYCLES)");
  cmd_->add_flag("--deterministic", o.deterministic, "CNTVCT_EL0 counts instructions instead of host time");
  cmd_->add_flag("--raw", o.raw, "PROGRAM is a flat binary mapped read+execute at --base");
  cmd_->add_option("--base", o.base, "raw: load address, a multiple of 4 KiB");
  cmd_->add_option("--entry", o.entry, "raw: entry point (default: --base)");
  cmd_->add_option("--data", o.data, "map ADDR:SIZE read+write, private to each lane (repeatable)")
      ->type_name("ADDR:SIZE")->allow_extra_args(false);
  cmd_->add_option("--set", o.sets, "set a register in every lane: xN=VALUE or xN=lane*K+B (repeatable)")
      ->type_name("xN=EXPR")->allow_extra_args(false);
  cmd_->add_option("--regs-file", o.regs_file, "one line per lane of whitespace-separated xN=VALUE")->type_name("FILE");
  auto* input = cmd_->add_option("--input-file", o.input_file, "lane i gets bytes [i*S, (i+1)*S) of FILE at --input-addr")
                    ->type_name("FILE");
  auto* input_addr = cmd_->add_option("--input-addr", o.input_addr, "address of each lane's input bytes")->type_name("ADDR");
  auto* input_stride = cmd_->add_option("--input-stride", o.input_stride, "bytes of input per lane")->type_name("S");
  input->needs(input_addr)->needs(input_stride);
  input_addr->needs(input);
  input_stride->needs(input);
  cmd_->add_option("--stack-size", o.stack_size, "bytes of private stack per lane below 0x7fff0000 (default 64 KiB; 0: none)");
  cmd_->add_option("--show", o.show, "registers in the table and CSV (default x0)")
      ->delimiter(',')->type_name("x0,x1,...")->allow_extra_args(false);
  cmd_->add_option("--summary-lanes", o.summary_lanes, "table rows: the first K lanes (default 16)")->type_name("K");
  cmd_->add_option("--csv", o.csv, "write every lane as CSV to FILE ('-': stdout, instead of the table)")->type_name("FILE");
  cmd_->add_option("--expect", o.expect, "stop reasons that count as success (default HALT), e.g. HALT,SYSCALL")
      ->delimiter(',')->type_name("REASON,...")->allow_extra_args(false);
  cmd_->footer(kFooter);
}

BatchCommand::~BatchCommand() = default;

bool BatchCommand::selected() const { return cmd_->parsed(); }

int BatchCommand::run() {
  const Options& o = *o_;
  try {
    // Options that only need the command line.
    if (!o.raw && (cmd_->count("--base") || cmd_->count("--entry")))
      fail("--base and --entry apply to --raw programs only");
    if (o.raw && !cmd_->count("--base")) fail("--raw needs --base ADDR (where the binary is mapped)");
    if (o.raw && o.base % kPage) fail(fmt::format("--base 0x{:x} must be a multiple of 4 KiB", o.base));
    std::vector<SetSpec> sets;
    for (const auto& s : o.sets) sets.push_back(parse_set(s));
    std::vector<DataRegion> data;
    for (const auto& d : o.data) data.push_back(parse_data(d));
    std::vector<int> show;
    for (const auto& s : o.show) {
      const auto r = parse_register(s);
      if (!r) fail(fmt::format("--show '{}': not a register x0..x30", s));
      show.push_back(*r);
    }
    bool expected[9] = {};
    std::string expect_names;
    for (const auto& e : o.expect) {
      const auto r = parse_reason(e);
      if (!r) fail(fmt::format("--expect '{}': not a stop reason (HALT, SYSCALL, MAX_CYCLES, BREAKPOINT, FAULT, "
                               "UNDEFINED, EXIT, CANCELLED)", e));
      expected[uint8_t(*r)] = true;
      expect_names += (expect_names.empty() ? "" : " or ") + std::string(stop_reason_name(*r));
    }
    if (o.stack_size > kStackTop) fail(fmt::format("--stack-size {} does not fit below 0x{:x}", o.stack_size, kStackTop));
    const uint64_t stack_size = (o.stack_size + kPage - 1) & ~(kPage - 1);

    // Files.
    const std::vector<uint8_t> image = read_bytes(o.program, "program");
    std::vector<std::vector<uint64_t>> regs(31);  // per-lane values of the registers that are set
    for (const auto& s : sets) {
      regs[s.reg].resize(o.lanes);
      for (uint64_t l = 0; l < o.lanes; ++l) regs[s.reg][l] = s.value(l);
    }
    if (!o.regs_file.empty()) apply_regs_file(o.regs_file, o.lanes, regs);
    std::vector<uint8_t> input;
    if (!o.input_file.empty()) {
      input = read_bytes(o.input_file, "--input-file");
      if (o.input_stride == 0) fail("--input-stride must be at least 1");
      if (o.input_stride > std::numeric_limits<uint64_t>::max() / o.lanes || input.size() != o.input_stride * o.lanes)
        fail(fmt::format("--input-file '{}': {} bytes, expected --lanes x --input-stride = {} x {} = {} bytes",
                         o.input_file, input.size(), o.lanes, o.input_stride, o.lanes * o.input_stride));
    }

    // The image: program, data regions, stack.
    BatchOptions bo;
    bo.lanes = o.lanes;
    bo.backend = parse_backend(o.backend);
    bo.deterministic = o.deterministic;
    const SigintFlag sigint;  // from here on, Ctrl-C cancels the lanes (once they start)
    Batch b(bo);
    if (o.raw) {
      if (image.empty()) fail(fmt::format("program '{}' is empty", o.program));
      const uint64_t size = (image.size() + kPage - 1) & ~(kPage - 1);
      try {
        b.map(o.base, size, PermRX);
      } catch (const Error& e) {
        fail(fmt::format("raw program '{}' at 0x{:x}: {}", o.program, o.base, e.what()));
      }
      b.load_program(image, o.base);
      b.set_pc(cmd_->count("--entry") ? o.entry : o.base);
    } else {
      try {
        b.load_elf(image);
      } catch (const Error& e) {
        std::string msg = fmt::format("program '{}': {}", o.program, e.what());
        if (image.size() < 4 || std::memcmp(image.data(), "\x7f" "ELF", 4) != 0)
          msg += " (a flat binary needs --raw --base ADDR)";
        else if (msg.find("writable and executable") != std::string::npos)
          msg += " (this ELF has code and writable data in the same pages, e.g. linked with ld -N: link it with "
                 "separate text and data segments to run it in a batch)";
        fail(msg);
      }
    }
    for (size_t i = 0; i < data.size(); ++i) {
      try {
        b.map(data[i].base, data[i].size, PermRW);
      } catch (const Error& e) {
        fail(fmt::format("--data '{}': {}", o.data[i], e.what()));
      }
    }
    if (stack_size) {
      try {
        b.map(kStackTop - stack_size, stack_size, PermRW);
      } catch (const Error& e) {
        fail(fmt::format("stack [0x{:x}, 0x{:x}) (--stack-size): {}", kStackTop - stack_size, kStackTop, e.what()));
      }
      b.set_sp(kStackTop - kStartFrame);
    }

    // Per-lane inputs.
    for (int n = 0; n < 31; ++n)
      if (!regs[n].empty()) b.set_x(n, regs[n]);
    if (!input.empty()) {
      try {
        b.write_memory_lanes(o.input_addr, input, o.input_stride);
      } catch (const Error& e) {
        fail(fmt::format("--input-file at --input-addr 0x{:x}: {}", o.input_addr, e.what()));
      }
    }

    // Run, with a live progress line on a terminal; Ctrl-C cancels the lanes.
    const bool cancelled = run_with_progress(b, o.max_cycles, sigint, [](const BatchStatus& live) {
      return fmt::format("{}/{} lanes stopped, {:.3e} instructions, {:.3g} IPS, {:.1f} s", live.lanes_stopped,
                         live.lanes, double(live.cycles_executed), live.ips, live.elapsed_seconds);
    });
    const BatchStatus st = b.wait();

    // Results.
    std::vector<std::vector<uint64_t>> shown_regs;
    for (int n : show) shown_regs.push_back(b.x(n));
    std::vector<Status> lanes(o.lanes);
    for (uint64_t l = 0; l < o.lanes; ++l) lanes[l] = b.lane_status(l);

    const bool csv_stdout = o.csv == "-";
    if (!o.csv.empty()) {
      FILE* f = csv_stdout ? stdout : std::fopen(o.csv.c_str(), "w");
      if (!f) fail(fmt::format("--csv: cannot create '{}': {}", o.csv, std::strerror(errno)));
      fmt::print(f, "lane,signal,cycles,pc");
      for (int n : show) fmt::print(f, ",x{}", n);
      fmt::print(f, "\n");
      for (uint64_t l = 0; l < o.lanes; ++l) {
        fmt::print(f, "{},{},{},0x{:x}", l, lanes[l].signal_name(), lanes[l].cycles_executed, lanes[l].pc);
        for (const auto& v : shown_regs) fmt::print(f, ",{}", v[l]);
        fmt::print(f, "\n");
      }
      if (!csv_stdout && std::fclose(f) != 0) fail(fmt::format("--csv: writing '{}' failed", o.csv));
    }
    if (!csv_stdout && o.summary_lanes > 0) {
      const uint64_t rows = std::min(o.summary_lanes, o.lanes);
      std::vector<std::vector<std::string>> cells;
      std::vector<std::string> head{"lane", "stop", "instructions", "pc"};
      for (int n : show) head.push_back(fmt::format("x{}", n));
      head.push_back("detail");  // dropped below when no row has one
      cells.push_back(head);
      bool any_detail = false;
      for (uint64_t l = 0; l < rows; ++l) {
        std::vector<std::string> row{std::to_string(l), lanes[l].signal_name(), std::to_string(lanes[l].cycles_executed),
                                     fmt::format("0x{:x}", lanes[l].pc)};
        for (const auto& v : shown_regs) row.push_back(std::to_string(v[l]));
        row.push_back(detail_of(lanes[l]));
        any_detail |= !row.back().empty();
        cells.push_back(row);
      }
      if (!any_detail)
        for (auto& row : cells) row.back().clear();
      print_lane_table(cells, o.lanes, {1});  // the stop reason left-aligned, numbers right-aligned
    }
    std::fflush(stdout);

    std::string reasons;
    for (int r = 0; r < 9; ++r)
      if (st.by_reason[r])
        reasons += fmt::format("{}{} {}", reasons.empty() ? "" : ", ", st.by_reason[r], stop_reason_name(StopReason(r)));
    // Memory after the run: writable pages are copied on write, so a lane costs what it wrote.
    fmt::print(stderr,
               "cuarm: {} lanes: {}; {} instructions in {:.6f} s ({:.3g} IPS); backend {}, {} bytes per lane "
               "({} pages written)\n",
               o.lanes, reasons, st.cycles_executed, st.elapsed_seconds, st.ips, b.backend_name(), b.memory_per_lane(),
               st.pages_written);
    if (st.out_of_pages)
      fmt::print(stderr, "cuarm: the page pool ran out: lanes that wrote a new page then stopped with FAULT; "
                         "run fewer lanes\n");
    uint64_t unexpected = 0, first = 0;
    for (uint64_t l = o.lanes; l-- > 0;)
      if (!expected[uint8_t(lanes[l].signal)]) ++unexpected, first = l;
    if (cancelled) {
      fmt::print(stderr, "cuarm: interrupted: lanes still running were cancelled\n");
      return 130;
    }
    if (unexpected) {
      const Status& f = lanes[first];
      const std::string detail = detail_of(f);
      fmt::print(stderr, "cuarm: {} lane{} did not stop with {}; first: lane {}: {} at pc=0x{:x}{}\n", unexpected,
                 unexpected == 1 ? "" : "s", expect_names, first, f.signal_name(), f.pc,
                 detail.empty() ? "" : " (" + detail + ")");
      return 2;
    }
    return 0;
  } catch (const std::exception& e) {  // cuarm::Error, and e.g. out of host memory or a failed write
    fmt::print(stderr, "cuarm: error: {}\n", e.what());
    return 1;
  }
}

}  // namespace cuarm::cli
