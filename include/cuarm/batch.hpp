// cuarm::Batch: many guests (lanes) running one program image, each with its own registers and
// its own writable memory (copy-on-write pages), on the GPU (one thread per lane) or on CPU threads.
#pragma once
#include <cuarm/cuarm.hpp>

namespace cuarm {

struct BatchOptions {
  uint64_t lanes = 1;
  BackendKind backend = BackendKind::Auto;
  bool deterministic = false;  // CNTVCT_EL0 counts retired instructions
  // CUDA devices to spread the lanes over, in equal shares (empty: every visible device). A
  // device may be named more than once. Ignored by the CPU backend.
  std::vector<int> devices;
  // Memory for the pages that lanes write (copy-on-write), all lanes together; 0: as much as
  // the backend has (the GPU's free memory; this machine's RAM, reserved but untouched until
  // written), never more than every writable page of every lane.
  uint64_t page_pool_bytes = 0;
};

// Aggregate progress and result of a batch run.
struct BatchStatus {
  bool is_running = false;
  uint64_t lanes = 0;
  uint64_t lanes_stopped = 0;    // lanes that reached a stop (any reason)
  uint64_t cycles_executed = 0;  // instructions retired by all lanes since start()
  double elapsed_seconds = 0;
  double ips = 0;
  uint64_t by_reason[9] = {};  // lanes per StopReason (index = value)
  // Writable memory is copy-on-write per 4 KiB page (a lane starts on the image's pages and gets
  // its own copy of a page when it first writes it). After a run: the pages all lanes own, and
  // whether a lane's write found the backend's page pool full (that lane stopped with FAULT at
  // the address it wrote: run fewer lanes).
  uint64_t pages_written = 0;
  bool out_of_pages = false;
};

class BatchImpl;

class Batch {
 public:
  explicit Batch(const BatchOptions& options);
  ~Batch();
  Batch(const Batch&) = delete;
  Batch& operator=(const Batch&) = delete;

  std::string backend_name() const;
  std::vector<int> devices() const;  // the CUDA devices in use, one entry per share (empty on the CPU)
  uint64_t lanes() const;

  // The image, the same for every lane. Regions are shared (read-only or code) or private
  // (writable: each lane sees its own copy, made page by page as it writes). A region may not
  // be both writable and executable (lanes share code and its decoded form). At most 8 regions.
  void map(uint64_t base, uint64_t size, uint32_t perms);
  ElfInfo load_elf(std::span<const uint8_t> image, uint64_t pie_base = 0x555555554000ull);
  void load_program(std::span<const uint8_t> bytes, uint64_t address);  // same bytes in every lane

  // Per-lane inputs and outputs (lane memory: private regions read/write, shared read).
  void write_memory(uint64_t lane, uint64_t address, std::span<const uint8_t> bytes);
  std::vector<uint8_t> read_memory(uint64_t lane, uint64_t address, size_t size) const;
  // Lane i gets bytes[i*stride, i*stride+stride) at address (one call for all lanes).
  void write_memory_lanes(uint64_t address, std::span<const uint8_t> bytes, size_t stride);
  std::vector<uint8_t> read_memory_lanes(uint64_t address, size_t stride) const;

  void set_pc(uint64_t pc);                                 // every lane
  void set_sp(uint64_t sp);                                 // every lane
  void set_x(int n, uint64_t value);                        // every lane
  void set_x(int n, std::span<const uint64_t> per_lane);    // one value per lane
  void set_registers(uint64_t lane, const Registers& r);
  Registers registers(uint64_t lane) const;
  std::vector<uint64_t> x(int n) const;  // Xn of every lane

  // Bulk per-lane views and inputs (index = lane, one pass over the lanes).
  void set_pc(std::span<const uint64_t> per_lane);  // one pc per lane
  void set_sp(std::span<const uint64_t> per_lane);  // one sp per lane
  std::vector<uint64_t> pc() const;                 // pc of every lane
  std::vector<uint64_t> sp() const;                 // sp of every lane
  std::vector<uint64_t> x_all() const;              // X0..X30 of every lane: lane i's Xn at [31*i + n]

  // Running: like Machine, for all lanes at once. max_cycles applies to each lane.
  BatchStatus run(uint64_t max_cycles);
  void start(uint64_t max_cycles);
  BatchStatus poll() const;
  BatchStatus wait();
  bool wait_for(double seconds);
  bool is_running() const;
  void cancel();

  Status lane_status(uint64_t lane) const;  // stop reason, cycles, pc, fault, ... of one lane
  // The same fields for every lane at once (index = lane), after a run.
  std::vector<StopReason> lane_signals() const;
  std::vector<uint64_t> lane_cycles() const;  // instructions each lane retired in the last run
  std::vector<uint64_t> lane_fault_addresses() const;

  // Bytes of memory one lane costs on its backend: its state (under 1 KiB), its page tables (4
  // bytes per 4 KiB page of the private regions) and, on average, the pages lanes have written.
  uint64_t memory_per_lane() const;

 private:
  std::unique_ptr<BatchImpl> impl_;
};

}  // namespace cuarm
