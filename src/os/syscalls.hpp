// Options of the syscall layer for the older entry points (os::run_process); new code uses
// cuarm::Process (include/cuarm/process.hpp), which services the same table.
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
  // them to the host's fd (the Python module captures a guest's output this way); stdin then
  // reads as empty.
  std::function<void(int fd, const uint8_t* data, size_t size)> output;
};

}  // namespace cuarm::os
