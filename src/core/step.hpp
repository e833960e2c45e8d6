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
  const uint64_t start = s.retired;
  // A budget that would overflow the guest's retired count is trimmed (2^64 never runs out).
  if (budget > ~uint64_t(0) - start) budget = ~uint64_t(0) - start;
  Exec<Mem> c{s, m, 0, 0, start + budget, budget};
  // The current code region, copied into locals: guest stores go through byte pointers that
  // the compiler must assume alias the region table, so reading it from memory each step is slow.
  uint64_t code_base = 0, code_words = 0;  // 0 words: no region yet
  const uint8_t* code_data = nullptr;
  uint64_t* code_decoded = nullptr;
  uint64_t pc = s.pc;
  Stop st = Stop::None;
  while (c.left != 0) {
    // Word index of pc in the code region. Rotating instead of shifting moves a misaligned
    // pc's low bits to the top, so one compare catches "outside the region" and "misaligned".
    uint64_t word = rotr64(pc - code_base, 2);
    if (word >= code_words) {
      const Region* r = m.find(pc, 4);
      if (r == nullptr || !(r->perms & kPermX) || r->decoded == nullptr || (pc & 3)) {
        st = fault(c, pc, Access::Fetch);
        break;
      }
      code_base = r->base, code_words = r->size / 4, code_data = r->data, code_decoded = r->decoded;
      word = (pc - code_base) / 4;
    }
    uint64_t e = code_decoded[word];  // every executable region has a decode cache
    if (e == 0) e = code_decoded[word] = make_decoded(load_le<uint32_t>(code_data + 4 * word));
    c.pc = pc;
    c.next = pc + 4;
    st = execute(c, uint32_t(e), Op(e >> 32));
    if (st != Stop::None) {
      if (st == Stop::Syscall) {  // SVC retires; every other stop leaves pc on the instruction
        --c.left;
        pc = c.next;
      }
      break;
    }
    pc = c.next;
    --c.left;
  }
  s.pc = pc;
  *executed = budget - c.left;
  s.retired = start + *executed;
  s.stop.reason = st;
  return st;
}

}  // namespace cuarm::core
