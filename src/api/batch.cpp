// cuarm::Batch: the image, per-lane inputs and the driver loop over a BatchStore.
#include <cuarm/batch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <condition_variable>
#include <mutex>
#include <thread>

#include "backend/batch_store.hpp"
#include "backend/engine.hpp"
#include "backend/registry.hpp"
#include "core/lane.hpp"
#include "os/elf_loader.hpp"

namespace cuarm {

using Clock = std::chrono::steady_clock;

// Spins for up to `limit` until pred() holds: a run of a process batch's round takes a few
// microseconds, less than a thread's sleep and wake-up through the kernel.
template <class Pred>
bool spin_until(Pred pred, std::chrono::microseconds limit) {
  const auto end = Clock::now() + limit;
  while (!pred()) {
    if (Clock::now() > end) return false;
    std::this_thread::yield();
  }
  return true;
}

class BatchImpl {
 public:
  explicit BatchImpl(const BatchOptions& o) : opt_(o) {
    if (o.lanes == 0) throw Error("batch: lanes must be at least 1");
    store_ = make_backend<BatchStore>(o.backend, auto_order_batch(o.lanes),
                                      [&](const BackendEntry& e) { return e.make_batch_store(o.devices, &devices_); });
    core::CpuState s{};
    if (o.deterministic) s.flags |= core::kStateDeterministicCounter;
    try {
      states_.assign(o.lanes, s);
      cycles_.assign(o.lanes, 0);
    } catch (const std::exception&) {  // bad_alloc or length_error
      throw Error(fmt::format("batch: cannot hold the state of {} lanes in host memory ({} bytes a lane)", o.lanes,
                              sizeof(core::CpuState) + sizeof(uint64_t)));
    }
  }

  ~BatchImpl() {
    cancel_ = true;
    {
      std::unique_lock<std::mutex> lock(mutex_);
      done_cv_.wait(lock, [this] { return !running_; });
      quit_ = true;
    }
    work_cv_.notify_one();
    if (driver_.joinable()) driver_.join();
  }

  void idle(const char* what) const {
    if (running_) throw Error(fmt::format("{}: the batch is running (wait() or cancel() first)", what));
  }

  void map(uint64_t base, uint64_t size, uint32_t perms) {
    idle("map");
    if (ready_) throw Error("map: the batch's memory is already laid out (map every region before per-lane writes and start)");
    if (size == 0 || base % core::kPageSize || size % core::kPageSize)
      throw Error(fmt::format("map: base 0x{:x} and size 0x{:x} must be non-zero multiples of 4 KiB", base, size));
    if (base + size < base) throw Error(fmt::format("map: 0x{:x}+0x{:x} wraps the address space", base, size));
    if ((perms & PermW) && (perms & PermX))
      throw Error(fmt::format("map: [0x{:x}, 0x{:x}) is writable and executable; a batch shares code between lanes, "
                              "so map code read+execute and data read+write separately", base, base + size));
    for (const auto& r : image_)
      if (base < r.base + r.size && r.base < base + size)
        throw Error(fmt::format("map: [0x{:x}, 0x{:x}) overlaps mapped region [0x{:x}, 0x{:x})", base, base + size,
                                r.base, r.base + r.size));
    if (image_.size() >= core::kMaxLaneRegions)
      throw Error(fmt::format("map: a batch has at most {} regions", core::kMaxLaneRegions));
    ImageRegion r{base, size, perms, {}};  // no bytes yet: the region reads as zero until written
    image_.insert(std::lower_bound(image_.begin(), image_.end(), base,
                                   [](const ImageRegion& a, uint64_t b) { return a.base < b; }),
                  std::move(r));
  }

  // Region index and offset for [addr, addr+n) inside one region.
  std::pair<uint32_t, uint64_t> locate(uint64_t addr, size_t n, const char* what) const {
    for (uint32_t i = 0; i < image_.size(); ++i) {
      const auto& r = image_[i];
      if (addr - r.base < r.size && r.size - (addr - r.base) >= n) return {i, addr - r.base};
    }
    throw Error(fmt::format("{}: [0x{:x}, 0x{:x}) is not inside one mapped region", what, addr, addr + n));
  }

  void load_program(std::span<const uint8_t> bytes, uint64_t address) {
    idle("load_program");
    auto [i, off] = locate(address, bytes.size(), "load_program");
    if (!ready_) {
      // The initial contents grow to the last byte written (a .bss costs no host memory).
      auto& init = image_[i].bytes;
      if (init.size() < off + bytes.size()) init.resize(off + bytes.size(), 0);
      std::copy(bytes.begin(), bytes.end(), init.begin() + long(off));
      return;
    }
    if (!image_[i].is_private()) {
      if (image_[i].perms & PermX) throw Error("load_program: code is decoded once when the batch is laid out; load it before per-lane writes and start");
      store_->write(i, 0, off, bytes.data(), bytes.size());
      return;
    }
    std::vector<uint8_t> all(bytes.size() * opt_.lanes);
    for (uint64_t l = 0; l < opt_.lanes; ++l) std::copy(bytes.begin(), bytes.end(), all.begin() + long(l * bytes.size()));
    store_->write_strided(i, off, all.data(), bytes.size());
  }

  void ensure_ready() {
    if (ready_) return;
    if (image_.empty()) throw Error("batch: no memory is mapped (map regions or load_elf first)");
    store_->setup(image_, opt_.lanes,
                  opt_.page_pool_bytes ? opt_.page_pool_bytes / core::kPageSize : BatchStore::kPoolAuto);
    ready_ = true;
  }

  void check_lane(uint64_t lane) const {
    if (lane >= opt_.lanes) throw Error(fmt::format("lane {} out of range (the batch has {} lanes)", lane, opt_.lanes));
  }

  void write_memory(uint64_t lane, uint64_t address, std::span<const uint8_t> bytes) {
    idle("write_memory");
    check_lane(lane);
    auto [i, off] = locate(address, bytes.size(), "write_memory");
    if (!image_[i].is_private())
      throw Error(fmt::format("write_memory: 0x{:x} is in a shared (read-only) region: lanes cannot differ there", address));
    ensure_ready();
    store_->write(i, lane, off, bytes.data(), bytes.size());
  }

  std::vector<uint8_t> read_memory(uint64_t lane, uint64_t address, size_t size) {
    idle("read_memory");
    check_lane(lane);
    auto [i, off] = locate(address, size, "read_memory");
    ensure_ready();
    std::vector<uint8_t> out(size);
    store_->read(i, lane, off, out.data(), size);
    return out;
  }

  void write_memory_lanes(uint64_t address, std::span<const uint8_t> bytes, size_t stride) {
    idle("write_memory_lanes");
    if (stride == 0 || bytes.size() != stride * opt_.lanes)
      throw Error(fmt::format("write_memory_lanes: {} bytes given, expected stride {} x {} lanes", bytes.size(), stride, opt_.lanes));
    auto [i, off] = locate(address, stride, "write_memory_lanes");
    if (!image_[i].is_private())
      throw Error(fmt::format("write_memory_lanes: 0x{:x} is in a shared (read-only) region", address));
    ensure_ready();
    store_->write_strided(i, off, bytes.data(), stride);
  }

  std::vector<uint8_t> read_memory_lanes(uint64_t address, size_t stride) {
    idle("read_memory_lanes");
    auto [i, off] = locate(address, stride, "read_memory_lanes");
    ensure_ready();
    std::vector<uint8_t> out(stride * opt_.lanes);
    if (image_[i].is_private()) {
      store_->read_strided(i, off, out.data(), stride);
    } else {
      std::vector<uint8_t> one(stride);
      store_->read(i, 0, off, one.data(), stride);
      for (uint64_t l = 0; l < opt_.lanes; ++l) std::copy(one.begin(), one.end(), out.begin() + long(l * stride));
    }
    return out;
  }

  void start(uint64_t max_cycles) {
    idle("start");
    ensure_ready();
    for (auto& s : states_) s.stop = {};
    store_->upload(states_.data());
    cancel_ = false;
    executed_ = 0;
    stopped_ = 0;
    t0_ = Clock::now();
    // One driver thread for the batch's life, woken per run (a process batch starts a run per
    // round of syscalls: a thread per run cost ~40 us each).
    if (!driver_.joinable()) driver_ = std::thread([this] { serve(); });
    {
      std::lock_guard<std::mutex> lock(mutex_);
      max_cycles_ = max_cycles;
      running_ = true;
      has_work_ = true;
    }
    work_cv_.notify_one();
  }

  void serve() {
    std::unique_lock<std::mutex> lock(mutex_);
    while (true) {
      if (!has_work_ && !quit_) {  // the next round's start often comes within microseconds
        lock.unlock();
        spin_until([this] { return has_work_.load() || quit_.load(); }, std::chrono::microseconds(50));
        lock.lock();
      }
      work_cv_.wait(lock, [this] { return has_work_ || quit_; });
      if (quit_) return;
      has_work_ = false;
      const uint64_t max_cycles = max_cycles_;
      lock.unlock();
      drive(max_cycles);
      lock.lock();
    }
  }

  // Advances all lanes slice by slice; slices grow until one takes ~20 ms, so that progress and
  // cancel are seen often without paying a launch per few instructions.
  void drive(uint64_t max_cycles) {
    uint64_t slice = 1u << 12;
    std::string error;
    try {
      while (!cancel_) {
        uint64_t active = 0;
        const auto t = Clock::now();
        executed_ += store_->run_slice(slice, max_cycles, &active);
        stopped_ = opt_.lanes - active;
        if (active == 0) break;
        if (Clock::now() - t < std::chrono::milliseconds(20) && slice < (1ull << 26)) slice *= 2;
      }
      store_->download(states_.data(), cycles_.data());
      pages_ = store_->page_use();
    } catch (const Error& e) {
      error = e.what();
    }
    std::lock_guard<std::mutex> lock(mutex_);
    for (auto& s : states_)
      if (s.stop.reason == core::Stop::None) s.stop.reason = core::Stop::Cancelled;
    elapsed_ = std::chrono::duration<double>(Clock::now() - t0_).count();
    error_ = error;
    running_ = false;
    done_cv_.notify_all();
  }

  BatchStatus status() const {
    BatchStatus st;
    st.lanes = opt_.lanes;
    st.is_running = running_;
    st.cycles_executed = executed_;
    if (running_) {
      st.lanes_stopped = stopped_;
      st.elapsed_seconds = std::chrono::duration<double>(Clock::now() - t0_).count();
    } else {
      st.elapsed_seconds = elapsed_;
      st.lanes_stopped = opt_.lanes;
      for (const auto& s : states_) ++st.by_reason[uint8_t(s.stop.reason)];
      st.pages_written = pages_.used;
      st.out_of_pages = pages_.exhausted;
    }
    st.ips = st.elapsed_seconds > 0 ? st.cycles_executed / st.elapsed_seconds : 0;
    return st;
  }

  BatchStatus wait() {
    spin_until([this] { return !running_.load(); }, std::chrono::microseconds(50));
    {
      std::unique_lock<std::mutex> lock(mutex_);
      done_cv_.wait(lock, [this] { return !running_; });
    }
    if (!error_.empty()) throw Error(error_);
    return status();
  }

  bool wait_for(double seconds) {
    std::unique_lock<std::mutex> lock(mutex_);
    return done_cv_.wait_for(lock, std::chrono::duration<double>(seconds), [this] { return !running_; });
  }

  BatchOptions opt_;
  std::unique_ptr<BatchStore> store_;
  std::vector<int> devices_;
  std::vector<ImageRegion> image_;
  bool ready_ = false;
  std::vector<core::CpuState> states_;
  std::vector<uint64_t> cycles_;
  std::thread driver_;
  std::condition_variable work_cv_;  // wakes the driver for a run
  std::atomic<bool> has_work_{false}, quit_{false};  // written under mutex_, read by the spin too
  uint64_t max_cycles_ = 0;
  std::atomic<bool> running_{false}, cancel_{false};
  std::atomic<uint64_t> executed_{0}, stopped_{0};
  Clock::time_point t0_{};
  double elapsed_ = 0;
  PageUse pages_;
  std::string error_;
  mutable std::mutex mutex_;
  std::condition_variable done_cv_;
};

Batch::Batch(const BatchOptions& options) : impl_(std::make_unique<BatchImpl>(options)) {}
Batch::~Batch() = default;

std::string Batch::backend_name() const { return impl_->store_->name(); }
std::vector<int> Batch::devices() const { return impl_->devices_; }
uint64_t Batch::lanes() const { return impl_->opt_.lanes; }
void Batch::map(uint64_t base, uint64_t size, uint32_t perms) { impl_->map(base, size, perms); }

ElfInfo Batch::load_elf(std::span<const uint8_t> image, uint64_t pie_base) {
  impl_->idle("load_elf");
  ElfInfo info = os::load_elf(
      os::LoadTarget{[&](uint64_t b, uint64_t s, uint32_t p) { impl_->map(b, s, p); },
                     [&](uint64_t a, std::span<const uint8_t> bytes) { impl_->load_program(bytes, a); }},
      image, pie_base);
  set_pc(info.entry);
  return info;
}

void Batch::load_program(std::span<const uint8_t> bytes, uint64_t address) { impl_->load_program(bytes, address); }
void Batch::write_memory(uint64_t lane, uint64_t address, std::span<const uint8_t> bytes) {
  impl_->write_memory(lane, address, bytes);
}
std::vector<uint8_t> Batch::read_memory(uint64_t lane, uint64_t address, size_t size) const {
  return impl_->read_memory(lane, address, size);
}
void Batch::write_memory_lanes(uint64_t address, std::span<const uint8_t> bytes, size_t stride) {
  impl_->write_memory_lanes(address, bytes, stride);
}
std::vector<uint8_t> Batch::read_memory_lanes(uint64_t address, size_t stride) const {
  return impl_->read_memory_lanes(address, stride);
}

static void check_x(int n) {
  if (n < 0 || n > 30) throw Error(fmt::format("register x{} out of range (x0..x30)", n));
}

void Batch::set_pc(uint64_t pc) {
  impl_->idle("set_pc");
  for (auto& s : impl_->states_) s.pc = pc;
}
void Batch::set_sp(uint64_t sp) {
  impl_->idle("set_sp");
  for (auto& s : impl_->states_) s.sp = sp;
}
void Batch::set_x(int n, uint64_t value) {
  impl_->idle("set_x");
  check_x(n);
  for (auto& s : impl_->states_) s.x[n] = value;
}
void Batch::set_x(int n, std::span<const uint64_t> per_lane) {
  impl_->idle("set_x");
  check_x(n);
  if (per_lane.size() != impl_->opt_.lanes)
    throw Error(fmt::format("set_x: {} values for {} lanes", per_lane.size(), impl_->opt_.lanes));
  for (size_t l = 0; l < per_lane.size(); ++l) impl_->states_[l].x[n] = per_lane[l];
}

void Batch::set_registers(uint64_t lane, const Registers& r) {
  impl_->idle("set_registers");
  impl_->check_lane(lane);
  core::CpuState& s = impl_->states_[lane];
  std::copy_n(r.x, 31, s.x);
  s.sp = r.sp, s.pc = r.pc, s.nzcv = r.nzcv & 0xf0000000u, s.fpcr = r.fpcr, s.fpsr = r.fpsr, s.tpidr_el0 = r.tpidr_el0;
  std::copy_n(&r.v[0][0], 64, &s.v[0][0]);
}

Registers Batch::registers(uint64_t lane) const {
  impl_->idle("registers");
  impl_->check_lane(lane);
  const core::CpuState& s = impl_->states_[lane];
  Registers r;
  std::copy_n(s.x, 31, r.x);
  r.sp = s.sp, r.pc = s.pc, r.nzcv = s.nzcv, r.fpcr = s.fpcr, r.fpsr = s.fpsr, r.tpidr_el0 = s.tpidr_el0;
  std::copy_n(&s.v[0][0], 64, &r.v[0][0]);
  return r;
}

std::vector<uint64_t> Batch::x(int n) const {
  impl_->idle("x");
  check_x(n);
  std::vector<uint64_t> out;
  out.reserve(impl_->states_.size());
  for (const auto& s : impl_->states_) out.push_back(s.x[n]);
  return out;
}

void Batch::set_pc(std::span<const uint64_t> per_lane) {
  impl_->idle("set_pc");
  if (per_lane.size() != impl_->opt_.lanes)
    throw Error(fmt::format("set_pc: {} values for {} lanes", per_lane.size(), impl_->opt_.lanes));
  for (size_t l = 0; l < per_lane.size(); ++l) impl_->states_[l].pc = per_lane[l];
}
void Batch::set_sp(std::span<const uint64_t> per_lane) {
  impl_->idle("set_sp");
  if (per_lane.size() != impl_->opt_.lanes)
    throw Error(fmt::format("set_sp: {} values for {} lanes", per_lane.size(), impl_->opt_.lanes));
  for (size_t l = 0; l < per_lane.size(); ++l) impl_->states_[l].sp = per_lane[l];
}

// One value per lane from its state (the batch must be stopped).
template <class T, class F>
static std::vector<T> per_lane(const BatchImpl& impl, const char* what, F&& get) {
  impl.idle(what);
  std::vector<T> out;
  out.reserve(impl.states_.size());
  for (size_t l = 0; l < impl.states_.size(); ++l) out.push_back(get(impl.states_[l], l));
  return out;
}

std::vector<uint64_t> Batch::pc() const {
  return per_lane<uint64_t>(*impl_, "pc", [](const core::CpuState& s, size_t) { return s.pc; });
}
std::vector<uint64_t> Batch::sp() const {
  return per_lane<uint64_t>(*impl_, "sp", [](const core::CpuState& s, size_t) { return s.sp; });
}
std::vector<uint64_t> Batch::x_all() const {
  impl_->idle("x_all");
  std::vector<uint64_t> out(impl_->states_.size() * 31);
  for (size_t l = 0; l < impl_->states_.size(); ++l) std::copy_n(impl_->states_[l].x, 31, out.begin() + long(l * 31));
  return out;
}
std::vector<StopReason> Batch::lane_signals() const {
  return per_lane<StopReason>(*impl_, "lane_signals",
                              [](const core::CpuState& s, size_t) { return StopReason(s.stop.reason); });
}
std::vector<uint64_t> Batch::lane_cycles() const {
  return per_lane<uint64_t>(*impl_, "lane_cycles", [&](const core::CpuState&, size_t l) { return impl_->cycles_[l]; });
}
std::vector<uint64_t> Batch::lane_fault_addresses() const {
  return per_lane<uint64_t>(*impl_, "lane_fault_addresses",
                            [](const core::CpuState& s, size_t) { return s.stop.fault_addr; });
}

BatchStatus Batch::run(uint64_t max_cycles) {
  start(max_cycles);
  return wait();
}
void Batch::start(uint64_t max_cycles) { impl_->start(max_cycles); }
BatchStatus Batch::poll() const { return impl_->status(); }
BatchStatus Batch::wait() { return impl_->wait(); }
bool Batch::wait_for(double seconds) { return impl_->wait_for(seconds); }
bool Batch::is_running() const { return impl_->running_; }
void Batch::cancel() { impl_->cancel_ = true; }

Status Batch::lane_status(uint64_t lane) const {
  impl_->idle("lane_status");
  impl_->check_lane(lane);
  const core::CpuState& s = impl_->states_[lane];
  Status st;
  st.signal = StopReason(s.stop.reason);
  st.cycles_executed = impl_->cycles_[lane];
  st.elapsed_seconds = impl_->elapsed_;
  st.pc = s.pc;
  st.fault_address = s.stop.fault_addr;
  st.fault_access = AccessKind(s.stop.access);
  st.insn = s.stop.insn;
  st.syscall = s.x[8];
  return st;
}

uint64_t Batch::memory_per_lane() const {
  impl_->ensure_ready();
  return impl_->store_->lane_bytes();
}

}  // namespace cuarm
