// The state of one guest process as the host-side "kernel" sees it: address-space layout (brk
// heap, mmap area), open files, signal dispositions, ids, clock and random source.
#pragma once
#include <cuarm/process.hpp>

#include <array>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "fd_policy.hpp"
#include "guest.hpp"
#include "sandbox.hpp"
#include "tmpfs.hpp"

namespace cuarm::os {

// Fixed guest address layout (48-bit VA, as Linux on arm64).
constexpr uint64_t kStackTop = 0x0000fffff0000000ull;
constexpr uint64_t kMmapBase = 0x0000fffe00000000ull;   // the mmap area (RW pages managed here)
constexpr uint64_t kExecMapBase = 0x0000fff000000000ull;  // PROT_EXEC mappings: their own regions
constexpr uint64_t kPage = 4096;
constexpr uint64_t kMaxGuestFds = 1024;  // RLIMIT_NOFILE, soft and hard: a guest cannot raise it
// The signal-return trampoline page (mov x8, #139; svc #0), then a HLT that parks a batch lane
// that has ended.
constexpr uint64_t kSigTramp = kStackTop + 0x10000;
constexpr uint32_t kSigTrampCode[3] = {0xd2801168, 0xd4000001, 0xd4400000};
constexpr uint64_t kParkPc = kSigTramp + 8;

// brk heap, mmap area and separate mappings. The mmap area is ONE guest region (RW); pages
// inside it are handed out and taken back here, so many small mmaps cost no regions.
class AddressSpace {
 public:
  // map_regions = false: the brk and mmap regions are mapped already (a batch maps them once
  // for all lanes); use brk_region() / mmap_region() for their place.
  AddressSpace(Guest& m, uint64_t image_end, uint64_t brk_size, uint64_t mmap_size, uint64_t stack_lo, bool map_regions = true);
  static uint64_t brk_start(uint64_t image_end) { return (image_end + kPage - 1) & ~(kPage - 1); }

  uint64_t brk(uint64_t addr);
  int64_t mmap(uint64_t addr, uint64_t len, int prot, int flags, int host_fd, uint64_t offset);
  int64_t munmap(uint64_t addr, uint64_t len);
  int64_t mprotect(uint64_t addr, uint64_t len, int prot);
  int64_t mremap(uint64_t old_addr, uint64_t old_len, uint64_t new_len, int flags, uint64_t new_addr);
  int64_t madvise(uint64_t addr, uint64_t len, int advice);

  uint64_t brk_base() const { return brk_base_; }

 private:
  bool in_area(uint64_t a, uint64_t len) const { return a >= area_ && len <= area_size_ && a - area_ <= area_size_ - len; }
  // First free run of n pages in the area, searching down from the top (as Linux); ~0 if none.
  uint64_t find_free(uint64_t pages) const;
  void claim(uint64_t addr, uint64_t len, int prot);  // marks used and zeroes reused pages
  void release(uint64_t addr, uint64_t len);
  void zero(uint64_t addr, uint64_t len);
  int64_t set_region_perms(uint64_t addr, uint64_t len, uint32_t perms);
  // mprotect splits a region by copying it out and back: never more than this many bytes a
  // region (a guest must not make the host copy a 16 GiB .bss); larger ones are only recorded.
  static constexpr uint64_t kMaxSplitBytes = 64ull << 20;

  Guest& m_;
  uint64_t brk_base_, brk_cur_, brk_end_;
  uint64_t area_, area_size_;
  std::vector<uint8_t> page_;   // per area page: 0 free, else 0x80 | prot
  std::vector<uint8_t> dirty_;  // the page was handed out before (must be zeroed when reused)
  uint64_t stack_lo_;
  uint64_t exec_next_ = kExecMapBase;
  std::map<uint64_t, uint64_t> separate_;  // base -> size of mappings with their own region
  uint64_t separate_bytes_ = 0;            // their total, capped by the mmap area's size
};

// One open file of the guest. `kind` says where it came from; fd_policy.hpp says what the guest
// may do with each kind, and every fd syscall asks it (files.cpp).
struct OpenFile {
  FdKind kind = FdKind::MountFile;
  int host = -1;    // owned host fd (-1: none, as for served kinds and the standard streams)
  int stdio = -1;   // 0/1/2: which standard stream (HostStdio, CapturedStdio)
  bool cloexec = false;
  int flags = 0;    // guest open flags (F_GETFL of kinds without a host fd; O_APPEND, O_NONBLOCK kept)
  std::string guest_path;            // directories: for *at() calls, fchdir and listing
  Sandbox::Dev dev = Sandbox::Dev::None;  // Device: which one
  TmpFs::NodePtr tmp;                // TmpFile, or a directory of /tmp (CuarmDir)
  uint64_t dir_pos = 0;              // CuarmDir: entries already listed
  ~OpenFile();
};

struct ProcessState {
  ProcessState(Guest& m, const ProcessOptions& o);

  Guest& m;
  ProcessOptions opt;
  Sandbox sandbox;
  ElfInfo elf;
  std::unique_ptr<AddressSpace> as;
  std::map<int, std::shared_ptr<OpenFile>> fds;
  std::string cwd = "/";
  std::string exe;  // what /proc/self/exe reads as

  struct SigAction {
    uint64_t handler = 0, flags = 0, restorer = 0, mask = 0;
  };
  std::array<SigAction, 65> sigactions{};
  uint64_t sigmask = 0;
  uint64_t pending = 0;  // raised, not yet delivered (blocked, or until the syscall returns)
  std::array<int, 65> sigcode{};  // si_code of each pending signal
  uint64_t sigtramp = 0;  // the rt_sigreturn trampoline page, mapped on the first handler
  uint64_t altstack_sp = 0, altstack_size = 0;
  int altstack_flags = 2;  // SS_DISABLE
  uint64_t clear_child_tid = 0;
  uint64_t umask = 022;  // kept and reported; files are created with the host's umask

  int pid, ppid, uid, gid;
  uint64_t rng;                // splitmix64 state for deterministic random bytes
  uint64_t cycles = 0;         // instructions retired so far (deterministic clock)
  int64_t sleep_ns = 0;        // deterministic: time slept, added to the clock
  std::map<int, std::pair<uint64_t, uint64_t>> rlimits;

  bool ended = false;
  int exit_status = 0;
  int term_signal = 0;

  void fill_random(uint8_t* out, size_t n);
  int alloc_fd(std::shared_ptr<OpenFile> f, int lowest = 0);
  // The private /tmp, made on first use.
  TmpFs& tmpfs() {
    if (!tmp) tmp = std::make_unique<TmpFs>(opt.tmp_size);
    return *tmp;
  }
  std::unique_ptr<TmpFs> tmp;
  OpenFile* file(int fd) {
    auto it = fds.find(fd);
    return it == fds.end() ? nullptr : it->second.get();
  }
};

// The syscall table, sorted by number: what docs/os.md lists (syscall_table_markdown makes it).
struct SyscallInfo {
  int nr;
  const char* name;
  const char* args;  // --strace's format: d int, x hex, s string, o octal, f dirfd
};
std::vector<SyscallInfo> syscall_list();
std::string syscall_table_markdown();

// Services the syscall the guest stopped at (number in x8, arguments in x0..x5) and writes the
// result to x0. Sets k.ended when the guest exits or is killed.
void service_syscall(ProcessState& k);

// Lays out argc/argv/envp/auxv on the stack (16-byte aligned) and sets SP.
void setup_stack(ProcessState& k, uint64_t stack_top);

}  // namespace cuarm::os
