// System instructions at EL0: hints, barriers, CLREX, MRS/MSR, DC ZVA and the cache
// maintenance Linux allows, and everything else in the class being UNDEFINED.
#include <time.h>

#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint32_t kHlt = 0xd4400000;  // hlt #0

const Snippets& snippets() {
  static Snippets s("system");
  return s;
}

// Runs `w` alone at 0x1000 and expects UNDEFINED on it with nothing retired and x0 unchanged.
void expect_undefined(uint32_t w) {
  auto m = words_machine({w, kHlt});
  m->set_x(0, 0x5a5a);
  m->set_x(1, 0x2000);
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Undefined) << std::hex << w;
  EXPECT_EQ(st.pc, 0x1000u) << std::hex << w;
  EXPECT_EQ(st.insn, w) << std::hex << w;
  EXPECT_EQ(st.cycles_executed, 0u) << std::hex << w;
  EXPECT_EQ(m->x(0), 0x5a5au) << std::hex << w;
}

// Runs `w` then hlt #0 and returns the machine, expecting the HLT to be reached.
std::unique_ptr<Machine> run_word(uint32_t w, std::initializer_list<std::pair<int, uint64_t>> regs = {}) {
  auto m = words_machine({w, kHlt});
  for (auto [r, v] : regs) m->set_x(r, v);
  const Status st = m->run(10);
  EXPECT_EQ(st.signal, StopReason::Halt) << std::hex << w;
  EXPECT_EQ(st.pc, 0x1004u) << std::hex << w;
  return m;
}

uint64_t host_ticks() {
  timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return (uint64_t(ts.tv_sec) * 1000000000ull + uint64_t(ts.tv_nsec)) / 16;
}

// ---- hints -------------------------------------------------------------------------------

TEST(SystemHint, NamedHintsAreNops) {
  auto m = snippets().machine();
  m->set_pc(snippets().symbol("t_hints"));
  for (int r = 1; r < 31; ++r) m->set_x(r, 0x1111111111111111ull * (r % 15 + 1));
  m->set_nzcv(0xa0000000);
  const uint64_t sp = m->sp();
  EXPECT_EQ(m->run(1000).signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 1u);
  for (int r = 1; r < 31; ++r) EXPECT_EQ(m->x(r), 0x1111111111111111ull * (r % 15 + 1)) << "x" << r;
  EXPECT_EQ(m->nzcv(), 0xa0000000u);
  EXPECT_EQ(m->sp(), sp);
}

TEST(SystemHint, EveryHintImmediateIsANop) {
  for (uint32_t imm = 0; imm < 128; ++imm) {
    const uint32_t w = 0xd503201f | (imm << 5);  // hint #imm
    auto m = words_machine({w, kHlt});
    m->set_x(17, 0x1717);
    m->set_x(30, 0x3030);
    const Status st = m->run(10);
    EXPECT_EQ(st.signal, StopReason::Halt) << imm;
    EXPECT_EQ(st.cycles_executed, 1u) << imm;
    EXPECT_EQ(m->x(17), 0x1717u) << imm;
    EXPECT_EQ(m->x(30), 0x3030u) << imm;
  }
}

TEST(SystemHint, HintWithRtNot31IsUndefined) {
  expect_undefined(0xd5032000);  // hint space, Rt = 0
  expect_undefined(0xd503201e);  // hint space, Rt = 30
  expect_undefined(0xd5032fe0);  // hint #0x7f, Rt = 0
}

// ---- barriers and CLREX --------------------------------------------------------------------

TEST(SystemBarrier, BarriersChangeNothing) {
  auto m = snippets().run("t_barriers", {{1, 7}}, 0x50000000);
  EXPECT_EQ(m->x(0), 1u);
  EXPECT_EQ(m->x(1), 7u);
  EXPECT_EQ(m->nzcv(), 0x50000000u);
}

TEST(SystemBarrier, AllOptionsOfDsbDmbIsbExecute) {
  for (uint32_t crm = 0; crm < 16; ++crm)
    for (uint32_t op2 : {4u, 5u, 6u}) {  // DSB, DMB, ISB
      const uint32_t w = 0xd503301f | (crm << 8) | (op2 << 5);
      run_word(w);
    }
}

TEST(SystemBarrier, UnallocatedBarriersAreUndefined) {
  expect_undefined(0xd503301f);  // op2 = 000
  expect_undefined(0xd503303f);  // op2 = 001
  expect_undefined(0xd503307f);  // op2 = 011 (TCOMMIT, TME)
  expect_undefined(0xd50330ff);  // sb (ARMv8.5)
  expect_undefined(0xd5033fff);  // op2 = 111, CRm = 15
  expect_undefined(0xd5033f80);  // dsb sy with Rt = 0
  expect_undefined(0xd5033fbe);  // dmb sy with Rt = 30
  expect_undefined(0xd5033f40);  // clrex with Rt = 0
}

TEST(SystemBarrier, ClrexClearsTheMonitor) {
  auto m = snippets().run("t_clrex", {{1, kData}, {2, 0x1234}});
  EXPECT_EQ(m->x(0), 1u);  // the store-exclusive failed
  EXPECT_EQ(m->read_memory(kData, 8), std::vector<uint8_t>(8, 0));
  m = snippets().run("t_clrex_imm", {{1, kData}, {2, 0x1234}});
  EXPECT_EQ(m->x(0), 1u);
  m = snippets().run("t_no_clrex", {{1, kData}, {2, 0x1234}});
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->read_memory(kData, 2), (std::vector<uint8_t>{0x34, 0x12}));
}

// ---- MRS / MSR -----------------------------------------------------------------------------

TEST(SystemReg, TpidrEl0ReadWrite) {
  auto m = snippets().run("t_tpidr", {{1, 0xfedcba9876543210ull}});
  EXPECT_EQ(m->x(2), 0u);
  EXPECT_EQ(m->x(0), 0xfedcba9876543210ull);
  EXPECT_EQ(m->registers().tpidr_el0, 0xfedcba9876543210ull);

  // A value set through the API is what MRS reads.
  auto n = snippets().machine();
  Registers r = n->registers();
  r.tpidr_el0 = 0x123456789abcull;
  r.pc = snippets().symbol("t_tpidr");
  r.x[1] = 5;
  n->set_registers(r);
  EXPECT_EQ(n->run(100).signal, StopReason::Halt);
  EXPECT_EQ(n->x(2), 0x123456789abcull);
  EXPECT_EQ(n->x(0), 5u);
}

TEST(SystemReg, NzcvReadWrite) {
  auto m = snippets().run("t_nzcv", {{1, 0xffffffffffffffffull}}, 0x90000000);
  EXPECT_EQ(m->x(2), 0x90000000u);  // NZCV read on entry
  EXPECT_EQ(m->x(0), 0xf0000000u);  // only bits 31:28 exist
  EXPECT_EQ(m->nzcv(), 0xf0000000u);
  EXPECT_EQ(m->x(3), 1u);  // Z set: EQ holds

  m = snippets().run("t_nzcv", {{1, 0x0fffffff20000000ull}}, 0x40000000);  // C only
  EXPECT_EQ(m->x(2), 0x40000000u);
  EXPECT_EQ(m->x(0), 0x20000000u);
  EXPECT_EQ(m->nzcv(), 0x20000000u);
  EXPECT_EQ(m->x(3), 0u);

  m = snippets().run("t_nzcv", {{1, 0}}, 0xf0000000);
  EXPECT_EQ(m->x(2), 0xf0000000u);
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->nzcv(), 0u);
}

TEST(SystemReg, FpcrFpsrKeepOnlyDefinedBits) {
  // Values read back from qemu-aarch64 -cpu cortex-a53 after writing all ones.
  auto m = snippets().run("t_fp_control", {{1, ~0ull}, {2, ~0ull}});
  EXPECT_EQ(m->x(0), 0x07f70000u);  // AHP DN FZ RMode Stride Len; no FZ16, no trap enables
  EXPECT_EQ(m->x(3), 0xf800009fu);  // N Z C V QC, IDC, IXC UFC OFC DZC IOC
  EXPECT_EQ(m->registers().fpcr, 0x07f70000u);
  EXPECT_EQ(m->registers().fpsr, 0xf800009fu);

  m = snippets().run("t_fp_control", {{1, 0x00c00000}, {2, 0x08000001}});  // RMode=RZ; QC, IOC
  EXPECT_EQ(m->x(0), 0x00c00000u);
  EXPECT_EQ(m->x(3), 0x08000001u);

  m = snippets().run("t_fp_control", {{1, 0x00089f00}, {2, 0x07ffff60}});  // only undefined bits
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->x(3), 0u);
}

TEST(SystemReg, XzrOperands) {
  auto m = snippets().machine();
  Registers r = m->registers();
  r.tpidr_el0 = 77;
  r.pc = snippets().symbol("t_msr_xzr");
  r.x[0] = 99;
  m->set_registers(r);
  EXPECT_EQ(m->run(100).signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 0u);  // msr tpidr_el0, xzr wrote zero
  EXPECT_EQ(m->sp(), kStackTop);  // mrs xzr did not write SP
}

TEST(SystemReg, ReadOnlyRegistersHaveTheCortexA53LinuxValues) {
  auto m = snippets().run("t_read_only");
  EXPECT_EQ(m->x(0), 0x84448004u);   // CTR_EL0
  EXPECT_EQ(m->x(1), 0x4u);          // DCZID_EL0: 64-byte DC ZVA
  EXPECT_EQ(m->x(2), 62500000u);     // CNTFRQ_EL0
  EXPECT_EQ(m->x(3), 0x410fd034u);   // MIDR_EL1
  EXPECT_EQ(m->x(4), 0x80000000u);   // MPIDR_EL1
  EXPECT_EQ(m->x(5), 0u);            // REVIDR_EL1
  EXPECT_EQ(m->x(6), 0x11u);         // ID_AA64PFR0_EL1
  EXPECT_EQ(m->x(7), 0u);            // ID_AA64PFR1_EL1
  EXPECT_EQ(m->x(8), 0x6u);          // ID_AA64DFR0_EL1
  EXPECT_EQ(m->x(9), 0u);            // ID_AA64DFR1_EL1
  EXPECT_EQ(m->x(10), 0u);           // ID_AA64AFR0_EL1
  EXPECT_EQ(m->x(11), 0u);           // ID_AA64AFR1_EL1
  EXPECT_EQ(m->x(12), 0x11120u);     // ID_AA64ISAR0_EL1: AES+PMULL SHA1 SHA2 CRC32
  EXPECT_EQ(m->x(13), 0u);           // ID_AA64ISAR1_EL1
  EXPECT_EQ(m->x(14), 0xff000000u);  // ID_AA64MMFR0_EL1
  EXPECT_EQ(m->x(15), 0u);           // ID_AA64MMFR1_EL1
  EXPECT_EQ(m->x(16), 0u);           // ID_AA64MMFR2_EL1
  EXPECT_EQ(m->x(17), 0u);           // ID_AA64ZFR0_EL1
  EXPECT_EQ(m->x(18), 0u);           // ID_AA64ISAR2_EL1
  EXPECT_EQ(m->x(19), 0u);           // reserved
}

// The whole op0=3 op1=0 CRn=0 space, as `qemu-aarch64 -cpu cortex-a53` answers it: CRm=0 has
// MIDR/MPIDR/REVIDR only, CRm=1..3 (AArch32 ID registers) trap, CRm=4..7 read (mostly 0).
TEST(SystemReg, IdRegisterSpace) {
  for (uint32_t crm = 0; crm < 8; ++crm)
    for (uint32_t op2 = 0; op2 < 8; ++op2) {
      const uint32_t w = 0xd5380000 | (crm << 8) | (op2 << 5) | 3;  // mrs x3, s3_0_c0_c<crm>_<op2>
      SCOPED_TRACE(testing::Message() << "crm " << crm << " op2 " << op2);
      if (crm == 0 && op2 != 0 && op2 != 5 && op2 != 6) {
        expect_undefined(w);
        continue;
      }
      if (crm >= 1 && crm <= 3) {
        expect_undefined(w);
        continue;
      }
      uint64_t want = 0;
      if (crm == 0 && op2 == 0) want = 0x410fd034;
      if (crm == 0 && op2 == 5) want = 0x80000000;
      if (crm == 4 && op2 == 0) want = 0x11;
      if (crm == 5 && op2 == 0) want = 0x6;
      if (crm == 6 && op2 == 0) want = 0x11120;
      if (crm == 7 && op2 == 0) want = 0xff000000;
      auto m = run_word(w, {{3, 0xdeadbeef}});
      EXPECT_EQ(m->x(3), want);
    }
}

TEST(SystemReg, OtherRegistersAreUndefined) {
  expect_undefined(0xd53bd060);  // mrs x0, tpidrro_el0
  expect_undefined(0xd53b4220);  // mrs x0, daif
  expect_undefined(0xd53be020);  // mrs x0, cntpct_el0
  expect_undefined(0xd5384240);  // mrs x0, currentel
  expect_undefined(0xd5330100);  // mrs x0, mdccsr_el0
  expect_undefined(0xd53be320);  // mrs x0, cntv_ctl_el0
  expect_undefined(0xd5390400);  // mrs x0, s3_1_c0_c4_0 (op1 != 0 near the ID space)
  expect_undefined(0xd5381400);  // mrs x0, s3_0_c1_c4_0 (CRn != 0)
  expect_undefined(0xd53b0000);  // mrs x0, s3_3_c0_c0_0
  expect_undefined(0xd5184000);  // msr spsr_el1, x0
  expect_undefined(0xd51bd060);  // msr tpidrro_el0, x0
  expect_undefined(0xd51b4220);  // msr daif, x0
}

TEST(SystemReg, WritesToReadOnlyRegistersAreUndefined) {
  expect_undefined(0xd5180000);  // msr midr_el1, x0
  expect_undefined(0xd51800a0);  // msr mpidr_el1, x0
  expect_undefined(0xd5180600);  // msr id_aa64isar0_el1, x0
  expect_undefined(0xd51b0020);  // msr ctr_el0, x0
  expect_undefined(0xd51b00e0);  // msr dczid_el0, x0
  expect_undefined(0xd51be040);  // msr cntvct_el0, x0
  expect_undefined(0xd51be000);  // msr cntfrq_el0, x0 (EL1 only)
}

TEST(SystemReg, MsrImmediateIsUndefined) {
  expect_undefined(0xd50342df);  // msr daifset, #2
  expect_undefined(0xd50342ff);  // msr daifclr, #2
  expect_undefined(0xd50040bf);  // msr spsel, #0
  expect_undefined(0xd500401f);  // cfinv (v8.4)
  expect_undefined(0xd500403f);  // xaflag (v8.5)
  expect_undefined(0xd500405f);  // axflag (v8.5)
  expect_undefined(0xd500417f);  // msr uao, #1 (v8.2)
  expect_undefined(0xd500419f);  // msr pan, #1 (v8.1)
  expect_undefined(0xd503415f);  // msr dit, #1 (v8.4)
  expect_undefined(0xd503413f);  // msr ssbs, #1 (v8.5)
}

// ---- the counter ---------------------------------------------------------------------------

TEST(SystemCounter, DeterministicCounterCountsRetiredInstructions) {
  auto m = snippets().run("t_cntvct", {{1, 1000}}, 0, StopReason::Halt, true);
  EXPECT_EQ(m->x(0), 0u);     // nothing retired before the first read
  EXPECT_EQ(m->x(3), 2002u);  // mrs, mov, 1000 x (subs, b.ne)
}

TEST(SystemCounter, DeterministicCounterSpansRuns) {
  auto m = snippets().machine(true);
  m->set_pc(snippets().symbol("t_cntvct"));
  m->set_x(1, 10);
  EXPECT_EQ(m->run(5).signal, StopReason::MaxCycles);
  EXPECT_EQ(m->run(3).signal, StopReason::MaxCycles);
  EXPECT_EQ(m->run(1000).signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 0u);
  EXPECT_EQ(m->x(3), 22u);
}

TEST(SystemCounter, HostCounterAdvances) {
  auto m = snippets().machine();
  m->set_pc(snippets().symbol("t_cntvct"));
  m->set_x(1, 200000);
  const uint64_t before = host_ticks();
  EXPECT_EQ(m->run(1000000).signal, StopReason::Halt);
  const uint64_t after = host_ticks();
  EXPECT_GT(m->x(3), m->x(0));
  EXPECT_NE(m->x(0), 0u);
  if (test_backend() == BackendKind::Cpu) {  // same clock as ours: the reads lie in between
    EXPECT_LE(before, m->x(0));
    EXPECT_LE(m->x(3), after);
  }
}

// ---- SYS -----------------------------------------------------------------------------------

std::unique_ptr<Machine> zva_machine() {
  auto m = snippets().machine();
  m->write_memory(kData, std::vector<uint8_t>(0x400, 0xaa));
  return m;
}

TEST(SystemSys, DcZvaZeroesTheAlignedBlock) {
  auto m = zva_machine();
  m->set_pc(snippets().symbol("t_dc_zva"));
  m->set_x(1, kData + 0x146);
  EXPECT_EQ(m->run(100).signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 2u);
  const auto mem = m->read_memory(kData, 0x400);
  for (size_t i = 0; i < mem.size(); ++i)
    EXPECT_EQ(mem[i], (i >= 0x140 && i < 0x180) ? 0 : 0xaa) << std::hex << i;
  EXPECT_EQ(m->x(1), kData + 0x146);  // the address register is not written
}

TEST(SystemSys, DcZvaAlignedAddressAndLastBlockOfARegion) {
  auto m = zva_machine();
  m->set_pc(snippets().symbol("t_dc_zva"));
  m->set_x(1, kData + 0x40);
  EXPECT_EQ(m->run(100).signal, StopReason::Halt);
  auto mem = m->read_memory(kData, 0xc0);
  for (size_t i = 0; i < mem.size(); ++i) EXPECT_EQ(mem[i], (i >= 0x40 && i < 0x80) ? 0 : 0xaa) << i;

  m = snippets().machine();
  m->write_memory(kData + kDataSize - 0x80, std::vector<uint8_t>(0x80, 0x55));
  m->set_pc(snippets().symbol("t_dc_zva"));
  m->set_x(1, kData + kDataSize - 1);
  EXPECT_EQ(m->run(100).signal, StopReason::Halt);
  mem = m->read_memory(kData + kDataSize - 0x80, 0x80);
  for (size_t i = 0; i < mem.size(); ++i) EXPECT_EQ(mem[i], i >= 0x40 ? 0 : 0x55) << i;
}

TEST(SystemSys, DcZvaFaultsOnUnmappedOrReadOnlyMemory) {
  auto m = snippets().machine();
  const uint64_t at = snippets().symbol("t_dc_zva");
  m->set_pc(at);
  m->set_x(1, 0x100005);  // unmapped
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Fault);
  EXPECT_EQ(st.fault_access, AccessKind::Write);
  EXPECT_EQ(st.fault_address, 0x100000u);
  EXPECT_EQ(st.pc, at + 4);
  EXPECT_EQ(st.cycles_executed, 1u);
  EXPECT_EQ(m->x(0), 1u);

  m = snippets().machine();  // the code (read-only) is left as it was
  m->set_pc(at);
  m->set_x(1, at + 8);
  const auto code = m->read_memory(at & ~63ull, 64);
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Fault);
  EXPECT_EQ(st.fault_access, AccessKind::Write);
  EXPECT_EQ(st.fault_address, at & ~63ull);
  EXPECT_EQ(m->read_memory(at & ~63ull, 64), code);
}

TEST(SystemSys, CacheMaintenanceIsANop) {
  auto m = snippets().run("t_cache_ops", {{1, kData + 8}});
  EXPECT_EQ(m->x(0), 1u);
  m = snippets().run("t_cache_ops", {{1, 0}});  // unmapped: still nothing happens
  EXPECT_EQ(m->x(0), 1u);
}

TEST(SystemSys, OtherSysAndSyslAreUndefined) {
  expect_undefined(0xd52b7420);  // sysl x0, #3, c7, c4, #1
  expect_undefined(0xd508751f);  // ic iallu
  expect_undefined(0xd5087620);  // dc ivac, x0
  expect_undefined(0xd50b7c21);  // dc cvap, x1 (v8.2)
  expect_undefined(0xd50b7d21);  // dc cvadp, x1 (v8.5)
  expect_undefined(0xd508871f);  // tlbi vmalle1
  expect_undefined(0xd5087840);  // at s1e0r, x0
  expect_undefined(0xd50b7401);  // sys #3, c7, c4, #0, x1
  expect_undefined(0xd50b7441);  // sys #3, c7, c4, #2, x1
  expect_undefined(0xd50a7421);  // sys #2, c7, c4, #1, x1
  expect_undefined(0xd50b8421);  // sys #3, c8, c4, #1, x1
}

}  // namespace
}  // namespace cuarm::test
