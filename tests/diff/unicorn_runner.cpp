#include "unicorn_runner.hpp"

#include <unicorn/unicorn.h>

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <stdexcept>

#include "../support.hpp"

namespace cuarm::diff {

const char* end_name(End e) {
  switch (e) {
    case End::Completed: return "COMPLETED";
    case End::Undefined: return "UNDEFINED";
    case End::Fault: return "FAULT";
    case End::Other: return "OTHER";
  }
  return "?";
}

namespace {

// QEMU's exception numbers as Unicorn's UC_HOOK_INTR reports them.
constexpr int kExcpUdef = 1;
constexpr int kExcpDataAbort = 4;  // raised for alignment faults (unmapped memory is a uc_err)

void check(uc_err e, const char* what) {
  if (e != UC_ERR_OK) throw std::runtime_error(std::string("unicorn: ") + what + ": " + uc_strerror(e));
}

void on_code(uc_engine*, uint64_t addr, uint32_t, void* self) {
  auto* u = static_cast<UnicornRunner*>(self);
  ++u->ncode;
  u->last_addr = addr;
}

void on_intr(uc_engine* uc, uint32_t intno, void* self) {
  static_cast<UnicornRunner*>(self)->intno = int(intno);
  uc_emu_stop(uc);
}

bool on_bad_mem(uc_engine*, uc_mem_type, uint64_t addr, int, int64_t, void* self) {
  static_cast<UnicornRunner*>(self)->bad_addr = addr;
  return false;
}

int gp_reg(int n) { return n < 29 ? UC_ARM64_REG_X0 + n : n == 29 ? UC_ARM64_REG_X29 : UC_ARM64_REG_X30; }

}  // namespace

UnicornRunner::UnicornRunner(uint8_t* data) {
  check(uc_open(UC_ARCH_ARM64, UC_MODE_ARM, &uc_), "open");
  // The CPU model must be chosen before anything else touches the CPU.
  check(uc_ctl_set_cpu_model(uc_, UC_CPU_ARM64_A53), "cpu model A53");
  check(uc_mem_map(uc_, kCode, kCodeSize, UC_PROT_READ | UC_PROT_EXEC), "map code");
  check(uc_mem_map_ptr(uc_, kData, kDataSize, UC_PROT_READ | UC_PROT_WRITE, data), "map data");
  check(uc_mem_write(uc_, kClrexAddr, &kClrexWord, 4), "write clrex");
  uc_hook h;
  check(uc_hook_add(uc_, &h, UC_HOOK_CODE, reinterpret_cast<void*>(on_code), this, 1, 0), "code hook");
  check(uc_hook_add(uc_, &h, UC_HOOK_INTR, reinterpret_cast<void*>(on_intr), this, 1, 0), "intr hook");
  check(uc_hook_add(uc_, &h, UC_HOOK_MEM_INVALID, reinterpret_cast<void*>(on_bad_mem), this, 1, 0), "mem hook");
}

UnicornRunner::~UnicornRunner() {
  if (uc_) uc_close(uc_);
}

void UnicornRunner::clrex() {
  intno = -1;
  check(uc_emu_start(uc_, kClrexAddr, kClrexAddr + 4, 0, 1), "clrex");
}

Outcome UnicornRunner::run(const Case& c) {
  const uint64_t n = c.words.size();
  check(uc_mem_write(uc_, c.pc, c.words.data(), 4 * n), "write code");
  uc_ctl_remove_cache(uc_, c.pc, c.pc + 4 * n);  // never run a stale translation

  const Registers& in = c.init;
  for (int i = 0; i < 31; ++i) uc_reg_write(uc_, gp_reg(i), &in.x[i]);
  uc_reg_write(uc_, UC_ARM64_REG_SP, &in.sp);
  uc_reg_write(uc_, UC_ARM64_REG_PC, &in.pc);
  uint32_t nzcv = in.nzcv;
  uc_reg_write(uc_, UC_ARM64_REG_NZCV, &nzcv);
  uint32_t fp = in.fpcr;
  uc_reg_write(uc_, UC_ARM64_REG_FPCR, &fp);
  fp = in.fpsr;
  uc_reg_write(uc_, UC_ARM64_REG_FPSR, &fp);
  uc_reg_write(uc_, UC_ARM64_REG_TPIDR_EL0, &in.tpidr_el0);
  for (int i = 0; i < 32; ++i) uc_reg_write(uc_, UC_ARM64_REG_V0 + i, in.v[i]);

  ncode = 0, last_addr = 0, bad_addr = 0, intno = -1;
  const uc_err err = uc_emu_start(uc_, c.pc, c.pc + 4 * n, 0, n);

  Outcome o;
  Registers& r = o.regs;
  for (int i = 0; i < 31; ++i) uc_reg_read(uc_, gp_reg(i), &r.x[i]);
  uc_reg_read(uc_, UC_ARM64_REG_SP, &r.sp);
  uc_reg_read(uc_, UC_ARM64_REG_PC, &r.pc);
  uc_reg_read(uc_, UC_ARM64_REG_NZCV, &nzcv);
  r.nzcv = nzcv & 0xf0000000u;
  uc_reg_read(uc_, UC_ARM64_REG_FPCR, &r.fpcr);
  uc_reg_read(uc_, UC_ARM64_REG_FPSR, &r.fpsr);
  uc_reg_read(uc_, UC_ARM64_REG_TPIDR_EL0, &r.tpidr_el0);
  for (int i = 0; i < 32; ++i) uc_reg_read(uc_, UC_ARM64_REG_V0 + i, r.v[i]);

  char buf[160];
  std::snprintf(buf, sizeof buf, "uc_err=%d (%s) intno=%d hooked=%llu last=0x%llx bad_addr=0x%llx", int(err),
                uc_strerror(err), intno, (unsigned long long)ncode, (unsigned long long)last_addr,
                (unsigned long long)bad_addr);
  o.detail = buf;

  // Unicorn checks its instruction count at the start of the next instruction, so after a taken
  // branch it may already try to fetch the target and fail there. If all n instructions were
  // entered, pc has moved past the last one and the failure is a fetch (or an exception
  // raised on entering the target), the stream completed: the failure belongs to an
  // instruction the stream never asked for.
  const bool stopped = err != UC_ERR_OK || intno >= 0;
  const bool fetch_fail = err == UC_ERR_FETCH_UNMAPPED || err == UC_ERR_FETCH_PROT ||
                          err == UC_ERR_FETCH_UNALIGNED || (err == UC_ERR_OK && intno >= 0);
  if (!stopped || (ncode == n && r.pc != last_addr && fetch_fail)) {
    o.end = End::Completed;
    o.executed = n;
    return o;
  }
  o.executed = ncode ? ncode - 1 : 0;
  if ((err == UC_ERR_OK && intno == kExcpUdef) || err == UC_ERR_INSN_INVALID) {
    o.end = End::Undefined;
    return o;
  }
  o.fault_addr = bad_addr;
  if (err == UC_ERR_OK && intno == kExcpDataAbort) {
    o.end = End::Fault, o.access_known = false;
    return o;
  }
  switch (err) {
    case UC_ERR_READ_UNMAPPED:
    case UC_ERR_READ_PROT:
    case UC_ERR_READ_UNALIGNED:
      o.end = End::Fault, o.access = AccessKind::Read;
      break;
    case UC_ERR_WRITE_UNMAPPED:
    case UC_ERR_WRITE_PROT:
    case UC_ERR_WRITE_UNALIGNED:
      o.end = End::Fault, o.access = AccessKind::Write;
      break;
    case UC_ERR_FETCH_UNMAPPED:
    case UC_ERR_FETCH_PROT:
    case UC_ERR_FETCH_UNALIGNED:
      o.end = End::Fault, o.access = AccessKind::Fetch;
      break;
    default: o.end = End::Other; break;
  }
  return o;
}

// Access size in bytes of a load/store exclusive word (pairs: both registers).
static uint32_t exclusive_bytes(uint32_t w) {
  return core::bit(w, 21) ? (4u << core::bit(w, 30)) * 2 : 1u << core::bits(w, 31, 30);
}

const char* case_exclusion(const Case& c, const Outcome& u, const Outcome& o) {
  // A store-exclusive whose size differs from the load-exclusive that armed the monitor may pass
  // or fail (CONSTRAINED UNPREDICTABLE), but a failing one must not write memory. Unicorn
  // (QEMU's compare-and-swap at the store's size against the loaded value) stores, and reports
  // failure or success depending on how the values compare. Such a stream is set aside when
  // memory and that store's status register are all that differ.
  const Registers &ur = u.regs, &orr = o.regs;
  uint32_t armed = 0;
  for (size_t k = 0; k < c.words.size() && k <= o.executed; ++k) {
    const uint32_t w = c.words[k];
    if (!exclusive_class(*rows()[c.rows[k]].row) || core::bit(w, 23)) continue;
    if (core::bit(w, 22)) {
      armed = exclusive_bytes(w);
      continue;
    }
    if (!armed || armed == exclusive_bytes(w)) continue;
    const uint32_t rs = core::bits(w, 20, 16);
    bool same_regs = u.end == o.end && u.executed == o.executed && ur.sp == orr.sp && ur.pc == orr.pc &&
                     ur.nzcv == orr.nzcv;
    for (uint32_t i = 0; i < 31; ++i) same_regs &= i == rs || ur.x[i] == orr.x[i];
    if (same_regs)
      return "store-exclusive of another size than the armed load-exclusive: CONSTRAINED UNPREDICTABLE, Unicorn stores";
  }
  // DC ZVA to unmapped or read-only memory: Unicorn records the write fault but goes on running
  // later instructions of the block before it stops (pc past the DC ZVA). We stop on the DC ZVA.
  const bool writable = o.fault_addr - kData < kDataSize;
  const bool mapped = writable || (o.fault_addr - kCode < kCodeSize);
  if (o.end == End::Fault && o.access == AccessKind::Write && !writable && o.executed < c.words.size() &&
      (c.words[o.executed] & 0xffffffe0u) == 0xd50b7420u && u.end == End::Fault && u.access == AccessKind::Write)
    return "DC ZVA to unmapped or read-only memory: Unicorn reports the fault late";
  // QEMU keeps "no address armed" as exclusive address -1, so a store-exclusive to address -1
  // passes its address check and runs the compare-and-swap, which faults as a read. Ours is an
  // unaligned store-exclusive: an Alignment fault on a write.
  if (o.end == End::Fault && u.end == End::Fault && o.fault_addr == ~0ull && o.executed < c.words.size() &&
      exclusive_class(*rows()[c.rows[o.executed]].row) && !core::bit(c.words[o.executed], 22))
    return "store-exclusive to address -1: Unicorn's empty monitor holds -1";
  // A SIMD&FP store that faults part-way (a Q register or a structure store running off the
  // end of the data region): QEMU stores it in parts (8 bytes or one element at a time) and
  // keeps the parts written before the faulting one, while we check the whole range first and
  // leave memory untouched (the core's contract for any stop). The manual performs such a store
  // as several accesses (one per element, or smaller than the register when unaligned), so a
  // store that aborts part-way is not required to be all-or-nothing. Excused only when both
  // stopped on the same store with a write fault and the registers agree.
  if (o.end == End::Fault && u.end == End::Fault && o.access == AccessKind::Write &&
      u.access == AccessKind::Write && o.executed == u.executed && o.executed < c.words.size() &&
      std::strncmp(rows()[c.rows[o.executed]].row->name, "SIMD_LDST_", 10) == 0 &&
      std::memcmp(&ur.x, &orr.x, sizeof ur.x) == 0 && std::memcmp(&ur.v, &orr.v, sizeof ur.v) == 0 &&
      ur.sp == orr.sp && ur.pc == orr.pc)
    return "SIMD&FP store faulting part-way: Unicorn keeps the parts stored before the fault";
  // Otherwise only one shape is excused: we stopped with a fault on an instruction of the
  // exclusive class and Unicorn went past that instruction.
  if (o.end != End::Fault || u.executed <= o.executed || o.executed >= c.words.size()) return nullptr;
  const uint32_t w = c.words[o.executed];
  if (!exclusive_class(*rows()[c.rows[o.executed]].row)) return nullptr;
  // The manual requires an Alignment fault for an unaligned exclusive or acquire/release
  // access whatever SCTLR.A says (AArch64.ExclusiveMonitorsPass checks alignment before the
  // monitor). Unicorn 2.0.1 skips that check for LDAR/STLR and for a store-exclusive whose
  // monitor check fails (qemu-aarch64 7.2 too, for the latter). A fault at a mapped, unaligned
  // address is our alignment fault.
  if (mapped && (o.fault_addr & (exclusive_bytes(w) - 1)) != 0)
    return "Unicorn skips the alignment check of LDAR/STLR/failing store-exclusive";
  // A store-exclusive whose monitor check fails may or may not report the data abort its
  // access would cause: IMPLEMENTATION DEFINED. We report it, Unicorn does not.
  if (!mapped && !core::bit(w, 22) && !core::bit(w, 23))
    return "failing store-exclusive to unmapped memory: the data abort is IMPLEMENTATION DEFINED";
  return nullptr;
}

CuarmRunner::CuarmRunner() : CuarmRunner(test::test_backend()) {}

CuarmRunner::CuarmRunner(BackendKind backend) {
  MachineOptions o;
  o.memory_size = 0;
  o.backend = backend;
  m_ = std::make_unique<Machine>(o);
  m_->map(kCode, kCodeSize, PermRX);
  m_->map(kData, kDataSize, PermRW);
  const uint8_t clrex[4] = {uint8_t(kClrexWord), uint8_t(kClrexWord >> 8), uint8_t(kClrexWord >> 16),
                            uint8_t(kClrexWord >> 24)};
  m_->load_program(clrex, kClrexAddr);
}

void CuarmRunner::clrex() {
  m_->set_pc(kClrexAddr);
  m_->run(1);
}

Outcome CuarmRunner::run(const Case& c) {
  std::vector<uint8_t> bytes;
  for (uint32_t w : c.words)
    for (int i = 0; i < 4; ++i) bytes.push_back(uint8_t(w >> (8 * i)));
  m_->load_program(bytes, c.pc);
  m_->set_registers(c.init);
  const Status st = m_->run(c.words.size());
  Outcome o;
  o.regs = m_->registers();
  o.executed = st.cycles_executed;
  char buf[160];
  std::snprintf(buf, sizeof buf, "%s pc=0x%llx retired=%llu fault=%s@0x%llx", st.signal_name(),
                (unsigned long long)st.pc, (unsigned long long)st.cycles_executed, access_kind_name(st.fault_access),
                (unsigned long long)st.fault_address);
  o.detail = buf;
  switch (st.signal) {
    case StopReason::MaxCycles: o.end = End::Completed; break;
    case StopReason::Undefined: o.end = End::Undefined; break;
    case StopReason::Fault:
      o.end = End::Fault, o.access = st.fault_access, o.fault_addr = st.fault_address;
      break;
    default: o.end = End::Other; break;
  }
  return o;
}

}  // namespace cuarm::diff
