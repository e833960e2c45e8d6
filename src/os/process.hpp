// Older entry points kept for the Python module: a stack laid out on a Machine that already
// holds the image (Machine::load_elf), then a run loop servicing syscalls. Both use the same
// process image and syscall table as cuarm::Process.
#pragma once
#include <cuarm/cuarm.hpp>
#include <cuarm/process.hpp>

#include <functional>
#include <string>
#include <vector>

#include "kernel.hpp"
#include "syscalls.hpp"

namespace cuarm::os {

constexpr uint64_t kStackSize = 8ull << 20;

// Maps a stack below kStackTop and lays out argc, argv, envp and the auxv (16-byte aligned, as
// the kernel does); sets SP.
void setup_stack(Machine& m, const ElfInfo& elf, const std::vector<std::string>& argv,
                 const std::vector<std::string>& envp);

// Runs until a stop that is not a serviced syscall, or the guest exits (signal EXIT; a guest
// killed by a signal reads as exit status 128+signal). The brk heap and mmap area are mapped
// on the first call. `on_progress` is called about every 100 ms with the live status.
Status run_process(Machine& m, uint64_t max_cycles, const SyscallOptions& o,
                   const std::function<void(const Status&)>& on_progress = {});

}  // namespace cuarm::os
