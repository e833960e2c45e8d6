// libFuzzer harness for the syscall layer (src/os: syscalls, sandbox, address space, signals).
//
// Each input runs one guest process: a hand-made static ELF (a code page at 0x400000 whose entry
// is `svc #0; b .-4`, and a 64 KiB RW data segment at 0x410000), loaded by cuarm::Process on a
// CPU Machine. The harness fills the data segment with path strings, iovecs, timespecs and
// sigactions, then services one syscall per record of the input with Process::service_syscall
// (registers set as the guest would have them at its SVC, no guest code in between), and at the
// end lets the guest run a few instructions through Process::run (signal handlers, sigreturn,
// the run loop).
//
// Input:  byte 0: flags (bit 0: strace to /dev/null, exercising the argument printer)
//         byte 1: n; then 4*n bytes copied into guest memory (kBlob): more paths and structs
//         then records, at most kMaxRecords:
//           number: a byte < 0xf0 picks from kNumbers; 0xf0..0xfe: 16-bit number follows;
//                   0xff: 64-bit number follows
//           six arguments: a kind byte (see arg()), then the bytes that kind reads
// The guest sees three mounts of a fresh temporary directory tree: box/rw at /data, box/ro at /ro
// (read-only) and the file box/one at /one; stdin/stdout/stderr are callbacks, so the real
// stdio is never touched. Runs are deterministic (no real sleeps). To keep every run finite,
// pipes are made O_NONBLOCK (pipe2 and fcntl F_SETFL get the flag added): a single-threaded
// guest that reads an empty pipe would otherwise wait forever, as on Linux.
//
// Bugs: a crash, a sanitizer report, an exception other than cuarm::Error, a host fd leaked by
// a run, a write to fd other than 1/2 reaching the output callback, or any change outside
// box/rw and box/one: the read-only tree, the directory holding the mounts, the `outside`
// directory next to it (an escape through `..` or a symlink would land there), and the host's
// own fds 0, 1 and 2. While a guest runs, those three point to sentinel files of the tree (the
// real ones are put back after), so a guest that reaches them (its stdio is captured: it
// should not) changes a sentinel instead of the fuzzer's terminal or log, and is reported.
// Sanitizer reports go to the real stderr throughout.
#include <cuarm/cuarm.hpp>
#include <cuarm/process.hpp>

#include <dirent.h>
#include <sanitizer/common_interface_defs.h>
#include <elf.h>
#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

namespace {

using namespace cuarm;
namespace fs = std::filesystem;

constexpr uint64_t kCodeBase = 0x400000, kEntry = kCodeBase + 0x100;
constexpr uint64_t kDataBase = 0x410000, kDataSize = 0x10000;
constexpr uint64_t kStrings = kDataBase;            // NUL-terminated paths
constexpr uint64_t kIovecs = kDataBase + 0x4000;    // iovec arrays
constexpr uint64_t kStructs = kDataBase + 0x5000;   // timespecs, sigactions, rlimits
constexpr uint64_t kBlob = kDataBase + 0x6000;      // the input's bytes (up to 1020)
constexpr uint64_t kBuffers = kDataBase + 0x8000;   // 32 KiB of scratch buffers
constexpr int kMaxRecords = 48;
constexpr uint64_t kMmapBase = 0x0000fffe00000000ull;  // src/os/process_state.hpp
constexpr uint64_t kMmapSize = 1 << 20;

// Every syscall the table services (src/os/syscalls.cpp), and a few it does not.
constexpr uint64_t kNumbers[] = {
    17, 23, 24, 59, 25, 29, 34, 35, 38, 45, 46, 52, 53, 48, 49, 50, 56, 57, 61, 62, 63, 64, 65,
    66, 67, 68, 78, 79, 80, 82, 83, 93, 94, 96, 98, 99, 101, 113, 114, 115, 123, 124, 129, 130,
    131, 132, 134, 135, 136, 139, 153, 160, 163, 164, 165, 166, 169, 172, 173, 174, 175, 176, 177,
    178, 179, 214, 215, 216, 222, 226, 233, 261, 276, 278, 291, 293, 439,
    0, 220 /* clone */, 221 /* execve */, 260 /* wait4 */, 449, 450, 4096};
constexpr size_t kNumberCount = sizeof kNumbers / sizeof kNumbers[0];

const std::vector<std::string>& paths() {
  static const std::vector<std::string> p = {
      "/data", "/data/a", "/data/sub", "/data/sub/b", "/data/link", "/data/up", "/data/abs",
      "/data/loop", "/data/dirlink/b", "/data/esc", "/data/new", "/data/new/x", "/data/empty",
      "/ro", "/ro/f", "/ro/d", "/ro/d/g", "/ro/l", "/ro/new", "/one", "/one/x", "/",
      "..", ".", "a", "sub", "sub/../a", "../../..", "../../../tmp", "/data/../../outside/canary",
      "/data/./sub/../../data/a", "//data///a", "/data/a/", "/data/sub/..", "/dev/zero",
      "/dev/null", "/proc/self/exe", "/etc/passwd", "", "/nonexistent/x", "b",
      "/data/" + std::string(300, 'x'), std::string(2100, 'a') + std::string(2100, '/')};
  return p;
}

struct Tree {
  std::string root, box, rw, ro, one, outside;
  std::map<std::string, std::string> ro_snapshot;
};
Tree* tree = nullptr;

// The host's fds 0..2: the real ones (saved), and the sentinels they point to while a guest runs.
const char* const kSentinelText[3] = {"stdin sentinel\n", "", ""};
int real_fd[3] = {-1, -1, -1}, sentinel_fd[3] = {-1, -1, -1};
int sentinel_flags[3];
bool on_sentinels = false;

void to_real_stdio() {
  if (!on_sentinels) return;
  for (int i = 0; i < 3; ++i) ::dup2(real_fd[i], i);
  on_sentinels = false;
}
FILE* devnull = nullptr;
FILE* strace_out = nullptr;  // CUARM_FUZZ_STRACE set: the real stderr (to look at one input)
std::vector<uint8_t> elf;
std::vector<uint64_t> string_addr;

[[noreturn]] void bug(const std::string& what) {
  to_real_stdio();
  std::fprintf(stderr, "fuzz_syscalls: %s\n", what.c_str());
  std::abort();
}

void write_file(const std::string& path, const std::string& text) {
  FILE* f = std::fopen(path.c_str(), "wb");
  if (!f) bug("cannot create " + path);
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

// Removes everything below dir (making directories writable first: the guest may chmod them).
void clear_dir(const std::string& dir) {
  ::chmod(dir.c_str(), 0755);
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, fs::directory_options::skip_permission_denied, ec);
       it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    if (it->is_directory(ec) && !it->is_symlink(ec)) ::chmod(it->path().c_str(), 0755);
  }
  for (const auto& e : fs::directory_iterator(dir, ec)) fs::remove_all(e.path(), ec);
  if (ec) bug("cannot clear " + dir + ": " + ec.message());
}

// name -> type, size, mode, mtime of every entry below dir (symlinks not followed).
std::map<std::string, std::string> snapshot(const std::string& dir) {
  std::map<std::string, std::string> out;
  std::error_code ec;
  for (auto it = fs::recursive_directory_iterator(dir, ec); it != fs::recursive_directory_iterator(); it.increment(ec)) {
    if (ec) break;
    struct stat st;
    if (::lstat(it->path().c_str(), &st) != 0) continue;
    out[it->path().string()] = std::to_string(st.st_mode) + "/" + std::to_string(st.st_size) + "/" +
                               std::to_string(st.st_mtim.tv_sec) + "." + std::to_string(st.st_mtim.tv_nsec);
  }
  return out;
}

std::vector<std::string> names(const std::string& dir) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& e : fs::directory_iterator(dir, ec)) out.push_back(e.path().filename().string());
  std::sort(out.begin(), out.end());
  return out;
}

int open_fds() {
  int n = 0;
  DIR* d = ::opendir("/proc/self/fd");
  if (!d) return -1;
  while (::readdir(d)) ++n;
  ::closedir(d);
  return n;
}

void reset_rw() {
  clear_dir(tree->rw);
  write_file(tree->rw + "/a", "hello\n");
  write_file(tree->rw + "/empty", "");
  fs::create_directory(tree->rw + "/sub");
  write_file(tree->rw + "/sub/b", "b\n");
  fs::create_symlink("/ro/f", tree->rw + "/link");
  fs::create_symlink("../..", tree->rw + "/up");
  fs::create_symlink("/", tree->rw + "/abs");
  fs::create_symlink("loop", tree->rw + "/loop");
  fs::create_symlink("sub", tree->rw + "/dirlink");
  fs::create_symlink("../../../../../../../outside/canary", tree->rw + "/esc");
  ::chmod(tree->one.c_str(), 0644);
  write_file(tree->one, "one\n");
}

void to_sentinels() {
  std::fflush(stdout);
  std::fflush(stderr);
  for (int i = 0; i < 3; ++i) ::dup2(sentinel_fd[i], i);
  on_sentinels = true;
}

// Whether the guest reached host fd i (its sentinel's size, mode, offset or flags changed);
// puts the sentinel back either way.
bool sentinel_touched(int i) {
  struct stat st;
  const std::string text = kSentinelText[i];
  const bool touched = ::fstat(sentinel_fd[i], &st) != 0 || st.st_size != off_t(text.size()) || (st.st_mode & 07777) != 0600 ||
                       ::lseek(sentinel_fd[i], 0, SEEK_CUR) != 0 || ::fcntl(sentinel_fd[i], F_GETFL) != sentinel_flags[i];
  if (touched) {
    ::ftruncate(sentinel_fd[i], 0);
    if (!text.empty()) ::pwrite(sentinel_fd[i], text.data(), text.size(), 0);
    ::fchmod(sentinel_fd[i], 0600);
    ::lseek(sentinel_fd[i], 0, SEEK_SET);
    ::fcntl(sentinel_fd[i], F_SETFL, sentinel_flags[i]);
  } else if (!text.empty()) {
    char b[64];  // same size: the same bytes?
    if (::pread(sentinel_fd[i], b, text.size(), 0) != off_t(text.size()) || text.compare(0, text.size(), b, text.size()) != 0) {
      ::pwrite(sentinel_fd[i], text.data(), text.size(), 0);
      return true;
    }
  }
  return touched;
}

void check_tree() {
  if (names(tree->root) != std::vector<std::string>{"box", "outside", "stderr", "stdin", "stdout"}) bug("an entry appeared or went next to box/");
  if (names(tree->box) != std::vector<std::string>{"one", "ro", "rw"}) bug("the mount points changed in box/");
  if (names(tree->outside) != std::vector<std::string>{"canary"}) bug("outside/ changed");
  struct stat st;
  if (::lstat((tree->outside + "/canary").c_str(), &st) != 0 || st.st_size != 7 || (st.st_mode & 07777) != 0644)
    bug("outside/canary changed");
  if (::lstat(tree->one.c_str(), &st) != 0 || !S_ISREG(st.st_mode)) bug("the file mount is no longer a file");
  if (snapshot(tree->ro) != tree->ro_snapshot) bug("the read-only mount changed");
}

void make_tree() {
  const char* tmp = std::getenv("TMPDIR");
  std::string tmpl = std::string(tmp && *tmp ? tmp : "/tmp") + "/cuarm-fuzz-syscalls-XXXXXX";
  if (!::mkdtemp(tmpl.data())) bug("mkdtemp failed");
  tree = new Tree;
  tree->root = tmpl;
  tree->box = tmpl + "/box";
  tree->rw = tree->box + "/rw";
  tree->ro = tree->box + "/ro";
  tree->one = tree->box + "/one";
  tree->outside = tmpl + "/outside";
  fs::create_directories(tree->rw);
  fs::create_directories(tree->ro + "/d");
  fs::create_directories(tree->outside);
  write_file(tree->outside + "/canary", "canary\n");
  ::chmod((tree->outside + "/canary").c_str(), 0644);
  write_file(tree->ro + "/f", "read-only\n");
  write_file(tree->ro + "/d/g", "g\n");
  fs::create_symlink("f", tree->ro + "/l");
  fs::create_symlink("../rw", tree->ro + "/up");
  write_file(tree->one, "one\n");
  tree->ro_snapshot = snapshot(tree->ro);
  const char* const sentinel_name[3] = {"/stdin", "/stdout", "/stderr"};
  for (int i = 0; i < 3; ++i) {
    write_file(tree->root + sentinel_name[i], kSentinelText[i]);
    sentinel_fd[i] = ::open((tree->root + sentinel_name[i]).c_str(), O_RDWR | O_CLOEXEC);
    real_fd[i] = ::fcntl(i, F_DUPFD_CLOEXEC, 3);
    if (sentinel_fd[i] < 0 || real_fd[i] < 0) bug("cannot set up the stdio sentinels");
    ::fchmod(sentinel_fd[i], 0600);
    sentinel_flags[i] = ::fcntl(sentinel_fd[i], F_GETFL);
  }
  __sanitizer_set_report_fd(reinterpret_cast<void*>(intptr_t(real_fd[2])));
  std::atexit([] {
    std::error_code ec;
    clear_dir(tree->root);
    fs::remove(tree->root, ec);
  });
}

// The guest program: ELF header, two program headers, `svc #0; b .-4` at the entry.
std::vector<uint8_t> make_elf() {
  std::vector<uint8_t> img(0x200, 0);
  Elf64_Ehdr eh{};
  std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = ET_EXEC;
  eh.e_machine = EM_AARCH64;
  eh.e_version = EV_CURRENT;
  eh.e_entry = kEntry;
  eh.e_phoff = sizeof eh;
  eh.e_ehsize = sizeof eh;
  eh.e_phentsize = sizeof(Elf64_Phdr);
  eh.e_phnum = 2;
  Elf64_Phdr ph[2]{};
  ph[0] = {PT_LOAD, PF_R | PF_X, 0, kCodeBase, kCodeBase, img.size(), img.size(), 0x1000};
  ph[1] = {PT_LOAD, PF_R | PF_W, 0, kDataBase, kDataBase, 0, kDataSize, 0x1000};
  std::memcpy(img.data(), &eh, sizeof eh);
  std::memcpy(img.data() + sizeof eh, ph, sizeof ph);
  const uint32_t code[2] = {0xd4000001 /* svc #0 */, 0x17ffffff /* b .-4 */};
  std::memcpy(img.data() + 0x100, code, sizeof code);
  return img;
}

struct Reader {
  const uint8_t* p;
  size_t n, i = 0;
  bool done() const { return i >= n; }
  uint8_t u8() { return i < n ? p[i++] : 0; }
  uint64_t bytes(int k) {
    uint64_t v = 0;
    for (int b = 0; b < k; ++b) v |= uint64_t(u8()) << (8 * b);
    return v;
  }
};

template <class T>
void put(Machine& m, uint64_t addr, const T& v) {
  m.write_memory(addr, std::span(reinterpret_cast<const uint8_t*>(&v), sizeof v));
}

// Fills the data segment: paths, iovecs, timespecs, sigactions, rlimits.
void lay_out(Machine& m) {
  uint64_t a = kStrings;
  string_addr.clear();
  for (const auto& s : paths()) {
    m.write_memory(a, std::span(reinterpret_cast<const uint8_t*>(s.c_str()), s.size() + 1));
    string_addr.push_back(a);
    a += s.size() + 1;
  }
  // iovec arrays: 4 good ones, then one with an unmapped base, one huge length, one empty.
  for (uint64_t i = 0; i < 4; ++i) put(m, kIovecs + 16 * i, std::array<uint64_t, 2>{kBuffers + 0x100 * i, 0x100});
  put(m, kIovecs + 0x40, std::array<uint64_t, 2>{0xdead0000, 16});
  put(m, kIovecs + 0x50, std::array<uint64_t, 2>{kBuffers, ~0ull >> 1});
  put(m, kIovecs + 0x60, std::array<uint64_t, 2>{0, 0});
  // timespecs (valid, zero, negative, nsec too large), then sigactions, then rlimits.
  const int64_t ts[][2] = {{0, 1000}, {0, 0}, {1, 0}, {-1, 0}, {0, 2000000000}, {1700000100, 5}};
  for (size_t i = 0; i < 6; ++i) put(m, kStructs + 16 * i, std::array<int64_t, 2>{ts[i][0], ts[i][1]});
  // struct sigaction of arm64: handler, flags, restorer, mask. SA_SIGINFO 4, SA_ONSTACK
  // 0x08000000, SA_RESTORER 0x04000000, SA_NODEFER 0x40000000, SA_RESETHAND 0x80000000.
  const uint64_t sa[][4] = {{kEntry, 0x04000004, kEntry, 0},
                            {1 /* SIG_IGN */, 0, 0, ~0ull},
                            {kDataBase, 0xcc000004, 0, 0},
                            {0 /* SIG_DFL */, 0, 0, 0}};
  for (size_t i = 0; i < 4; ++i) put(m, kStructs + 0x100 + 32 * i, std::array<uint64_t, 4>{sa[i][0], sa[i][1], sa[i][2], sa[i][3]});
  put(m, kStructs + 0x200, std::array<uint64_t, 2>{16, 1024});
  put(m, kStructs + 0x210, std::array<uint64_t, 2>{~0ull, ~0ull});
  put(m, kStructs + 0x220, std::array<uint64_t, 2>{8 << 20, 4 << 20});  // cur > max
  // stack_t for sigaltstack: sp, flags, size.
  put(m, kStructs + 0x300, std::array<uint64_t, 3>{kBuffers, 0, 0x4000});
}

// One argument: the kind byte picks what it is.
uint64_t arg(Reader& r, uint64_t prev, uint64_t sp, uint64_t blob_len) {
  const uint8_t kind = r.u8();
  switch (kind % 16) {
    case 0: return uint64_t(int64_t(int8_t(r.u8())));             // small integer
    case 1: {                                                     // a file descriptor
      const uint8_t b = r.u8();
      return b % 12 == 11 ? uint64_t(-100) /* AT_FDCWD */ : uint64_t(b % 12);
    }
    case 2: {                                                     // a path
      const uint8_t b = r.u8();
      if (b < string_addr.size()) return string_addr[b];
      return blob_len ? kBlob + (b * 4) % blob_len : string_addr[0];
    }
    case 3: return kBuffers + r.bytes(2) % 0x8000;                // a buffer in the data segment
    case 4: return kMmapBase + (r.bytes(2) << 4) % kMmapSize;     // the mmap area
    case 5: return r.bytes(8);                                    // anything
    case 6: return r.bytes(2);                                    // a size
    case 7: return r.bytes(4);                                    // flags, modes
    case 8: return kDataBase + kDataSize - r.u8();                // the end of a region: straddles
    case 9: return 0;
    case 10: return ~0ull;
    case 11: return 0xdead0000 + r.u8();                          // unmapped
    case 12: return kIovecs + 16 * (r.u8() % 7);                  // iovec arrays
    case 13: return kStructs + 16 * (r.u8() % 6);                 // timespecs
    case 14: return prev;                                         // the last result (an fd, an address)
    default: {                                                    // structs, the stack, the blob
      const uint8_t b = r.u8();
      switch (b % 5) {
        case 0: return kStructs + 0x100 + 32 * (b / 5 % 4);        // sigactions
        case 1: return kStructs + 0x200 + 16 * (b / 5 % 3);        // rlimits
        case 2: return sp + 8 * (b / 5);                           // argc, argv, envp, auxv
        case 3: return kStructs + 0x300;                           // a stack_t
        default: return kBlob + (b / 5) * 4;
      }
    }
  }
}

}  // namespace

extern "C" int LLVMFuzzerInitialize(int*, char***) {
  make_tree();
  devnull = std::fopen("/dev/null", "w");
  if (std::getenv("CUARM_FUZZ_STRACE")) strace_out = ::fdopen(::fcntl(real_fd[2], F_DUPFD_CLOEXEC, 3), "w");
  elf = make_elf();
  return 0;
}

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < 2) return 0;
  reset_rw();
  const int fds_before = open_fds();
  to_sentinels();
  Reader r{data, size};
  const uint8_t flags = r.u8();
  const uint64_t blob_len = 4 * uint64_t(r.u8());
  {
    MachineOptions mo;
    mo.memory_size = 0;
    mo.backend = BackendKind::Cpu;
    mo.deterministic = true;
    Machine m(mo);
    ProcessOptions po;
    po.argv = {"/data/prog", "arg"};
    po.env = {"HOME=/data"};
    po.mounts = {parse_mount(tree->rw + ":/data"), parse_mount(tree->ro + ":/ro:ro"), parse_mount(tree->one + ":/one")};
    po.cwd = "/data";
    po.deterministic = true;
    po.random_seed = 1;
    po.strace = strace_out ? strace_out : (flags & 1) ? devnull : nullptr;
    po.output = [](int fd, const uint8_t*, size_t) {
      if (fd != 1 && fd != 2) bug("output callback for fd " + std::to_string(fd));
    };
    size_t stdin_left = 16;
    po.input = [&stdin_left](uint8_t* buf, size_t n) -> int64_t {
      const size_t k = std::min(n, stdin_left);
      if (k) std::memset(buf, 'i', k);  // (buf may be null when n is 0)
      stdin_left -= k;
      return int64_t(k);
    };
    po.stack_size = 64 << 10;
    po.brk_size = 256 << 10;
    po.mmap_size = kMmapSize;
    try {
      Process p(m, elf, po);
      lay_out(m);
      const size_t blob = std::min<size_t>(blob_len, size - r.i);
      m.write_memory(kBlob, std::span(data + r.i, blob));
      r.i += blob;
      const uint64_t sp = m.sp();
      uint64_t prev = 3;
      bool ended = false;
      for (int n = 0; n < kMaxRecords && !r.done() && !ended; ++n) {
        const uint8_t sel = r.u8();
        uint64_t nr = sel < 0xf0 ? kNumbers[sel % kNumberCount] : sel < 0xff ? r.bytes(2) : r.bytes(8);
        uint64_t a[6];
        for (auto& v : a) v = arg(r, prev, sp, blob_len);
        if (nr == 59) a[1] |= O_NONBLOCK;              // pipe2: never a read that waits forever
        if (nr == 25 && a[1] == F_SETFL) a[2] |= O_NONBLOCK;
        for (int i = 0; i < 6; ++i) m.set_x(i, a[i]);
        m.set_x(8, nr);
        ended = p.service_syscall(uint64_t(n) * 1000);
        prev = m.x(0);
      }
      // A few instructions from wherever the guest is now (a signal handler, the entry loop).
      if (!ended) (void)p.run(24);
    } catch (const Error&) {
      // Refused by the API (a map the address space rejects, ...): an answer, not a bug.
    } catch (const std::exception& e) {
      bug(std::string("exception other than cuarm::Error: ") + e.what());
    }
  }
  to_real_stdio();
  for (int i = 0; i < 3; ++i)
    if (sentinel_touched(i)) bug("the guest reached the host's fd " + std::to_string(i) + " (its stdio is captured)");
  const int fds_after = open_fds();
  if (fds_after != fds_before) bug("host fds leaked: " + std::to_string(fds_before) + " before, " + std::to_string(fds_after) + " after");
  check_tree();
  return 0;
}
