#include "process.hpp"

#include <elf.h>


namespace cuarm::os {

void setup_stack(Machine& m, const ElfInfo& elf, const std::vector<std::string>& argv,
                 const std::vector<std::string>& envp) {
  m.map(kStackTop - kStackSize, kStackSize, PermRW);
  uint64_t sp = kStackTop;
  auto push_string = [&](const std::string& s) {
    sp -= s.size() + 1;
    m.write_memory(sp, std::span(reinterpret_cast<const uint8_t*>(s.c_str()), s.size() + 1));
    return sp;
  };
  std::vector<uint64_t> argv_ptrs, envp_ptrs;
  for (const auto& a : argv) argv_ptrs.push_back(push_string(a));
  for (const auto& e : envp) envp_ptrs.push_back(push_string(e));
  const std::vector<std::pair<uint64_t, uint64_t>> auxv = {
      {AT_PHDR, elf.phdr}, {AT_PHENT, elf.phent}, {AT_PHNUM, elf.phnum}, {AT_PAGESZ, 4096},
      {AT_ENTRY, elf.entry}, {AT_NULL, 0}};
  std::vector<uint64_t> words;
  words.push_back(argv_ptrs.size());
  words.insert(words.end(), argv_ptrs.begin(), argv_ptrs.end());
  words.push_back(0);
  words.insert(words.end(), envp_ptrs.begin(), envp_ptrs.end());
  words.push_back(0);
  for (auto [k, v] : auxv) words.push_back(k), words.push_back(v);
  sp = (sp - words.size() * 8) & ~uint64_t(15);
  m.write_memory(sp, std::span(reinterpret_cast<const uint8_t*>(words.data()), words.size() * 8));
  m.set_sp(sp);
}

Status run_process(Machine& m, uint64_t max_cycles, const SyscallOptions& o,
                   const std::function<void(const Status&)>& on_progress) {
  uint64_t total = 0;
  double elapsed = 0;
  while (true) {
    m.start(max_cycles - total);
    Status st;
    if (on_progress) {
      while (!m.wait_for(0.1)) {
        Status live = m.poll();
        live.cycles_executed += total;
        live.elapsed_seconds += elapsed;
        live.ips = live.elapsed_seconds > 0 ? live.cycles_executed / live.elapsed_seconds : 0;
        if (live.is_running) on_progress(live);
      }
    }
    st = m.wait();
    total += st.cycles_executed;
    elapsed += st.elapsed_seconds;
    st.cycles_executed = total;
    st.elapsed_seconds = elapsed;
    st.ips = elapsed > 0 ? total / elapsed : 0;
    if (st.signal != StopReason::Syscall) return st;
    int status = 0;
    if (service_syscall(m, o, &status) == SyscallOutcome::Exited) {
      m.set_exit(status);
      st.signal = StopReason::Exit;
      st.exit_status = status;
      return st;
    }
  }
}

}  // namespace cuarm::os
