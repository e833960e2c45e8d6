// What `--backend auto` picks (README, "Choosing a backend"): the CPU for one guest; for a batch,
// the GPU from kAutoGpuLanesPerCore lanes per host core up (when one is usable), else the CPU.
#include <cuarm/batch.hpp>
#include <cuarm/cuarm.hpp>
#include <gtest/gtest.h>

#include <thread>

#include "backend/registry.hpp"

namespace cuarm::test {
namespace {

TEST(BackendChoice, OneGuestRunsOnTheCpu) {
  EXPECT_EQ(auto_order_single(), std::vector<BackendKind>{BackendKind::Cpu});
  MachineOptions o;
  o.backend = BackendKind::Auto;
  Machine m(o);
  EXPECT_EQ(m.backend_kind(), BackendKind::Cpu);
}

TEST(BackendChoice, BatchesGoToTheGpuByLaneCount) {
  const uint64_t cores = std::max(1u, std::thread::hardware_concurrency());
  const uint64_t from = kAutoGpuLanesPerCore * cores;
  EXPECT_EQ(auto_order_batch(1), std::vector<BackendKind>{BackendKind::Cpu});
  EXPECT_EQ(auto_order_batch(from - 1), std::vector<BackendKind>{BackendKind::Cpu});
  EXPECT_EQ(auto_order_batch(from), (std::vector<BackendKind>{BackendKind::Cuda, BackendKind::Cpu}));
  // A small batch is on the CPU whether or not a GPU is here.
  BatchOptions o;
  o.lanes = 4;
  Batch b(o);
  EXPECT_EQ(b.backend_name(), "cpu");
}

}  // namespace
}  // namespace cuarm::test
