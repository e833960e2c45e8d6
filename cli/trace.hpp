// `cuarm run --trace`: one line per instruction with Capstone's disassembly and the registers
// the instruction wrote.
#pragma once
#include <cuarm/cuarm.hpp>

#include <cstdio>

#include <cuarm/process.hpp>

namespace cuarm::cli {

// Single-steps the machine. `process` is null in bare mode (SVC then ends the run with SYSCALL).
Status run_traced(Machine& m, uint64_t max_cycles, Process* process, FILE* out);

}  // namespace cuarm::cli
