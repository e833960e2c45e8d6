// The program corpus (tests/programs/, docs/testing.md): each C program, built static at every
// -O level, runs under qemu-aarch64 -cpu cortex-a53 (the oracle) and under `cuarm`; stdout,
// stderr, exit status and the files left in its directory must agree.
// ProgramsOracle.*: the oracle alone is solid (expected exit status, identical twice in a row).
// ProgramsVsQemu.*: cuarm agrees with the oracle.
#include <dirent.h>
#include <fcntl.h>
#include <poll.h>
#include <signal.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include "support.hpp"

namespace cuarm::test {
namespace {

namespace fs = std::filesystem;

#ifdef CUARM_PROGRAMS_DIR
constexpr bool kHaveCorpus = true;
const std::string kBinDir = CUARM_PROGRAMS_DIR;
const std::string kSrcDir = CUARM_PROGRAMS_SRC_DIR;
const std::string kVariants = CUARM_PROGRAM_VARIANTS;
#else
constexpr bool kHaveCorpus = false;  // no AArch64 cross compiler at configure time
const std::string kBinDir, kSrcDir, kVariants;
#endif

// One line of tests/programs/manifest.txt.
struct Program {
  std::string name;
  int exit_status = 0;             // exit=N; 128+signal for a death by signal (abort: 134)
  std::string stdin_file;          // stdin=FILE, relative to tests/programs/inputs/
  bool dir = false;                // dir or dir=NAME: a fresh directory is argv[1]
  std::string dir_init;            // dir=NAME: its initial files come from tests/programs/data/NAME/
  std::vector<std::string> env;    // env=NAME=VALUE (repeatable): the whole guest environment
  std::vector<std::string> args;   // after "--"
  int line = 0;
};

struct Case {
  Program p;
  std::string variant;  // "O0", "O2", "O3" (glibc), "pie_O2", "musl_O2"
  std::string binary() const { return kBinDir + "/" + variant + "/" + p.name; }
};
// gtest prints a failing case's parameter with this (instead of its bytes).
void PrintTo(const Case& c, std::ostream* os) { *os << c.p.name << " " << c.variant; }

std::vector<std::string> split_ws(const std::string& s) {
  std::istringstream in(s);
  std::vector<std::string> v;
  for (std::string w; in >> w;) v.push_back(w);
  return v;
}

// Parse errors become a program named "manifest_error_<line>" that fails with the message.
std::vector<Program> load_manifest(std::vector<std::string>* errors) {
  std::vector<Program> v;
  if (!kHaveCorpus) return v;
  std::ifstream f(kSrcDir + "/manifest.txt");
  if (!f) {
    errors->push_back("cannot open " + kSrcDir + "/manifest.txt");
    return v;
  }
  int n = 0;
  for (std::string line; std::getline(f, line);) {
    ++n;
    if (const size_t hash = line.find('#'); hash != std::string::npos) line.resize(hash);
    const std::vector<std::string> w = split_ws(line);
    if (w.empty()) continue;
    Program p;
    p.name = w[0];
    p.line = n;
    size_t i = 1;
    for (; i < w.size() && w[i] != "--"; ++i) {
      const std::string& o = w[i];
      if (o.rfind("exit=", 0) == 0) {
        p.exit_status = std::atoi(o.c_str() + 5);
      } else if (o.rfind("stdin=", 0) == 0) {
        p.stdin_file = o.substr(6);
      } else if (o == "dir") {
        p.dir = true;
      } else if (o.rfind("dir=", 0) == 0) {
        p.dir = true;
        p.dir_init = o.substr(4);
      } else if (o.rfind("env=", 0) == 0 && o.find('=', 4) != std::string::npos) {
        p.env.push_back(o.substr(4));
      } else {
        errors->push_back("manifest.txt line " + std::to_string(n) + ": unknown option '" + o + "'");
      }
    }
    if (i < w.size()) p.args.assign(w.begin() + long(i) + 1, w.end());
    v.push_back(p);
  }
  return v;
}

std::vector<std::string> manifest_errors;
const std::vector<Program>& manifest() {
  static const std::vector<Program> m = load_manifest(&manifest_errors);
  return m;
}

std::vector<Case> all_cases() {
  std::vector<Case> v;
  for (const Program& p : manifest())
    for (const std::string& variant : split_ws(kVariants)) v.push_back({p, variant});
  return v;
}

std::string case_name(const ::testing::TestParamInfo<Case>& info) {
  std::string s = info.param.p.name + "_" + info.param.variant;
  for (char& c : s)
    if (!std::isalnum(static_cast<unsigned char>(c))) c = '_';
  return s;
}

bool have_qemu() {
  static const bool yes = std::system("command -v qemu-aarch64 >/dev/null 2>&1") == 0;
  return yes;
}

struct Outcome {
  int status = -1;  // exit status, or 128 + signal
  bool timed_out = false;
  std::string out, err;
  std::string files;  // the program's directory afterwards (snapshot_dir)
};

// Runs argv (PATH lookup) with exactly `env` as its environment, stdin from `stdin_path`, in
// working directory `cwd`, no core dumps, umask 022; kills it after `timeout_s`.
Outcome run_process(const std::vector<std::string>& argv, const std::vector<std::string>& env,
                    const std::string& stdin_path, const std::string& cwd, int timeout_s) {
  Outcome r;
  int out_pipe[2], err_pipe[2];
  if (pipe(out_pipe) != 0 || pipe(err_pipe) != 0) {
    r.err = "pipe failed";
    return r;
  }
  std::vector<char*> cargv, cenv;
  for (const auto& a : argv) cargv.push_back(const_cast<char*>(a.c_str()));
  cargv.push_back(nullptr);
  for (const auto& e : env) cenv.push_back(const_cast<char*>(e.c_str()));
  cenv.push_back(nullptr);
  const pid_t pid = fork();
  if (pid == 0) {
    const int in = open(stdin_path.c_str(), O_RDONLY);
    if (in < 0 || dup2(in, 0) < 0 || dup2(out_pipe[1], 1) < 0 || dup2(err_pipe[1], 2) < 0) _exit(126);
    close(in);
    close(out_pipe[0]);
    close(out_pipe[1]);
    close(err_pipe[0]);
    close(err_pipe[1]);
    if (chdir(cwd.c_str()) != 0) _exit(126);
    const rlimit no_core{0, 0};
    setrlimit(RLIMIT_CORE, &no_core);  // qemu writes a guest core file otherwise
    umask(022);
    signal(SIGPIPE, SIG_DFL);
    execvpe(cargv[0], cargv.data(), cenv.data());
    _exit(127);
  }
  close(out_pipe[1]);
  close(err_pipe[1]);
  if (pid < 0) {
    close(out_pipe[0]);
    close(err_pipe[0]);
    r.err = "fork failed";
    return r;
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(timeout_s);
  pollfd fds[2] = {{out_pipe[0], POLLIN, 0}, {err_pipe[0], POLLIN, 0}};
  std::string* sinks[2] = {&r.out, &r.err};
  int open_fds = 2;
  char buf[65536];
  while (open_fds > 0) {
    const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now());
    if (left.count() <= 0) {
      r.timed_out = true;
      kill(pid, SIGKILL);
      break;
    }
    const int n = poll(fds, 2, int(left.count()));
    if (n < 0 && errno != EINTR) break;
    for (int i = 0; i < 2; ++i) {
      if (fds[i].fd < 0 || !(fds[i].revents & (POLLIN | POLLHUP | POLLERR))) continue;
      const ssize_t got = read(fds[i].fd, buf, sizeof buf);
      if (got > 0) {
        sinks[i]->append(buf, size_t(got));
      } else if (got == 0 || errno != EINTR) {
        close(fds[i].fd);
        fds[i].fd = -1;
        --open_fds;
      }
    }
  }
  for (auto& p : fds)
    if (p.fd >= 0) close(p.fd);
  int st = 0;
  while (waitpid(pid, &st, 0) < 0 && errno == EINTR) {
  }
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : WIFSIGNALED(st) ? 128 + WTERMSIG(st) : -1;
  return r;
}

// Names, kinds, sizes and contents (escaped, up to 512 bytes, then an FNV-1a hash) of every entry
// under `dir`, sorted: what a program left in its directory.
std::string snapshot_dir(const std::string& dir) {
  std::vector<std::string> lines;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator(); it.increment(ec)) {
    const std::string rel = fs::relative(it->path(), dir).string();
    if (it->is_directory()) {
      lines.push_back(rel + "/");
      continue;
    }
    std::ifstream f(it->path(), std::ios::binary);
    const std::string data((std::istreambuf_iterator<char>(f)), std::istreambuf_iterator<char>());
    uint64_t h = 0xcbf29ce484222325ull;
    for (unsigned char c : data) h = (h ^ c) * 0x100000001b3ull;
    std::string shown;
    for (size_t i = 0; i < data.size() && i < 512; ++i) {
      const unsigned char c = static_cast<unsigned char>(data[i]);
      if (c >= 32 && c < 127 && c != '\\') {
        shown += char(c);
      } else {
        char e[8];
        std::snprintf(e, sizeof e, "\\x%02x", c);
        shown += e;
      }
    }
    char head[64];
    std::snprintf(head, sizeof head, " %zu bytes fnv=%016llx ", data.size(), static_cast<unsigned long long>(h));
    lines.push_back(rel + head + shown);
  }
  std::sort(lines.begin(), lines.end());
  std::string s;
  for (const auto& l : lines) s += l + "\n";
  return s;
}

// A fresh, empty (or initialised from data/NAME/) directory for one run.
void reset_dir(const std::string& dir, const Program& p) {
  fs::remove_all(dir);
  fs::create_directories(dir);
  if (!p.dir_init.empty()) fs::copy(kSrcDir + "/data/" + p.dir_init, dir, fs::copy_options::recursive);
}

// A per-test scratch area: work/ (the current directory) and files/ (the program's directory).
struct Scratch {
  std::string root, work, files;
  Scratch() {
    std::string tmpl = ::testing::TempDir() + "cuarm_prog_XXXXXX";
    if (!mkdtemp(tmpl.data())) throw std::runtime_error("mkdtemp failed");
    root = tmpl;
    work = root + "/work";
    files = root + "/files";
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(root, ec);
  }
};

std::vector<std::string> guest_args(const Case& c, const Scratch& s) {
  std::vector<std::string> a;
  if (c.p.dir) a.push_back(s.files);
  a.insert(a.end(), c.p.args.begin(), c.p.args.end());
  return a;
}

std::string stdin_path(const Program& p) {
  return p.stdin_file.empty() ? "/dev/null" : kSrcDir + "/inputs/" + p.stdin_file;
}

// One run of the case under `prefix` (the emulator command); fresh directories every time.
Outcome run_case(const Case& c, const Scratch& s, const std::vector<std::string>& prefix, int timeout_s) {
  reset_dir(s.work, Program{});
  reset_dir(s.files, c.p);
  std::vector<std::string> argv = prefix;
  argv.push_back(c.binary());
  for (const auto& a : guest_args(c, s)) argv.push_back(a);
  Outcome r = run_process(argv, c.p.env, stdin_path(c.p), s.work, timeout_s);
  if (c.p.dir) r.files = snapshot_dir(s.files);
  return r;
}

std::vector<std::string> qemu_prefix() { return {"qemu-aarch64", "-cpu", "cortex-a53"}; }

std::vector<std::string> cuarm_prefix(const Case& c, const Scratch& s) {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  std::vector<std::string> v = {CUARM_CLI, "run", "--backend", b ? b : "cpu"};
  if (c.p.dir) {
    v.push_back("--mount");
    v.push_back(s.files + ":" + s.files);
  }
  return v;
}

// The emulator's own report of a guest killed by a signal is not the guest's output.
std::string guest_stderr(const std::string& err, int status, const std::string& report_prefix) {
  if (status < 128) return err;
  std::string kept;
  std::istringstream in(err);
  for (std::string line; std::getline(in, line);)
    if (line.rfind(report_prefix, 0) != 0) kept += line + "\n";
  if (!err.empty() && err.back() != '\n' && !kept.empty()) kept.pop_back();
  return kept;
}

std::vector<std::string> lines_of(const std::string& s) {
  std::vector<std::string> v;
  std::istringstream in(s);
  for (std::string l; std::getline(in, l);) v.push_back(l);
  if (!s.empty() && s.back() != '\n') v.back() += "  [no newline at end]";
  return v;
}

// A short diff: the first differing line with a little context, then up to 8 lines of each side.
std::string short_diff(const std::string& what, const std::string& a, const std::string& b, const char* an,
                       const char* bn) {
  const auto la = lines_of(a), lb = lines_of(b);
  size_t i = 0;
  while (i < la.size() && i < lb.size() && la[i] == lb[i]) ++i;
  std::string d = what + " differs at line " + std::to_string(i + 1) + " (" + an + " " + std::to_string(la.size()) +
                  " lines, " + bn + " " + std::to_string(lb.size()) + " lines):\n";
  for (size_t k = i >= 2 ? i - 2 : 0; k < i; ++k) d += "  " + la[k] + "\n";
  for (size_t k = i; k < la.size() && k < i + 8; ++k) d += std::string("- ") + la[k] + "\n";
  for (size_t k = i; k < lb.size() && k < i + 8; ++k) d += std::string("+ ") + lb[k] + "\n";
  return d + "(- " + an + ", + " + bn + ")\n";
}

// The command line that reproduces one side by hand (`prefix`: the emulator and its options).
std::string how_to_run(const Case& c, const Scratch& s, const std::vector<std::string>& prefix) {
  std::string cmd = "env -i";
  for (const auto& e : c.p.env) cmd += " " + e;
  for (const auto& a : prefix) cmd += " " + a;
  cmd += " " + c.binary();
  for (const auto& a : guest_args(c, s)) cmd += " " + a;
  if (!c.p.stdin_file.empty()) cmd += " < " + stdin_path(c.p);
  return cmd + "\n";
}

// Compares two outcomes; returns "" when they agree.
std::string compare(const Outcome& a, const Outcome& b, const char* an, const char* bn, const std::string& a_report,
                    const std::string& b_report) {
  std::string msg;
  if (a.timed_out || b.timed_out) msg += std::string(a.timed_out ? an : bn) + " timed out\n";
  if (a.status != b.status)
    msg += "exit status: " + std::string(an) + " " + std::to_string(a.status) + ", " + bn + " " + std::to_string(b.status) + "\n";
  if (a.out != b.out) msg += short_diff("stdout", a.out, b.out, an, bn);
  const std::string ea = guest_stderr(a.err, a.status, a_report), eb = guest_stderr(b.err, b.status, b_report);
  if (ea != eb) msg += short_diff("stderr", ea, eb, an, bn);
  if (a.files != b.files) msg += short_diff("directory contents", a.files, b.files, an, bn);
  return msg;
}

constexpr const char* kQemuReport = "qemu: uncaught target signal";
constexpr const char* kCuarmReport = "cuarm: ";
constexpr int kQemuTimeout = 60, kCuarmTimeout = 300;

class ProgramsOracle : public ::testing::TestWithParam<Case> {};
class ProgramsVsQemu : public ::testing::TestWithParam<Case> {};

// qemu-aarch64 gives the manifest's exit status and the same results twice in a row.
TEST_P(ProgramsOracle, Deterministic) {
  if (!have_qemu()) GTEST_SKIP() << "qemu-aarch64 is not installed here";
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.binary())) << c.binary() << " was not built";
  Scratch s;
  const Outcome first = run_case(c, s, qemu_prefix(), kQemuTimeout);
  const Outcome second = run_case(c, s, qemu_prefix(), kQemuTimeout);
  const std::string how = how_to_run(c, s, qemu_prefix());
  EXPECT_FALSE(first.timed_out) << how;
  EXPECT_EQ(first.status, c.p.exit_status) << how << "stderr:\n" << first.err.substr(0, 2000);
  if (const std::string d = compare(first, second, "first", "second", kQemuReport, kQemuReport); !d.empty())
    ADD_FAILURE() << "qemu-aarch64 gave different results twice in a row:\n" << d << how;
  EXPECT_FALSE(first.out.empty() && first.err.empty()) << "the program printed nothing: " << how;
}

// cuarm runs the program exactly as qemu-aarch64 does.
TEST_P(ProgramsVsQemu, SameResults) {
  if (!have_qemu()) GTEST_SKIP() << "qemu-aarch64 is not installed here";
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.binary())) << c.binary() << " was not built";
  Scratch s;
  const Outcome q = run_case(c, s, qemu_prefix(), kQemuTimeout);
  const Outcome o = run_case(c, s, cuarm_prefix(c, s), kCuarmTimeout);
  if (const std::string d = compare(q, o, "qemu", "cuarm", kQemuReport, kCuarmReport); !d.empty())
    ADD_FAILURE() << d << "qemu:  " << how_to_run(c, s, qemu_prefix()) << "cuarm: " << how_to_run(c, s, cuarm_prefix(c, s));
}

// Issue 4, "in batches": a corpus program as lanes of one ProcessBatch. Every lane must give what
// the same program gives run alone as a cuarm::Process with the same argv, stdin, environment
// and memory sizes (deterministic, so that clocks, ids and random bytes agree), and the
// manifest's exit status. A program that writes a directory gets one of its own in each lane
// (lane0/, lane1/ under one mount); the files each lane leaves must be those of its run alone.
class ProgramsInBatch : public ::testing::TestWithParam<Case> {};

TEST_P(ProgramsInBatch, LanesMatchTheProgramAlone) {
  const Case& c = GetParam();
  ASSERT_TRUE(fs::exists(c.binary())) << c.binary() << " was not built";
  std::ifstream f(c.binary(), std::ios::binary);
  const std::vector<uint8_t> image{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  std::string in;
  if (!c.p.stdin_file.empty()) {
    std::ifstream sf(stdin_path(c.p), std::ios::binary);
    in.assign(std::istreambuf_iterator<char>(sf), std::istreambuf_iterator<char>());
  }
  Scratch s;
  ProcessBatchOptions bo;
  bo.batch.backend = test_backend();
  bo.batch.deterministic = true;
  bo.common.env = c.p.env;
  bo.common.deterministic = true;
  bo.stack_size = 512u << 10, bo.brk_size = 8u << 20, bo.mmap_size = 48u << 20;  // per lane; malloc_large needs ~24 MiB
  constexpr size_t kLanes = 2;
  std::vector<LaneProcess> lanes;
  std::vector<std::string> dirs;
  for (size_t i = 0; i < kLanes; ++i) {
    LaneProcess lane{{c.binary()}, in};
    if (c.p.dir) {
      dirs.push_back(s.root + "/lane" + std::to_string(i));
      reset_dir(dirs[i], c.p);
      lane.argv.push_back(dirs[i]);
    }
    lane.argv.insert(lane.argv.end(), c.p.args.begin(), c.p.args.end());
    lanes.push_back(lane);
  }
  if (c.p.dir) bo.common.mounts.push_back({s.root, s.root, false});
  const std::vector<LaneResult> results = run_process_batch(image, lanes, bo);
  ASSERT_EQ(results.size(), kLanes);
  std::vector<std::string> files(kLanes);
  for (size_t i = 0; i < dirs.size(); ++i) files[i] = snapshot_dir(dirs[i]);

  std::optional<LaneResult> alone;  // lanes of a program without a directory have the same argv: one run
  for (size_t i = 0; i < kLanes; ++i) {
    std::string alone_files;
    if (c.p.dir) {
      reset_dir(dirs[i], c.p);
      alone = run_alone(image, lanes[i], bo);
      alone_files = snapshot_dir(dirs[i]);
    } else if (!alone) {
      alone = run_alone(image, lanes[i], bo);
    }
    EXPECT_EQ(alone->result.exit_code, c.p.exit_status) << "alone: " << alone->err.substr(0, 500);
    EXPECT_EQ(results[i].result.exit_code, alone->result.exit_code) << "lane " << i << ": " << results[i].err.substr(0, 500);
    EXPECT_EQ(results[i].out, alone->out) << "lane " << i;
    EXPECT_EQ(results[i].err, alone->err) << "lane " << i;
    EXPECT_EQ(files[i], alone_files) << "lane " << i << "'s directory";
    if (c.p.dir) {
      EXPECT_FALSE(files[i].empty()) << "lane " << i << " left nothing in its directory";
    }
  }
}

// The O2 builds of glibc and musl: enough to exercise every program's syscalls in a batch.
std::vector<Case> batch_cases() {
  std::vector<Case> v;
  for (const Case& c : all_cases())
    if (c.variant == "O2" || c.variant == "musl_O2") v.push_back(c);
  return v;
}

INSTANTIATE_TEST_SUITE_P(, ProgramsInBatch, ::testing::ValuesIn(batch_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProgramsInBatch);
INSTANTIATE_TEST_SUITE_P(, ProgramsOracle, ::testing::ValuesIn(all_cases()), case_name);
INSTANTIATE_TEST_SUITE_P(, ProgramsVsQemu, ::testing::ValuesIn(all_cases()), case_name);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProgramsOracle);
GTEST_ALLOW_UNINSTANTIATED_PARAMETERIZED_TEST(ProgramsVsQemu);

// The manifest parses, names each corpus program once, and every program it names exists.
TEST(ProgramsManifest, CoversCorpus) {
  if (!kHaveCorpus) GTEST_SKIP() << "the corpus is not built (no aarch64-linux-gnu-gcc)";
  const auto& m = manifest();
  for (const auto& e : manifest_errors) ADD_FAILURE() << e;
  std::vector<std::string> listed, sources;
  for (const auto& p : m) {
    listed.push_back(p.name);
    if (!p.stdin_file.empty()) {
      EXPECT_TRUE(fs::exists(stdin_path(p))) << p.name << ": " << stdin_path(p);
    }
    if (!p.dir_init.empty()) {
      EXPECT_TRUE(fs::is_directory(kSrcDir + "/data/" + p.dir_init)) << p.name;
    }
  }
  for (const auto& e : fs::directory_iterator(kSrcDir))
    if (e.path().extension() == ".c") sources.push_back(e.path().stem().string());
  std::sort(listed.begin(), listed.end());
  std::sort(sources.begin(), sources.end());
  EXPECT_EQ(std::adjacent_find(listed.begin(), listed.end()), listed.end()) << "a program is listed twice";
  EXPECT_EQ(listed, sources) << "manifest.txt and the .c files of tests/programs/ must name the same programs";
}

}  // namespace
}  // namespace cuarm::test
