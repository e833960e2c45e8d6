// The one place that decides what a guest may do with a file descriptor. Every fd of a guest
// knows where it came from (its kind); every syscall that acts on an fd asks fd_rule(kind, op)
// first and either acts on the backing object, serves the call inside cuarm, or returns the
// errno of the table. docs/os.md ("File descriptor policy") is this table; a test keeps the two
// equal (tests/test_os_policy.cpp).
#pragma once
#include <cerrno>
#include <cstdint>

namespace cuarm::os {

enum class FdKind : uint8_t {
  HostStdio,      // fd 0/1/2 passed through: what cuarm's own stdin/stdout/stderr is (the user gave it)
  CapturedStdio,  // fd 0/1/2 served by the ProcessOptions input/output callbacks (batches, run_elf(stdin=))
  MountFile,      // a file or directory of a read-write mount (a host fd)
  MountFileRo,    // a file or directory of a :ro mount (a host fd opened read-only)
  Pipe,           // a pipe made by pipe2 (a host pipe that only the guest holds)
  Device,         // /dev/null, /dev/zero, /dev/urandom: served by cuarm, no host fd
  TmpFile,        // a file of the guest's private in-memory /tmp (an anonymous memfd)
  CuarmDir,       // a directory cuarm shows: /, /dev, directories above mount points, /tmp's directories
  Count
};

enum class FdOp : uint8_t {
  Read,       // read, readv
  Write,      // write, writev
  Seek,       // lseek
  PRead,      // pread64
  PWrite,     // pwrite64
  Truncate,   // ftruncate
  Chmod,      // fchmod
  Stat,       // fstat, newfstatat/statx/faccessat with AT_EMPTY_PATH
  Mmap,       // mmap of the fd
  ListDir,    // getdents64
  Ioctl,      // ioctl (TCGETS, TIOCGWINSZ)
  Sync,       // fsync, fdatasync
  SetFlags,   // fcntl(F_SETFL): O_APPEND, O_NONBLOCK
  Count
};

// What happens: kHost (the call acts on the object behind the fd: a host fd, or for a tmp file its
// memfd, whose growth counts against the /tmp size cap), kServed (cuarm answers it itself without
// touching a host object), or a positive errno the guest gets.
constexpr int kHost = 0, kServed = -1;

namespace detail {
constexpr int H = kHost, S = kServed;
// Rows: FdOp. Columns: FdKind in declaration order
// (HostStdio, CapturedStdio, MountFile, MountFileRo, Pipe, Device, TmpFile, CuarmDir).
constexpr int kRules[int(FdOp::Count)][int(FdKind::Count)] = {
    /* Read     */ {H, S, H, H, H, S, H, EISDIR},
    /* Write    */ {H, S, H, EBADF, H, S, H, EBADF},
    /* Seek     */ {H, ESPIPE, H, H, ESPIPE, S, H, S},
    /* PRead    */ {H, ESPIPE, H, H, ESPIPE, S, H, EISDIR},
    /* PWrite   */ {H, ESPIPE, H, EBADF, ESPIPE, S, H, EBADF},
    /* Truncate */ {H, EINVAL, H, EINVAL, EINVAL, EINVAL, H, EINVAL},
    /* Chmod    */ {EPERM, EPERM, H, EROFS, EPERM, EPERM, S, EROFS},
    /* Stat     */ {H, S, H, H, H, S, S, S},
    /* Mmap     */ {H, ENODEV, H, H, ENODEV, S, H, ENODEV},
    /* ListDir  */ {ENOTDIR, ENOTDIR, H, H, ENOTDIR, ENOTDIR, ENOTDIR, S},
    /* Ioctl    */ {H, ENOTTY, ENOTTY, ENOTTY, ENOTTY, ENOTTY, ENOTTY, ENOTTY},
    /* Sync     */ {S, EINVAL, H, H, EINVAL, EINVAL, S, S},
    /* SetFlags */ {S, S, H, H, H, S, H, S},
};
}  // namespace detail

constexpr int fd_rule(FdKind kind, FdOp op) { return detail::kRules[int(op)][int(kind)]; }

constexpr const char* fd_kind_name(FdKind k) {
  constexpr const char* n[] = {"host stdio", "captured stdio", "mount file", "mount file :ro", "pipe", "device", "tmp file", "cuarm dir"};
  return n[int(k)];
}
constexpr const char* fd_op_name(FdOp o) {
  constexpr const char* n[] = {"read", "write", "lseek", "pread64", "pwrite64", "ftruncate", "fchmod", "fstat", "mmap", "getdents64", "ioctl", "fsync", "fcntl F_SETFL"};
  return n[int(o)];
}

}  // namespace cuarm::os
