// A guest process: stack with argc/argv/envp/auxv, and a run loop that services syscalls.
#pragma once
#include <cuarm/cuarm.hpp>

#include <functional>
#include <string>
#include <vector>

#include "syscalls.hpp"

namespace cuarm::os {

constexpr uint64_t kStackTop = 0x0000fffff0000000ull;
constexpr uint64_t kStackSize = 8ull << 20;

// Maps a stack below kStackTop and lays out argc, argv, envp and a minimal auxv (16-byte
// aligned, as the kernel does); sets SP.
void setup_stack(Machine& m, const ElfInfo& elf, const std::vector<std::string>& argv,
                 const std::vector<std::string>& envp);

// Runs until a stop that is not a serviced syscall, or the guest exits (signal EXIT).
// `on_progress` is called about every 100 ms with the live status (may be empty).
Status run_process(Machine& m, uint64_t max_cycles, const SyscallOptions& o,
                   const std::function<void(const Status&)>& on_progress = {});

}  // namespace cuarm::os
