#include "syscalls.hpp"

#include <fmt/format.h>
#include <unistd.h>

#include <cerrno>
#include <vector>

namespace cuarm::os {
namespace {

// AArch64 Linux syscall numbers (asm-generic/unistd.h).
constexpr uint64_t kWrite = 64, kExit = 93, kExitGroup = 94;

int64_t sys_write(Machine& m, const SyscallOptions& o, uint64_t fd, uint64_t buf, uint64_t len) {
  if (fd != 1 && fd != 2) return -EBADF;  // no files are open in the sandbox yet
  std::vector<uint8_t> data;
  try {
    data = m.read_memory(buf, len);
  } catch (const Error&) {
    return -EFAULT;
  }
  if (o.output) {
    o.output(int(fd), data.data(), data.size());
    return int64_t(data.size());
  }
  std::fflush(fd == 1 ? stdout : stderr);
  const ssize_t n = ::write(int(fd), data.data(), data.size());
  return n < 0 ? -errno : n;
}

}  // namespace

SyscallOutcome service_syscall(Machine& m, const SyscallOptions& o, int* exit_status) {
  const uint64_t nr = m.x(8);
  const uint64_t a0 = m.x(0), a1 = m.x(1), a2 = m.x(2);
  int64_t ret;
  const char* name;
  switch (nr) {
    case kWrite:
      name = "write";
      ret = sys_write(m, o, a0, a1, a2);
      break;
    case kExit:
    case kExitGroup:
      if (o.strace) fmt::print(o.strace, "{}({})\n", nr == kExit ? "exit" : "exit_group", int(a0));
      *exit_status = int(a0 & 0xff);
      return SyscallOutcome::Exited;
    default:
      name = nullptr;
      ret = -ENOSYS;
      break;
  }
  if (o.strace) {
    if (name)
      fmt::print(o.strace, "{}(0x{:x},0x{:x},0x{:x}) = {}\n", name, a0, a1, a2, ret);
    else
      fmt::print(o.strace, "Unknown syscall {} = -ENOSYS\n", nr);
  }
  m.set_x(0, uint64_t(ret));
  return SyscallOutcome::Resume;
}

}  // namespace cuarm::os
