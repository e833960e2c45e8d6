// The Linux syscall table (AArch64 numbers, asm-generic/unistd.h), serviced on the host for
// every backend through the Machine API. See docs/os.md for what each call does and where it
// differs from Linux.
#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysinfo.h>
#include <sys/times.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <climits>
#include <cstring>

#include "kernel.hpp"

namespace cuarm::os {
namespace {

constexpr int64_t kAtFdCwd = -100;
constexpr uint64_t kAtSymlinkNofollow = 0x100, kAtEmptyPath = 0x1000;
constexpr size_t kMaxIo = 64u << 20;  // one read/write moves at most this much (a short count)

// --- guest memory -------------------------------------------------------------------------

struct Fault {};  // a bad guest pointer: the syscall returns -EFAULT

std::vector<uint8_t> rd(Kernel& k, uint64_t addr, size_t n) {
  if (n == 0) return {};
  try {
    return k.m.read_memory(addr, n);
  } catch (const Error&) {
    throw Fault{};
  }
}
void wr(Kernel& k, uint64_t addr, const void* p, size_t n) {
  if (n == 0) return;
  try {
    k.m.write_memory(addr, std::span(static_cast<const uint8_t*>(p), n));
  } catch (const Error&) {
    throw Fault{};
  }
}
// Throws Fault unless [addr, addr+n) is mapped (checks the region table, copies nothing).
void need_mapped(Kernel& k, uint64_t addr, uint64_t n) {
  if (n == 0) return;
  if (addr + n < addr) throw Fault{};
  const auto regions = k.m.regions();
  while (n > 0) {
    bool hit = false;
    for (const auto& r : regions) {
      if (addr - r.base < r.size) {
        const uint64_t c = std::min<uint64_t>(n, r.base + r.size - addr);
        addr += c, n -= c, hit = true;
        break;
      }
    }
    if (!hit) throw Fault{};
  }
}
template <class T>
T rd_val(Kernel& k, uint64_t addr) {
  T v;
  const auto b = rd(k, addr, sizeof(T));
  std::memcpy(&v, b.data(), sizeof v);
  return v;
}
template <class T>
void wr_val(Kernel& k, uint64_t addr, const T& v) {
  wr(k, addr, &v, sizeof v);
}
// A NUL-terminated guest string (ENAMETOOLONG past PATH_MAX).
std::string rd_str(Kernel& k, uint64_t addr, size_t max = PATH_MAX) {
  std::string s;
  while (true) {
    const size_t chunk = std::min<uint64_t>(256, kPage - (addr % kPage));
    const auto b = rd(k, addr, chunk);
    for (uint8_t c : b) {
      if (c == 0) return s;
      s.push_back(char(c));
      if (s.size() >= max) throw std::errc::filename_too_long;
    }
    addr += chunk;
  }
}

// --- files --------------------------------------------------------------------------------

// AArch64 open flags that differ from x86-64 (the rest share values).
constexpr int kGDirectory = 040000, kGNofollow = 0100000, kGDirect = 0200000, kGLargefile = 0400000;
int host_open_flags(uint64_t g) {
  int h = int(g) & ~(kGDirectory | kGNofollow | kGDirect | kGLargefile);
  if (g & kGDirectory) h |= O_DIRECTORY;
  if (g & kGNofollow) h |= O_NOFOLLOW;
  if (g & kGDirect) h |= O_DIRECT;
  return h;
}
int guest_open_flags(int h) {
  int g = h & ~(O_DIRECTORY | O_NOFOLLOW | O_DIRECT | 0100000 /* x86 O_LARGEFILE */);
  if (h & O_DIRECTORY) g |= kGDirectory;
  if (h & O_NOFOLLOW) g |= kGNofollow;
  if (h & O_DIRECT) g |= kGDirect;
  return g;
}

int host_fd_of(const OpenFile& f) { return f.host >= 0 ? f.host : f.stdio; }

int64_t ret_errno(int64_t r) { return r < 0 ? -errno : r; }

int64_t do_write(Kernel& k, OpenFile& f, const uint8_t* data, size_t n) {
  if (f.stdio == 1 || f.stdio == 2) {
    if (k.opt.output) {
      k.opt.output(f.stdio, data, n);
      return int64_t(n);
    }
    std::fflush(f.stdio == 1 ? stdout : stderr);
  }
  return ret_errno(::write(host_fd_of(f), data, n));
}

int64_t do_read(Kernel& k, OpenFile& f, uint8_t* data, size_t n) {
  if (f.stdio == 0 && k.opt.input) return k.opt.input(data, n);
  return ret_errno(::read(host_fd_of(f), data, n));
}

// The guest directory a *at() call starts from; "" with *err set when dirfd is bad.
std::string at_base(Kernel& k, int64_t dirfd, const std::string& path, int* err) {
  *err = 0;
  if (!path.empty() && path[0] == '/') return "/";
  if (int32_t(dirfd) == kAtFdCwd) return k.cwd;
  OpenFile* f = k.file(int(dirfd));
  if (!f) return *err = EBADF, "";
  if (f->guest_path.empty()) return *err = ENOTDIR, "";
  return f->guest_path;
}

// Resolves a guest path for a *at() call. Returns 0 or a positive errno.
int resolve_at(Kernel& k, int64_t dirfd, const std::string& path, bool follow, Sandbox::Resolved* r) {
  int err;
  const std::string base = at_base(k, dirfd, path, &err);
  if (err) return err;
  return k.sandbox.resolve(base, path, follow, r);
}

// Guest paths served without a mount: harmless host devices.
bool is_device(const std::string& guest) { return guest == "/dev/null" || guest == "/dev/zero"; }
int open_device(const std::string& guest, int flags) {
  if (is_device(guest)) {
    const int fd = ::open(guest.c_str(), flags | O_CLOEXEC);
    return fd < 0 ? -errno : fd;
  }
  return -ENOENT;
}

// arm64's struct stat (asm-generic/stat.h), 128 bytes.
struct GuestStat {
  uint64_t dev, ino;
  uint32_t mode, nlink, uid, gid;
  uint64_t rdev, pad1;
  int64_t size;
  int32_t blksize, pad2;
  int64_t blocks;
  int64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
  uint32_t unused[2];
};
static_assert(sizeof(GuestStat) == 128);

GuestStat to_guest(const struct stat& s) {
  GuestStat g{};
  g.dev = s.st_dev, g.ino = s.st_ino, g.mode = s.st_mode, g.nlink = uint32_t(s.st_nlink);
  g.uid = s.st_uid, g.gid = s.st_gid, g.rdev = s.st_rdev, g.size = s.st_size;
  g.blksize = int32_t(s.st_blksize), g.blocks = s.st_blocks;
  g.atime = s.st_atim.tv_sec, g.atime_ns = s.st_atim.tv_nsec;
  g.mtime = s.st_mtim.tv_sec, g.mtime_ns = s.st_mtim.tv_nsec;
  g.ctime = s.st_ctim.tv_sec, g.ctime_ns = s.st_ctim.tv_nsec;
  return g;
}

// A directory above a mount point: empty, read-only.
struct stat virtual_dir_stat() {
  struct stat s{};
  s.st_mode = S_IFDIR | 0555;
  s.st_nlink = 2;
  s.st_blksize = 4096;
  return s;
}

// Opens the object a stat-like call names: O_PATH fd (>= 0), -errno, or kVirtual.
constexpr int kVirtual = INT_MIN;
int open_for_stat(Kernel& k, int64_t dirfd, uint64_t path_addr, uint64_t flags) {
  const std::string path = rd_str(k, path_addr);
  if (path.empty()) {
    if (!(flags & kAtEmptyPath)) return -ENOENT;
    if (int32_t(dirfd) == kAtFdCwd) {
      Sandbox::Resolved r;
      if (const int e = k.sandbox.resolve("/", k.cwd, true, &r)) return -e;
      if (r.mount < 0) return k.sandbox.is_virtual_dir(r.guest) ? kVirtual : -ENOENT;
      return k.sandbox.open(r, O_PATH, 0);
    }
    OpenFile* f = k.file(int(dirfd));
    if (!f) return -EBADF;
    const int fd = ::dup(host_fd_of(*f));
    return fd < 0 ? -errno : fd;
  }
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, dirfd, path, !(flags & kAtSymlinkNofollow), &r)) {
    if (e != ENOENT || !is_device(path)) return -e;
    r.guest = path;
  }
  if (r.mount < 0) {
    if (k.sandbox.is_virtual_dir(r.guest)) return kVirtual;
    const int fd = open_device(r.guest, O_PATH);
    return fd;
  }
  return k.sandbox.open(r, O_PATH, 0);
}

// --- signals ------------------------------------------------------------------------------

constexpr int kSigKill = 9, kSigStop = 19;
bool default_ignored(int sig) { return sig == 17 /*CHLD*/ || sig == 18 /*CONT*/ || sig == 23 /*URG*/ || sig == 28 /*WINCH*/; }

// Signals are raised into k.pending; dispatch_signals() (after each syscall) delivers those
// not blocked: the default action ends the process (128+sig) or ignores it, a handler runs on
// a Linux-layout rt_sigframe and returns through rt_sigreturn.
// --- time and random ----------------------------------------------------------------------

constexpr int64_t kDetEpoch = 1700000000;  // deterministic CLOCK_REALTIME at instruction 0

int64_t det_ns(const Kernel& k) { return int64_t(k.cycles) + k.sleep_ns; }  // 1 instruction = 1 ns

bool valid_clock(int64_t clk) { return clk >= 0 && clk <= 11 && clk != 10; }

int64_t get_time(Kernel& k, int64_t clk, struct timespec* ts) {
  if (!valid_clock(clk)) return -EINVAL;
  if (k.opt.deterministic) {
    int64_t ns = det_ns(k);
    if (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE || clk == 8 || clk == 11) ns += kDetEpoch * 1000000000ll;
    else if (clk != CLOCK_PROCESS_CPUTIME_ID && clk != CLOCK_THREAD_CPUTIME_ID) ns += 1000ll * 1000000000ll;
    ts->tv_sec = ns / 1000000000, ts->tv_nsec = ns % 1000000000;
    return 0;
  }
  return ret_errno(::clock_gettime(clockid_t(clk), ts));
}

int64_t sleep_for(Kernel& k, int64_t clk, int flags, const struct timespec& req) {
  if (req.tv_nsec < 0 || req.tv_nsec >= 1000000000 || req.tv_sec < 0) return -EINVAL;
  if (k.opt.deterministic) {
    int64_t ns = req.tv_sec * 1000000000ll + req.tv_nsec;
    if (flags & TIMER_ABSTIME) {
      struct timespec now;
      get_time(k, clk, &now);
      ns -= now.tv_sec * 1000000000ll + now.tv_nsec;
    }
    if (ns > 0) k.sleep_ns += ns;
    return 0;
  }
  return -::clock_nanosleep(clockid_t(clk), flags, &req, nullptr);
}


// --- signal frames ------------------------------------------------------------------------

// struct rt_sigframe of arm64 Linux: siginfo (128 bytes), then ucontext (uc_flags, uc_link,
// uc_stack, uc_sigmask, padding to 128 bytes of sigset, then the 16-aligned sigcontext:
// fault_address, regs[31], sp, pc, pstate, __reserved[4096] with an fpsimd_context record),
// then a frame record {x29, x30} that x29 points at.
constexpr uint64_t kUc = 128, kMc = kUc + 176, kReserved = kMc + 288, kRecord = kUc + 4560, kFrame = kRecord + 16;
constexpr uint32_t kFpsimdMagic = 0x46508001, kFpsimdSize = 528;
constexpr uint64_t kSaSiginfo = 4, kSaOnstack = 0x08000000, kSaRestorer = 0x04000000, kSaNodefer = 0x40000000,
                   kSaResethand = 0x80000000;
constexpr int64_t kNoResult = INT64_MIN;  // rt_sigreturn: x0 is restored, not a result

template <class T>
void put(std::vector<uint8_t>& f, uint64_t off, T v) {
  std::memcpy(f.data() + off, &v, sizeof v);
}
template <class T>
T get(const std::vector<uint8_t>& f, uint64_t off) {
  T v;
  std::memcpy(&v, f.data() + off, sizeof v);
  return v;
}

void terminate(Kernel& k, int sig) {
  k.ended = true;
  k.term_signal = sig;
  k.exit_status = 128 + sig;
}

uint64_t sigtramp(Kernel& k) {
  if (!k.sigtramp) {
    // mov x8, #139 (rt_sigreturn); svc #0 -- the vDSO's __kernel_rt_sigreturn.
    k.m.map(kSigTramp, kPage, PermRX);
    k.m.write_memory(kSigTramp, std::span(reinterpret_cast<const uint8_t*>(kSigTrampCode), sizeof kSigTrampCode));
    k.sigtramp = kSigTramp;
  }
  return k.sigtramp;
}

void setup_frame(Kernel& k, int sig, const Kernel::SigAction& sa) {
  Registers r = k.m.registers();
  uint64_t sp = r.sp;
  const bool alt_enabled = !(k.altstack_flags & 2) && k.altstack_size;
  const bool on_alt = alt_enabled && sp - k.altstack_sp <= k.altstack_size;
  if ((sa.flags & kSaOnstack) && alt_enabled && !on_alt) sp = k.altstack_sp + k.altstack_size;
  const uint64_t base = (sp - kFrame) & ~uint64_t(15);
  std::vector<uint8_t> f(kFrame, 0);
  put<int32_t>(f, 0, sig);
  put<int32_t>(f, 8, k.sigcode[size_t(sig)]);
  put<int32_t>(f, 16, k.pid);
  put<uint32_t>(f, 20, uint32_t(k.uid));
  put<uint64_t>(f, kUc + 16, k.altstack_sp);
  put<int32_t>(f, kUc + 24, alt_enabled ? (on_alt ? 1 /* SS_ONSTACK */ : 0) : 2 /* SS_DISABLE */);
  put<uint64_t>(f, kUc + 32, k.altstack_size);
  put<uint64_t>(f, kUc + 40, k.sigmask);
  for (int i = 0; i < 31; ++i) put<uint64_t>(f, kMc + 8 + 8 * uint64_t(i), r.x[i]);
  put<uint64_t>(f, kMc + 256, r.sp);
  put<uint64_t>(f, kMc + 264, r.pc);
  put<uint64_t>(f, kMc + 272, r.nzcv);
  put<uint32_t>(f, kReserved, kFpsimdMagic);
  put<uint32_t>(f, kReserved + 4, kFpsimdSize);
  put<uint32_t>(f, kReserved + 8, r.fpsr);
  put<uint32_t>(f, kReserved + 12, r.fpcr);
  std::memcpy(f.data() + kReserved + 16, r.v, sizeof r.v);
  put<uint64_t>(f, kRecord, r.x[29]);
  put<uint64_t>(f, kRecord + 8, r.x[30]);
  try {
    k.m.write_memory(base, f);
  } catch (const Error&) {
    terminate(k, 11);  // no room for the frame: SIGSEGV, as Linux
    return;
  }
  r.x[0] = uint64_t(sig);
  r.x[1] = base;
  r.x[2] = base + kUc;
  r.x[29] = base + kRecord;
  r.x[30] = (sa.flags & kSaRestorer) ? sa.restorer : sigtramp(k);
  r.sp = base;
  r.pc = sa.handler;
  k.m.set_registers(r);
  k.sigmask |= sa.mask;
  if (!(sa.flags & kSaNodefer)) k.sigmask |= 1ull << (sig - 1);
  k.sigmask &= ~((1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1)));
  if (sa.flags & kSaResethand) k.sigactions[size_t(sig)] = {};
}

int64_t sys_rt_sigreturn(Kernel& k, const uint64_t*) {
  Registers r = k.m.registers();
  std::vector<uint8_t> f;
  try {
    f = k.m.read_memory(r.sp, kFrame);
  } catch (const Error&) {
    terminate(k, 11);
    return kNoResult;
  }
  for (int i = 0; i < 31; ++i) r.x[i] = get<uint64_t>(f, kMc + 8 + 8 * uint64_t(i));
  r.sp = get<uint64_t>(f, kMc + 256);
  r.pc = get<uint64_t>(f, kMc + 264);
  r.nzcv = uint32_t(get<uint64_t>(f, kMc + 272)) & 0xf0000000u;
  if (get<uint32_t>(f, kReserved) == kFpsimdMagic) {
    r.fpsr = get<uint32_t>(f, kReserved + 8);
    r.fpcr = get<uint32_t>(f, kReserved + 12);
    std::memcpy(r.v, f.data() + kReserved + 16, sizeof r.v);
  }
  k.m.set_registers(r);
  k.sigmask = get<uint64_t>(f, kUc + 40) & ~((1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1)));
  return kNoResult;
}

// Delivers pending signals that are not blocked, lowest number first, as Linux does on the way
// back from a syscall.
void dispatch_signals(Kernel& k) {
  while (!k.ended) {
    int sig = 0;
    for (int s = 1; s <= 64 && !sig; ++s) {
      const uint64_t bit = 1ull << (s - 1);
      if ((k.pending & bit) && (!(k.sigmask & bit) || s == kSigKill || s == kSigStop)) sig = s;
    }
    if (!sig) return;
    k.pending &= ~(1ull << (sig - 1));
    const Kernel::SigAction sa = k.sigactions[size_t(sig)];
    if (sig == kSigKill || sig == kSigStop || sa.handler == 0 /* SIG_DFL */) {
      if (!default_ignored(sig)) terminate(k, sig);
      continue;
    }
    if (sa.handler == 1 /* SIG_IGN */) continue;
    setup_frame(k, sig, sa);
  }
}

// --- the table ----------------------------------------------------------------------------

using A = const uint64_t*;
using Fn = int64_t (*)(Kernel&, A);

// One entry per implemented number: name, handler and how --strace shows the arguments
// (d: signed int, x: hex, s: guest string, o: octal, f: fd (AT_FDCWD named)).
struct Entry {
  const char* name = nullptr;
  Fn fn = nullptr;
  const char* args = "";
};

int64_t sys_read(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  std::vector<uint8_t> buf(std::min<uint64_t>(a[2], kMaxIo));
  need_mapped(k, a[1], buf.size());  // before anything is consumed
  const int64_t n = do_read(k, *f, buf.data(), buf.size());
  if (n > 0) wr(k, a[1], buf.data(), size_t(n));
  return n;
}
int64_t sys_write(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const auto data = rd(k, a[1], std::min<uint64_t>(a[2], kMaxIo));
  return do_write(k, *f, data.data(), data.size());
}
struct GIov {
  uint64_t base, len;
};
std::vector<GIov> read_iov(Kernel& k, uint64_t addr, uint64_t cnt) {
  if (cnt > 1024) throw std::errc::invalid_argument;
  std::vector<GIov> v(cnt);
  const auto b = rd(k, addr, cnt * sizeof(GIov));
  if (cnt) std::memcpy(v.data(), b.data(), b.size());
  return v;
}
int64_t sys_readv(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const auto iov = read_iov(k, a[1], a[2]);
  uint64_t total = 0;
  for (const auto& v : iov) total += v.len;
  std::vector<uint8_t> buf(std::min<uint64_t>(total, kMaxIo));
  const int64_t n = do_read(k, *f, buf.data(), buf.size());
  uint64_t off = 0;
  for (const auto& v : iov) {
    if (n <= 0 || off >= uint64_t(n)) break;
    const uint64_t c = std::min<uint64_t>(v.len, uint64_t(n) - off);
    wr(k, v.base, buf.data() + off, c);
    off += c;
  }
  return n;
}
int64_t sys_writev(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  std::vector<uint8_t> buf;
  for (const auto& v : read_iov(k, a[1], a[2])) {
    const auto b = rd(k, v.base, std::min<uint64_t>(v.len, kMaxIo - buf.size()));
    buf.insert(buf.end(), b.begin(), b.end());
    if (buf.size() >= kMaxIo) break;  // a short write, as for one large write()
  }
  return do_write(k, *f, buf.data(), buf.size());
}
int64_t sys_pread64(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  std::vector<uint8_t> buf(std::min<uint64_t>(a[2], kMaxIo));
  need_mapped(k, a[1], buf.size());
  const int64_t n = ret_errno(::pread(host_fd_of(*f), buf.data(), buf.size(), off_t(a[3])));
  if (n > 0) wr(k, a[1], buf.data(), size_t(n));
  return n;
}
int64_t sys_pwrite64(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const auto data = rd(k, a[1], std::min<uint64_t>(a[2], kMaxIo));
  return ret_errno(::pwrite(host_fd_of(*f), data.data(), data.size(), off_t(a[3])));
}
int64_t sys_openat(Kernel& k, A a) {
  const std::string path = rd_str(k, a[1]);
  const int flags = host_open_flags(a[2]);
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, int64_t(a[0]), path, !(flags & O_NOFOLLOW), &r)) {
    if (e != ENOENT || !is_device(path)) return -e;
    r.guest = path;
  }
  int fd;
  if (r.mount < 0) {
    fd = open_device(r.guest, flags & ~O_CLOEXEC);
    if (fd == -ENOENT && k.sandbox.is_virtual_dir(r.guest)) fd = -EACCES;
  } else {
    fd = k.sandbox.open(r, flags & ~O_CLOEXEC, unsigned(a[3]) & 07777);
  }
  if (fd < 0) return fd;
  auto f = std::make_shared<OpenFile>();
  f->host = fd;
  f->read_only = r.read_only;
  f->cloexec = flags & O_CLOEXEC;
  f->guest_path = r.guest;
  return k.alloc_fd(std::move(f));
}
int64_t sys_close(Kernel& k, A a) { return k.fds.erase(int(a[0])) ? 0 : -EBADF; }
int64_t sys_dup(Kernel& k, A a) {
  auto it = k.fds.find(int(a[0]));
  if (it == k.fds.end()) return -EBADF;
  auto f = std::make_shared<OpenFile>(*it->second);
  if (f->host >= 0 && (f->host = ::fcntl(it->second->host, F_DUPFD_CLOEXEC, 3)) < 0) return -errno;
  f->cloexec = false;
  return k.alloc_fd(std::move(f));
}
int64_t sys_dup3(Kernel& k, A a) {
  auto it = k.fds.find(int(a[0]));
  if (it == k.fds.end()) return -EBADF;
  if (a[0] == a[1] || (a[2] & ~uint64_t(O_CLOEXEC)) || a[1] > 1023) return -EINVAL;
  auto f = std::make_shared<OpenFile>(*it->second);
  if (f->host >= 0 && (f->host = ::fcntl(it->second->host, F_DUPFD_CLOEXEC, 3)) < 0) return -errno;
  f->cloexec = a[2] & O_CLOEXEC;
  k.fds[int(a[1])] = std::move(f);
  return int64_t(a[1]);
}
// pipe2: a host pipe; both ends become guest descriptors. (One guest thread: a read of an
// empty pipe whose write end is still open blocks for ever, as it would on Linux.)
int64_t sys_pipe2(Kernel& k, A a) {
  if (a[1] & ~uint64_t(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  need_mapped(k, a[0], 8);
  int host[2];
  if (::pipe2(host, O_CLOEXEC | int(a[1] & O_NONBLOCK)) < 0) return -errno;
  int32_t guest[2];
  for (int i = 0; i < 2; ++i) {
    auto f = std::make_shared<OpenFile>();
    f->host = host[i];
    f->cloexec = a[1] & O_CLOEXEC;
    guest[i] = int32_t(k.alloc_fd(std::move(f)));
  }
  wr(k, a[0], guest, sizeof guest);
  return 0;
}
int64_t sys_fcntl(Kernel& k, A a) {
  auto it = k.fds.find(int(a[0]));
  if (it == k.fds.end()) return -EBADF;
  OpenFile& f = *it->second;
  switch (a[1]) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      auto g = std::make_shared<OpenFile>(f);
      if (g->host >= 0 && (g->host = ::fcntl(f.host, F_DUPFD_CLOEXEC, 3)) < 0) return -errno;
      g->cloexec = a[1] == F_DUPFD_CLOEXEC;
      return k.alloc_fd(std::move(g), int(a[2]));
    }
    case F_GETFD: return f.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD: f.cloexec = a[2] & FD_CLOEXEC; return 0;
    case F_GETFL: {
      const int fl = ::fcntl(host_fd_of(f), F_GETFL);
      return fl < 0 ? -errno : guest_open_flags(fl);
    }
    case F_SETFL: return f.stdio >= 0 ? 0 : ret_errno(::fcntl(f.host, F_SETFL, host_open_flags(a[2]) & (O_APPEND | O_NONBLOCK)));
    default: return -EINVAL;
  }
}
int64_t sys_lseek(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (f->stdio >= 0 && k.opt.output && f->stdio != 0) return -ESPIPE;
  return ret_errno(::lseek(host_fd_of(*f), off_t(a[1]), int(a[2])));
}
int64_t sys_fstat(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  struct stat s;
  if (f->stdio >= 0 && ((f->stdio > 0 && k.opt.output) || (f->stdio == 0 && k.opt.input))) {
    s = {};
    s.st_mode = S_IFIFO | 0600;  // captured streams look like pipes
    s.st_blksize = 4096;
  } else if (::fstat(host_fd_of(*f), &s) != 0) {
    return -errno;
  }
  wr_val(k, a[1], to_guest(s));
  return 0;
}
int64_t sys_newfstatat(Kernel& k, A a) {
  const int fd = open_for_stat(k, int64_t(a[0]), a[1], a[3]);
  struct stat s;
  if (fd == kVirtual) {
    s = virtual_dir_stat();
  } else if (fd < 0) {
    return fd;
  } else {
    const int rc = ::fstatat(fd, "", &s, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
    const int e = errno;
    ::close(fd);
    if (rc != 0) return -e;
  }
  wr_val(k, a[2], to_guest(s));
  return 0;
}
int64_t sys_statx(Kernel& k, A a) {
  const int fd = open_for_stat(k, int64_t(a[0]), a[1], a[2]);
  struct statx sx;
  if (fd == kVirtual) {
    std::memset(&sx, 0, sizeof sx);
    sx.stx_mask = STATX_BASIC_STATS;
    sx.stx_mode = S_IFDIR | 0555;
    sx.stx_nlink = 2;
    sx.stx_blksize = 4096;
  } else if (fd < 0) {
    return fd;
  } else {
    const int rc = ::statx(fd, "", AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW, unsigned(a[3]), &sx);
    const int e = errno;
    ::close(fd);
    if (rc != 0) return -e;
  }
  wr_val(k, a[4], sx);
  return 0;
}
int64_t sys_getdents64(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (f->host < 0) return -ENOTDIR;
  std::vector<uint8_t> buf(std::min<uint64_t>(a[2], 1u << 20));
  need_mapped(k, a[1], buf.size());
  const int64_t n = ret_errno(::syscall(SYS_getdents64, f->host, buf.data(), buf.size()));
  if (n > 0) wr(k, a[1], buf.data(), size_t(n));
  return n;
}
int64_t sys_readlinkat(Kernel& k, A a) {
  const std::string path = rd_str(k, a[1]);
  if (int64_t(a[3]) <= 0) return -EINVAL;
  int err;
  const std::string base = at_base(k, int64_t(a[0]), path, &err);
  if (err) return -err;
  const std::string guest = Sandbox::normalize(path[0] == '/' ? path : base + "/" + path);
  std::string target;
  if (guest == "/proc/self/exe" || guest == fmt::format("/proc/{}/exe", k.pid)) {
    target = k.exe;
  } else {
    Sandbox::Resolved r;
    if (const int e = k.sandbox.resolve(base, path, false, &r)) return -e;
    if (r.mount < 0) return k.sandbox.is_virtual_dir(r.guest) ? -EINVAL : -ENOENT;
    std::string name;
    const int dir = k.sandbox.open_parent(r, &name);
    if (dir == -EBUSY) return -EINVAL;  // a mount root is not a link
    if (dir < 0) return dir;
    char buf[PATH_MAX];
    const ssize_t n = ::readlinkat(dir, name.c_str(), buf, sizeof buf);
    const int e = errno;
    ::close(dir);
    if (n < 0) return -e;
    target.assign(buf, size_t(n));
  }
  const size_t n = std::min<size_t>(target.size(), a[3]);
  wr(k, a[2], target.data(), n);
  return int64_t(n);
}
int64_t faccess(Kernel& k, int64_t dirfd, uint64_t path_addr, uint64_t mode, uint64_t flags) {
  if (mode & ~uint64_t(7)) return -EINVAL;
  const int fd = open_for_stat(k, dirfd, path_addr, flags);
  if (fd == kVirtual) return (mode & W_OK) ? -EROFS : 0;
  if (fd < 0) return fd;
  // A read-only mount refuses W_OK as Linux does for a read-only file system.
  Sandbox::Resolved r;
  const std::string path = rd_str(k, path_addr);
  if ((mode & W_OK) && !path.empty() && resolve_at(k, dirfd, path, !(flags & kAtSymlinkNofollow), &r) == 0 && r.read_only) {
    ::close(fd);
    return -EROFS;
  }
  const int64_t rc = ret_errno(::syscall(SYS_faccessat2, fd, "", int(mode), AT_EMPTY_PATH));
  ::close(fd);
  return rc;
}
int64_t sys_faccessat(Kernel& k, A a) { return faccess(k, int64_t(a[0]), a[1], a[2], 0); }
int64_t sys_faccessat2(Kernel& k, A a) { return faccess(k, int64_t(a[0]), a[1], a[2], a[3]); }
int64_t sys_getcwd(Kernel& k, A a) {
  if (a[1] < k.cwd.size() + 1) return -ERANGE;
  wr(k, a[0], k.cwd.c_str(), k.cwd.size() + 1);
  return int64_t(k.cwd.size() + 1);
}
int64_t change_dir(Kernel& k, const Sandbox::Resolved& r) {
  if (r.mount < 0) {
    if (!k.sandbox.is_virtual_dir(r.guest)) return -ENOENT;
  } else {
    const int fd = k.sandbox.open(r, O_PATH | O_DIRECTORY, 0);
    if (fd < 0) return fd;
    ::close(fd);
  }
  k.cwd = r.guest;
  return 0;
}
int64_t sys_chdir(Kernel& k, A a) {
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, kAtFdCwd, rd_str(k, a[0]), true, &r)) return -e;
  return change_dir(k, r);
}
int64_t sys_fchdir(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (f->guest_path.empty()) return -ENOTDIR;
  Sandbox::Resolved r;
  if (const int e = k.sandbox.resolve("/", f->guest_path, true, &r)) return -e;
  return change_dir(k, r);
}
// mkdirat / unlinkat / similar calls on the last component of a path.
template <class Op>
int64_t on_last(Kernel& k, int64_t dirfd, uint64_t path_addr, Op op) {
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, dirfd, rd_str(k, path_addr), false, &r)) return -e;
  if (r.mount < 0) return k.sandbox.is_virtual_dir(r.guest) ? -EROFS : -ENOENT;
  if (r.read_only) return -EROFS;
  std::string name;
  const int dir = k.sandbox.open_parent(r, &name);
  if (dir < 0) return dir;
  const int rc = op(dir, name.c_str());
  const int e = errno;
  ::close(dir);
  return rc < 0 ? -e : rc;
}
int64_t sys_mkdirat(Kernel& k, A a) {
  const mode_t mode = mode_t(a[2]);
  return on_last(k, int64_t(a[0]), a[1], [&](int dir, const char* n) { return ::mkdirat(dir, n, mode); });
}
int64_t sys_unlinkat(Kernel& k, A a) {
  if (a[2] & ~uint64_t(AT_REMOVEDIR)) return -EINVAL;
  const int flags = int(a[2]);
  return on_last(k, int64_t(a[0]), a[1], [&](int dir, const char* n) { return ::unlinkat(dir, n, flags); });
}
int64_t rename(Kernel& k, int64_t olddir, uint64_t oldpath, int64_t newdir, uint64_t newpath, uint64_t flags) {
  if (flags & ~uint64_t(7)) return -EINVAL;  // RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT
  Sandbox::Resolved from, to;
  if (const int e = resolve_at(k, olddir, rd_str(k, oldpath), false, &from)) return -e;
  if (const int e = resolve_at(k, newdir, rd_str(k, newpath), false, &to)) return -e;
  if (from.mount < 0 || to.mount < 0) return (k.sandbox.is_virtual_dir(from.guest) || k.sandbox.is_virtual_dir(to.guest)) ? -EBUSY : -ENOENT;
  if (from.read_only || to.read_only) return -EROFS;
  if (from.mount != to.mount) return -EXDEV;  // as between two file systems
  std::string from_name, to_name;
  const int d1 = k.sandbox.open_parent(from, &from_name);
  if (d1 < 0) return d1;
  const int d2 = k.sandbox.open_parent(to, &to_name);
  if (d2 < 0) {
    ::close(d1);
    return d2;
  }
  const int64_t rc = ret_errno(::syscall(SYS_renameat2, d1, from_name.c_str(), d2, to_name.c_str(), unsigned(flags)));
  ::close(d1);
  ::close(d2);
  return rc;
}
int64_t sys_renameat(Kernel& k, A a) { return rename(k, int64_t(a[0]), a[1], int64_t(a[2]), a[3], 0); }
int64_t sys_renameat2(Kernel& k, A a) { return rename(k, int64_t(a[0]), a[1], int64_t(a[2]), a[3], a[4]); }
int64_t sys_ftruncate(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  return ret_errno(::ftruncate(host_fd_of(*f), off_t(a[1])));
}
// truncate / fchmodat: the path is resolved in the sandbox (symlinks followed there) and opened
// on the host without following anything further; the change goes through that descriptor.
int64_t sys_truncate(Kernel& k, A a) {
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, AT_FDCWD, rd_str(k, a[0]), true, &r)) return -e;
  const int fd = k.sandbox.open(r, O_WRONLY | O_CLOEXEC, 0);
  if (fd < 0) return fd;
  const int64_t rc = ret_errno(::ftruncate(fd, off_t(a[1])));
  ::close(fd);
  return rc;
}
int64_t sys_fchmod(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (f->stdio >= 0) return -EPERM;  // the host's terminal or pipe is not the guest's to change
  return ret_errno(::fchmod(host_fd_of(*f), mode_t(a[1])));
}
int64_t sys_fchmodat(Kernel& k, A a) {
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, int64_t(a[0]), rd_str(k, a[1]), true, &r)) return -e;
  if (r.mount < 0) return k.sandbox.is_virtual_dir(r.guest) ? -EROFS : -ENOENT;
  if (r.read_only) return -EROFS;
  const int fd = k.sandbox.open(r, O_PATH | O_CLOEXEC, 0);
  if (fd < 0) return fd;
  // chmod through /proc/self/fd: an O_PATH descriptor cannot be fchmod()ed directly.
  const std::string proc = "/proc/self/fd/" + std::to_string(fd);
  const int64_t rc = ret_errno(::chmod(proc.c_str(), mode_t(a[2])));
  ::close(fd);
  return rc;
}
int64_t sys_fsync(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  return f->stdio >= 0 ? 0 : ret_errno(::fsync(f->host));
}
int64_t sys_ioctl(Kernel& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const bool captured = f->stdio >= 0 && ((f->stdio > 0 && k.opt.output) || (f->stdio == 0 && k.opt.input));
  if (captured || !::isatty(host_fd_of(*f))) return -ENOTTY;
  uint8_t buf[64] = {};
  size_t size;
  switch (a[1]) {
    case TCGETS: size = 36; break;     // struct termios, the same on arm64 and x86-64
    case TIOCGWINSZ: size = 8; break;  // struct winsize
    default: return -ENOTTY;           // what Linux answers for a request the tty does not know
  }
  if (::ioctl(host_fd_of(*f), a[1], buf) != 0) return -errno;
  wr(k, a[2], buf, size);
  return 0;
}

int64_t sys_exit(Kernel& k, A a) {
  k.ended = true;
  k.exit_status = int(a[0] & 0xff);
  return 0;
}
int64_t sys_brk(Kernel& k, A a) { return int64_t(k.as->brk(a[0])); }
int64_t sys_mmap(Kernel& k, A a) {
  int host = -1;
  if (!(a[3] & MAP_ANONYMOUS)) {
    OpenFile* f = k.file(int(a[4]));
    if (!f) return -EBADF;
    host = host_fd_of(*f);
  }
  return k.as->mmap(a[0], a[1], int(a[2]), int(a[3]), host, a[5]);
}
int64_t sys_munmap(Kernel& k, A a) { return k.as->munmap(a[0], a[1]); }
int64_t sys_mprotect(Kernel& k, A a) { return k.as->mprotect(a[0], a[1], int(a[2])); }
int64_t sys_mremap(Kernel& k, A a) { return k.as->mremap(a[0], a[1], a[2], int(a[3]), a[4]); }
int64_t sys_madvise(Kernel& k, A a) { return k.as->madvise(a[0], a[1], int(a[2])); }

int64_t sys_uname(Kernel& k, A a) {
  char u[6][65] = {};
  std::strcpy(u[0], "Linux");
  std::strcpy(u[1], "cuarm");
  std::strcpy(u[2], "6.1.0-cuarm");
  std::strcpy(u[3], "#1 SMP PREEMPT cuarm");
  std::strcpy(u[4], "aarch64");
  std::strcpy(u[5], "(none)");
  wr(k, a[0], u, sizeof u);
  return 0;
}
int64_t sys_set_tid_address(Kernel& k, A a) {
  k.clear_child_tid = a[0];
  return k.pid;
}
int64_t sys_set_robust_list(Kernel&, A a) { return a[1] == 24 ? 0 : -EINVAL; }
int64_t sys_enosys(Kernel&, A) { return -ENOSYS; }
int64_t sys_zero(Kernel&, A) { return 0; }

uint64_t& pending_of(Kernel& k) { return k.pending; }

int64_t sys_rt_sigaction(Kernel& k, A a) {
  const int sig = int(a[0]);
  if (a[3] != 8 || sig < 1 || sig > 64) return -EINVAL;
  if (a[1] && (sig == kSigKill || sig == kSigStop)) return -EINVAL;
  Kernel::SigAction& s = k.sigactions[size_t(sig)];
  Kernel::SigAction nw{};
  if (a[1]) nw = rd_val<Kernel::SigAction>(k, a[1]);
  if (a[2]) wr_val(k, a[2], s);
  if (a[1]) s = nw;
  return 0;
}
int64_t sys_rt_sigprocmask(Kernel& k, A a) {
  if (a[3] != 8) return -EINVAL;
  uint64_t set = 0;
  if (a[1]) {
    set = rd_val<uint64_t>(k, a[1]);
    if (a[0] > 2) return -EINVAL;
  }
  if (a[2]) wr_val(k, a[2], k.sigmask);
  if (a[1]) {
    if (a[0] == 0) k.sigmask |= set;
    else if (a[0] == 1) k.sigmask &= ~set;
    else k.sigmask = set;
    k.sigmask &= ~((1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1)));
  }
  return 0;
}
int64_t sys_rt_sigpending(Kernel& k, A a) {
  if (a[1] > 8) return -EINVAL;
  const uint64_t p = pending_of(k) & k.sigmask;
  wr(k, a[0], &p, a[1]);
  return 0;
}
int64_t sys_sigaltstack(Kernel& k, A a) {
  struct {
    uint64_t sp;
    int32_t flags, pad;
    uint64_t size;
  } ss{}, old{k.altstack_sp, k.altstack_flags, 0, k.altstack_size};
  if (a[0]) {
    ss = rd_val<decltype(ss)>(k, a[0]);
    const uint32_t fl = uint32_t(ss.flags) & ~(1u << 31);  // SS_AUTODISARM
    if (fl != 0 && fl != 2) return -EINVAL;
    if (fl == 0 && ss.size < 5120) return -ENOMEM;  // arm64 MINSIGSTKSZ
  }
  if (a[1]) wr_val(k, a[1], old);
  if (a[0]) k.altstack_sp = ss.sp, k.altstack_size = ss.size, k.altstack_flags = ss.flags;
  return 0;
}
int64_t signal_self(Kernel& k, int64_t sig, int code) {
  if (sig < 0 || sig > 64) return -EINVAL;
  if (sig == 0) return 0;
  pending_of(k) |= 1ull << (sig - 1);
  k.sigcode[size_t(sig)] = code;
  return 0;
}
int64_t sys_kill(Kernel& k, A a) {
  const int pid = int(a[0]);
  if (pid != k.pid && pid != 0 && pid != -1 && pid != -k.pid) return -ESRCH;
  return signal_self(k, int64_t(int32_t(a[1])), 0 /* SI_USER */);
}
int64_t sys_tkill(Kernel& k, A a) {
  if (int(a[0]) != k.pid) return -ESRCH;
  return signal_self(k, int64_t(int32_t(a[1])), -6 /* SI_TKILL */);
}
int64_t sys_tgkill(Kernel& k, A a) {
  if (int(a[0]) != k.pid || int(a[1]) != k.pid) return -ESRCH;
  return signal_self(k, int64_t(int32_t(a[2])), -6 /* SI_TKILL */);
}
int64_t sys_getpid(Kernel& k, A) { return k.pid; }
int64_t sys_getppid(Kernel& k, A) { return k.ppid; }
int64_t sys_getuid(Kernel& k, A) { return k.uid; }
int64_t sys_getgid(Kernel& k, A) { return k.gid; }

int64_t sys_getrandom(Kernel& k, A a) {
  if (a[2] & ~uint64_t(7)) return -EINVAL;
  std::vector<uint8_t> buf(std::min<uint64_t>(a[1], 32u << 20));
  need_mapped(k, a[0], buf.size());
  k.fill_random(buf.data(), buf.size());
  wr(k, a[0], buf.data(), buf.size());
  return int64_t(buf.size());
}
struct GTimespec {
  int64_t sec, nsec;
};
int64_t sys_clock_gettime(Kernel& k, A a) {
  struct timespec ts;
  if (const int64_t e = get_time(k, int64_t(int32_t(a[0])), &ts)) return e;
  wr_val(k, a[1], GTimespec{ts.tv_sec, ts.tv_nsec});
  return 0;
}
int64_t sys_gettimeofday(Kernel& k, A a) {
  struct timespec ts;
  get_time(k, CLOCK_REALTIME, &ts);
  if (a[0]) wr_val(k, a[0], GTimespec{ts.tv_sec, ts.tv_nsec / 1000});
  if (a[1]) wr_val(k, a[1], uint64_t(0));  // struct timezone: UTC
  return 0;
}
int64_t sys_clock_getres(Kernel& k, A a) {
  const int64_t clk = int64_t(int32_t(a[0]));
  if (!valid_clock(clk)) return -EINVAL;
  struct timespec ts{0, 1};
  if (!k.opt.deterministic && ::clock_getres(clockid_t(clk), &ts) != 0) return -errno;
  if (a[1]) wr_val(k, a[1], GTimespec{ts.tv_sec, ts.tv_nsec});
  return 0;
}
int64_t sys_nanosleep(Kernel& k, A a) {
  const auto req = rd_val<GTimespec>(k, a[0]);
  return sleep_for(k, CLOCK_MONOTONIC, 0, {time_t(req.sec), long(req.nsec)});
}
int64_t sys_clock_nanosleep(Kernel& k, A a) {
  const int64_t clk = int64_t(int32_t(a[0]));
  if (!valid_clock(clk) || clk == CLOCK_THREAD_CPUTIME_ID) return -EINVAL;
  const auto req = rd_val<GTimespec>(k, a[2]);
  return sleep_for(k, clk, int(a[1]), {time_t(req.sec), long(req.nsec)});
}
int64_t rlimit(Kernel& k, uint64_t res, uint64_t new_addr, uint64_t old_addr) {
  if (res >= 16) return -EINVAL;
  auto& lim = k.rlimits[int(res)];
  if (old_addr) {
    const uint64_t old[2] = {lim.first, lim.second};
    wr(k, old_addr, old, sizeof old);
  }
  if (new_addr) {
    const auto cur = rd_val<uint64_t>(k, new_addr), max = rd_val<uint64_t>(k, new_addr + 8);
    if (cur > max) return -EINVAL;
    lim = {cur, max};
  }
  return 0;
}
int64_t sys_prlimit64(Kernel& k, A a) {
  if (a[0] != 0 && int(a[0]) != k.pid) return -ESRCH;
  return rlimit(k, a[1], a[2], a[3]);
}
int64_t sys_getrlimit(Kernel& k, A a) { return rlimit(k, a[0], 0, a[1]); }
int64_t sys_setrlimit(Kernel& k, A a) { return rlimit(k, a[0], a[1], 0); }
int64_t sys_sysinfo(Kernel& k, A a) {
  struct sysinfo si{};
  if (k.opt.deterministic) {
    struct timespec ts;
    get_time(k, CLOCK_MONOTONIC, &ts);
    si.uptime = ts.tv_sec;
    si.totalram = 4ull << 30, si.freeram = 2ull << 30;
    si.procs = 1;
    si.mem_unit = 1;
  } else if (::sysinfo(&si) != 0) {
    return -errno;
  }
  static_assert(sizeof si == 112);  // the same layout on arm64 and x86-64
  wr_val(k, a[0], si);
  return 0;
}
int64_t sys_sched_getaffinity(Kernel& k, A a) {
  if (a[1] < 8 || a[1] % 8) return -EINVAL;
  if (a[0] != 0 && int(a[0]) != k.pid) return -ESRCH;
  wr_val(k, a[2], uint64_t(1));  // one CPU: the guest is one thread
  return 8;
}
int64_t sys_futex(Kernel& k, A a) {
  const uint64_t cmd = a[1] & 0x7f;  // without FUTEX_PRIVATE_FLAG / FUTEX_CLOCK_REALTIME
  switch (cmd) {
    case 0:   // FUTEX_WAIT
    case 9: { // FUTEX_WAIT_BITSET
      if (rd_val<uint32_t>(k, a[0]) != uint32_t(a[2])) return -EAGAIN;
      // One thread: nobody can wake it. Time out (a timeout's time passes) instead of hanging.
      return a[3] ? -ETIMEDOUT : -EINTR;
    }
    case 1:   // FUTEX_WAKE
    case 10:  // FUTEX_WAKE_BITSET
      return 0;
    default: return -ENOSYS;
  }
}
int64_t sys_times(Kernel& k, A a) {
  uint64_t t[4] = {};
  int64_t now;
  if (k.opt.deterministic) {
    t[0] = uint64_t(det_ns(k) / 10000000);  // 100 ticks a second
    now = det_ns(k) / 10000000 + 100000;
  } else {
    struct tms h;
    now = ::times(&h);
    t[0] = uint64_t(h.tms_utime), t[1] = uint64_t(h.tms_stime);
  }
  if (a[0]) wr(k, a[0], t, sizeof t);
  return now;
}
int64_t sys_getrusage(Kernel& k, A a) {
  if (int64_t(a[0]) != 0 && int64_t(a[0]) != -1 && int64_t(a[0]) != 1) return -EINVAL;
  uint8_t ru[144] = {};
  wr(k, a[1], ru, sizeof ru);
  return 0;
}
int64_t sys_umask(Kernel& k, A a) {
  const uint64_t old = k.umask;
  k.umask = a[0] & 0777;
  return int64_t(old);
}

constexpr size_t kTableSize = 450;
struct Table {
  Entry e[kTableSize];
  constexpr void set(size_t nr, const char* name, Fn fn, const char* args) { e[nr] = {name, fn, args}; }
};

const Table& table() {
  static const Table t = [] {
    Table t{};
    t.set(17, "getcwd", sys_getcwd, "xd");
    t.set(23, "dup", sys_dup, "d");
    t.set(24, "dup3", sys_dup3, "ddx");
    t.set(59, "pipe2", sys_pipe2, "px");
    t.set(25, "fcntl", sys_fcntl, "ddx");
    t.set(29, "ioctl", sys_ioctl, "dxx");
    t.set(34, "mkdirat", sys_mkdirat, "fso");
    t.set(35, "unlinkat", sys_unlinkat, "fsx");
    t.set(38, "renameat", sys_renameat, "fsfs");
    t.set(45, "truncate", sys_truncate, "sd");
    t.set(46, "ftruncate", sys_ftruncate, "dd");
    t.set(52, "fchmod", sys_fchmod, "do");
    t.set(53, "fchmodat", sys_fchmodat, "fso");
    t.set(48, "faccessat", sys_faccessat, "fsd");
    t.set(49, "chdir", sys_chdir, "s");
    t.set(50, "fchdir", sys_fchdir, "d");
    t.set(56, "openat", sys_openat, "fsxo");
    t.set(57, "close", sys_close, "d");
    t.set(61, "getdents64", sys_getdents64, "dxd");
    t.set(62, "lseek", sys_lseek, "ddd");
    t.set(63, "read", sys_read, "dxd");
    t.set(64, "write", sys_write, "dxd");
    t.set(65, "readv", sys_readv, "dxd");
    t.set(66, "writev", sys_writev, "dxd");
    t.set(67, "pread64", sys_pread64, "dxdd");
    t.set(68, "pwrite64", sys_pwrite64, "dxdd");
    t.set(78, "readlinkat", sys_readlinkat, "fsxd");
    t.set(79, "newfstatat", sys_newfstatat, "fsxx");
    t.set(80, "fstat", sys_fstat, "dx");
    t.set(82, "fsync", sys_fsync, "d");
    t.set(83, "fdatasync", sys_fsync, "d");
    t.set(93, "exit", sys_exit, "d");
    t.set(94, "exit_group", sys_exit, "d");
    t.set(96, "set_tid_address", sys_set_tid_address, "x");
    t.set(98, "futex", sys_futex, "xxdxxd");
    t.set(99, "set_robust_list", sys_set_robust_list, "xd");
    t.set(101, "nanosleep", sys_nanosleep, "xx");
    t.set(113, "clock_gettime", sys_clock_gettime, "dx");
    t.set(114, "clock_getres", sys_clock_getres, "dx");
    t.set(115, "clock_nanosleep", sys_clock_nanosleep, "dxxx");
    t.set(123, "sched_getaffinity", sys_sched_getaffinity, "ddx");
    t.set(124, "sched_yield", sys_zero, "");
    t.set(129, "kill", sys_kill, "dd");
    t.set(130, "tkill", sys_tkill, "dd");
    t.set(131, "tgkill", sys_tgkill, "ddd");
    t.set(132, "sigaltstack", sys_sigaltstack, "xx");
    t.set(134, "rt_sigaction", sys_rt_sigaction, "dxxd");
    t.set(135, "rt_sigprocmask", sys_rt_sigprocmask, "dxxd");
    t.set(136, "rt_sigpending", sys_rt_sigpending, "xd");
    t.set(139, "rt_sigreturn", sys_rt_sigreturn, "");
    t.set(153, "times", sys_times, "x");
    t.set(160, "uname", sys_uname, "x");
    t.set(163, "getrlimit", sys_getrlimit, "dx");
    t.set(164, "setrlimit", sys_setrlimit, "dx");
    t.set(165, "getrusage", sys_getrusage, "dx");
    t.set(166, "umask", sys_umask, "o");
    t.set(169, "gettimeofday", sys_gettimeofday, "xx");
    t.set(172, "getpid", sys_getpid, "");
    t.set(173, "getppid", sys_getppid, "");
    t.set(174, "getuid", sys_getuid, "");
    t.set(175, "geteuid", sys_getuid, "");
    t.set(176, "getgid", sys_getgid, "");
    t.set(177, "getegid", sys_getgid, "");
    t.set(178, "gettid", sys_getpid, "");
    t.set(179, "sysinfo", sys_sysinfo, "x");
    t.set(214, "brk", sys_brk, "x");
    t.set(215, "munmap", sys_munmap, "xx");
    t.set(216, "mremap", sys_mremap, "xxxxx");
    t.set(222, "mmap", sys_mmap, "xxxxdx");
    t.set(226, "mprotect", sys_mprotect, "xxx");
    t.set(233, "madvise", sys_madvise, "xxd");
    t.set(261, "prlimit64", sys_prlimit64, "ddxx");
    t.set(276, "renameat2", sys_renameat2, "fsfsx");
    t.set(278, "getrandom", sys_getrandom, "xdx");
    t.set(291, "statx", sys_statx, "fsxxx");
    t.set(293, "rseq", sys_enosys, "xdxx");  // as qemu: glibc then goes on without rseq
    t.set(439, "faccessat2", sys_faccessat2, "fsdx");
    return t;
  }();
  return t;
}

std::string show_args(Kernel& k, const Entry& e, const uint64_t* a) {
  std::string s;
  for (int i = 0; e.args[i]; ++i) {
    if (i) s += ",";
    switch (e.args[i]) {
      case 'd': s += fmt::format("{}", int64_t(a[i])); break;
      case 'o': s += fmt::format("0{:o}", a[i]); break;
      case 'f': s += int32_t(a[i]) == kAtFdCwd ? std::string("AT_FDCWD") : fmt::format("{}", int32_t(a[i])); break;
      case 's':
        try {
          s += fmt::format("\"{}\"", rd_str(k, a[i], 256));
        } catch (...) {
          s += fmt::format("0x{:x}", a[i]);
        }
        break;
      default: s += fmt::format("0x{:x}", a[i]); break;
    }
  }
  return s;
}

std::string show_result(int64_t r, const Entry& e) {
  if (r < 0 && r >= -4095) return fmt::format("-1 errno={} ({})", -r, std::strerror(int(-r)));
  const std::string name = e.name;
  if (name == "mmap" || name == "brk" || name == "mremap") return fmt::format("0x{:x}", uint64_t(r));
  return fmt::format("{}", r);
}

}  // namespace

void service_syscall(Kernel& k) {
  const uint64_t nr = k.m.x(8);
  uint64_t a[6];
  for (int i = 0; i < 6; ++i) a[i] = k.m.x(i);
  const Entry* e = nr < kTableSize && table().e[nr].fn ? &table().e[nr] : nullptr;
  std::string shown;
  if (k.opt.strace && e) shown = show_args(k, *e, a);
  int64_t r;
  if (!e) {
    r = -ENOSYS;
  } else {
    try {
      r = e->fn(k, a);
    } catch (const Fault&) {
      r = -EFAULT;
    } catch (std::errc c) {
      r = -int64_t(c);
    }
  }
  if (k.opt.strace) {
    if (!e) {
      fmt::print(k.opt.strace, "{} unknown syscall {}(0x{:x},0x{:x},0x{:x},0x{:x},0x{:x},0x{:x}) = -1 errno={} ({})\n", k.pid, nr,
                 a[0], a[1], a[2], a[3], a[4], a[5], ENOSYS, std::strerror(ENOSYS));
    } else if (k.ended && !k.term_signal) {
      fmt::print(k.opt.strace, "{} {}({})\n", k.pid, e->name, shown);  // exit, exit_group
    } else {
      fmt::print(k.opt.strace, "{} {}({}) = {}\n", k.pid, e->name, shown,
                 r == kNoResult || k.ended ? std::string("?") : show_result(r, *e));
    }
  }
  if (!k.ended && r != kNoResult) k.m.set_x(0, uint64_t(r));
  dispatch_signals(k);
  if (k.opt.strace) {
    if (k.term_signal) fmt::print(k.opt.strace, "{} +++ killed by signal {} +++\n", k.pid, k.term_signal);
    std::fflush(k.opt.strace);
  }
}

}  // namespace cuarm::os
