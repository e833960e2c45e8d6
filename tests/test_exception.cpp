// Exception generation: SVC stops with SYSCALL after itself (retired) and resumes; HLT and BRK
// stop on themselves (not retired); every other encoding of the class is UNDEFINED at EL0.
#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("exception");
  return s;
}

std::unique_ptr<Machine> at(const std::string& name) {
  auto m = snippets().machine();
  m->set_pc(snippets().symbol(name));
  return m;
}

TEST(Exception, SvcStopsAfterItselfAndResumes) {
  auto m = at("t_svc");
  const uint64_t base = snippets().symbol("t_svc");
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Syscall);
  EXPECT_STREQ(st.signal_name(), "SYSCALL");
  EXPECT_EQ(st.pc, base + 12);  // after the SVC
  EXPECT_EQ(m->pc(), base + 12);
  EXPECT_EQ(st.cycles_executed, 3u);  // mov, mov, svc
  EXPECT_EQ(st.insn, 0xd4000001u);   // svc #0
  EXPECT_EQ(st.syscall, 93u);
  EXPECT_EQ(m->x(0), 7u);

  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(st.cycles_executed, 1u);  // mov x1; the HLT is not retired
  EXPECT_EQ(st.pc, base + 16);
  EXPECT_EQ(m->x(1), 5u);
}

TEST(Exception, SvcResumesThroughStartAndWait) {
  auto m = at("t_svc");
  m->start(100);
  Status st = m->wait();
  EXPECT_EQ(st.signal, StopReason::Syscall);
  EXPECT_EQ(st.cycles_executed, 3u);
  m->set_x(0, 0);  // what an OS layer would do: put the result in x0
  m->start(100);
  st = m->wait();
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->x(1), 5u);
}

TEST(Exception, SvcImmediateIsInTheWord) {
  auto m = at("t_svc_imm");
  const uint64_t base = snippets().symbol("t_svc_imm");
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Syscall);
  EXPECT_EQ(st.insn, 0xd4024681u);  // svc #0x1234
  EXPECT_EQ(st.pc, base + 4);
  EXPECT_EQ(st.cycles_executed, 1u);
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Syscall);
  EXPECT_EQ(st.insn, 0xd41fffe1u);  // svc #0xffff
  EXPECT_EQ(st.pc, base + 8);
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(st.insn, 0xd4400ee0u);  // hlt #0x77
  EXPECT_EQ(st.pc, base + 8);
}

TEST(Exception, MaxCyclesJustBeforeAnSvc) {
  auto m = at("t_svc");
  const uint64_t base = snippets().symbol("t_svc");
  Status st = m->run(2);
  EXPECT_EQ(st.signal, StopReason::MaxCycles);
  EXPECT_EQ(st.pc, base + 8);  // on the SVC, not yet executed
  st = m->run(1);
  EXPECT_EQ(st.signal, StopReason::Syscall);
  EXPECT_EQ(st.cycles_executed, 1u);
  EXPECT_EQ(st.pc, base + 12);
}

TEST(Exception, HltStopsOnItself) {
  auto m = at("t_hlt");
  const uint64_t base = snippets().symbol("t_hlt");
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_STREQ(st.signal_name(), "HALT");
  EXPECT_EQ(st.pc, base + 4);
  EXPECT_EQ(m->pc(), base + 4);
  EXPECT_EQ(st.cycles_executed, 1u);
  EXPECT_EQ(st.insn, 0xd4400aa0u);  // hlt #0x55
  EXPECT_EQ(m->x(0), 1u);
  st = m->run(100);  // running again halts again, on the same HLT
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(st.pc, base + 4);
  EXPECT_EQ(st.cycles_executed, 0u);
  EXPECT_EQ(m->x(0), 1u);
}

TEST(Exception, BrkStopsOnItself) {
  auto m = at("t_brk");
  const uint64_t base = snippets().symbol("t_brk");
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Breakpoint);
  EXPECT_STREQ(st.signal_name(), "BREAKPOINT");
  EXPECT_EQ(st.pc, base + 8);
  EXPECT_EQ(st.cycles_executed, 2u);
  EXPECT_EQ(st.insn, 0xd4207d00u);  // brk #0x3e8
  EXPECT_EQ(m->x(0), 1u);
  EXPECT_EQ(m->x(1), 2u);
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Breakpoint);
  EXPECT_EQ(st.cycles_executed, 0u);
  m->set_pc(base + 12);  // a debugger steps over it
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 3u);
}

TEST(Exception, OtherEncodingsAreUndefined) {
  const uint32_t words[] = {
      0xd4000002,  // hvc #0
      0xd4000003,  // smc #0
      0xd4a00001,  // dcps1
      0xd4a00002,  // dcps2
      0xd4a00003,  // dcps3
      0xd4000000,  // opc=000 LL=00
      0xd4000005,  // svc with op2 = 001
      0xd4200001,  // brk with LL = 01
      0xd4200004,  // brk with op2 = 001
      0xd4400001,  // hlt with LL = 01
      0xd4400010,  // hlt with op2 = 100
      0xd4600000,  // opc=011 (TCANCEL, TME)
      0xd4800000,  // opc=100
      0xd4a00000,  // opc=101 LL=00
      0xd4c00000,  // opc=110
      0xd4e00000,  // opc=111
  };
  for (uint32_t w : words) {
    auto m = words_machine({w, 0xd4400000});
    m->set_x(0, 0x5a);
    m->set_x(8, 93);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
    EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
    EXPECT_EQ(st.insn, w) << std::hex << w;
    EXPECT_EQ(st.cycles_executed, 0u) << std::hex << w;
    EXPECT_EQ(m->x(0), 0x5au) << std::hex << w;
  }
}

}  // namespace
}  // namespace cuarm::test
