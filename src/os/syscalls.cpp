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

#include "files.hpp"
#include "kernel.hpp"
#include "syscall_support.hpp"

namespace cuarm::os {
namespace {

using namespace files;  // the calls on files (files.cpp) in the table below

constexpr int64_t kAtFdCwd = -100;

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

}  // namespace

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

namespace {

int64_t sleep_for(Kernel& k, int64_t clk, int flags, const struct timespec& req) {
  if (req.tv_nsec < 0 || req.tv_nsec >= 1000000000 || req.tv_sec < 0) return -EINVAL;
  if (k.opt.deterministic) {
    // The deterministic clock saturates after 2^62 ns slept (146 years): a guest asking to sleep
    // for INT64_MAX seconds must not overflow it (found by fuzz_syscalls).
    constexpr int64_t kMaxSleepNs = int64_t(1) << 62;
    int64_t ns = req.tv_sec >= kMaxSleepNs / 1000000000 ? kMaxSleepNs : req.tv_sec * 1000000000ll + req.tv_nsec;
    if (flags & TIMER_ABSTIME) {
      struct timespec now;
      get_time(k, clk, &now);
      ns -= now.tv_sec * 1000000000ll + now.tv_nsec;
    }
    if (ns > 0) k.sleep_ns = ns >= kMaxSleepNs - k.sleep_ns ? kMaxSleepNs : k.sleep_ns + ns;
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

using Fn = int64_t (*)(Kernel&, A);

// One entry per implemented number: name, handler and how --strace shows the arguments
// (d: signed int, x: hex, s: guest string, o: octal, f: fd (AT_FDCWD named)).
struct Entry {
  int nr;
  const char* name;
  Fn fn;
  const char* args;
};

int64_t sys_exit(Kernel& k, A a) {
  k.ended = true;
  k.exit_status = int(a[0] & 0xff);
  return 0;
}
int64_t sys_brk(Kernel& k, A a) { return int64_t(k.as->brk(a[0])); }
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
    if (max > lim.second) return -EPERM;  // as for an unprivileged process: hard limits only go down
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

// The table: one entry per implemented syscall, sorted by number (AArch64 uses the numbers of
// asm-generic/unistd.h: __NR_<name>; a test checks them against the cross toolchain's header).
// docs/os.md's list of syscalls is made from it (OsTable.DocsListTheTable).
constexpr Entry kTable[] = {
    {17, "getcwd", sys_getcwd, "xd"},
    {23, "dup", sys_dup, "d"},
    {24, "dup3", sys_dup3, "ddx"},
    {25, "fcntl", sys_fcntl, "ddx"},
    {29, "ioctl", sys_ioctl, "dxx"},
    {34, "mkdirat", sys_mkdirat, "fso"},
    {35, "unlinkat", sys_unlinkat, "fsx"},
    {38, "renameat", sys_renameat, "fsfs"},
    {45, "truncate", sys_truncate, "sd"},
    {46, "ftruncate", sys_ftruncate, "dd"},
    {48, "faccessat", sys_faccessat, "fsd"},
    {49, "chdir", sys_chdir, "s"},
    {50, "fchdir", sys_fchdir, "d"},
    {52, "fchmod", sys_fchmod, "do"},
    {53, "fchmodat", sys_fchmodat, "fso"},
    {56, "openat", sys_openat, "fsxo"},
    {57, "close", sys_close, "d"},
    {59, "pipe2", sys_pipe2, "px"},
    {61, "getdents64", sys_getdents64, "dxd"},
    {62, "lseek", sys_lseek, "ddd"},
    {63, "read", sys_read, "dxd"},
    {64, "write", sys_write, "dxd"},
    {65, "readv", sys_readv, "dxd"},
    {66, "writev", sys_writev, "dxd"},
    {67, "pread64", sys_pread64, "dxdd"},
    {68, "pwrite64", sys_pwrite64, "dxdd"},
    {78, "readlinkat", sys_readlinkat, "fsxd"},
    {79, "newfstatat", sys_newfstatat, "fsxx"},
    {80, "fstat", sys_fstat, "dx"},
    {82, "fsync", sys_fsync, "d"},
    {83, "fdatasync", sys_fsync, "d"},
    {93, "exit", sys_exit, "d"},
    {94, "exit_group", sys_exit, "d"},
    {96, "set_tid_address", sys_set_tid_address, "x"},
    {98, "futex", sys_futex, "xxdxxd"},
    {99, "set_robust_list", sys_set_robust_list, "xd"},
    {101, "nanosleep", sys_nanosleep, "xx"},
    {113, "clock_gettime", sys_clock_gettime, "dx"},
    {114, "clock_getres", sys_clock_getres, "dx"},
    {115, "clock_nanosleep", sys_clock_nanosleep, "dxxx"},
    {123, "sched_getaffinity", sys_sched_getaffinity, "ddx"},
    {124, "sched_yield", sys_zero, ""},
    {129, "kill", sys_kill, "dd"},
    {130, "tkill", sys_tkill, "dd"},
    {131, "tgkill", sys_tgkill, "ddd"},
    {132, "sigaltstack", sys_sigaltstack, "xx"},
    {134, "rt_sigaction", sys_rt_sigaction, "dxxd"},
    {135, "rt_sigprocmask", sys_rt_sigprocmask, "dxxd"},
    {136, "rt_sigpending", sys_rt_sigpending, "xd"},
    {139, "rt_sigreturn", sys_rt_sigreturn, ""},
    {153, "times", sys_times, "x"},
    {160, "uname", sys_uname, "x"},
    {163, "getrlimit", sys_getrlimit, "dx"},
    {164, "setrlimit", sys_setrlimit, "dx"},
    {165, "getrusage", sys_getrusage, "dx"},
    {166, "umask", sys_umask, "o"},
    {169, "gettimeofday", sys_gettimeofday, "xx"},
    {172, "getpid", sys_getpid, ""},
    {173, "getppid", sys_getppid, ""},
    {174, "getuid", sys_getuid, ""},
    {175, "geteuid", sys_getuid, ""},
    {176, "getgid", sys_getgid, ""},
    {177, "getegid", sys_getgid, ""},
    {178, "gettid", sys_getpid, ""},
    {179, "sysinfo", sys_sysinfo, "x"},
    {214, "brk", sys_brk, "x"},
    {215, "munmap", sys_munmap, "xx"},
    {216, "mremap", sys_mremap, "xxxxx"},
    {222, "mmap", sys_mmap, "xxxxdx"},
    {226, "mprotect", sys_mprotect, "xxx"},
    {233, "madvise", sys_madvise, "xxd"},
    {261, "prlimit64", sys_prlimit64, "ddxx"},
    {276, "renameat2", sys_renameat2, "fsfsx"},
    {278, "getrandom", sys_getrandom, "xdx"},
    {291, "statx", sys_statx, "fsxxx"},
    {293, "rseq", sys_enosys, "xdxx"},  // as qemu: glibc then goes on without rseq
    {439, "faccessat2", sys_faccessat2, "fsdx"},
};
constexpr bool sorted_by_number() {
  for (size_t i = 1; i < std::size(kTable); ++i)
    if (kTable[i - 1].nr >= kTable[i].nr) return false;
  return true;
}
static_assert(sorted_by_number(), "kTable is sorted by syscall number, each number once");

const Entry* find_entry(uint64_t nr) {
  const Entry* e = std::lower_bound(std::begin(kTable), std::end(kTable), nr, [](const Entry& x, uint64_t n) { return uint64_t(x.nr) < n; });
  return e != std::end(kTable) && uint64_t(e->nr) == nr ? e : nullptr;
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

std::vector<SyscallInfo> syscall_list() {
  std::vector<SyscallInfo> out;
  for (const Entry& e : kTable) out.push_back({e.nr, e.name, e.args});
  return out;
}

std::string syscall_table_markdown() {
  std::string s = "| number | call | arguments (as `--strace` shows them) |\n|---|---|---|\n";
  for (const Entry& e : kTable) {
    std::string args;
    for (const char* a = e.args; *a; ++a) {
      if (!args.empty()) args += ", ";
      switch (*a) {
        case 'd': args += "int"; break;
        case 'o': args += "octal"; break;
        case 'f': args += "dirfd"; break;
        case 's': args += "path"; break;
        default: args += "hex"; break;
      }
    }
    s += fmt::format("| {} | `{}` | {} |\n", e.nr, e.name, args.empty() ? "-" : args);
  }
  return s;
}

void service_syscall(Kernel& k) {
  const uint64_t nr = k.m.x(8);
  uint64_t a[6];
  for (int i = 0; i < 6; ++i) a[i] = k.m.x(i);
  const Entry* e = find_entry(nr);
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
