// cuarm public C++ API: one AArch64 guest (Machine), its status and errors.
// Exceptions are thrown only here, at the API boundary; the core stops, it never throws.
#pragma once
#include <cstdint>
#include <memory>
#include <span>
#include <stdexcept>
#include <string>
#include <vector>

namespace cuarm {

// Why a run stopped. Values match the core's stop codes.
enum class StopReason : uint8_t {
  None = 0,    // not stopped (still running, or never started)
  Halt,        // HLT #imm; pc = the HLT
  Syscall,     // SVC in bare mode; pc = after the SVC; number in x8
  MaxCycles,   // exactly max_cycles retired; pc = next instruction
  Breakpoint,  // BRK #imm; pc = the BRK
  Fault,       // bad fetch/read/write; pc = the instruction; fault_address/fault_access
  Undefined,   // unallocated or unimplemented encoding; pc = it; insn = the word
  Exit,        // the guest called exit/exit_group (OS layer); exit_status
  Cancelled,   // cancel() was called
};
const char* stop_reason_name(StopReason r);

enum class AccessKind : uint8_t { Read = 0, Write = 1, Fetch = 2 };
const char* access_kind_name(AccessKind a);

enum class BackendKind { Auto, Cpu, Cuda };
BackendKind parse_backend(const std::string& name);  // a name of backend_names(); Error otherwise
std::vector<std::string> backend_names();            // "auto", then every backend known: "cpu", "cuda"
bool cuda_backend_built();  // whether this build of cuarm has the CUDA backend

enum Perm : uint32_t { PermR = 1, PermW = 2, PermX = 4, PermRW = 3, PermRX = 5, PermRWX = 7 };

// Progress while running, and the result once stopped.
struct Status {
  bool is_running = false;
  uint64_t cycles_executed = 0;  // instructions retired since start()
  StopReason signal = StopReason::None;
  double elapsed_seconds = 0;
  double ips = 0;  // cycles_executed / elapsed_seconds
  uint64_t pc = 0;
  uint64_t fault_address = 0;
  AccessKind fault_access = AccessKind::Read;
  uint32_t insn = 0;      // Undefined / Halt / Breakpoint / Syscall: the instruction word
  uint64_t syscall = 0;   // Syscall: x8 at the SVC
  int exit_status = 0;    // Exit: the guest's status
  const char* signal_name() const { return stop_reason_name(signal); }
};

// The user-visible registers (EL0).
struct Registers {
  uint64_t x[31] = {};
  uint64_t sp = 0, pc = 0;
  uint32_t nzcv = 0, fpcr = 0, fpsr = 0;
  uint64_t tpidr_el0 = 0;
  uint64_t v[32][2] = {};
};

struct RegionInfo {
  uint64_t base, size;
  uint32_t perms;
};

struct ElfInfo {
  uint64_t entry = 0;
  uint64_t load_bias = 0;  // added to the file's addresses (ET_DYN); 0 for ET_EXEC
  uint64_t image_start = 0, image_end = 0;  // lowest and highest address mapped (page aligned)
  uint64_t phdr = 0;       // guest address of the program headers (for AT_PHDR)
  uint16_t phent = 0, phnum = 0;
};

class Error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Caps on what an input may ask for, checked before any memory is reserved (docs/security.md).
constexpr uint64_t kMaxProgramBytes = 1ull << 30;  // a program file
constexpr uint64_t kMaxImageBytes = 1ull << 34;    // the PT_LOAD segments of an ELF, together (memory reserved lazily)
constexpr uint64_t kMaxCodeBytes = 1ull << 28;     // one executable segment (it is decoded ahead in a batch)

// Reads a program or input file: a regular file of at most max_bytes. Throws Error with a
// one-line message naming the path otherwise (missing, a directory, a device, too large, unreadable).
std::vector<uint8_t> read_input(const std::string& path, uint64_t max_bytes = kMaxProgramBytes);

struct MachineOptions {
  // Flat mode (the seed's default): memory_size bytes of RWX memory at address 0.
  // 0 gives an empty address space to fill with map() or load_elf().
  uint64_t memory_size = 4 * 1024 * 1024;
  BackendKind backend = BackendKind::Auto;
  // CNTVCT_EL0 counts retired instructions instead of host time, so runs repeat exactly.
  bool deterministic = false;
};

class Engine;  // backend implementation (internal)

class Machine {
 public:
  explicit Machine(const MachineOptions& options = {});
  ~Machine();
  Machine(const Machine&) = delete;
  Machine& operator=(const Machine&) = delete;

  std::string backend_name() const;  // "cpu", or "cuda (DEVICE NAME)"
  BackendKind backend_kind() const;  // the backend chosen (Cpu or Cuda, never Auto)

  // Address space. base and size must be multiples of 4 KiB; regions may not overlap.
  void map(uint64_t base, uint64_t size, uint32_t perms);
  void unmap(uint64_t base, uint64_t size);  // removes exactly one mapped region
  std::vector<RegionInfo> regions() const;

  // Copies bytes into already-mapped memory (permissions are not checked: this is the loader's
  // and debugger's view). Throws if any byte is unmapped.
  void load_program(std::span<const uint8_t> bytes, uint64_t address);
  void write_memory(uint64_t address, std::span<const uint8_t> bytes);
  void read_memory(uint64_t address, std::span<uint8_t> out) const;
  std::vector<uint8_t> read_memory(uint64_t address, size_t size) const;

  // Maps the PT_LOAD segments of a static AArch64 ELF with their permissions and sets pc to
  // the entry point. ET_DYN (static-pie) images are placed at `pie_base`.
  ElfInfo load_elf(std::span<const uint8_t> image, uint64_t pie_base = 0x555555554000ull);

  // Registers. Reading or writing while running throws.
  uint64_t x(int n) const;
  void set_x(int n, uint64_t value);
  uint64_t sp() const;
  void set_sp(uint64_t value);
  uint64_t pc() const;
  void set_pc(uint64_t value);
  uint32_t nzcv() const;
  void set_nzcv(uint32_t value);
  Registers registers() const;
  void set_registers(const Registers& r);

  // Blocking run: at most max_cycles instructions (UINT64_MAX: no limit).
  Status run(uint64_t max_cycles);

  // Asynchronous run: start returns at once; poll() gives live progress.
  void start(uint64_t max_cycles);
  Status poll() const;
  Status wait();
  // Waits at most `seconds`; true when the guest has stopped.
  bool wait_for(double seconds);
  bool is_running() const;
  void cancel();

  // The OS layer marks an EXIT stop (the guest called exit/exit_group).
  void set_exit(int status);
  Status last_status() const;

 private:
  std::unique_ptr<Engine> engine_;
};

}  // namespace cuarm
