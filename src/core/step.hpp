// The interpreter loop shared by every backend: fetch through the decode cache, execute, count.
#pragma once
#include "decoder.hpp"

namespace cuarm::core {

// A decode-cache entry packs the op above the instruction word; 0 means "not decoded yet".
CUARM_HD CUARM_INLINE uint64_t make_decoded(uint32_t word) {
  return (uint64_t(decode(word)) << 32) | word;
}

// Runs until a stop or until `budget` instructions have retired. Returns Stop::None when the
// budget ran out (the caller turns that into MaxCycles or keeps going). *executed receives the
// number retired. Stops other than Syscall leave pc on the stopping instruction.
template <class Mem>
CUARM_HD Stop run(CpuState& s, Mem& m, uint64_t budget, uint64_t* executed) {
  Exec<Mem> c{s, m, 0};
  Region* code = nullptr;
  uint64_t n = 0;
  Stop st = Stop::None;
  while (n < budget) {
    const uint64_t pc = s.pc;
    if (code == nullptr || pc - code->base >= code->size) {
      code = m.find(pc, 4);
      if (code == nullptr || !(code->perms & kPermX)) {
        code = nullptr;
        st = fault(c, pc, Access::Fetch);
        break;
      }
    }
    if (pc & 3) {  // PC alignment fault
      st = fault(c, pc, Access::Fetch);
      break;
    }
    uint64_t e;
    if (code->decoded != nullptr) {
      uint64_t& slot = code->decoded[(pc - code->base) >> 2];
      if (slot == 0) slot = make_decoded(load_le<uint32_t>(code->data + (pc - code->base)));
      e = slot;
    } else {
      e = make_decoded(load_le<uint32_t>(code->data + (pc - code->base)));
    }
    c.pc = pc;
    s.pc = pc + 4;
    st = execute(c, uint32_t(e), Op(e >> 32));
    if (st != Stop::None) {
      if (st == Stop::Syscall) {
        ++n;
        ++s.retired;
      } else {
        s.pc = pc;
      }
      break;
    }
    ++n;
    ++s.retired;  // kept live: CNTVCT_EL0 reads it in deterministic mode
  }
  *executed = n;
  s.stop.reason = st;
  return st;
}

}  // namespace cuarm::core
