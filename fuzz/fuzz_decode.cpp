// libFuzzer harness for the decoder and the interpreter (src/core), without the Machine layer:
// core::run() on a host memory view, the loop every CPU run goes through.
//
// Input: a 32-byte header, then little-endian 32-bit instruction words.
//   header[0]     NZCV (high nibble)
//   header[1]     FPCR's mode bits: AHP, DN, FZ, RMode, FZ16 (bits 26..19, shifted down by 19)
//   header[2..3]  sp offset below the top of the data region
//   header[8..31] three 64-bit seeds from which x0..x30 and v0..v31 are made (some become
//                 pointers into the regions below, so that loads and stores reach memory)
// The words are placed at address 0 of a 64 KiB RWX region ("--raw"-like flat memory). Around
// it: a 64 KiB RW region right after (accesses straddling the two), a read-only page, and a
// RW page near the top of the address space.
// The program runs for at most kBudget instructions; SVC stops are resumed (a few times), any
// other stop ends the run. Every stop is a valid outcome. The run is done twice from the same
// state: a different final state (registers, stop, memory) means the core read something it
// had not set (uninitialized state, host-dependent behaviour), which is reported as a bug, as
// are crashes and sanitizer reports.
#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <memory>

#include "backend/cpu/host_fp_env.hpp"
#include "backend/host_memory.hpp"
#include "core/step.hpp"

namespace {

using namespace cuarm;

constexpr uint64_t kCode = 0, kCodeSize = 64 << 10;  // RWX, the words at 0
constexpr uint64_t kData = kCodeSize, kDataSize = 64 << 10;  // RW, right after the code
constexpr uint64_t kRo = 0x40000, kRoSize = 4096;  // R only
constexpr uint64_t kTop = 0xffffffffffffe000ull;   // RW page near the top (map() refuses the very last page)
constexpr uint64_t kBudget = 20000;  // instructions per run
constexpr int kResumes = 8;          // SVC stops resumed per run
constexpr size_t kHeader = 32;

struct Outcome {
  core::CpuState s;
  core::Stop stop;
  uint64_t executed;
  uint64_t digest;  // of every mapped byte
};

uint64_t mix(uint64_t h, const uint8_t* p, size_t n) {  // n: a multiple of 8
  for (size_t i = 0; i < n; i += 8) {
    uint64_t w;
    std::memcpy(&w, p + i, 8);
    h = (h ^ w) * 0x100000001b3ull;
  }
  return h;
}

uint64_t rd64(const uint8_t* p) {
  uint64_t v;
  std::memcpy(&v, p, 8);
  return v;
}

Outcome run_once(const uint8_t* data, size_t size) {
  HostMemory mem;
  mem.map(kCode, kCodeSize, PermRWX);
  mem.map(kData, kDataSize, PermRW);
  mem.map(kRo, kRoSize, PermR);
  mem.map(kTop, 4096, PermRW);
  const size_t code_bytes = std::min<size_t>((size - kHeader) & ~size_t(3), kCodeSize);
  mem.write(kCode, data + kHeader, code_bytes);
  // Something recognizable to load in the read-only page and the top page.
  uint8_t pattern[4096];
  for (size_t i = 0; i < sizeof pattern; ++i) pattern[i] = uint8_t(i * 37 + 11);
  mem.write(kRo, pattern, sizeof pattern);
  mem.write(kTop, pattern, sizeof pattern);

  const uint8_t* h = data;
  core::CpuState s{};
  s.flags = core::kStateDeterministicCounter;  // CNTVCT counts instructions: runs repeat
  s.nzcv = uint32_t(h[0] & 0xf0) << 24;
  s.fpcr = (uint32_t(h[1]) << 19) & 0x07f80000u;
  s.sp = kData + kDataSize - 16 * (1 + (uint32_t(h[2]) | uint32_t(h[3]) << 8) % 1024);
  s.pc = kCode;
  const uint64_t seed[3] = {rd64(h + 8), rd64(h + 16), rd64(h + 24)};
  const uint64_t ptrs[4] = {kCode, kData, kRo, kTop};
  for (int i = 0; i < 31; ++i) {
    switch (i % 4) {
      case 0: s.x[i] = ptrs[(i / 4) % 4] + (seed[0] >> (i % 16) & 0xfff); break;  // pointers
      case 1: s.x[i] = seed[1] * uint64_t(i + 1); break;                           // anything
      case 2: s.x[i] = uint64_t(i); break;                                         // small
      default: s.x[i] = seed[2] ^ (uint64_t(i) << 59); break;
    }
  }
  for (int i = 0; i < 32; ++i) {
    s.v[i][0] = seed[(i + 1) % 3] ^ (uint64_t(i) * 0x9e3779b97f4a7c15ull);
    s.v[i][1] = i % 3 ? seed[i % 3] : 0x7ff8000000000001ull;  // some NaN bits too
  }

  const HostFpEnv fp_env;  // the FP fast path needs the default host environment (as the CPU backend)
  Outcome o{};
  core::Stop st = core::Stop::None;
  uint64_t total = 0;
  for (int r = 0; r <= kResumes && total < kBudget; ++r) {
    uint64_t n = 0;
    st = core::run(s, mem.view(), kBudget - total, &n);
    total += n;
    if (n > kBudget) std::abort();  // the core retired more than its budget
    if (st != core::Stop::Syscall) break;
  }
  o.s = s;
  o.stop = st;
  o.executed = total;
  uint64_t d = 0xcbf29ce484222325ull;
  static uint8_t buf[64 << 10];
  for (const auto& r : mem.regions()) {
    for (uint64_t off = 0; off < r.size; off += sizeof buf) {
      const uint64_t n = std::min<uint64_t>(sizeof buf, r.size - off);
      mem.read(r.base + off, buf, n);
      d = mix(d, buf, n);
    }
  }
  o.digest = d;
  return o;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size < kHeader + 4) return 0;
  const Outcome a = run_once(data, size);
  const Outcome b = run_once(data, size);
  // Compare the fields that are architectural or reported (not the padding).
  bool same = a.stop == b.stop && a.executed == b.executed && a.digest == b.digest &&
              std::memcmp(a.s.x, b.s.x, sizeof a.s.x) == 0 && a.s.sp == b.s.sp && a.s.pc == b.s.pc &&
              a.s.nzcv == b.s.nzcv && a.s.fpcr == b.s.fpcr && a.s.fpsr == b.s.fpsr &&
              a.s.tpidr_el0 == b.s.tpidr_el0 && std::memcmp(a.s.v, b.s.v, sizeof a.s.v) == 0 &&
              a.s.retired == b.s.retired;
  if (same && a.stop == core::Stop::Fault)
    same = a.s.stop.fault_addr == b.s.stop.fault_addr && a.s.stop.access == b.s.stop.access;
  if (same && (a.stop == core::Stop::Undefined || a.stop == core::Stop::Halt || a.stop == core::Stop::Breakpoint))
    same = a.s.stop.insn == b.s.stop.insn;
  if (!same) {
    std::fprintf(stderr, "fuzz_decode: two runs of the same input ended differently (stop %d/%d, pc 0x%llx/0x%llx)\n",
                 int(a.stop), int(b.stop), (unsigned long long)a.s.pc, (unsigned long long)b.s.pc);
    std::abort();
  }
  if (a.executed > kBudget) std::abort();
  return 0;
}
