// `cuarm run --trace`: one line per instruction with Capstone's disassembly and the registers
// the instruction wrote.
#pragma once
#include <cuarm/cuarm.hpp>

#include <cstdio>

#include "os/syscalls.hpp"

namespace cuarm::cli {

// Single-steps the machine. `os` is null in bare mode (SVC then ends the run with SYSCALL).
Status run_traced(Machine& m, uint64_t max_cycles, const os::SyscallOptions* os, FILE* out);

}  // namespace cuarm::cli
