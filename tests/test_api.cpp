// The Machine API contract: stop reasons, exact MAX_CYCLES, async start/poll/wait/cancel, errors.
#include <chrono>
#include <thread>

#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint32_t kAddX0 = 0x91000400;    // add x0, x0, #1
constexpr uint32_t kBackTo0 = 0x17ffffff;  // b .-4
constexpr uint32_t kSelf = 0x14000000;     // b .
constexpr uint32_t kHlt = 0xd4400000;      // hlt #0
constexpr uint32_t kSvc = 0xd4000001;      // svc #0
constexpr uint32_t kBrk = 0xd4200000;      // brk #0

TEST(Api, MaxCyclesZeroRetiresNothing) {
  auto m = words_machine({kAddX0, kHlt});
  const Status st = m->run(0);
  EXPECT_EQ(st.signal, StopReason::MaxCycles);
  EXPECT_EQ(st.cycles_executed, 0u);
  EXPECT_EQ(m->pc(), 0x1000u);
  EXPECT_EQ(m->x(0), 0u);
}

TEST(Api, MaxCyclesIsExact) {
  for (uint64_t n : {1ull, 2ull, 3ull, 999ull, 1000ull, 1000001ull}) {
    auto m = words_machine({kAddX0, kBackTo0});
    const Status st = m->run(n);
    EXPECT_EQ(st.signal, StopReason::MaxCycles);
    EXPECT_EQ(st.cycles_executed, n);
    EXPECT_EQ(m->x(0), (n + 1) / 2) << n;
    EXPECT_EQ(m->pc(), n % 2 ? 0x1004u : 0x1000u) << n;
  }
}

TEST(Api, HaltBreakpointAndUndefinedLeavePcOnTheInstruction) {
  auto m = words_machine({kAddX0, kHlt});
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_STREQ(st.signal_name(), "HALT");
  EXPECT_EQ(st.cycles_executed, 1u);
  EXPECT_EQ(st.pc, 0x1004u);

  m = words_machine({kBrk});
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Breakpoint);
  EXPECT_EQ(st.pc, 0x1000u);

  m = words_machine({kAddX0, 0x00000000 /* udf #0 */});
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Undefined);
  EXPECT_EQ(st.insn, 0u);
  EXPECT_EQ(st.pc, 0x1004u);
  EXPECT_EQ(st.cycles_executed, 1u);
}

TEST(Api, SyscallStopsAfterSvcAndResumes) {
  auto m = words_machine({kSvc, kAddX0, kHlt});
  m->set_x(8, 64);
  Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Syscall);
  EXPECT_EQ(st.syscall, 64u);
  EXPECT_EQ(st.insn, kSvc);
  EXPECT_EQ(st.cycles_executed, 1u);
  EXPECT_EQ(st.pc, 0x1004u);
  st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Halt);
  EXPECT_EQ(m->x(0), 1u);
}

TEST(Api, WildBranchFaultsOnFetch) {
  auto m = words_machine({0xd61f0020 /* br x1 */});
  m->set_x(1, 0xdead0000);
  const Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Fault);
  EXPECT_EQ(st.fault_access, AccessKind::Fetch);
  EXPECT_EQ(st.fault_address, 0xdead0000u);
  EXPECT_EQ(st.pc, 0xdead0000u);
}

TEST(Api, WriteToReadOnlyRegionFaults) {
  auto m = words_machine({0xf9000020 /* str x0, [x1] */, kHlt});
  m->map(0x100000, 0x1000, PermR);
  m->set_x(1, 0x100008);
  m->set_x(0, 42);
  const Status st = m->run(100);
  EXPECT_EQ(st.signal, StopReason::Fault);
  EXPECT_EQ(st.fault_access, AccessKind::Write);
  EXPECT_EQ(st.fault_address, 0x100008u);
  EXPECT_EQ(st.pc, 0x1000u);
  EXPECT_EQ(m->read_memory(0x100008, 8), std::vector<uint8_t>(8, 0));
}

TEST(Api, ExecutingNonExecutableMemoryFaults) {
  MachineOptions o;
  o.memory_size = 0;
  o.backend = test_backend();
  Machine m(o);
  m.map(0x10000, 0x1000, PermRW);
  m.set_pc(0x10000);
  const Status st = m.run(10);
  EXPECT_EQ(st.signal, StopReason::Fault);
  EXPECT_EQ(st.fault_access, AccessKind::Fetch);
  EXPECT_EQ(st.fault_address, 0x10000u);
}

TEST(Api, SelfModifyingCodeIsSeen) {
  // The first run decodes `add`; replacing it with `hlt` must take effect (decode cache dropped).
  auto m = words_machine({kAddX0, kBackTo0});
  m->run(10);
  const uint8_t hlt[4] = {0x00, 0x00, 0x40, 0xd4};
  m->write_memory(0x1000, hlt);
  m->set_pc(0x1000);
  EXPECT_EQ(m->run(10).signal, StopReason::Halt);
}

TEST(Api, AsyncStartPollCancel) {
  auto m = words_machine({kSelf});
  m->start(UINT64_MAX);
  EXPECT_TRUE(m->is_running());
  EXPECT_THROW(m->start(1), Error);
  EXPECT_THROW(m->x(0), Error);
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  const Status live = m->poll();
  EXPECT_TRUE(live.is_running);
  EXPECT_GT(live.cycles_executed, 0u);
  EXPECT_GT(live.elapsed_seconds, 0.0);
  EXPECT_GT(live.ips, 0.0);
  const auto t0 = std::chrono::steady_clock::now();
  m->cancel();
  const Status st = m->wait();
  const double dt = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  EXPECT_LT(dt, 0.5);
  EXPECT_EQ(st.signal, StopReason::Cancelled);
  EXPECT_FALSE(st.is_running);
  EXPECT_FALSE(m->is_running());
  EXPECT_GE(st.cycles_executed, live.cycles_executed);
  EXPECT_EQ(m->pc(), 0x1000u);
}

TEST(Api, BlockingRunCanBeWatchedAndCancelled) {
  // run() may execute on the calling thread (the CPU backend does): another thread still sees
  // it running, reads live progress, and cancels it.
  auto m = words_machine({kSelf});
  Status live, st;
  std::thread runner([&] { st = m->run(UINT64_MAX); });
  while (!m->is_running()) std::this_thread::yield();
  std::this_thread::sleep_for(std::chrono::milliseconds(50));
  live = m->poll();
  m->cancel();
  runner.join();
  EXPECT_TRUE(live.is_running);
  EXPECT_GT(live.cycles_executed, 0u);
  EXPECT_EQ(st.signal, StopReason::Cancelled);
  EXPECT_GE(st.cycles_executed, live.cycles_executed);
  EXPECT_FALSE(m->is_running());
}

TEST(Api, WaitForTimesOut) {
  auto m = words_machine({kSelf});
  m->start(UINT64_MAX);
  EXPECT_FALSE(m->wait_for(0.01));
  m->cancel();
  EXPECT_TRUE(m->wait_for(5));
  EXPECT_EQ(m->poll().signal, StopReason::Cancelled);
}

TEST(Api, MapErrorsAreClear) {
  MachineOptions o;
  o.memory_size = 0x10000;
  o.backend = test_backend();
  Machine m(o);
  EXPECT_THROW(m.map(0x8000, 0x1000, PermRW), Error);   // overlaps flat memory
  EXPECT_THROW(m.map(0x20001, 0x1000, PermRW), Error);  // unaligned
  EXPECT_THROW(m.map(0x20000, 0, PermRW), Error);
  EXPECT_THROW(m.map(0xfffffffffffff000ull, 0x2000, PermRW), Error);  // wraps
  try {
    m.map(0x8000, 0x1000, PermRW);
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("overlaps"), std::string::npos) << e.what();
  }
  EXPECT_THROW(m.unmap(0x20000, 0x1000), Error);
  m.map(0x20000, 0x1000, PermRW);
  m.unmap(0x20000, 0x1000);
  EXPECT_EQ(m.regions().size(), 1u);
}

TEST(Api, OutOfRangeAccessesThrow) {
  auto m = words_machine({kHlt});
  const uint8_t b[8] = {};
  EXPECT_THROW(m->load_program(b, 0xfffc), Error);  // crosses the end of memory
  EXPECT_THROW(m->read_memory(0x10000, 1), Error);
  EXPECT_THROW(m->x(31), Error);
  EXPECT_THROW(m->set_x(-1, 0), Error);
  EXPECT_THROW(m->set_nzcv(1), Error);
  EXPECT_THROW(parse_backend("gpu"), Error);
}

TEST(Api, CudaBackendReportsClearly) {
  if (test_backend() == BackendKind::Cuda) GTEST_SKIP() << "this run tests the CUDA backend itself";
  MachineOptions o;
  o.backend = BackendKind::Cuda;
  try {
    Machine m(o);
    SUCCEED() << "CUDA backend available: " << m.backend_name();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("cuda"), std::string::npos) << e.what();
  }
}

}  // namespace
}  // namespace cuarm::test
