// The Linux syscall table (AArch64 numbers, asm-generic/unistd.h), serviced on the host for
// every backend, and --strace. The handlers live by concern: files.cpp, address_space.cpp
// (memory), signals.cpp, time.cpp, process_calls.cpp (handlers.hpp lists them). See docs/os.md
// for what each call does and where it differs from Linux.
#include <fmt/format.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <iterator>

#include "process_state.hpp"
#include "handlers.hpp"

namespace cuarm::os {
namespace {

constexpr int64_t kAtFdCwd = -100;

// --- the table ----------------------------------------------------------------------------

using Fn = int64_t (*)(ProcessState&, A);

// One entry per implemented number: name, handler and how --strace shows the arguments
// (d: signed int, x: hex, s: guest string, o: octal, f: fd (AT_FDCWD named)).
struct Entry {
  int nr;
  const char* name;
  Fn fn;
  const char* args;
};

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

std::string show_args(ProcessState& k, const Entry& e, const uint64_t* a) {
  std::string s;
  for (int i = 0; e.args[i]; ++i) {
    if (i) s += ",";
    switch (e.args[i]) {
      case 'd': s += fmt::format("{}", int64_t(a[i])); break;
      case 'o': s += fmt::format("0{:o}", a[i]); break;
      case 'f': s += int32_t(a[i]) == kAtFdCwd ? std::string("AT_FDCWD") : fmt::format("{}", int32_t(a[i])); break;
      case 's': {
        std::string str;
        if (rd_str(k, a[i], &str, 256) == 0) s += fmt::format("\"{}\"", str);
        else s += fmt::format("0x{:x}", a[i]);
        break;
      }
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

void service_syscall(ProcessState& k) {
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
    r = e->fn(k, a);
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
