// `cuarm processes` end to end: lanes that are processes of corpus programs, with arguments
// from the command line ({lane}) or --args-file, stdin from --stdin-dir or --stdin-file, outputs
// in --out-dir. Each lane's output must equal what `cuarm run` gives for the same program alone.
#include <fcntl.h>
#include <fmt/format.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <thread>
#include <vector>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>

#include "support.hpp"

namespace cuarm::test {
namespace {

namespace fs = std::filesystem;

#ifdef CUARM_PROGRAMS_DIR
const std::string kCorpus = std::string(CUARM_PROGRAMS_DIR) + "/O2/";
#else
const std::string kCorpus;
#endif

std::string backend() {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return b ? b : "cpu";
}
std::string processes() { return std::string(CUARM_CLI) + " processes --backend " + backend() + " "; }

std::string slurp(const fs::path& p) {
  std::ifstream f(p, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}
void spit(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }

// A fresh folder for one test, removed after it.
class TempDir {
 public:
  explicit TempDir(const std::string& name)
      : p_(fs::path(::testing::TempDir()) / ("cuarm_cli_processes_" + std::to_string(getpid()) + "_" + name)) {
    fs::remove_all(p_);
    fs::create_directories(p_);
  }
  ~TempDir() { fs::remove_all(p_); }
  const fs::path& path() const { return p_; }

 private:
  fs::path p_;
};

class CliProcesses : public ::testing::Test {
 protected:
  void SetUp() override {
    if (kCorpus.empty() || !fs::exists(kCorpus + "argv_echo"))
      GTEST_SKIP() << "the program corpus is not built (no aarch64-linux-gnu-gcc at configure time)";
  }
};

TEST_F(CliProcesses, ArgumentsWithTheLaneIndex) {
  TempDir d("args");
  const std::string prog = kCorpus + "argv_echo";
  const auto r = run_command(processes() + "--lanes 5 --out-dir " + d.path().string() + " " + prog + " x{lane} y");
  // argv_echo exits with argc-1 = 2 in every lane: some lane did not exit with 0.
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("5 lanes: 5 exit 2"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("first: lane 0: exit 2"), std::string::npos) << r.err;
  for (int i = 0; i < 5; ++i) {
    const auto alone = run_command(std::string(CUARM_CLI) + " --backend " + backend() + " " + prog + " x" +
                                   std::to_string(i) + " y");
    EXPECT_EQ(alone.status, 2);
    EXPECT_EQ(slurp(d.path() / (std::to_string(i) + ".out")), alone.out) << "lane " << i;
    EXPECT_EQ(slurp(d.path() / (std::to_string(i) + ".err")), alone.err) << "lane " << i;
    EXPECT_NE(alone.out.find("argv[1]=\"x" + std::to_string(i) + "\""), std::string::npos);
  }
  // A relative PROGRAM path: /proc/self/exe must still read as an absolute path (glibc's static
  // start-up asserts it), so the lanes end as above.
  const auto rel = run_command("cd " + kCorpus + " && " + processes() + "--lanes 2 ./argv_echo a");
  EXPECT_EQ(rel.status, 2) << rel.err;
  EXPECT_NE(rel.err.find("2 lanes: 2 exit 1"), std::string::npos) << rel.err;
  // The table: a header and one row a lane, with the first line of stdout.
  EXPECT_NE(r.out.find("first line"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("argc=3 argv[argc]=NULL"), std::string::npos) << r.out;
}

TEST_F(CliProcesses, ArgsFileStdinDirAndCsv) {
  TempDir d("stdin");
  const std::string prog = kCorpus + "stdin_wc";
  const std::vector<std::string> inputs = {"one two\nthree\n", "", "a b c d e f\n\n\nlast line without newline"};
  fs::create_directories(d.path() / "in");
  std::string args;
  for (size_t i = 0; i < inputs.size(); ++i) {
    spit(d.path() / "in" / std::to_string(i), inputs[i]);
    args += "\n";  // no arguments, one line per lane
  }
  spit(d.path() / "args", args);
  const auto r = run_command(processes() + "--args-file " + (d.path() / "args").string() + " --stdin-dir " +
                             (d.path() / "in").string() + " --out-dir " + (d.path() / "out").string() + " --csv - " + prog);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out.substr(0, r.out.find('\n')), "lane,exit_code,signal,cycles,stdout_bytes,stderr_bytes");
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto alone = run_command(std::string(CUARM_CLI) + " --backend " + backend() + " " + prog + " < " +
                                   (d.path() / "in" / std::to_string(i)).string());
    EXPECT_EQ(alone.status, 0);
    const std::string out = slurp(d.path() / "out" / (std::to_string(i) + ".out"));
    EXPECT_EQ(out, alone.out) << "lane " << i;
    EXPECT_NE(r.out.find(fmt::format("\n{},0,EXIT,", i)), std::string::npos) << r.out;
    EXPECT_NE(r.out.find(fmt::format(",{},0\n", out.size())), std::string::npos) << r.out;
  }
  // --stdin-file: every lane the same bytes.
  spit(d.path() / "same", inputs[0]);
  const auto same = run_command(processes() + "--lanes 2 --stdin-file " + (d.path() / "same").string() + " --out-dir " +
                                (d.path() / "same_out").string() + " " + prog);
  EXPECT_EQ(same.status, 0) << same.err;
  EXPECT_EQ(slurp(d.path() / "same_out" / "0.out"), slurp(d.path() / "out" / "0.out"));
  EXPECT_EQ(slurp(d.path() / "same_out" / "1.out"), slurp(d.path() / "out" / "0.out"));
}

TEST_F(CliProcesses, ClearErrors) {
  TempDir d("errors");
  const std::string prog = kCorpus + "stdin_wc";
  auto expect_error = [](const CommandResult& r, const std::string& what) {
    EXPECT_EQ(r.status, 1) << r.err;
    EXPECT_NE(r.err.find(what), std::string::npos) << r.err;
  };
  expect_error(run_command(processes() + prog), "--lanes N or --args-file FILE is required");
  spit(d.path() / "args", "a\nb\n");
  expect_error(run_command(processes() + "--lanes 3 --args-file " + (d.path() / "args").string() + " " + prog),
               "--args-file has 2 lines for --lanes 3");
  expect_error(run_command(processes() + "--args-file " + (d.path() / "args").string() + " " + prog + " extra"),
               "not both");
  expect_error(run_command(processes() + "--lanes 2 --stdin-dir " + d.path().string() + " " + prog),
               "--stdin-dir: cannot open '" + (d.path() / "0").string() + "'");
  expect_error(run_command(processes() + "--lanes 2 " + (d.path() / "missing").string()), "PROGRAM: cannot open");
  expect_error(run_command(processes() + "--lanes 1 -E NOVALUE " + prog), "--env: 'NOVALUE' is not VAR=VALUE");
}

// Starts `cuarm processes` on 3 lanes of a spin far longer than any test waits, sends SIGINT
// after `delay`, and returns the wait status (or fails after 20 s). stdout/stderr go to files.
int interrupt_spin(std::chrono::microseconds delay, const std::string& out, const std::string& err) {
  const std::string spin = std::string(CUARM_OS_PROGRAMS_DIR) + "/spin";
  std::vector<std::string> args = {CUARM_CLI, "processes", "--backend", backend(), "--lanes", "3", spin, "100000", "50000000"};
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 1, out.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  posix_spawn_file_actions_addopen(&fa, 2, err.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  pid_t pid = 0;
  const int spawned = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&fa);
  if (spawned != 0) {
    ADD_FAILURE() << "posix_spawn failed";
    return -1;
  }
  std::this_thread::sleep_for(delay);
  kill(pid, SIGINT);
  int status = 0;
  const auto t0 = std::chrono::steady_clock::now();
  while (waitpid(pid, &status, WNOHANG) == 0) {
    if (std::chrono::steady_clock::now() - t0 > std::chrono::seconds(20)) {
      kill(pid, SIGKILL);
      waitpid(pid, &status, 0);
      ADD_FAILURE() << "cuarm processes did not end within 20 s of SIGINT";
      return -1;
    }
    std::this_thread::sleep_for(std::chrono::milliseconds(10));
  }
  return status;
}

// Ctrl-C (SIGINT) cancels the lanes: exit status 130, the lanes report 130, the command says so.
TEST_F(CliProcesses, InterruptCancelsTheLanes) {
  TempDir d("interrupt");
  const std::string err = (d.path() / "err").string(), out = (d.path() / "out").string();
  const int status = interrupt_spin(std::chrono::milliseconds(700), out, err);
  ASSERT_TRUE(WIFEXITED(status)) << slurp(err);
  EXPECT_EQ(WEXITSTATUS(status), 130) << slurp(err);
  EXPECT_NE(slurp(err).find("3 lanes: 3 exit 130"), std::string::npos) << slurp(err);
  EXPECT_NE(slurp(err).find("interrupted"), std::string::npos) << slurp(err);
}

// A Ctrl-C at any moment of the start (loading, building the lanes, the device starting) ends
// the command one of two ways: by the signal itself, before the command could catch it, or as
// an interrupted run (status 130 and the summary). Never anything else: a SIGINT inside the CUDA
// driver's start once ended it with status 4 and no message.
TEST_F(CliProcesses, InterruptWhileStartingEndsCleanly) {
  TempDir d("interrupt_early");
  const std::string err = (d.path() / "err").string(), out = (d.path() / "out").string();
  for (int us : {1000, 3000, 10000, 30000, 100000, 300000}) {
    const int status = interrupt_spin(std::chrono::microseconds(us), out, err);
    if (WIFSIGNALED(status)) {
      EXPECT_EQ(WTERMSIG(status), SIGINT) << "after " << us << " us: " << slurp(err);
      continue;
    }
    ASSERT_TRUE(WIFEXITED(status)) << "after " << us << " us";
    EXPECT_EQ(WEXITSTATUS(status), 130) << "after " << us << " us: " << slurp(err);
    EXPECT_NE(slurp(err).find("interrupted"), std::string::npos) << "after " << us << " us: " << slurp(err);
  }
}

}  // namespace
}  // namespace cuarm::test
