// The syscalls on files, paths and file descriptors (files.cpp). Each fd call asks the policy
// (fd_policy.hpp) what the guest may do with the fd's kind; each path call resolves the path in
// the guest's namespace (Sandbox) and acts by where it lies: a mount, cuarm's own directories
// and devices, or the private /tmp.
#pragma once
#include "syscall_support.hpp"

namespace cuarm::os::files {

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

}  // namespace cuarm::os::files
