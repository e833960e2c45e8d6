// The process image and the syscall layer, end to end: freestanding guest programs
// (tests/programs_os) run by `cuarm` and by qemu-aarch64 -cpu cortex-a53 (the oracle), and
// through the cuarm::Process API.
#include <cuarm/process.hpp>
#include <unistd.h>

#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <stdexcept>
#include <map>
#include <sstream>

#include "support.hpp"

namespace cuarm::test {
namespace {

const std::string kDir = CUARM_OS_PROGRAMS_DIR;

std::string backend() {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return b ? b : "cpu";
}
// Both sides start from an empty environment (each passes its own to the guest, as qemu does).
std::string cuarm(const std::string& opts = "") {
  return "env -i " + std::string(CUARM_CLI) + " --backend " + backend() + " " + opts + " ";
}
// The shell waits for qemu (it is not the last command), so a guest killed by a signal reads
// as 128+signal, as the shell reports it.
std::string qemu(const std::string& args) { return "{ env -i qemu-aarch64 -cpu cortex-a53 " + args + "; exit $?; }"; }
bool have_qemu() { return std::system("command -v qemu-aarch64 >/dev/null 2>&1") == 0; }
#define NEED_QEMU() \
  if (!have_qemu()) GTEST_SKIP() << "qemu-aarch64 is not installed here (the oracle)"

// "key=value" lines of a program's output.
std::map<std::string, std::string> lines(const std::string& out) {
  std::map<std::string, std::string> m;
  std::istringstream in(out);
  std::string l;
  while (std::getline(in, l)) {
    const auto eq = l.find('=');
    if (eq != std::string::npos) m[l.substr(0, eq)] = l.substr(eq + 1);
  }
  return m;
}

std::string without(const std::string& out, const std::vector<std::string>& keys) {
  std::istringstream in(out);
  std::string l, r;
  while (std::getline(in, l)) {
    bool drop = false;
    for (const auto& k : keys) drop |= l.rfind(k + "=", 0) == 0;
    if (!drop) r += l + "\n";
  }
  return r;
}

// A machine for a cuarm::Process: an empty address space on the test backend.
MachineOptions process_machine() {
  MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = parse_backend(backend());
  return mo;
}

std::vector<uint8_t> file_bytes(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

TEST(OsProcess, ImageMatchesQemu) {
  NEED_QEMU();
  for (const char* prog : {"proc_image", "proc_image_pie"}) {
    const std::string p = kDir + "/" + prog;
    const CommandResult ours = run_command(cuarm("-E GREETING=hi") + p + " one 'two words'");
    const CommandResult ref = run_command(qemu("-E GREETING=hi " + p + " one 'two words'"));
    EXPECT_EQ(ours.out, ref.out) << prog;
    EXPECT_EQ(ours.status, 7) << prog << ours.err;
    EXPECT_EQ(ref.status, 7) << prog;
    // The values the kernel documents, checked without the oracle too.
    auto v = lines(ours.out);
    EXPECT_EQ(v["sp_mod16"], "0");
    EXPECT_EQ(v["argc"], "3");
    EXPECT_EQ(v["hwcap"], "0x8fb");  // FP ASIMD AES PMULL SHA1 SHA2 CRC32 CPUID
    EXPECT_EQ(v["pagesz"], "4096");
    EXPECT_EQ(v["clktck"], "100");
    EXPECT_EQ(v["entry_is_start"], "1");
    EXPECT_EQ(v["phdr_ok"], "1");
    EXPECT_EQ(v["ids_match"], "1");
    EXPECT_EQ(v["random_ok"], "1");
    EXPECT_EQ(v["platform"], "aarch64");
    EXPECT_EQ(v["execfn"], p);
    EXPECT_EQ(v["tls_ok"], "1");
    EXPECT_EQ(v["bias_is_zero"], std::string(prog) == "proc_image" ? "1" : "0");
    EXPECT_NE(ours.out.find("env: GREETING=hi\n"), std::string::npos);
    EXPECT_NE(ours.out.find("argv: two words\n"), std::string::npos);
  }
}

TEST(OsProcess, StaticPieLoadsAtTheBias) {
  Machine m(process_machine());
  ProcessOptions o;
  o.argv = {"pie"};
  o.output = [](int, const uint8_t*, size_t) {};
  o.pie_base = 0x7000000000ull;
  Process p(m, file_bytes(kDir + "/proc_image_pie"), o);
  EXPECT_EQ(p.elf().load_bias, 0x7000000000ull);
  EXPECT_GE(p.elf().entry, 0x7000000000ull);
  EXPECT_EQ(p.run().exit_code, 7);
}

// A relative argv[0] (and no exe_path): /proc/self/exe still reads as an absolute path, as on
// Linux. glibc's static start-up asserts that (`_dl_get_origin`) and would abort with 134.
TEST(OsProcess, RelativeArgv0GivesAnAbsoluteExe) {
#ifdef CUARM_PROGRAMS_DIR
  const std::string prog = std::string(CUARM_PROGRAMS_DIR) + "/O2/argv_echo";
  if (!std::ifstream(prog)) GTEST_SKIP() << "the program corpus is not built";
  Machine m(process_machine());
  ProcessOptions o;
  o.argv = {"argv_echo", "x"};
  o.cwd = "/some/dir";
  std::string out;
  o.output = [&out](int, const uint8_t* d, size_t n) { out.append(reinterpret_cast<const char*>(d), n); };
  Process p(m, file_bytes(prog), o);
  EXPECT_EQ(p.run().exit_code, 1) << out;  // argv_echo exits with argc - 1
  EXPECT_NE(out.find("argv[1]=\"x\""), std::string::npos) << out;
#else
  GTEST_SKIP() << "the program corpus is not built";
#endif
}

// The progress callback comes about every 100 ms whether the guest computes or makes a syscall
// every few microseconds; the result is the same as without it; a callback that throws stops
// the run, and running again finishes the process as if nothing had happened.
TEST(OsProcess, ProgressSpansSyscallsAndMayInterrupt) {
  auto run = [&](const std::vector<std::string>& argv, int throw_at, int* calls, bool* thrown) {
    Machine m(process_machine());
    ProcessOptions o;
    o.argv = argv;
    std::string out;
    o.output = [&out](int, const uint8_t* d, size_t n) { out.append(reinterpret_cast<const char*>(d), n); };
    Process p(m, file_bytes(kDir + "/spin"), o);
    ProcessResult r;
    try {
      r = p.run(UINT64_MAX, [&](const Status& live) {
        EXPECT_TRUE(live.is_running);
        EXPECT_GT(live.cycles_executed, 0u);
        if (++*calls == throw_at) throw std::runtime_error("stop here");
      });
    } catch (const std::runtime_error&) {
      *thrown = true;
      EXPECT_FALSE(m.is_running());
      r = p.run();  // goes on from where it stopped
    }
    return std::make_pair(r.exit_code, out);
  };
  // Each runs 0.3 s or more on a fast host.
  for (const auto& argv : {std::vector<std::string>{"spin", "20000", "1000"},     // a write every ~4000 instructions
                           std::vector<std::string>{"spin", "2", "30000000"}}) {  // long stretches of compute
    int calls = 0, calls2 = 0;
    bool thrown = false, thrown2 = false;
    const auto plain = run(argv, -1, &calls, &thrown);
    EXPECT_EQ(plain.first, std::stoi(argv[1]) % 256) << argv[1];
    EXPECT_GE(calls, 1) << argv[1] << ": the run should last well over 100 ms";
    EXPECT_FALSE(thrown);
    const auto interrupted = run(argv, 1, &calls2, &thrown2);
    EXPECT_TRUE(thrown2);
    EXPECT_EQ(interrupted, plain) << argv[1];
  }
}

TEST(OsProcess, MemoryMatchesQemu) {
  NEED_QEMU();
  const std::string dir = ::testing::TempDir() + "cuarm_os_mem_" + std::to_string(getpid());
  ASSERT_EQ(std::system(("mkdir -p " + dir + " && printf 'hello, file\\n' > " + dir + "/data.txt").c_str()), 0);
  const CommandResult ours = run_command(cuarm("--mount " + dir + ":/in:ro") + kDir + "/memory /in/data.txt");
  const CommandResult ref = run_command(qemu(kDir + "/memory " + dir + "/data.txt"));
  std::system(("rm -rf " + dir).c_str());
  EXPECT_EQ(ours.out, ref.out);
  EXPECT_EQ(ours.status, 0) << ours.err;
  EXPECT_EQ(ref.status, 0);
  auto v = lines(ours.out);
  for (const char* k : {"brk_grow", "brk_rw", "brk_shrink", "brk_regrow_zero", "brk_below_start", "small_mmaps", "munmap_half",
                        "reuse_zeroed", "mremap_grow", "mremap_shrink", "fixed", "open", "file_map"})
    EXPECT_EQ(v[k], "1") << k;
  EXPECT_EQ(v["big"], "3");
  EXPECT_EQ(v["mremap_bad"], "-22");
  EXPECT_EQ(v["dontneed_zero"], "0");
  EXPECT_EQ(v["file_head"], "hello, file");
  EXPECT_EQ(v["file_page_tail_zero"], "0");
}

TEST(OsProcess, MprotectOnTheImageIsExact) {
  NEED_QEMU();
  for (const char* arg : {"", " x"}) {
    const CommandResult ours = run_command(cuarm() + kDir + "/protect" + arg);
    const CommandResult ref = run_command(qemu(kDir + "/protect" + arg));
    EXPECT_EQ(ours.out, ref.out) << arg;
    EXPECT_EQ(ours.status, 139) << arg;  // the write to the read-only page
    EXPECT_EQ(ref.status, 139) << arg;
    EXPECT_NE(ours.out.find("neighbours=5\nread=0\nrw_again=0\nwritten=7\nro_again=0\nunmapped=-12\nwriting\n"),
              std::string::npos) << ours.out;
  }
}

TEST(OsProcess, ManyMmapsUseOneRegion) {
  Machine m(process_machine());
  ProcessOptions o;
  o.argv = {"memory"};
  std::string out;
  o.output = [&](int fd, const uint8_t* d, size_t n) {
    if (fd == 1) out.append(reinterpret_cast<const char*>(d), n);
  };
  Process p(m, file_bytes(kDir + "/memory"), o);
  const size_t before = m.regions().size();
  const ProcessResult r = p.run();
  EXPECT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.status.signal, StopReason::Exit);
  EXPECT_NE(out.find("small_mmaps=1"), std::string::npos) << out;
  // 4500 mmaps later: still the image, stack, brk heap and mmap area regions.
  EXPECT_EQ(m.regions().size(), before);
}

TEST(OsProcess, MiscMatchesQemu) {
  NEED_QEMU();
  const CommandResult ours = run_command(cuarm() + kDir + "/misc");
  const CommandResult ref = run_command(qemu(kDir + "/misc"));
  // qemu-user answers set_robust_list with ENOSYS; Linux (and cuarm) accept a 24-byte head.
  const std::vector<std::string> differ = {"robust_bad", "robust_ok"};
  EXPECT_EQ(without(ours.out, differ), without(ref.out, differ));
  EXPECT_EQ(ours.status, 0) << ours.err;
  auto v = lines(ours.out);
  EXPECT_EQ(v["robust_bad"], "-22");
  EXPECT_EQ(v["robust_ok"], "0");
  EXPECT_EQ(v["rseq"], "-38");
  EXPECT_EQ(v["unknown"], "-38");
  EXPECT_EQ(v["machine"], "aarch64");
  EXPECT_EQ(v["slept"], "1");
  EXPECT_EQ(v["futex_wait_mismatch"], "-11");
  EXPECT_EQ(v["tcgets_pipe"], "-25");
}

TEST(OsProcess, SignalsEndLikeLinux) {
  NEED_QEMU();
  for (auto [mode, status] : {std::pair{"abort", 134}, {"ignored", 5}, {"term", 143}}) {
    const CommandResult ours = run_command(cuarm() + kDir + "/signals " + mode);
    const CommandResult ref = run_command(qemu(kDir + "/signals " + mode));
    EXPECT_EQ(ours.out, ref.out) << mode;
    EXPECT_EQ(ours.status, status) << mode << ours.err;
    EXPECT_EQ(ref.status, status) << mode;
  }
  const CommandResult r = run_command(cuarm() + kDir + "/signals abort");
  EXPECT_NE(r.out.find("still here"), std::string::npos);  // blocked until unblocked
  EXPECT_EQ(r.out.find("not reached"), std::string::npos);
  EXPECT_NE(r.err.find("killed by signal 6"), std::string::npos) << r.err;
  auto v = lines(r.out);
  EXPECT_EQ(v["sigaction_bad_size"], "-22");
  EXPECT_EQ(v["sigaction_kill"], "-22");
  EXPECT_EQ(v["mask_has_kill"], "0");
  EXPECT_EQ(v["kill_other"], "-3");
}

TEST(OsProcess, SignalHandlersMatchQemu) {
  NEED_QEMU();
  const CommandResult ours = run_command(cuarm() + kDir + "/sighandler");
  const CommandResult ref = run_command(qemu(kDir + "/sighandler"));
  EXPECT_EQ(ours.out, ref.out);
  EXPECT_EQ(ours.status, 140) << ours.err;  // the last SIGUSR2 meets its default action
  EXPECT_EQ(ref.status, 140);
  auto v = lines(ours.out);
  EXPECT_EQ(v["regs_kept"], "1");
  EXPECT_EQ(v["nested"], "2");
  EXPECT_EQ(v["while_blocked"], "0");
  EXPECT_EQ(v["reset_to_default"], "1");
  EXPECT_NE(ours.out.find("onstack: hits=2 sig=12 code=-6 mask=0x800 alt=1"), std::string::npos) << ours.out;
  const CommandResult st = run_command(cuarm("--strace") + kDir + "/sighandler");
  EXPECT_NE(st.err.find(" rt_sigreturn() = ?"), std::string::npos) << st.err;
  EXPECT_NE(st.err.find(" +++ killed by signal 12 +++"), std::string::npos) << st.err;
}

TEST(OsProcess, ApiKillReportsTheSignal) {
  Machine m(process_machine());
  ProcessOptions o;
  o.argv = {"signals", "term"};
  o.output = [](int, const uint8_t*, size_t) {};
  Process p(m, file_bytes(kDir + "/signals"), o);
  const ProcessResult r = p.run();
  EXPECT_EQ(r.term_signal, 15);
  EXPECT_EQ(r.exit_code, 143);
  EXPECT_EQ(r.status.signal, StopReason::Exit);
}

TEST(OsProcess, StraceShowsEveryCall) {
  const CommandResult r = run_command(cuarm("--strace") + kDir + "/misc");
  EXPECT_EQ(r.status, 0);
  EXPECT_NE(r.err.find(" uname(0x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" rseq(0x0,32,0x0,0x0) = -1 errno=38 (Function not implemented)"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" unknown syscall 400(0x0,"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" unknown syscall 1000("), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" clock_gettime(99,0x"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find(" exit_group(0)"), std::string::npos) << r.err;
  const CommandResult f = run_command(cuarm("--strace") + kDir + "/cat /etc/passwd");
  EXPECT_NE(f.err.find(" openat(AT_FDCWD,\"/etc/passwd\",0x0,00) = -1 errno=2 (No such file or directory)"), std::string::npos) << f.err;
}

TEST(OsProcess, DeterministicRunsRepeat) {
  const std::string p = kDir + "/determinism";
  const CommandResult a = run_command(cuarm("--deterministic") + p);
  const CommandResult b = run_command(cuarm("--deterministic") + p);
  const CommandResult c = run_command(cuarm("--deterministic --seed 7") + p);
  const CommandResult d = run_command(cuarm() + p);
  const CommandResult e = run_command(cuarm() + p);
  EXPECT_EQ(a.status, 0);
  EXPECT_EQ(a.out, b.out);
  auto va = lines(a.out), vc = lines(c.out), vd = lines(d.out), ve = lines(e.out);
  EXPECT_NE(va["at_random"], vc["at_random"]);
  EXPECT_NE(va["getrandom"], vc["getrandom"]);
  EXPECT_EQ(va["realtime_s"], vc["realtime_s"]);
  EXPECT_EQ(va["realtime_s"], "1700000000");
  EXPECT_EQ(va["slept_ge_1s"], "1");  // a deterministic sleep advances the clock, not the host's
  EXPECT_NE(vd["at_random"], ve["at_random"]);
  EXPECT_NE(vd["getrandom"], ve["getrandom"]);
}

TEST(OsProcess, StdinAndCaptureThroughTheApi) {
  Machine m(process_machine());
  ProcessOptions o;
  o.argv = {"echo"};
  std::string in = "hello guest, this is more than one read of a hundred bytes: ";
  in += std::string(150, 'x');
  size_t pos = 0;
  o.input = [&](uint8_t* buf, size_t n) -> int64_t {
    const size_t c = std::min(n, in.size() - pos);
    std::memcpy(buf, in.data() + pos, c);
    pos += c;
    return int64_t(c);
  };
  std::string out, err;
  o.output = [&](int fd, const uint8_t* d, size_t n) { (fd == 1 ? out : err).append(reinterpret_cast<const char*>(d), n); };
  Process p(m, file_bytes(kDir + "/echo"), o);
  const ProcessResult r = p.run();
  EXPECT_EQ(r.exit_code, 3);
  std::string upper = in;
  for (char& ch : upper) ch = char(std::toupper(static_cast<unsigned char>(ch)));
  EXPECT_EQ(out, upper);
  EXPECT_EQ(err, "bytes=" + std::to_string(in.size()) + "\n");
}

TEST(OsProcess, CliPassesStdinThrough) {
  const CommandResult r = run_command("printf 'abc' | " + cuarm() + kDir + "/echo");
  EXPECT_EQ(r.out, "ABC");
  EXPECT_EQ(r.err, "bytes=3\n");
  EXPECT_EQ(r.status, 3);
}

TEST(OsProcess, OptionsBeforeTheProgram) {
  // As qemu-aarch64 is called: options first, then PROGRAM and its own arguments (which may
  // look like options).
  const CommandResult r = run_command(std::string(CUARM_CLI) + " -E X=1 " + kDir + "/proc_image --mount x");
  EXPECT_EQ(r.status, 7) << r.err;
  EXPECT_NE(r.out.find("argv: --mount\n"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("env: X=1\n"), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cuarm::test
