// The `cuarm` command end to end, and the bundled example compared with qemu-aarch64.
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include "support.hpp"

namespace cuarm::test {
namespace {

using Result = CommandResult;
Result sh(const std::string& cmd) { return run_command(cmd); }

std::string cuarm_cmd() {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return std::string(CUARM_CLI) + " run --backend " + (b ? b : "cpu") + " ";
}

const std::string kExample = std::string(CUARM_EXAMPLES_DIR) + "/collatz";

bool have_qemu() { return std::system("command -v qemu-aarch64 >/dev/null 2>&1") == 0; }

TEST(Cli, ExampleMatchesQemu) {
  if (!have_qemu()) GTEST_SKIP() << "qemu-aarch64 is not installed here (the oracle for program-level tests)";
  for (const char* arg : {"1", "1000", "30000"}) {
    const Result ours = sh(cuarm_cmd() + kExample + " " + arg);
    const Result qemu = sh("qemu-aarch64 -cpu cortex-a53 " + kExample + " " + arg);
    EXPECT_EQ(ours.out, qemu.out) << arg;
    EXPECT_EQ(ours.status, qemu.status) << arg;
    EXPECT_EQ(ours.err, qemu.err) << arg;
  }
}

// qemu-aarch64's options (before PROGRAM) work as in qemu: the guest sees the same argv and
// environment; qemu options cuarm lacks are refused by name; -cpu other than the A53 is a note.
TEST(Cli, QemuOptionsWorkAsInQemu) {
  if (!have_qemu()) GTEST_SKIP() << "qemu-aarch64 is not installed here (the oracle for program-level tests)";
  const std::string prog = std::string(CUARM_OS_PROGRAMS_DIR) + "/proc_image";
  const std::string opts = " -cpu cortex-a53 -0 renamed -s 1M -L /nonexistent -E FOO=bar -U HOME -strace ";
  auto argv_env = [](const std::string& out) {
    std::string kept;
    std::istringstream s(out);
    for (std::string line; std::getline(s, line);)
      if (line.rfind("argv", 0) == 0 || line.rfind("env:", 0) == 0 || line.rfind("argc", 0) == 0) kept += line + "\n";
    return kept;
  };
  const Result ours = sh("env -i HOME=/h " + cuarm_cmd() + opts + prog + " x -s y 2>/dev/null");
  const Result qemu = sh("env -i HOME=/h qemu-aarch64" + opts + prog + " x -s y 2>/dev/null");
  EXPECT_EQ(ours.status, qemu.status);
  EXPECT_EQ(argv_env(ours.out), argv_env(qemu.out));
  EXPECT_NE(ours.out.find("argv: renamed\n"), std::string::npos) << ours.out;
  EXPECT_NE(ours.out.find("argv: -s\n"), std::string::npos) << ours.out;  // after PROGRAM: the guest's
  EXPECT_NE(ours.out.find("env: FOO=bar\n"), std::string::npos) << ours.out;
  EXPECT_EQ(ours.out.find("env: HOME="), std::string::npos) << ours.out;
  const Result strace = sh(cuarm_cmd() + "-strace " + prog + " >/dev/null");
  EXPECT_NE(strace.err.find("exit_group("), std::string::npos) << strace.err;

  const Result gdb = sh(cuarm_cmd() + "-g 1234 " + prog);
  EXPECT_EQ(gdb.status, 1);
  EXPECT_NE(gdb.err.find("the qemu-aarch64 option -g is not supported"), std::string::npos) << gdb.err;
  const Result max = sh(cuarm_cmd() + "-cpu max " + prog + " >/dev/null");
  EXPECT_EQ(max.status, 7) << max.err;  // proc_image exits with 7
  EXPECT_NE(max.err.find("cuarm: note: -cpu max: cuarm runs the Cortex-A53 profile"), std::string::npos) << max.err;
  const Result size = sh(cuarm_cmd() + "-s 12Q " + prog);
  EXPECT_EQ(size.status, 1);
  EXPECT_NE(size.err.find("-s '12Q': expected a size"), std::string::npos) << size.err;
  EXPECT_NE(sh(std::string(CUARM_CLI) + " -version").out.find("cuarm "), std::string::npos);
}

TEST(Cli, ShortFormAndStats) {
  const Result r = sh(std::string(CUARM_CLI) + " --help");
  EXPECT_EQ(r.status, 0);
  const Result s = sh(cuarm_cmd() + "--stats " + kExample + " 100");
  EXPECT_EQ(s.status, 0);
  EXPECT_NE(s.out.find("starts at 97"), std::string::npos) << s.out;
  EXPECT_NE(s.err.find("instructions in"), std::string::npos) << s.err;
  EXPECT_NE(s.err.find("EXIT"), std::string::npos) << s.err;
}

TEST(Cli, MaxCyclesExitCode) {
  const Result r = sh(cuarm_cmd() + "--max-cycles 1000 " + kExample);
  EXPECT_EQ(r.status, 124);
  EXPECT_NE(r.err.find("MAX_CYCLES"), std::string::npos) << r.err;
}

TEST(Cli, RawTraceAndHalt) {
  const std::string bin = ::testing::TempDir() + "cuarm_raw_" + std::to_string(getpid()) + ".bin";
  {
    std::ofstream f(bin, std::ios::binary);
    const uint32_t words[] = {0x91000400 /* add x0, x0, #1 */, 0x91000400, 0xd4400000 /* hlt #0 */};
    f.write(reinterpret_cast<const char*>(words), sizeof words);
  }
  const Result r = sh(cuarm_cmd() + "--raw --base 0x1000 --trace " + bin);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("0x0000000000001000: 91000400  add x0, x0, #1"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("x0=0x2"), std::string::npos) << r.out;
  const Result u = sh(cuarm_cmd() + "--raw --base 0x1000 --entry 0x1008 --stats " + bin);
  EXPECT_EQ(u.status, 0);
  EXPECT_NE(u.err.find("HALT"), std::string::npos) << u.err;
}

TEST(Cli, TraceShowsFpcrFpsrAndVectorWrites) {
  const std::string bin = ::testing::TempDir() + "cuarm_fptrace_" + std::to_string(getpid()) + ".bin";
  {
    std::ofstream f(bin, std::ios::binary);
    const uint32_t words[] = {0xd2a06000 /* movz x0, #0x300, lsl #16 */, 0xd51b4400 /* msr fpcr, x0 */,
                              0xd2a10001 /* movz x1, #0x800, lsl #16 */, 0xd51b4421 /* msr fpsr, x1 */,
                              0x4f02e742 /* movi v2.16b, #0x5a */, 0xd4400000 /* hlt #0 */};
    f.write(reinterpret_cast<const char*>(words), sizeof words);
  }
  const Result r = sh(cuarm_cmd() + "--raw --base 0x1000 --trace " + bin);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_NE(r.out.find("msr fpcr, x0                     fpcr=0x03000000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("msr fpsr, x1                     fpsr=0x08000000"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("v2=0x5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a5a"), std::string::npos) << r.out;
}

TEST(Cli, ErrorsAreClear) {
  Result r = sh(cuarm_cmd() + "/nonexistent/program");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;
  r = sh(cuarm_cmd() + std::string(CUARM_CLI));  // an x86-64 ELF
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("AArch64"), std::string::npos) << r.err;
  r = sh(cuarm_cmd() + "--base 0x1000 " + kExample);
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--raw"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cuarm::test

namespace cuarm::test {
namespace {

// The man page and the completions come from the same option definitions as --help.
TEST(Cli, ManPageAndCompletionsComeFromTheOptions) {
  const Result man = sh(std::string(CUARM_CLI) + " --man");
  ASSERT_EQ(man.status, 0) << man.err;
  EXPECT_EQ(man.out.rfind(".TH CUARM 1", 0), 0u);
  const Result help = sh(std::string(CUARM_CLI) + " run --help");
  for (const char* option : {"max\\-cycles", "mount", "deterministic", "tmp\\-size"})
    EXPECT_NE(man.out.find(option), std::string::npos) << option;
  for (const char* command : {"cuarm run", "cuarm batch", "cuarm processes"})
    EXPECT_NE(man.out.find(command), std::string::npos) << command;
  EXPECT_NE(help.out.find("--tmp-size"), std::string::npos);
  const Result bash = sh(std::string(CUARM_CLI) + " --completion bash");
  ASSERT_EQ(bash.status, 0);
  EXPECT_NE(bash.out.find("complete -o filenames -F _cuarm cuarm"), std::string::npos);
  EXPECT_NE(bash.out.find("--lanes"), std::string::npos);  // batch's and processes' options too
  const Result zsh = sh(std::string(CUARM_CLI) + " --completion zsh");
  EXPECT_EQ(zsh.out.rfind("#compdef cuarm", 0), 0u);
  const Result fish = sh(std::string(CUARM_CLI) + " --completion fish");
  EXPECT_EQ(fish.status, 1);
  EXPECT_EQ(std::count(fish.err.begin(), fish.err.end(), '\n'), 1) << fish.err;
}

}  // namespace
}  // namespace cuarm::test
