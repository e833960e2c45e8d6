#include <cuarm/process.hpp>

#include <elf.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/random.h>
#include <sys/resource.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstring>

#include "backend/registry.hpp"
#include "elf_loader.hpp"
#include "process_state.hpp"

namespace cuarm::os {
namespace {

// AT_HWCAP of the Cortex-A53 profile (Linux arch/arm64/include/uapi/asm/hwcap.h):
// FP (bit 0) | ASIMD (1) | AES (3) | PMULL (4) | SHA1 (5) | SHA2 (6) | CRC32 (7) | CPUID (11).
// EVTSTRM (2) is off: there is no event stream to wake WFE. CPUID: EL0 may read ID registers.
constexpr uint64_t kHwcap = 0x8fb;
constexpr uint64_t kInfinity = ~0ull;  // RLIM_INFINITY

uint64_t splitmix64(uint64_t& s) {
  uint64_t z = (s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

// on_progress is called on this thread about every kProgressSeconds of the run, across syscalls
// too (a program that makes a syscall every millisecond is reported, and can be interrupted,
// like one that computes). If it throws, the machine is stopped first and the exception goes
// to the caller (the process is at a clean stop and may be run again).
constexpr double kProgressSeconds = 0.1;
// The CPU backend runs the guest on this thread: in chunks of this many instructions when a
// progress callback has to be called in between (a few ms to a few tens of ms each).
constexpr uint64_t kProgressChunk = uint64_t(1) << 22;

ProcessResult run_loop(Machine& m, ProcessState& k, uint64_t max_cycles, const std::function<void(const Status&)>& on_progress) {
  using Clock = std::chrono::steady_clock;
  uint64_t total = 0;
  double elapsed = 0;
  auto last = Clock::now();
  const bool on_this_thread = backend_entry(m.backend_kind()).runs_on_caller_thread;
  // Calls on_progress when it is due, with the run's figures so far.
  auto progress = [&](uint64_t cycles, double seconds) {
    if (!on_progress || std::chrono::duration<double>(Clock::now() - last).count() < kProgressSeconds) return;
    Status live;
    live.is_running = true;
    live.cycles_executed = cycles;
    live.elapsed_seconds = seconds;
    live.ips = seconds > 0 ? double(cycles) / seconds : 0;
    on_progress(live);
    last = Clock::now();
  };
  while (true) {
    Status st;
    const uint64_t remaining = max_cycles - total;
    if (!on_progress) {
      st = m.run(remaining);  // the CPU backend runs it on this thread: cheap syscalls
    } else if (on_this_thread) {
      // Chunks on this thread, the callback between them. MAX_CYCLES stops are exact and
      // resumable, so the guest cannot tell; only the last chunk's stop is the run's.
      uint64_t done = 0;
      double seconds = 0;
      while (true) {
        Status s = m.run(std::min(kProgressChunk, remaining - done));
        done += s.cycles_executed;
        seconds += s.elapsed_seconds;
        if (s.signal != StopReason::MaxCycles || done == remaining) {
          st = s;
          st.cycles_executed = done;
          st.elapsed_seconds = seconds;
          break;
        }
        progress(total + done, elapsed + seconds);
      }
    } else {
      m.start(remaining);
      try {
        while (!m.wait_for(0.02)) {
          const Status live = m.poll();
          if (live.is_running) progress(total + live.cycles_executed, elapsed + live.elapsed_seconds);
        }
      } catch (...) {
        m.cancel();
        m.wait();
        throw;
      }
      st = m.wait();
    }
    total += st.cycles_executed;
    elapsed += st.elapsed_seconds;
    st.cycles_executed = total;
    st.elapsed_seconds = elapsed;
    st.ips = elapsed > 0 ? total / elapsed : 0;
    ProcessResult res;
    if (st.signal == StopReason::Syscall) {
      k.cycles = total;
      service_syscall(k);
      if (!k.ended) {
        progress(total, elapsed);
        continue;
      }
      m.set_exit(k.exit_status);
      st.signal = StopReason::Exit;
      st.exit_status = k.exit_status;
      res.term_signal = k.term_signal;
    }
    res.status = st;
    res.exit_code = exit_code_for(st);
    return res;
  }
}

}  // namespace

OpenFile::~OpenFile() {
  if (host >= 0) ::close(host);
}

ProcessState::ProcessState(Guest& machine, const ProcessOptions& o) : m(machine), opt(o), sandbox(o.mounts) {
  cwd = Sandbox::normalize(o.cwd.empty() ? "/" : o.cwd);
  exe = !o.exe_path.empty() ? o.exe_path : (o.argv.empty() ? std::string() : o.argv[0]);
  // Linux's /proc/self/exe is always absolute (glibc's static start-up asserts it when it
  // looks for $ORIGIN): a relative argv[0] counts from the guest's working directory.
  if (!exe.empty() && exe[0] != '/') exe = Sandbox::normalize(cwd + "/" + exe);
  if (o.deterministic) {
    pid = 1000, ppid = 999, uid = 1000, gid = 1000;
    rng = o.random_seed;
  } else {
    pid = int(::getpid()), ppid = int(::getppid()), uid = int(::getuid()), gid = int(::getgid());
    if (::getrandom(&rng, sizeof rng, 0) != sizeof rng) rng = uint64_t(::time(nullptr));
  }
  for (int i = 0; i < 3; ++i) {
    auto f = std::make_shared<OpenFile>();
    f->stdio = i;
    f->kind = (i == 0 ? bool(o.input) : bool(o.output)) ? FdKind::CapturedStdio : FdKind::HostStdio;
    f->flags = i == 0 ? O_RDONLY : O_WRONLY;
    fds[i] = f;
  }
  for (int r = 0; r < 16; ++r) rlimits[r] = {kInfinity, kInfinity};
  rlimits[RLIMIT_STACK] = {o.stack_size, kInfinity};
  rlimits[RLIMIT_CORE] = {0, kInfinity};
  // Every guest fd may hold a host fd: the hard limit caps what one guest takes of the host's.
  rlimits[RLIMIT_NOFILE] = {kMaxGuestFds, kMaxGuestFds};
  rlimits[RLIMIT_MEMLOCK] = {8u << 20, 8u << 20};
  rlimits[RLIMIT_NICE] = {0, 0};
  rlimits[RLIMIT_RTPRIO] = {0, 0};
}

void ProcessState::fill_random(uint8_t* out, size_t n) {
  if (!opt.deterministic) {
    size_t got = 0;
    while (got < n) {
      const ssize_t r = ::getrandom(out + got, n - got, 0);
      if (r <= 0) break;
      got += size_t(r);
    }
    if (got == n) return;
  }
  for (size_t i = 0; i < n; i += 8) {
    const uint64_t v = splitmix64(rng);
    std::memcpy(out + i, &v, std::min<size_t>(8, n - i));
  }
}

int ProcessState::alloc_fd(std::shared_ptr<OpenFile> f, int lowest) {
  int fd = std::max(lowest, 0);
  while (fds.count(fd)) ++fd;
  if (uint64_t(fd) >= rlimits[RLIMIT_NOFILE].first) return -EMFILE;
  fds[fd] = std::move(f);
  return fd;
}

void setup_stack(ProcessState& k, uint64_t top) {
  Guest& m = k.m;
  uint64_t sp = top;
  auto push_bytes = [&](const void* p, size_t n) {
    sp -= n;
    m.write_memory(sp, std::span(static_cast<const uint8_t*>(p), n));
    return sp;
  };
  auto push_string = [&](const std::string& s) { return push_bytes(s.c_str(), s.size() + 1); };
  // As Linux: the file name at the top, then the environment and argument strings, the
  // platform string and the 16 random bytes.
  const uint64_t execfn = push_string(k.opt.argv.empty() ? k.exe : k.opt.argv[0]);
  std::vector<uint64_t> env_ptrs(k.opt.env.size()), arg_ptrs(k.opt.argv.size());
  for (size_t i = k.opt.env.size(); i-- > 0;) env_ptrs[i] = push_string(k.opt.env[i]);
  for (size_t i = k.opt.argv.size(); i-- > 0;) arg_ptrs[i] = push_string(k.opt.argv[i]);
  const uint64_t platform = push_string("aarch64");
  uint8_t random[16];
  k.fill_random(random, sizeof random);
  sp &= ~uint64_t(15);
  const uint64_t at_random = push_bytes(random, sizeof random);
  const std::vector<std::pair<uint64_t, uint64_t>> auxv = {
      {AT_HWCAP, kHwcap},       {AT_PAGESZ, kPage},           {AT_CLKTCK, 100},
      {AT_PHDR, k.elf.phdr},    {AT_PHENT, k.elf.phent},      {AT_PHNUM, k.elf.phnum},
      {AT_BASE, 0},             {AT_FLAGS, 0},                {AT_ENTRY, k.elf.entry},
      {AT_UID, uint64_t(k.uid)}, {AT_EUID, uint64_t(k.uid)},  {AT_GID, uint64_t(k.gid)},
      {AT_EGID, uint64_t(k.gid)}, {AT_SECURE, 0},             {AT_RANDOM, at_random},
      {AT_HWCAP2, 0},           {AT_EXECFN, execfn},          {AT_PLATFORM, platform},
      {AT_NULL, 0}};
  std::vector<uint64_t> words;
  words.push_back(arg_ptrs.size());
  words.insert(words.end(), arg_ptrs.begin(), arg_ptrs.end());
  words.push_back(0);
  words.insert(words.end(), env_ptrs.begin(), env_ptrs.end());
  words.push_back(0);
  for (auto [key, v] : auxv) words.push_back(key), words.push_back(v);
  sp = (sp - words.size() * 8) & ~uint64_t(15);
  m.write_memory(sp, std::span(reinterpret_cast<const uint8_t*>(words.data()), words.size() * 8));
  m.set_sp(sp);
}

}  // namespace cuarm::os

namespace cuarm {

int exit_code_for(const Status& st) {
  switch (st.signal) {
    case StopReason::Exit: return st.exit_status;
    case StopReason::Halt: return 0;
    case StopReason::MaxCycles: return 124;
    case StopReason::Syscall: return 125;
    case StopReason::Undefined: return 132;   // 128 + SIGILL
    case StopReason::Breakpoint: return 133;  // 128 + SIGTRAP
    case StopReason::Fault: return 139;       // 128 + SIGSEGV
    case StopReason::Cancelled: return 130;
    case StopReason::None: break;
  }
  return 1;
}

Process::Process(Machine& m, std::span<const uint8_t> image, const ProcessOptions& o) : m_(m) {
  if (!m.regions().empty()) throw Error("Process: the Machine must start with an empty address space (MachineOptions::memory_size = 0)");
  if (o.argv.empty()) throw Error("Process: argv is empty (argv[0] is the program name)");
  if (o.stack_size < (64u << 10) || o.stack_size % os::kPage) throw Error("Process: stack_size must be a multiple of 4 KiB, at least 64 KiB");
  guest_ = std::make_unique<os::MachineGuest>(m);
  k_ = std::make_unique<os::ProcessState>(*guest_, o);
  k_->elf = os::load_elf(m, image, o.pie_base);
  m.set_pc(k_->elf.entry);
  const uint64_t stack_lo = os::kStackTop - o.stack_size;
  if (stack_lo < os::kMmapBase + os::kPage) throw Error("Process: stack_size too large");
  m.map(stack_lo, o.stack_size, PermRW);
  k_->as = std::make_unique<os::AddressSpace>(*guest_, k_->elf.image_end, o.brk_size, o.mmap_size, stack_lo);
  os::setup_stack(*k_, os::kStackTop);
}

Process::~Process() = default;

ProcessResult Process::run(uint64_t max_cycles, const std::function<void(const Status&)>& on_progress) {
  if (k_->ended) throw Error("Process::run: the guest has already ended");
  return os::run_loop(m_, *k_, max_cycles, on_progress);
}

bool Process::service_syscall(uint64_t cycles_so_far) {
  k_->cycles = cycles_so_far;
  os::service_syscall(*k_);
  return k_->ended;
}

int Process::exit_status() const { return k_->exit_status; }
int Process::term_signal() const { return k_->term_signal; }

const ElfInfo& Process::elf() const { return k_->elf; }

}  // namespace cuarm
