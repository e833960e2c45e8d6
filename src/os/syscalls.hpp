// Linux syscalls serviced on the host for a guest stopped at SVC (one table for every backend).
#pragma once
#include <cuarm/cuarm.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <functional>

namespace cuarm::os {

struct SyscallOptions {
  FILE* strace = nullptr;  // when set, one line per syscall (qemu -strace style)
  // When set, write() to fd 1 (stdout) or 2 (stderr) hands the bytes here instead of writing
  // them to the host's fd (the Python module captures a guest's output this way).
  std::function<void(int fd, const uint8_t* data, size_t size)> output;
};

enum class SyscallOutcome { Resume, Exited };

// Services the syscall in x8 with arguments x0..x5; writes the result to x0.
// Unknown numbers return -ENOSYS (and are named in the strace output).
SyscallOutcome service_syscall(Machine& m, const SyscallOptions& o, int* exit_status);

}  // namespace cuarm::os
