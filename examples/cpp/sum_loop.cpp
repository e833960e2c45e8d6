// Runs a five-instruction AArch64 loop (x0 = 1 + 2 + ... + n) on the CPU backend through the
// installed library, and checks the sum: what a program built against cuarm::cuarm does.
#include <cuarm/cuarm.hpp>

#include <cstdio>
#include <vector>

int main() {
  // mov x0, #0 ; mov x1, #100 ; loop: add x0, x0, x1 ; subs x1, x1, #1 ; b.ne loop ; hlt #0
  const std::vector<uint32_t> words = {0xd2800000, 0xd2800c81, 0x8b010000, 0xf1000421, 0x54ffffc1, 0xd4400000};
  std::vector<uint8_t> code(words.size() * 4);
  for (size_t i = 0; i < words.size(); ++i)
    for (int b = 0; b < 4; ++b) code[4 * i + b] = uint8_t(words[i] >> (8 * b));
  cuarm::MachineOptions options;
  options.backend = cuarm::BackendKind::Cpu;
  cuarm::Machine m(options);
  m.load_program(code, 0x1000);
  m.set_pc(0x1000);
  const cuarm::Status s = m.run(1000);
  std::printf("x0 = %llu after %llu instructions (%s)\n", (unsigned long long)m.x(0),
              (unsigned long long)s.cycles_executed, m.backend_name().c_str());
  return s.signal == cuarm::StopReason::Halt && m.x(0) == 5050 ? 0 : 1;
}
