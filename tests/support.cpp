#include "support.hpp"

#include <elf.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cstdio>

#include <cstdlib>
#include <cstring>
#include <fstream>
#include <iterator>

namespace cuarm::test {

BackendKind test_backend() {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return b ? parse_backend(b) : BackendKind::Cpu;
}

LaneResult run_alone(std::span<const uint8_t> image, const LaneProcess& lane, const ProcessBatchOptions& bo) {
  MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = bo.batch.backend;
  mo.deterministic = bo.batch.deterministic;
  Machine m(mo);
  ProcessOptions o = bo.common;
  o.argv = lane.argv;
  o.stack_size = bo.stack_size, o.brk_size = bo.brk_size, o.mmap_size = bo.mmap_size;
  LaneResult r;
  size_t pos = 0;
  o.input = [&](uint8_t* d, size_t n) -> int64_t {
    const size_t c = std::min(n, lane.stdin_bytes.size() - pos);
    std::memcpy(d, lane.stdin_bytes.data() + pos, c);
    pos += c;
    return int64_t(c);
  };
  o.output = [&](int fd, const uint8_t* d, size_t n) { (fd == 2 ? r.err : r.out).append(reinterpret_cast<const char*>(d), n); };
  Process p(m, image, o);
  r.result = p.run();
  r.cycles = r.result.status.cycles_executed;
  return r;
}

Snippets::Snippets(const std::string& file) {
  const std::string path = std::string(CUARM_ASM_DIR) + "/" + file + ".elf";
  std::ifstream f(path, std::ios::binary);
  if (!f) throw Error("cannot open snippet image " + path);
  image_.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  Elf64_Ehdr eh;
  std::memcpy(&eh, image_.data(), sizeof eh);
  for (int i = 0; i < eh.e_shnum; ++i) {
    Elf64_Shdr sh;
    std::memcpy(&sh, image_.data() + eh.e_shoff + i * sizeof sh, sizeof sh);
    if (sh.sh_type != SHT_SYMTAB) continue;
    Elf64_Shdr strtab;
    std::memcpy(&strtab, image_.data() + eh.e_shoff + sh.sh_link * sizeof strtab, sizeof strtab);
    for (uint64_t off = 0; off + sizeof(Elf64_Sym) <= sh.sh_size; off += sizeof(Elf64_Sym)) {
      Elf64_Sym sym;
      std::memcpy(&sym, image_.data() + sh.sh_offset + off, sizeof sym);
      const char* name = reinterpret_cast<const char*>(image_.data() + strtab.sh_offset + sym.st_name);
      if (*name) symbols_[name] = sym.st_value;
    }
  }
}

uint64_t Snippets::symbol(const std::string& name) const {
  auto it = symbols_.find(name);
  if (it == symbols_.end()) throw Error("no snippet symbol " + name);
  return it->second;
}

std::unique_ptr<Machine> Snippets::machine(bool deterministic) const {
  MachineOptions o;
  o.deterministic = deterministic;
  o.memory_size = 0;
  o.backend = test_backend();
  auto m = std::make_unique<Machine>(o);
  m->load_elf(image_);
  m->map(kData, kDataSize, PermRW);
  m->map(kStackTop - kStackSize, kStackSize, PermRW);
  m->set_sp(kStackTop);
  return m;
}

std::unique_ptr<Machine> Snippets::run(const std::string& name, std::initializer_list<std::pair<int, uint64_t>> regs,
                                       uint32_t nzcv, StopReason expect, bool deterministic) const {
  auto m = machine(deterministic);
  m->set_pc(symbol(name));
  for (auto [r, v] : regs) m->set_x(r, v);
  m->set_nzcv(nzcv);
  const Status st = m->run(100000);
  EXPECT_EQ(st.signal, expect) << name << " stopped with " << st.signal_name() << " at pc 0x" << std::hex << st.pc;
  return m;
}

CommandResult run_command(const std::string& cmd) {
  // One stderr file per process and call: CTest runs the tests of this binary in parallel.
  static int calls = 0;
  const std::string err_file =
      ::testing::TempDir() + "cuarm_cmd_stderr_" + std::to_string(getpid()) + "_" + std::to_string(++calls) + ".txt";
  FILE* p = popen((cmd + " 2>" + err_file).c_str(), "r");
  if (!p) throw Error("popen failed");
  CommandResult r;
  std::array<char, 4096> buf;
  size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  std::ifstream f(err_file);
  r.err.assign(std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>());
  std::remove(err_file.c_str());
  return r;
}

std::vector<uint8_t> words_to_bytes(const std::vector<uint32_t>& words) {
  std::vector<uint8_t> b;
  for (uint32_t w : words)
    for (int i = 0; i < 4; ++i) b.push_back(uint8_t(w >> (8 * i)));
  return b;
}

std::unique_ptr<Machine> words_machine(std::initializer_list<uint32_t> words) {
  MachineOptions o;
  o.memory_size = 0x10000;
  o.backend = test_backend();
  auto m = std::make_unique<Machine>(o);
  std::vector<uint8_t> bytes;
  for (uint32_t w : words)
    for (int i = 0; i < 4; ++i) bytes.push_back(uint8_t(w >> (8 * i)));
  m->load_program(bytes, 0x1000);
  m->set_pc(0x1000);
  m->set_sp(0x10000);
  return m;
}

}  // namespace cuarm::test
