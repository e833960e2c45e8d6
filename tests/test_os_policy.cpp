// The sandbox against a hostile guest and hostile inputs (docs/security.md): the fd policy
// (fd_policy.hpp) and its table in docs/os.md, what the guest sees by default (a listable root,
// /dev served by cuarm, a private /tmp), read-only mounts that stay read-only, captured stdio
// that never reaches the host's fds, limits a guest cannot raise, and inputs that ask for more
// memory than they may have. Each test failed on 4041384 (before the policy) and passes now.
#include <cuarm/process.hpp>
#include <fcntl.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include "os/fd_policy.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

namespace fs = std::filesystem;
const std::string kDir = CUARM_OS_PROGRAMS_DIR;
const std::string kHostile = kDir + "/hostile";

std::string cuarm(const std::string& opts = "") {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return std::string(CUARM_CLI) + " --backend " + (b ? b : "cpu") + " " + opts + " ";
}
// `cuarm SUBCOMMAND --backend B OPTS ` (batch, processes).
std::string cuarm_sub(const std::string& sub, const std::string& opts = "") {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return std::string(CUARM_CLI) + " " + sub + " --backend " + (b ? b : "cpu") + " " + opts + " ";
}

// A scratch host directory, removed at the end.
class Scratch {
 public:
  Scratch() {
    dir_ = fs::path(::testing::TempDir()) / ("cuarm_policy_" + std::to_string(getpid()) + "_" + std::to_string(++n_));
    fs::remove_all(dir_);
    fs::create_directories(dir_);
  }
  ~Scratch() {
    std::error_code ec;
    fs::permissions(dir_, fs::perms::owner_all, fs::perm_options::add, ec);
    fs::remove_all(dir_, ec);
  }
  fs::path operator/(const std::string& p) const { return dir_ / p; }
  std::string str() const { return dir_.string(); }
  static void write(const fs::path& p, const std::string& s) { std::ofstream(p, std::ios::binary) << s; }
  static std::string read(const fs::path& p) {
    std::ifstream f(p, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  }

 private:
  fs::path dir_;
  static inline int n_ = 0;
};

mode_t mode_of(const fs::path& p) {
  struct stat st;
  return ::stat(p.c_str(), &st) == 0 ? st.st_mode & 07777 : 0;
}

TEST(OsPolicy, DocsTableIsThePolicy) {
  // docs/os.md "File descriptor policy": one row per operation, one column per kind; each cell
  // "host", "cuarm" or an errno name. It must say exactly what fd_rule() does.
  std::ifstream f(std::string(CUARM_SOURCE_DIR) + "/docs/os.md");
  ASSERT_TRUE(f) << "docs/os.md";
  std::string line;
  bool in_table = false;
  int rows = 0;
  const std::map<std::string, int> errnos = {{"EBADF", EBADF}, {"ESPIPE", ESPIPE}, {"EINVAL", EINVAL}, {"EPERM", EPERM},
                                             {"EROFS", EROFS}, {"ENODEV", ENODEV}, {"ENOTDIR", ENOTDIR},
                                             {"ENOTTY", ENOTTY}, {"EISDIR", EISDIR}};
  while (std::getline(f, line)) {
    if (line.rfind("| call |", 0) == 0) {
      in_table = true;
      // The header names the kinds in FdKind's order.
      for (int k = 0; k < int(os::FdKind::Count); ++k)
        EXPECT_NE(line.find(os::fd_kind_name(os::FdKind(k))), std::string::npos) << os::fd_kind_name(os::FdKind(k));
      continue;
    }
    if (!in_table) continue;
    if (line.rfind("|---", 0) == 0) continue;
    if (line.empty() || line[0] != '|') break;
    std::vector<std::string> cells;
    std::stringstream s(line.substr(1));
    for (std::string c; std::getline(s, c, '|');) {
      c.erase(0, c.find_first_not_of(" `"));
      c.erase(c.find_last_not_of(" `") + 1);
      cells.push_back(c);
    }
    ASSERT_EQ(cells.size(), size_t(os::FdKind::Count) + 1) << line;
    const int op = rows++;
    ASSERT_LT(op, int(os::FdOp::Count)) << line;
    EXPECT_NE(cells[0].find(os::fd_op_name(os::FdOp(op))), std::string::npos) << cells[0];
    for (int k = 0; k < int(os::FdKind::Count); ++k) {
      const int rule = os::fd_rule(os::FdKind(k), os::FdOp(op));
      const std::string& c = cells[size_t(k) + 1];
      int doc;
      if (c == "host") doc = os::kHost;
      else if (c == "cuarm") doc = os::kServed;
      else if (errnos.count(c)) doc = errnos.at(c);
      else doc = -1000;
      EXPECT_EQ(doc, rule) << os::fd_op_name(os::FdOp(op)) << " on " << os::fd_kind_name(os::FdKind(k)) << ": docs say '" << c << "'";
    }
  }
  EXPECT_EQ(rows, int(os::FdOp::Count)) << "the table in docs/os.md lists every operation";
}

TEST(OsPolicy, ReadOnlyMountFilesKeepTheirModeAndBytes) {
  Scratch s;
  Scratch::write(s / "f.txt", "keep me\n");
  fs::permissions(s / "f.txt", fs::perms(0644));
  const CommandResult r = run_command(cuarm("--mount " + s.str() + ":/ro:ro") + kHostile + " ro /ro/f.txt");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "open_ro=1\nfchmod_ro=-30\nfchmodat_ro=-30\nftruncate_ro=-22\npwrite_ro=-9\n");
  EXPECT_EQ(mode_of(s / "f.txt"), 0644u);
  EXPECT_EQ(Scratch::read(s / "f.txt"), "keep me\n");
}

TEST(OsPolicy, DevicesAreServedByCuarm) {
  struct stat before, after;
  ASSERT_EQ(::stat("/dev/null", &before), 0);
  const CommandResult r = run_command(cuarm() + kHostile + " devices");
  ASSERT_EQ(::stat("/dev/null", &after), 0);
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "open_null=1\nfchmod_null=-1\nfchmodat_null=-1\nwrite_null=3\nread_null=0\nnull_is_chr=1\n"
            "ftruncate_null=-22\nread_zero=32\nzero_sum=0\nmmap_zero=1\nread_urandom=16\nmmap_null=-19\n"
            "open_dev_other=-2\ncreate_in_dev=-30\nls_dev=. .. null zero urandom \n");
  EXPECT_EQ(before.st_mode, after.st_mode);
  // Deterministic runs get the same "random" bytes from /dev/urandom as from getrandom.
  const CommandResult d1 = run_command(cuarm("--deterministic") + kHostile + " devices");
  const CommandResult d2 = run_command(cuarm("--deterministic") + kHostile + " devices");
  EXPECT_EQ(d1.out, d2.out);
}

TEST(OsPolicy, CapturedStdioNeverReachesTheHostsFds) {
  // The lanes of `cuarm processes` read their stdin from --stdin-file and write to captured
  // buffers. cuarm's own stdin is a host file and its stdout a host file opened for appending:
  // no guest call may read, move, truncate or write them.
  Scratch s;
  Scratch::write(s / "lane_in.txt", "lane input\n");
  Scratch::write(s / "host_in.txt", "HOST STDIN must stay unread\n");
  Scratch::write(s / "host_out.txt", "log line that must stay\n");
  fs::create_directories(s / "out");
  const CommandResult r =
      run_command(cuarm_sub("processes", "--lanes 1 --stdin-file " + (s / "lane_in.txt").string() + " --out-dir " +
                                             (s / "out").string()) +
                  kHostile + " stdio < " + (s / "host_in.txt").string() + " >> " + (s / "host_out.txt").string());
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(Scratch::read(s / "out" / "0.out"),
            "pread_stdin=-29\npwrite_stdout=-29\nftruncate_stdout=-22\nftruncate_stderr=-22\nlseek_stdin=-29\n"
            "lseek_stdout=-29\nmmap_stdin=-19\nfstat_stdin_fifo=1\nfstat_stdout_fifo=1\nfchmod_stdout=-1\n"
            "fsync_stdout=-22\nioctl_stdout=-25\npread_dup_stdin=-29\nread_stdin=11\nlane \n");
  // The host's files: untouched (the summary table is appended after the log line).
  EXPECT_EQ(Scratch::read(s / "host_in.txt"), "HOST STDIN must stay unread\n");
  EXPECT_EQ(Scratch::read(s / "host_out.txt").rfind("log line that must stay\n", 0), 0u);

  // The same through the C++ API with callbacks (run_elf(stdin=...) in Python uses these).
  MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = test_backend();
  Machine m(mo);
  const std::vector<uint8_t> image = read_input(kHostile);
  ProcessOptions o;
  o.argv = {"hostile", "stdio"};
  std::string out, in = "api input\n";
  o.output = [&](int, const uint8_t* p, size_t n) { out.append(reinterpret_cast<const char*>(p), n); };
  o.input = [&](uint8_t* p, size_t n) -> int64_t {
    n = std::min(n, in.size());
    std::memcpy(p, in.data(), n);
    in.erase(0, n);
    return int64_t(n);
  };
  Process p(m, image, o);
  EXPECT_EQ(p.run().exit_code, 0);
  EXPECT_NE(out.find("pread_stdin=-29\n"), std::string::npos) << out;
  EXPECT_NE(out.find("read_stdin=10\napi i\n"), std::string::npos) << out;
}

TEST(OsPolicy, ReadOnlyDirectoriesCanBeListedAndEntered) {
  // O_TMPFILE holds O_DIRECTORY's bit: an O_DIRECTORY open counted as a write in a :ro mount.
  Scratch s;
  fs::create_directories(s / "sub");
  Scratch::write(s / "sub" / "x.txt", "x\n");
  const CommandResult r = run_command(cuarm("--mount " + s.str() + ":/ro:ro") + kHostile + " rodir /ro/sub");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "open_ro_dir=1\ndents_ro_dir=1\nchdir_ro_dir=0\ncreate_in_ro_dir=-30\ntmpfile_in_ro_dir=-30\n");
  EXPECT_EQ(std::distance(fs::directory_iterator(s / "sub"), fs::directory_iterator{}), 1);
}

TEST(OsPolicy, TheRootIsListableAndReadOnly) {
  Scratch s;
  const CommandResult r = run_command(cuarm("--mount " + s.str() + ":/data/in") + kHostile + " root");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "ls_root=. .. dev tmp data \nroot_is_dir=1\nmkdir_root=-30\ncreate_root=-30\nwrite_open_root=-21\n"
            "chdir_root=0\nunlink_dev=-30\n");
}

TEST(OsPolicy, PrivateTmpInMemoryWithACap) {
  const CommandResult r = run_command(cuarm("--tmp-size 1048576") + kHostile + " tmp");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "tmp_is_dir=1\ntmp_sticky=1\ncreate=1\nexcl_again=-17\nwrite=9\npread=3\nlseek=0\nread=9\nhello tmp\n"
            "ftruncate=0\nsize=5\nmode=384\nfchmod=0\nmode_after=416\nsecond_open_read=5\nhello\nmkdir=0\n"
            "mkdir_again=-17\nrename=0\nold_gone=-2\nls_tmp=. .. d \nls_tmp_d=. .. b.txt \nchdir=0\nrelative_open=1\n"
            "rmdir_nonempty=-39\nunlink=0\nread_unlinked_open=5\nrmdir=0\ntmpfile=1\ntmpfile_write=3\nls_tmp_end=. .. \n"
            "escape=-2\nnotdir=-2\nbig_total=1048568\nbig_last=-28\ngrow_truncate=-27\nseek_far=1\nwrite_far=-28\n");
  // Each run has its own /tmp: nothing of a run is there in the next.
  const CommandResult again = run_command(cuarm("--tmp-size 1048576") + kHostile + " tmp");
  EXPECT_EQ(again.out, r.out);
}

TEST(OsPolicy, FileLimitCannotBeRaised) {
  const CommandResult r = run_command(cuarm() + kHostile + " limits");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "raise_nofile=-1\ncur_over_max=-22\nlower=0\nopen_past_limit=-24\nraise_again=-1\n");
}

TEST(OsPolicy, ExecutableAndFixedMappingsCountAgainstTheMmapSize) {
  const CommandResult r = run_command(cuarm("--mmap-size 1048576") + kHostile + " execmap");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "exec_2m=-12\nexec_256k=1\nexec_1m_more=-12\nunmap=0\nexec_after_unmap=1\nfixed_far=-12\n");
}

TEST(OsPolicy, ReadOnlyMountNestedInAWritableOneStaysReadOnly) {
  Scratch s;
  fs::create_directories(s / "x" / "sub");
  Scratch::write(s / "x" / "sub" / "f.txt", "read only\n");
  fs::permissions(s / "x" / "sub" / "f.txt", fs::perms(0644));
  const CommandResult r = run_command(cuarm("--mount " + s.str() + ":/w --mount " + (s / "x" / "sub").string() + ":/w/x/sub:ro") +
                                      kHostile + " nested");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "write_ro_direct=-30\nrename_parent=0\nwrite_renamed=-30\ntrunc_renamed=-30\ncreate_renamed=-30\n"
            "chmod_renamed=-30\nunlink_renamed=-30\nfchmod_renamed=-30\nread_renamed=1\nrename_back=0\n");
  EXPECT_EQ(Scratch::read(s / "x" / "sub" / "f.txt"), "read only\n");
  EXPECT_EQ(mode_of(s / "x" / "sub" / "f.txt"), 0644u);
  EXPECT_FALSE(fs::exists(s / "x" / "sub" / "new.txt"));
}

TEST(OsPolicy, DeterministicSleepForEverSaturatesTheClock) {
  // A signed overflow found by fuzz_syscalls: the clock wrapped to the past.
  const CommandResult r = run_command(cuarm("--deterministic") + kHostile + " sleep");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out, "nanosleep=0\nclock_moved_on=1\nnanosleep_again=0\nclock_not_back=1\n");
}

TEST(OsPolicy, BadPointersAreEfault) {
  const CommandResult r = run_command(cuarm() + kHostile + " badptr < /dev/null");
  EXPECT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(r.out,
            "read=-14\nwrite=-14\nopenat=-14\nnewfstatat=-14\nfstat=-14\nclock_gettime=-14\nnanosleep=-14\n"
            "readv_iov=-14\ngetcwd=-14\nuname=-14\ngetrandom=-14\nrt_sigaction=-14\npipe2=-14\nprlimit_new=-14\n"
            "prlimit_ok=0\ntoo_long=-36\n");
  // qemu-aarch64 answers the same, but for nanosleep, where it says EINVAL (Linux: EFAULT).
  CommandResult q = run_command("qemu-aarch64 -cpu cortex-a53 " + kHostile + " badptr < /dev/null");
  const std::string qemu_quirk = "nanosleep=-22\n";
  ASSERT_NE(q.out.find(qemu_quirk), std::string::npos) << q.out;
  q.out.replace(q.out.find(qemu_quirk), qemu_quirk.size(), "nanosleep=-14\n");
  EXPECT_EQ(q.out, r.out);
}

// --- inputs that ask for memory -----------------------------------------------------------------

// A static ELF: code that exits 0 (exit_group, or SYSCALL for a batch), and a RW segment of
// `bss` bytes with nothing in the file (p_filesz 0).
std::vector<uint8_t> elf_with_bss(uint64_t bss) {
  std::vector<uint8_t> f(0x1000 + 12, 0);
  auto put = [&](size_t off, uint64_t v, int n) {
    for (int i = 0; i < n; ++i) f[off + size_t(i)] = uint8_t(v >> (8 * i));
  };
  const uint8_t ident[] = {0x7f, 'E', 'L', 'F', 2, 1, 1, 0};
  std::copy(std::begin(ident), std::end(ident), f.begin());
  put(16, 2, 2);            // ET_EXEC
  put(18, 183, 2);          // EM_AARCH64
  put(20, 1, 4);            // EV_CURRENT
  put(24, 0x401000, 8);     // e_entry
  put(32, 64, 8);           // e_phoff
  put(52, 64, 2);           // e_ehsize
  put(54, 56, 2);           // e_phentsize
  put(56, 2, 2);            // e_phnum
  auto phdr = [&](size_t at, uint32_t flags, uint64_t off, uint64_t va, uint64_t filesz, uint64_t memsz) {
    put(at, 1, 4);  // PT_LOAD
    put(at + 4, flags, 4);
    put(at + 8, off, 8);
    put(at + 16, va, 8);
    put(at + 24, va, 8);
    put(at + 32, filesz, 8);
    put(at + 40, memsz, 8);
    put(at + 48, 0x1000, 8);
  };
  phdr(64, 5 /* R+X */, 0, 0x400000, f.size(), f.size());
  phdr(64 + 56, 6 /* R+W */, 0, 0x100000000, 0, bss);  // above the batch stack (below 0x7fff0000)
  put(0x1000, 0xd2800000, 4);  // mov x0, #0
  put(0x1004, 0xd2800bc8, 4);  // mov x8, #94 (exit_group)
  put(0x1008, 0xd4000001, 4);  // svc #0
  return f;
}

// Runs a shell command and returns its exit status and the peak resident memory of it and its
// children, in KiB.
std::pair<int, long> run_measured(const std::string& cmd) {
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execl("/bin/sh", "sh", "-c", (cmd + " >/dev/null 2>&1").c_str(), static_cast<char*>(nullptr));
    ::_exit(127);
  }
  int status = 0;
  struct rusage ru{};
  ::wait4(pid, &status, 0, &ru);
  return {WIFEXITED(status) ? WEXITSTATUS(status) : -1, ru.ru_maxrss};
}

TEST(OsInputs, ALargeBssCostsNothingUntilTouched) {
  // 4 GiB of .bss in an 8 KB file: every entry point reserves it lazily (the batch entry points
  // used to fill a host vector of the whole segment).
  Scratch s;
  const auto elf = elf_with_bss(4ull << 30);
  std::ofstream(s / "bss.elf", std::ios::binary).write(reinterpret_cast<const char*>(elf.data()), std::streamsize(elf.size()));
  const std::string prog = (s / "bss.elf").string();
  const long kLimitKiB = 512 << 10;  // far below the 4 GiB a materialized .bss takes
  for (const std::string& cmd : {cuarm() + prog, cuarm_sub("processes", "--lanes 2") + prog,
                                 cuarm_sub("batch", "--lanes 2 --expect SYSCALL") + prog}) {
    const auto [status, kib] = run_measured(cmd);
    EXPECT_EQ(status, 0) << cmd;
    EXPECT_LT(kib, kLimitKiB) << cmd << ": peak " << kib << " KiB";
  }
}

TEST(OsInputs, SegmentsBeyondTheCapsAreRefusedBeforeAnythingIsReserved) {
  Scratch s;
  const auto elf = elf_with_bss(kMaxImageBytes);  // with the code segment: over the total cap
  std::ofstream(s / "huge.elf", std::ios::binary).write(reinterpret_cast<const char*>(elf.data()), std::streamsize(elf.size()));
  for (const std::string& cmd : {cuarm(), cuarm_sub("processes", "--lanes 2"), cuarm_sub("batch", "--lanes 2")}) {
    const CommandResult r = run_command(cmd + (s / "huge.elf").string());
    EXPECT_EQ(r.status, 1) << cmd;
    EXPECT_NE(r.err.find("ELF: the segments add up to more than"), std::string::npos) << r.err;
    EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << r.err;
  }
}

TEST(OsInputs, ProgramMustBeARegularFileOfBoundedSize) {
  Scratch s;
  for (const std::string& sub : {std::string("run"), std::string("processes --lanes 1"), std::string("batch --lanes 1")}) {
    for (const std::string& prog : {std::string("/dev/zero"), s.str(), std::string("/definitely/missing")}) {
      const std::string cmd = std::string(CUARM_CLI) + " " + sub + " --backend cpu " + prog;
      const CommandResult r = run_command(cmd);
      EXPECT_EQ(r.status, 1) << cmd << "\n" << r.err;
      EXPECT_NE(r.err.find(prog), std::string::npos) << cmd << "\n" << r.err;
      EXPECT_EQ(std::count(r.err.begin(), r.err.end(), '\n'), 1) << cmd << "\n" << r.err;
    }
  }
  EXPECT_THROW(read_input("/dev/zero"), Error);
  Scratch::write(s / "small", std::string(100, 'x'));
  EXPECT_THROW(read_input((s / "small").string(), 99), Error);
  EXPECT_EQ(read_input((s / "small").string(), 100).size(), 100u);
}

TEST(OsInputs, BadOptionsExitWithStatusOneOnOneLine) {
  const std::string prog = kDir + "/echo";
  const std::vector<std::string> cmds = {
      std::string(CUARM_CLI) + " run --max-cycles -5 " + prog,
      std::string(CUARM_CLI) + " run --stack-size -4096 " + prog,
      std::string(CUARM_CLI) + " run --bogus-option " + prog,
      std::string(CUARM_CLI) + " run --backend nope " + prog,
      std::string(CUARM_CLI) + " batch --lanes 0 --raw --base 0x10000 " + prog,
      std::string(CUARM_CLI) + " batch --lanes -3 --raw --base 0x10000 " + prog,
      std::string(CUARM_CLI) + " processes --lanes 0 " + prog,
      std::string(CUARM_CLI) + " processes --lanes 2 --max-cycles -1 " + prog,
      std::string(CUARM_CLI) + " batch " + prog,  // --lanes is required
      std::string(CUARM_CLI) + " processes --lanes 100000000 " + prog,  // over kMaxProcessLanes: refused at once
  };
  for (const auto& cmd : cmds) {
    const CommandResult r = run_command(cmd);
    EXPECT_EQ(r.status, 1) << cmd << "\n" << r.err;
    const std::string first = r.err.substr(0, r.err.find('\n'));
    EXPECT_EQ(first.rfind("cuarm: error: ", 0), 0u) << cmd << "\n" << r.err;
    EXPECT_LT(first.size(), 160u) << cmd << "\n" << r.err;  // no 300-digit range
  }
  EXPECT_EQ(run_command(std::string(CUARM_CLI) + " --help").status, 0);
  EXPECT_EQ(run_command(std::string(CUARM_CLI) + " batch --help").status, 0);
}

}  // namespace
}  // namespace cuarm::test
