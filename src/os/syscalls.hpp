// Linux syscalls serviced on the host for a guest stopped at SVC (one table for every backend).
#pragma once
#include <cuarm/cuarm.hpp>

#include <cstdio>

namespace cuarm::os {

struct SyscallOptions {
  FILE* strace = nullptr;  // when set, one line per syscall (qemu -strace style)
};

enum class SyscallOutcome { Resume, Exited };

// Services the syscall in x8 with arguments x0..x5; writes the result to x0.
// Unknown numbers return -ENOSYS (and are named in the strace output).
SyscallOutcome service_syscall(Machine& m, const SyscallOptions& o, int* exit_status);

}  // namespace cuarm::os
