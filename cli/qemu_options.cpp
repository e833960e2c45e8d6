// See qemu_options.hpp. The table follows `qemu-aarch64 -h` (QEMU 7.2, Debian 12).
#include "qemu_options.hpp"

#include <cuarm/cuarm.hpp>
#include <fmt/format.h>

#include <cctype>
#include <charconv>

namespace cuarm::cli {

namespace {

// qemu's options cuarm does not have, and what to use instead.
struct Unsupported {
  const char* name;
  const char* why;
};
const Unsupported kUnsupported[] = {
    {"-d", "use --trace (instructions) or --strace (syscalls)"},
    {"-D", "logs go to stderr"},
    {"-dfilter", "use --trace"},
    {"-g", "cuarm has no gdb stub"},
    {"-p", "the page size is 4096"},
    {"-B", "static programs load at their own addresses (static-pie at a fixed base)"},
    {"-R", "use --mmap-size, --heap-size, --stack-size"},
    {"-seed", "use --deterministic --seed N (it also fixes the clocks)"},
    {"-r", "the guest's uname is fixed (docs/os.md)"},
    {"-trace", "use --trace or --strace"},
    {"-plugin", "cuarm has no plugins"},
    {"-one-insn-per-tb", "cuarm has no translation blocks on the CPU"},
    {"-singlestep", "cuarm has no translation blocks on the CPU"},
};

// qemu's size syntax: a number with an optional k, M or G suffix (powers of 1024).
uint64_t parse_size(const std::string& s) {
  uint64_t v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (ec != std::errc() || end == s.data()) throw Error(fmt::format("-s '{}': expected a size (e.g. 8M)", s));
  const std::string rest(end, s.data() + s.size());
  const int shift = rest.empty() ? 0 : rest == "k" || rest == "K" ? 10 : rest == "m" || rest == "M" ? 20
                                      : rest == "g" || rest == "G" ? 30 : -1;
  if (shift < 0) throw Error(fmt::format("-s '{}': expected a size (e.g. 8M)", s));
  return v << shift;
}

}  // namespace

std::vector<std::string> translate_qemu_options(const std::vector<std::string>& args,
                                                const std::set<std::string>& value_options,
                                                std::vector<std::string>* notes) {
  std::vector<std::string> out;
  size_t i = 0;
  auto value = [&](const std::string& opt) -> std::string {
    if (i + 1 >= args.size()) throw Error(fmt::format("{} needs a value", opt));
    return args[++i];
  };
  for (; i < args.size(); ++i) {
    const std::string& t = args[i];
    if (t == "--" || t.size() < 2 || t[0] != '-') break;  // PROGRAM (or the end of the options)
    if (t.rfind("--", 0) == 0) {  // cuarm's long options
      out.push_back(t);
      if (value_options.count(t) && i + 1 < args.size()) out.push_back(args[++i]);
      continue;
    }
    if (t == "-cpu") {
      std::string name = value(t);
      for (char& c : name) c = char(std::tolower(static_cast<unsigned char>(c)));
      if (name != "cortex-a53" && notes)
        notes->push_back(fmt::format("-cpu {}: cuarm runs the Cortex-A53 profile (ARMv8.0-A with FP, Advanced SIMD, "
                                     "AES, PMULL, SHA1, SHA2, CRC32); programs see its HWCAP",
                                     args[i]));
    } else if (t == "-strace") {
      out.push_back("--strace");
    } else if (t == "-0") {
      out.push_back("--argv0");
      out.push_back(value(t));
    } else if (t == "-s") {
      out.push_back("--stack-size");
      out.push_back(std::to_string(parse_size(value(t))));
    } else if (t == "-L") {
      (void)value(t);  // the ELF interpreter prefix: static programs have no interpreter
    } else if (t == "-version") {
      out.push_back("--version");
    } else if (t == "-help") {
      out.push_back("--help");
    } else {
      for (const auto& u : kUnsupported)
        if (t == u.name) throw Error(fmt::format("the qemu-aarch64 option {} is not supported: {}", t, u.why));
      // cuarm's short options (-E, -U, -h) and anything else: CLI11 parses or reports them.
      out.push_back(t);
      if (value_options.count(t) && i + 1 < args.size()) out.push_back(args[++i]);
    }
  }
  out.insert(out.end(), args.begin() + long(std::min(i, args.size())), args.end());
  return out;
}

}  // namespace cuarm::cli
