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

int64_t sys_read(ProcessState& k, A a);
int64_t sys_write(ProcessState& k, A a);
int64_t sys_readv(ProcessState& k, A a);
int64_t sys_writev(ProcessState& k, A a);
int64_t sys_pread64(ProcessState& k, A a);
int64_t sys_pwrite64(ProcessState& k, A a);
int64_t sys_lseek(ProcessState& k, A a);
int64_t sys_ftruncate(ProcessState& k, A a);
int64_t sys_fchmod(ProcessState& k, A a);
int64_t sys_fstat(ProcessState& k, A a);
int64_t sys_getdents64(ProcessState& k, A a);
int64_t sys_ioctl(ProcessState& k, A a);
int64_t sys_fsync(ProcessState& k, A a);
int64_t sys_fcntl(ProcessState& k, A a);
int64_t sys_mmap(ProcessState& k, A a);
int64_t sys_openat(ProcessState& k, A a);
int64_t sys_close(ProcessState& k, A a);
int64_t sys_dup(ProcessState& k, A a);
int64_t sys_dup3(ProcessState& k, A a);
int64_t sys_pipe2(ProcessState& k, A a);
int64_t sys_newfstatat(ProcessState& k, A a);
int64_t sys_statx(ProcessState& k, A a);
int64_t sys_faccessat(ProcessState& k, A a);
int64_t sys_faccessat2(ProcessState& k, A a);
int64_t sys_readlinkat(ProcessState& k, A a);
int64_t sys_getcwd(ProcessState& k, A a);
int64_t sys_chdir(ProcessState& k, A a);
int64_t sys_fchdir(ProcessState& k, A a);
int64_t sys_mkdirat(ProcessState& k, A a);
int64_t sys_unlinkat(ProcessState& k, A a);
int64_t sys_renameat(ProcessState& k, A a);
int64_t sys_renameat2(ProcessState& k, A a);
int64_t sys_truncate(ProcessState& k, A a);
int64_t sys_fchmodat(ProcessState& k, A a);


// address_space.cpp: memory.
int64_t sys_brk(ProcessState& k, A a);
int64_t sys_munmap(ProcessState& k, A a);
int64_t sys_mprotect(ProcessState& k, A a);
int64_t sys_mremap(ProcessState& k, A a);
int64_t sys_madvise(ProcessState& k, A a);

// signals.cpp: signals. dispatch_signals delivers what is pending and not blocked (after every
// syscall).
int64_t sys_rt_sigaction(ProcessState& k, A a);
int64_t sys_rt_sigprocmask(ProcessState& k, A a);
int64_t sys_rt_sigpending(ProcessState& k, A a);
int64_t sys_sigaltstack(ProcessState& k, A a);
int64_t sys_kill(ProcessState& k, A a);
int64_t sys_tkill(ProcessState& k, A a);
int64_t sys_tgkill(ProcessState& k, A a);
int64_t sys_rt_sigreturn(ProcessState& k, A a);
void dispatch_signals(ProcessState& k);

// time.cpp: clocks and sleeps (get_time is in syscall_support.hpp).
int64_t sys_clock_gettime(ProcessState& k, A a);
int64_t sys_gettimeofday(ProcessState& k, A a);
int64_t sys_clock_getres(ProcessState& k, A a);
int64_t sys_nanosleep(ProcessState& k, A a);
int64_t sys_clock_nanosleep(ProcessState& k, A a);
int64_t sys_times(ProcessState& k, A a);

// process_calls.cpp: the process itself.
int64_t sys_exit(ProcessState& k, A a);
int64_t sys_uname(ProcessState& k, A a);
int64_t sys_set_tid_address(ProcessState& k, A a);
int64_t sys_set_robust_list(ProcessState& k, A a);
int64_t sys_enosys(ProcessState& k, A a);
int64_t sys_zero(ProcessState& k, A a);
int64_t sys_getpid(ProcessState& k, A a);
int64_t sys_getppid(ProcessState& k, A a);
int64_t sys_getuid(ProcessState& k, A a);
int64_t sys_getgid(ProcessState& k, A a);
int64_t sys_getrandom(ProcessState& k, A a);
int64_t sys_prlimit64(ProcessState& k, A a);
int64_t sys_getrlimit(ProcessState& k, A a);
int64_t sys_setrlimit(ProcessState& k, A a);
int64_t sys_sysinfo(ProcessState& k, A a);
int64_t sys_sched_getaffinity(ProcessState& k, A a);
int64_t sys_futex(ProcessState& k, A a);
int64_t sys_getrusage(ProcessState& k, A a);
int64_t sys_umask(ProcessState& k, A a);

}  // namespace cuarm::os
