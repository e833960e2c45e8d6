// cuarm::Machine: the public API over a backend Engine.
#include <fmt/format.h>

#include <algorithm>

#include "backend/engine.hpp"
#include "backend/registry.hpp"
#include "os/elf_loader.hpp"

namespace cuarm {

const char* stop_reason_name(StopReason r) {
  switch (r) {
    case StopReason::None: return "NONE";
    case StopReason::Halt: return "HALT";
    case StopReason::Syscall: return "SYSCALL";
    case StopReason::MaxCycles: return "MAX_CYCLES";
    case StopReason::Breakpoint: return "BREAKPOINT";
    case StopReason::Fault: return "FAULT";
    case StopReason::Undefined: return "UNDEFINED";
    case StopReason::Exit: return "EXIT";
    case StopReason::Cancelled: return "CANCELLED";
  }
  return "?";
}

const char* access_kind_name(AccessKind a) {
  switch (a) {
    case AccessKind::Read: return "read";
    case AccessKind::Write: return "write";
    case AccessKind::Fetch: return "fetch";
  }
  return "?";
}

Machine::Machine(const MachineOptions& options)
    : engine_(make_backend<Engine>(options.backend, auto_order_single(),
                                   [&](const BackendEntry& e) { return e.make_engine(options); })) {}

Machine::~Machine() = default;

std::string Machine::backend_name() const { return engine_->name(); }
BackendKind Machine::backend_kind() const { return engine_->kind(); }

void Machine::map(uint64_t base, uint64_t size, uint32_t perms) { engine_->map(base, size, perms); }
void Machine::unmap(uint64_t base, uint64_t size) { engine_->unmap(base, size); }
std::vector<RegionInfo> Machine::regions() const { return engine_->regions(); }

void Machine::load_program(std::span<const uint8_t> bytes, uint64_t address) {
  engine_->write(address, bytes.data(), bytes.size());
}
void Machine::write_memory(uint64_t address, std::span<const uint8_t> bytes) {
  engine_->write(address, bytes.data(), bytes.size());
}
void Machine::read_memory(uint64_t address, std::span<uint8_t> out) const {
  engine_->read(address, out.data(), out.size());
}
std::vector<uint8_t> Machine::read_memory(uint64_t address, size_t size) const {
  std::vector<uint8_t> out(size);
  engine_->read(address, out.data(), size);
  return out;
}

ElfInfo Machine::load_elf(std::span<const uint8_t> image, uint64_t pie_base) {
  ElfInfo info = os::load_elf(*this, image, pie_base);
  set_pc(info.entry);
  return info;
}

static void check_reg(int n) {
  if (n < 0 || n > 30) throw Error(fmt::format("register x{} out of range (x0..x30; use sp() for SP)", n));
}

uint64_t Machine::x(int n) const {
  check_reg(n);
  return engine_->state().x[n];
}
void Machine::set_x(int n, uint64_t value) {
  check_reg(n);
  engine_->state().x[n] = value;
}
uint64_t Machine::sp() const { return engine_->state().sp; }
void Machine::set_sp(uint64_t value) { engine_->state().sp = value; }
uint64_t Machine::pc() const { return engine_->state().pc; }
void Machine::set_pc(uint64_t value) { engine_->state().pc = value; }
uint32_t Machine::nzcv() const { return engine_->state().nzcv; }
void Machine::set_nzcv(uint32_t value) {
  if (value & 0x0fffffffu) throw Error(fmt::format("set_nzcv: 0x{:x} has bits outside 31:28", value));
  engine_->state().nzcv = value;
}

Registers Machine::registers() const {
  const core::CpuState& s = engine_->state();
  Registers r;
  std::copy_n(s.x, 31, r.x);
  r.sp = s.sp, r.pc = s.pc, r.nzcv = s.nzcv, r.fpcr = s.fpcr, r.fpsr = s.fpsr, r.tpidr_el0 = s.tpidr_el0;
  std::copy_n(&s.v[0][0], 64, &r.v[0][0]);
  return r;
}

void Machine::set_registers(const Registers& r) {
  core::CpuState& s = engine_->state();
  std::copy_n(r.x, 31, s.x);
  s.sp = r.sp, s.pc = r.pc, s.nzcv = r.nzcv & 0xf0000000u, s.fpcr = r.fpcr, s.fpsr = r.fpsr;
  s.tpidr_el0 = r.tpidr_el0;
  std::copy_n(&r.v[0][0], 64, &s.v[0][0]);
}

Status Machine::run(uint64_t max_cycles) { return engine_->run(max_cycles); }
void Machine::start(uint64_t max_cycles) { engine_->start(max_cycles); }
Status Machine::poll() const { return engine_->poll(); }
Status Machine::wait() { return engine_->wait(); }
bool Machine::wait_for(double seconds) { return engine_->wait_for(seconds); }
bool Machine::is_running() const { return engine_->is_running(); }
void Machine::cancel() { engine_->cancel(); }
void Machine::set_exit(int status) { engine_->set_exit(status); }
Status Machine::last_status() const { return engine_->poll(); }

}  // namespace cuarm
