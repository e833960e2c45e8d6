// CPU-vs-GPU equivalence for single guests: the same random instruction streams (from the
// differential generator) on a CPU Machine and a CUDA Machine must end bit-identically.
#include <cstring>

#include "diff/generator.hpp"
#include "diff/unicorn_runner.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

TEST(Equivalence, CpuAndGpuSingleGuestsAgree) {
  if (!cuda_backend_built()) GTEST_SKIP() << "this build has no CUDA backend (CPU-vs-GPU equivalence needs one)";
  std::unique_ptr<diff::CuarmRunner> gpu;
  try {
    gpu = std::make_unique<diff::CuarmRunner>(BackendKind::Cuda);
  } catch (const Error& e) {
    GTEST_SKIP() << "no usable CUDA device: " << e.what();
  }
  diff::CuarmRunner cpu(BackendKind::Cpu);
  diff::Generator gen(0xe9e9);
  cpu.machine().write_memory(diff::kData, gen.data());
  gpu->machine().write_memory(diff::kData, gen.data());
  const uint64_t cases = std::getenv("CUARM_EQUIV_CASES") ? std::strtoull(std::getenv("CUARM_EQUIV_CASES"), nullptr, 0) : 3000;
  uint64_t ends[4] = {};
  for (uint64_t i = 0; i < cases; ++i) {
    const diff::Case c = gen.make(i);
    const diff::Outcome a = cpu.run(c), g = gpu->run(c);
    ASSERT_EQ(a.end, g.end) << "case " << i << ": " << a.detail << " vs " << g.detail;
    ASSERT_EQ(a.executed, g.executed) << "case " << i;
    ASSERT_EQ(a.fault_addr, g.fault_addr) << "case " << i;
    ASSERT_EQ(std::memcmp(&a.regs, &g.regs, sizeof a.regs), 0) << "case " << i << ": " << a.detail;
    ++ends[int(a.end)];
    cpu.clrex();
    gpu->clrex();
  }
  EXPECT_EQ(cpu.machine().read_memory(diff::kData, diff::kDataSize),
            gpu->machine().read_memory(diff::kData, diff::kDataSize));
  EXPECT_GT(ends[int(diff::End::Completed)], 0u);
  EXPECT_GT(ends[int(diff::End::Fault)], 0u);
}

}  // namespace
}  // namespace cuarm::test
