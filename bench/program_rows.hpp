// cuarm-bench --programs: whole static Linux programs on cuarm beside qemu-aarch64, and the cost
// of one syscall round trip (issue 4's performance report).
#pragma once
#include <cuarm/cuarm.hpp>

#include <string>
#include <vector>

struct ProgramBenchOptions {
  std::string dir;                 // the built corpus level to take programs from
  std::vector<std::string> names;  // programs of `dir`, run without arguments and with empty stdin
  std::string syscall_loop;        // bench/programs/syscall_loop.c, built
  uint64_t syscalls = 0;           // round trips to time (0: skip)
  cuarm::BackendKind kind = cuarm::BackendKind::Cpu;
  int repeat = 3;                  // runs of each row; the median is printed
};

// Prints the table; throws cuarm::Error when a program's output or exit status differs between
// cuarm and qemu-aarch64 (a benchmark of a wrong run would mean nothing).
void run_program_rows(const ProgramBenchOptions& o);
