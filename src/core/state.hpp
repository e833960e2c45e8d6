// Architectural state of one guest (EL0 view) and the detail of why a run stopped.
#pragma once
#include "config.hpp"

namespace cuarm::core {

// Why a run stopped. None means "keep going" inside the core; it never reaches the API.
enum class Stop : uint8_t {
  None = 0,
  Halt,        // HLT: pc = the HLT instruction
  Syscall,     // SVC in bare mode: pc = the instruction after SVC (the SVC is retired)
  MaxCycles,   // budget exhausted: exactly N retired, pc = next instruction
  Breakpoint,  // BRK: pc = the BRK instruction
  Fault,       // bad fetch/read/write: pc = the faulting instruction, detail in fault_*
  Undefined,   // unallocated or unimplemented encoding: pc = it, word in insn
  Exit,        // set by the OS layer (exit/exit_group), never by the core
  Cancelled,   // set by a backend when the host asked to cancel
};

enum class Access : uint8_t { Read = 0, Write = 1, Fetch = 2 };

struct StopInfo {
  Stop reason;
  Access access;      // Fault: kind of access
  uint16_t pad;
  uint32_t insn;      // Undefined/Halt/Breakpoint/Syscall: the instruction word
  uint64_t fault_addr;  // Fault: first faulting address
};

// NZCV is kept in bits 31:28 as the NZCV system register shows it.
constexpr uint32_t kFlagN = 1u << 31, kFlagZ = 1u << 30, kFlagC = 1u << 29, kFlagV = 1u << 28;

struct CpuState {
  uint64_t x[31];  // X0..X30; register number 31 is SP or XZR depending on the encoding
  uint64_t sp;
  uint64_t pc;
  uint32_t nzcv;
  uint32_t fpcr;
  uint32_t fpsr;
  uint32_t flags;  // kStateDeterministicCounter, ...
  uint64_t tpidr_el0;
  uint64_t v[32][2];  // V0..V31, low half first (used by the FP/SIMD classes)

  // Single-lane exclusive monitor (LDXR/STXR): armed address and size in bytes.
  uint64_t excl_addr;
  uint32_t excl_size;
  uint32_t excl_valid;

  uint64_t retired;  // instructions retired over the guest's life (CNTVCT in deterministic mode)
  StopInfo stop;
};

// CpuState::flags
constexpr uint32_t kStateDeterministicCounter = 1u << 0;

}  // namespace cuarm::core
