// The backend interface behind cuarm::Machine: one guest's memory, registers and run loop.
// Backends hold only run loops and storage; instruction semantics live in src/core.
#pragma once
#include <cuarm/cuarm.hpp>

#include "core/state.hpp"

namespace cuarm {

class Engine {
 public:
  virtual ~Engine() = default;
  virtual const char* name() const = 0;  // for people: "cpu", "cuda (NVIDIA H100 80GB HBM3)"
  virtual BackendKind kind() const = 0;

  virtual void map(uint64_t base, uint64_t size, uint32_t perms) = 0;
  virtual void unmap(uint64_t base, uint64_t size) = 0;
  virtual std::vector<RegionInfo> regions() const = 0;
  virtual void read(uint64_t addr, uint8_t* out, size_t n) const = 0;
  virtual void write(uint64_t addr, const uint8_t* in, size_t n) = 0;

  // Architectural state; only valid while not running.
  virtual core::CpuState& state() = 0;

  virtual void start(uint64_t max_cycles) = 0;
  // Blocking run (Machine::run): start + wait unless a backend can do better on the caller's
  // thread. Progress, poll and cancel from other threads work the same either way.
  virtual Status run(uint64_t max_cycles) {
    start(max_cycles);
    return wait();
  }
  virtual Status poll() const = 0;
  virtual Status wait() = 0;
  virtual bool wait_for(double seconds) = 0;
  virtual bool is_running() const = 0;
  virtual void cancel() = 0;
  virtual void set_exit(int status) = 0;
};

std::unique_ptr<Engine> make_cpu_engine(const MachineOptions& options);
// Null when this build has no CUDA backend; throws Error when built but no device is usable.
std::unique_ptr<Engine> make_cuda_engine(const MachineOptions& options);

}  // namespace cuarm
