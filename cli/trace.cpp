#include "trace.hpp"

#include <capstone/capstone.h>
#include <fmt/format.h>

#include <string>

namespace cuarm::cli {
namespace {

class Disassembler {
 public:
  Disassembler() {
    if (cs_open(CS_ARCH_ARM64, CS_MODE_ARM, &handle_) != CS_ERR_OK) throw Error("capstone: cs_open failed");
  }
  ~Disassembler() { cs_close(&handle_); }
  std::string operator()(uint32_t word, uint64_t pc) {
    cs_insn* insn = nullptr;
    const size_t n = cs_disasm(handle_, reinterpret_cast<const uint8_t*>(&word), 4, pc, 1, &insn);
    std::string s = n ? fmt::format("{} {}", insn[0].mnemonic, insn[0].op_str) : "(unknown)";
    if (n) cs_free(insn, n);
    return s;
  }

 private:
  csh handle_ = 0;
};

std::string written(const Registers& a, const Registers& b) {
  std::string s;
  for (int i = 0; i < 31; ++i)
    if (a.x[i] != b.x[i]) s += fmt::format(" x{}=0x{:x}", i, b.x[i]);
  if (a.sp != b.sp) s += fmt::format(" sp=0x{:x}", b.sp);
  if (a.nzcv != b.nzcv) s += fmt::format(" nzcv={:04b}", b.nzcv >> 28);
  if (a.tpidr_el0 != b.tpidr_el0) s += fmt::format(" tpidr_el0=0x{:x}", b.tpidr_el0);
  if (a.fpcr != b.fpcr) s += fmt::format(" fpcr=0x{:08x}", b.fpcr);
  if (a.fpsr != b.fpsr) s += fmt::format(" fpsr=0x{:08x}", b.fpsr);
  for (int i = 0; i < 32; ++i)
    if (a.v[i][0] != b.v[i][0] || a.v[i][1] != b.v[i][1])
      s += fmt::format(" v{}=0x{:016x}{:016x}", i, b.v[i][1], b.v[i][0]);
  return s;
}

}  // namespace

Status run_traced(Machine& m, uint64_t max_cycles, Process* process, FILE* out) {
  Disassembler dis;
  Status st;
  uint64_t done = 0;
  double elapsed = 0;
  while (true) {
    if (done >= max_cycles) {
      st.signal = StopReason::MaxCycles;
      break;
    }
    const Registers before = m.registers();
    uint32_t word = 0;
    std::string text = "(unmapped)";
    try {
      m.read_memory(before.pc, std::span(reinterpret_cast<uint8_t*>(&word), 4));
      text = dis(word, before.pc);
    } catch (const Error&) {
    }
    st = m.run(1);
    done += st.cycles_executed;
    elapsed += st.elapsed_seconds;
    if (st.signal == StopReason::MaxCycles || st.signal == StopReason::Syscall) {
      fmt::print(out, "0x{:016x}: {:08x}  {:<32}{}\n", before.pc, word, text, written(before, m.registers()));
    }
    if (st.signal == StopReason::MaxCycles) continue;
    if (st.signal == StopReason::Syscall && process) {
      if (process->service_syscall(done)) {
        m.set_exit(process->exit_status());
        st.signal = StopReason::Exit;
        st.exit_status = process->exit_status();
        break;
      }
      continue;
    }
    break;
  }
  st.cycles_executed = done;
  st.elapsed_seconds = elapsed;
  st.ips = elapsed > 0 ? done / elapsed : 0;
  st.pc = m.pc();
  return st;
}

}  // namespace cuarm::cli
