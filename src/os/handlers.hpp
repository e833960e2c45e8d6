// Every syscall handler, by the file that holds it; syscalls.cpp puts them in the table.
// A handler gets the arguments x0..x5 and returns the result for x0 (a negative errno on
// failure); errors are values: a bad guest pointer is -EFAULT from the memory helpers of
// syscall_support.hpp, passed on (nothing below the API throws for a guest's mistake).
#pragma once
#include "syscall_support.hpp"

namespace cuarm::os {

// rt_sigreturn's result: x0 is restored from the frame, not set.
constexpr int64_t kNoResult = INT64_MIN;

// files.cpp: files, paths and file descriptors. Each fd call asks the policy (fd_policy.hpp)
// what the guest may do with the fd's kind; each path call resolves the path in the guest's
// namespace (Sandbox) and acts by where it lies: a mount, cuarm's own directories and devices,
// or the private /tmp.

int64_t sys_read(Kernel& k, A a);
int64_t sys_write(Kernel& k, A a);
int64_t sys_readv(Kernel& k, A a);
int64_t sys_writev(Kernel& k, A a);
int64_t sys_pread64(Kernel& k, A a);
int64_t sys_pwrite64(Kernel& k, A a);
int64_t sys_lseek(Kernel& k, A a);
int64_t sys_ftruncate(Kernel& k, A a);
int64_t sys_fchmod(Kernel& k, A a);
int64_t sys_fstat(Kernel& k, A a);
int64_t sys_getdents64(Kernel& k, A a);
int64_t sys_ioctl(Kernel& k, A a);
int64_t sys_fsync(Kernel& k, A a);
int64_t sys_fcntl(Kernel& k, A a);
int64_t sys_mmap(Kernel& k, A a);
int64_t sys_openat(Kernel& k, A a);
int64_t sys_close(Kernel& k, A a);
int64_t sys_dup(Kernel& k, A a);
int64_t sys_dup3(Kernel& k, A a);
int64_t sys_pipe2(Kernel& k, A a);
int64_t sys_newfstatat(Kernel& k, A a);
int64_t sys_statx(Kernel& k, A a);
int64_t sys_faccessat(Kernel& k, A a);
int64_t sys_faccessat2(Kernel& k, A a);
int64_t sys_readlinkat(Kernel& k, A a);
int64_t sys_getcwd(Kernel& k, A a);
int64_t sys_chdir(Kernel& k, A a);
int64_t sys_fchdir(Kernel& k, A a);
int64_t sys_mkdirat(Kernel& k, A a);
int64_t sys_unlinkat(Kernel& k, A a);
int64_t sys_renameat(Kernel& k, A a);
int64_t sys_renameat2(Kernel& k, A a);
int64_t sys_truncate(Kernel& k, A a);
int64_t sys_fchmodat(Kernel& k, A a);


// address_space.cpp: memory.
int64_t sys_brk(Kernel& k, A a);
int64_t sys_munmap(Kernel& k, A a);
int64_t sys_mprotect(Kernel& k, A a);
int64_t sys_mremap(Kernel& k, A a);
int64_t sys_madvise(Kernel& k, A a);

// signals.cpp: signals. dispatch_signals delivers what is pending and not blocked (after every
// syscall).
int64_t sys_rt_sigaction(Kernel& k, A a);
int64_t sys_rt_sigprocmask(Kernel& k, A a);
int64_t sys_rt_sigpending(Kernel& k, A a);
int64_t sys_sigaltstack(Kernel& k, A a);
int64_t sys_kill(Kernel& k, A a);
int64_t sys_tkill(Kernel& k, A a);
int64_t sys_tgkill(Kernel& k, A a);
int64_t sys_rt_sigreturn(Kernel& k, A a);
void dispatch_signals(Kernel& k);

// time.cpp: clocks and sleeps (get_time is in syscall_support.hpp).
int64_t sys_clock_gettime(Kernel& k, A a);
int64_t sys_gettimeofday(Kernel& k, A a);
int64_t sys_clock_getres(Kernel& k, A a);
int64_t sys_nanosleep(Kernel& k, A a);
int64_t sys_clock_nanosleep(Kernel& k, A a);
int64_t sys_times(Kernel& k, A a);

// process_calls.cpp: the process itself.
int64_t sys_exit(Kernel& k, A a);
int64_t sys_uname(Kernel& k, A a);
int64_t sys_set_tid_address(Kernel& k, A a);
int64_t sys_set_robust_list(Kernel& k, A a);
int64_t sys_enosys(Kernel& k, A a);
int64_t sys_zero(Kernel& k, A a);
int64_t sys_getpid(Kernel& k, A a);
int64_t sys_getppid(Kernel& k, A a);
int64_t sys_getuid(Kernel& k, A a);
int64_t sys_getgid(Kernel& k, A a);
int64_t sys_getrandom(Kernel& k, A a);
int64_t sys_prlimit64(Kernel& k, A a);
int64_t sys_getrlimit(Kernel& k, A a);
int64_t sys_setrlimit(Kernel& k, A a);
int64_t sys_sysinfo(Kernel& k, A a);
int64_t sys_sched_getaffinity(Kernel& k, A a);
int64_t sys_futex(Kernel& k, A a);
int64_t sys_getrusage(Kernel& k, A a);
int64_t sys_umask(Kernel& k, A a);

}  // namespace cuarm::os
