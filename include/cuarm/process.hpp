// cuarm public C++ API: run a static AArch64 Linux program as a process (ELF image, stack and
// auxv, brk heap, mmap area, Linux syscalls serviced on the host, a file sandbox).
// Works on any backend: the OS layer only uses the Machine API (docs/os.md).
#pragma once
#include <cuarm/cuarm.hpp>

#include <cstdint>
#include <cstdio>
#include <functional>
#include <memory>
#include <span>
#include <string>
#include <vector>

namespace cuarm {

// A host directory or file the guest may see at `guest` (an absolute guest path).
struct Mount {
  std::string host;
  std::string guest;
  bool read_only = false;
};
// Parses "HOST:GUEST" or "HOST:GUEST:ro" (the --mount option). Throws Error when malformed.
Mount parse_mount(const std::string& spec);

struct ProcessOptions {
  std::vector<std::string> argv;  // the full vector, argv[0] included
  std::vector<std::string> env;   // "NAME=VALUE"; empty by default (nothing of the host leaks)
  std::vector<Mount> mounts;      // the only host files the guest can see
  std::string cwd = "/";          // the guest's working directory (a guest path)
  std::string exe_path;           // what /proc/self/exe reads as (default: argv[0], made absolute from cwd); AT_EXECFN is argv[0]
  // Fixed clock (advancing with retired instructions), fixed AT_RANDOM/getrandom bytes from
  // `random_seed`, fixed ids and system figures: runs repeat exactly.
  bool deterministic = false;
  uint64_t random_seed = 0;
  FILE* strace = nullptr;  // one line per syscall (qemu -strace style)
  // When set, writes to the guest's stdout/stderr come here instead of the host's fd 1/2.
  std::function<void(int fd, const uint8_t* data, size_t size)> output;
  // When set, the guest's stdin reads come from here (returns bytes read, 0 at end, <0 -errno);
  // otherwise from the host's fd 0.
  std::function<int64_t(uint8_t* buffer, size_t size)> input;
  uint64_t pie_base = 0x555555554000ull;  // load address of static-pie (ET_DYN) images
  uint64_t stack_size = 8ull << 20;
  uint64_t brk_size = 256ull << 20;   // largest brk heap
  uint64_t mmap_size = 1ull << 30;    // the mmap area (one region managed in pages)
  uint64_t tmp_size = 64ull << 20;    // the private in-memory /tmp holds at most this many bytes
};

struct ProcessResult {
  Status status;        // the last stop (signal Exit when the guest exited or was killed)
  int exit_code = 0;    // what a shell sees: the guest's status, 128+signal when killed, or
                        // the CLI's code for other stops (FAULT 139, UNDEFINED 132, ...)
  int term_signal = 0;  // the Linux signal that ended the guest (0: it exited or stopped otherwise)
};

// Exit code a shell would see for a stop (the guest's own status for Exit).
int exit_code_for(const Status& st);

namespace os {
struct ProcessState;
class MachineGuest;
}

// One guest process on a Machine with an empty address space (memory_size = 0).
class Process {
 public:
  // Loads the image, maps stack/brk/mmap areas and lays out argc/argv/envp/auxv.
  // Throws Error for a malformed ELF or bad options (mount paths that do not exist, ...).
  Process(Machine& m, std::span<const uint8_t> image, const ProcessOptions& options);
  ~Process();
  Process(const Process&) = delete;
  Process& operator=(const Process&) = delete;

  // Runs until the guest exits or is killed, or stops for another reason (fault, limit, ...).
  // `on_progress` (may be empty) is called on this thread about every 100 ms with the live
  // status, across syscalls too. It may throw (to interrupt): the machine is stopped first, the
  // exception reaches the caller, and the process is left at a clean stop.
  ProcessResult run(uint64_t max_cycles = UINT64_MAX, const std::function<void(const Status&)>& on_progress = {});

  const ElfInfo& elf() const;

  // Low level, for callers that run the Machine themselves (single-stepping): services the
  // syscall the Machine stopped at (SYSCALL stop) and returns true when the guest has ended
  // (then exit_status() / term_signal() tell how). cycles_so_far drives the deterministic clock.
  bool service_syscall(uint64_t cycles_so_far);
  int exit_status() const;  // 128+signal when killed
  int term_signal() const;

 private:
  Machine& m_;
  std::unique_ptr<os::MachineGuest> guest_;
  std::unique_ptr<os::ProcessState> k_;
};

}  // namespace cuarm
