// What the OS layer needs of one guest: its registers and its memory. A Machine is one
// (MachineGuest); a batch lane can be another, so that the same syscall table can serve the
// lanes of a cuarm::Batch (docs/os.md, "Batches"). The names follow the Machine API.
#pragma once
#include <cuarm/cuarm.hpp>

#include <span>
#include <vector>

namespace cuarm::os {

class Guest {
 public:
  virtual ~Guest() = default;
  virtual uint64_t x(int n) const = 0;
  virtual void set_x(int n, uint64_t value) = 0;
  virtual Registers registers() const = 0;
  virtual void set_registers(const Registers& r) = 0;
  virtual void set_sp(uint64_t sp) = 0;
  // Memory, ignoring permissions (the kernel's view); throws Error when a byte is unmapped.
  virtual void read_memory(uint64_t address, std::span<uint8_t> out) const = 0;
  virtual void write_memory(uint64_t address, std::span<const uint8_t> bytes) = 0;
  std::vector<uint8_t> read_memory(uint64_t address, size_t size) const {
    std::vector<uint8_t> out(size);
    read_memory(address, std::span(out));
    return out;
  }
  // The region table. A guest whose table is fixed (a batch lane) throws Error from map/unmap;
  // the calls that need them then fail with ENOMEM.
  virtual std::vector<RegionInfo> regions() const = 0;
  virtual void map(uint64_t base, uint64_t size, uint32_t perms) = 0;
  virtual void unmap(uint64_t base, uint64_t size) = 0;
  // True when map/unmap are unavailable: mprotect is then only recorded (docs/os.md).
  virtual bool fixed_regions() const { return false; }
};

class MachineGuest final : public Guest {
 public:
  explicit MachineGuest(Machine& m) : m_(m) {}
  uint64_t x(int n) const override { return m_.x(n); }
  void set_x(int n, uint64_t value) override { m_.set_x(n, value); }
  Registers registers() const override { return m_.registers(); }
  void set_registers(const Registers& r) override { m_.set_registers(r); }
  void set_sp(uint64_t sp) override { m_.set_sp(sp); }
  using Guest::read_memory;
  void read_memory(uint64_t address, std::span<uint8_t> out) const override { m_.read_memory(address, out); }
  void write_memory(uint64_t address, std::span<const uint8_t> bytes) override { m_.write_memory(address, bytes); }
  std::vector<RegionInfo> regions() const override { return m_.regions(); }
  void map(uint64_t base, uint64_t size, uint32_t perms) override { m_.map(base, size, perms); }
  void unmap(uint64_t base, uint64_t size) override { m_.unmap(base, size); }

 private:
  Machine& m_;
};

}  // namespace cuarm::os
