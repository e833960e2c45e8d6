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
  Exec<Mem> c{s, m, 0, 0, s.retired};
  const uint64_t start = s.retired;
  const uint64_t end = budget > ~uint64_t(0) - start ? ~uint64_t(0) : start + budget;
  // The current code region, copied into locals: guest stores go through byte pointers that
  // the compiler must assume alias the region table, so reading it from memory each step is slow.
  uint64_t code_base = 0, code_size = 0;  // size 0: no region yet
  const uint8_t* code_data = nullptr;
  uint64_t* code_decoded = nullptr;
  uint64_t pc = s.pc;
  Stop st = Stop::None;
  while (c.retired < end) {
    if (pc - code_base >= code_size || (pc & 3)) {
      const Region* r = m.find(pc, 4);
      if (r == nullptr || !(r->perms & kPermX) || r->decoded == nullptr || (pc & 3)) {
        st = fault(c, pc, Access::Fetch);
        break;
      }
      code_base = r->base, code_size = r->size, code_data = r->data, code_decoded = r->decoded;
    }
    const uint64_t off = pc - code_base;
    uint64_t e = code_decoded[off >> 2];  // every executable region has a decode cache
    if (e == 0) e = code_decoded[off >> 2] = make_decoded(load_le<uint32_t>(code_data + off));
    c.pc = pc;
    c.next = pc + 4;
    st = execute(c, uint32_t(e), Op(e >> 32));
    if (st != Stop::None) {
      if (st == Stop::Syscall) {  // SVC retires; every other stop leaves pc on the instruction
        ++c.retired;
        pc = c.next;
      }
      break;
    }
    pc = c.next;
    ++c.retired;
  }
  s.pc = pc;
  s.retired = c.retired;
  *executed = c.retired - start;
  s.stop.reason = st;
  return st;
}

}  // namespace cuarm::core
