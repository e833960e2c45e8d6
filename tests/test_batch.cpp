// Batches: per-lane inputs and results, divergent lanes, isolation of faults, errors, and
// CPU-vs-GPU equivalence on random instruction streams (where a GPU is present).
#include <cuarm/batch.hpp>

#include <cstring>
#include <numeric>
#include <set>

#include "backend/batch_store.hpp"
#include "diff/generator.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

constexpr uint64_t kCode = 0x10000, kData = 0x100000;

const std::vector<uint8_t> kCountedLoop = words_to_bytes(kCountedLoopWords);
const std::vector<uint8_t> kByteSum = words_to_bytes(kByteSumWords);

std::unique_ptr<Batch> make_batch(uint64_t lanes, const std::vector<uint8_t>& code, BackendKind kind = test_backend()) {
  BatchOptions o;
  o.lanes = lanes;
  o.backend = kind;
  auto b = std::make_unique<Batch>(o);
  b->map(kCode, 0x1000, PermRX);
  b->map(kData, 0x2000, PermRW);
  b->load_program(code, kCode);
  b->set_pc(kCode);
  return b;
}

TEST(Batch, DivergentCountedLoops) {
  constexpr uint64_t kLanes = 1000;
  auto b = make_batch(kLanes, kCountedLoop);
  std::vector<uint64_t> n(kLanes);
  for (uint64_t i = 0; i < kLanes; ++i) n[i] = (i * 7919) % 3000;
  b->set_x(0, n);
  const BatchStatus st = b->run(UINT64_MAX);
  EXPECT_FALSE(st.is_running);
  EXPECT_EQ(st.lanes, kLanes);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Halt)], kLanes);
  uint64_t total = 0;
  const auto x1 = b->x(1);
  for (uint64_t i = 0; i < kLanes; ++i) {
    const Status ls = b->lane_status(i);
    EXPECT_EQ(ls.signal, StopReason::Halt) << i;
    const uint64_t expect_cycles = n[i] ? 3 * n[i] + 1 : 1;
    EXPECT_EQ(ls.cycles_executed, expect_cycles) << i;
    EXPECT_EQ(ls.pc, kCode + 16) << i;
    EXPECT_EQ(x1[i], n[i]) << i;
    total += expect_cycles;
  }
  EXPECT_EQ(st.cycles_executed, total);
}

TEST(Batch, MaxCyclesPerLaneIsExact) {
  auto b = make_batch(64, kCountedLoop);
  b->set_x(0, 1000000);
  const BatchStatus st = b->run(1001);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::MaxCycles)], 64u);
  for (uint64_t i = 0; i < 64; ++i) {
    EXPECT_EQ(b->lane_status(i).cycles_executed, 1001u);
    EXPECT_EQ(b->registers(i).pc, kCode + 4 + 4 * ((1001 - 1) % 3));  // 1 cbz + 333 loops + 1 add
  }
  EXPECT_EQ(b->x(1)[0], 334u);
}

TEST(Batch, PerLaneMemoryInAndOut) {
  constexpr uint64_t kLanes = 300;
  constexpr size_t kLen = 64;
  auto b = make_batch(kLanes, kByteSum);
  std::vector<uint8_t> inputs(kLanes * kLen);
  for (size_t i = 0; i < inputs.size(); ++i) inputs[i] = uint8_t(i * 31 + 7);
  b->write_memory_lanes(kData + 8, inputs, kLen);
  std::vector<uint64_t> lens(kLanes);
  for (uint64_t l = 0; l < kLanes; ++l) lens[l] = l % (kLen + 1);
  b->set_x(0, lens);
  b->set_x(2, kData + 8);
  b->set_x(4, kData);
  b->run(100000);
  const auto sums = b->read_memory_lanes(kData, 8);
  for (uint64_t l = 0; l < kLanes; ++l) {
    uint64_t expect = 0;
    for (size_t k = 0; k < lens[l]; ++k) expect += inputs[l * kLen + k];
    uint64_t got;
    std::memcpy(&got, sums.data() + l * 8, 8);
    EXPECT_EQ(got, expect) << l;
    EXPECT_EQ(b->x(1)[l], expect) << l;
    EXPECT_EQ(b->lane_status(l).signal, StopReason::Halt);
  }
  // One lane's memory through the single-lane calls.
  b->write_memory(5, kData + 8, std::vector<uint8_t>(kLen, 1));
  EXPECT_EQ(b->read_memory(5, kData + 8, 3), std::vector<uint8_t>(3, 1));
  EXPECT_EQ(b->read_memory(6, kData + 8, 1)[0], inputs[6 * kLen]);
}

// Writable memory is copy-on-write per 4 KiB page: a lane sees the image until it writes, and
// owns only the pages it wrote (an unaligned store across a page boundary takes both).
TEST(Batch, WritablePagesAreCopiedOnWrite) {
  auto b = make_batch(4, kByteSum);  // x0 = 0: the program stores x1 = 0 at [x4] and halts
  std::vector<uint8_t> image(0x2000);
  for (size_t i = 0; i < image.size(); ++i) image[i] = uint8_t(i * 7 + 1);
  b->load_program(image, kData);  // before any per-lane write: the image every lane starts from
  b->set_x(0, 0);
  const std::vector<uint64_t> at = {kData + 0x10, kData + 0x1008, kData + 0xffc, kCode};  // lane 3 faults
  b->set_x(4, at);
  const uint64_t before = b->memory_per_lane();
  EXPECT_LT(before, 0x1000u) << "a lane that wrote nothing costs its state and page tables";
  const BatchStatus st = b->run(100);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Halt)], 3u);
  EXPECT_EQ(b->lane_status(3).signal, StopReason::Fault);
  EXPECT_EQ(st.pages_written, 4u);  // one page for lanes 0 and 1, two for lane 2
  EXPECT_FALSE(st.out_of_pages);
  EXPECT_EQ(b->memory_per_lane(), before + 4 * 0x1000 / 4);
  for (uint64_t l = 0; l < 4; ++l) {
    std::vector<uint8_t> expect = image;
    if (l < 3) std::fill_n(expect.begin() + long(at[l] - kData), 8, 0);
    EXPECT_EQ(b->read_memory(l, kData, 0x2000), expect) << "lane " << l;
  }
  // The host's per-lane writes take pages the same way, across a page boundary too.
  b->write_memory(3, kData + 0xff0, std::vector<uint8_t>(0x20, 0xab));
  EXPECT_EQ(b->read_memory(3, kData + 0xfe8, 0x30)[8], 0xab);
  EXPECT_EQ(b->read_memory(3, kData + 0xfe8, 0x30)[7], image[0xfef]);
  EXPECT_EQ(b->read_memory(2, kData + 0xff0, 4), std::vector<uint8_t>(image.begin() + 0xff0, image.begin() + 0xff4));
}

// A page pool too small for what lanes write stops the writing lane with a fault and says so;
// the other lanes and the host are unaffected.
TEST(Batch, AFullPagePoolStopsTheWritingLane) {
  BatchOptions o;
  o.lanes = 2;
  o.backend = test_backend();
  o.page_pool_bytes = 0x1000;  // one page for both lanes
  Batch b(o);
  b.map(kCode, 0x1000, PermRX);
  b.map(kData, 0x2000, PermRW);
  b.load_program(kByteSum, kCode);
  b.set_pc(kCode);
  b.set_x(0, 0);
  b.set_x(4, std::vector<uint64_t>{kData, kData + 0x1000});
  const BatchStatus st = b.run(100);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Halt)], 1u);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Fault)], 1u);
  EXPECT_TRUE(st.out_of_pages);
  EXPECT_EQ(st.pages_written, 1u);
  const uint64_t faulted = b.lane_status(0).signal == StopReason::Fault ? 0 : 1;
  EXPECT_EQ(b.lane_status(faulted).fault_address, kData + 0x1000 * faulted);
  EXPECT_EQ(b.read_memory(faulted, kData, 0x2000), std::vector<uint8_t>(0x2000, 0));
  try {
    b.write_memory(faulted, kData, std::vector<uint8_t>(1, 1));
    ADD_FAILURE() << "a write into a full page pool succeeded";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("page pool"), std::string::npos) << e.what();
  }
}

// Over several stores (GPUs), a pool limit is the batch's, shared out like the lanes: with one
// page for two lanes on two stores, the second store has none. (Two CPU stores stand in for two
// GPUs, so that this runs everywhere.)
TEST(Batch, APoolLimitIsSharedOutOverTheStores) {
  std::vector<std::unique_ptr<BatchStore>> parts;
  parts.push_back(make_cpu_batch_store());
  parts.push_back(make_cpu_batch_store());
  auto store = make_sharded_store(std::move(parts));
  ImageRegion data{kData, 0x2000, PermRW, std::vector<uint8_t>(0x2000, 7)};
  store->setup({data}, 2, 1);
  const uint8_t one = 1;
  store->write(0, 0, 0x1000, &one, 1);
  EXPECT_THROW(store->write(0, 1, 0x1000, &one, 1), Error);
  uint8_t back[2] = {};
  store->read(0, 0, 0xfff, back, 2);
  EXPECT_EQ(back[0], 7);
  EXPECT_EQ(back[1], 1);
  store->read(0, 1, 0x1000, back, 1);
  EXPECT_EQ(back[0], 7);
  const PageUse u = store->page_use();
  EXPECT_EQ(u.used, 1u);
  EXPECT_EQ(u.capacity, 1u);
  // Without a limit every share gets room for all its pages.
  std::vector<std::unique_ptr<BatchStore>> again;
  again.push_back(make_cpu_batch_store());
  again.push_back(make_cpu_batch_store());
  store = make_sharded_store(std::move(again));
  store->setup({data}, 3, BatchStore::kPoolAuto);
  EXPECT_EQ(store->page_use().capacity, 3u * 2);
}

TEST(Batch, OneLaneFaultDoesNotTouchOthers) {
  constexpr uint64_t kLanes = 100;
  auto b = make_batch(kLanes, kByteSum);
  std::vector<uint64_t> x4(kLanes, kData);
  x4[17] = 0xdead0000;  // lane 17 stores to unmapped memory
  x4[60] = kCode;       // lane 60 stores into read-only code
  b->set_x(4, x4);
  b->set_x(0, 0);
  const BatchStatus st = b->run(1000);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Fault)], 2u);
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Halt)], kLanes - 2);
  const Status f = b->lane_status(17);
  EXPECT_EQ(f.signal, StopReason::Fault);
  EXPECT_EQ(f.fault_address, 0xdead0000u);
  EXPECT_EQ(f.fault_access, AccessKind::Write);
  EXPECT_EQ(f.pc, kCode + 24);
  EXPECT_EQ(b->lane_status(60).fault_address, kCode);
  EXPECT_EQ(b->read_memory(60, kCode, 4), std::vector<uint8_t>(kByteSum.begin(), kByteSum.begin() + 4));
}

TEST(Batch, CancelStopsEveryLane) {
  auto b = make_batch(256, words_to_bytes({0x14000000 /* b . */}));
  b->start(UINT64_MAX);
  EXPECT_TRUE(b->is_running());
  EXPECT_THROW(b->x(0), Error);
  EXPECT_FALSE(b->wait_for(0.05));
  const BatchStatus live = b->poll();
  EXPECT_TRUE(live.is_running);
  b->cancel();
  const BatchStatus st = b->wait();
  EXPECT_EQ(st.by_reason[uint8_t(StopReason::Cancelled)], 256u);
  EXPECT_GT(st.cycles_executed, 0u);
}

TEST(Batch, ErrorsAreClear) {
  BatchOptions o;
  o.lanes = 4;
  o.backend = test_backend();
  Batch b(o);
  EXPECT_THROW(b.map(kCode, 0x1000, PermRWX), Error);
  b.map(kCode, 0x1000, PermRX);
  b.map(kData, 0x1000, PermRW);
  EXPECT_THROW(b.map(kCode, 0x1000, PermRW), Error);
  EXPECT_THROW(b.write_memory(4, kData, std::vector<uint8_t>(4)), Error);      // lane out of range
  EXPECT_THROW(b.write_memory(0, kCode, std::vector<uint8_t>(4)), Error);      // shared region
  EXPECT_THROW(b.write_memory(0, kData + 0xffe, std::vector<uint8_t>(4)), Error);  // past the region
  EXPECT_THROW(b.write_memory_lanes(kData, std::vector<uint8_t>(7), 2), Error);
  EXPECT_THROW(b.set_x(0, std::vector<uint64_t>(3)), Error);
  BatchOptions zero = o;
  zero.lanes = 0;
  EXPECT_THROW(Batch{zero}, Error);
  // Its state and a page-table entry per writable page (the pages come when written).
  EXPECT_GE(b.memory_per_lane(), 4 + sizeof(uint64_t) * 31);
}

// Lanes running random instruction streams from the differential generator: each lane its own
// stream and registers, so lanes diverge (different stops, different instruction counts).
struct RandomBatchResult {
  std::vector<Registers> regs;
  std::vector<Status> status;
  std::vector<uint8_t> data;
  std::string backend;
};

RandomBatchResult run_random_batch(const BatchOptions& options) {
  constexpr uint64_t kSlot = 16;  // bytes of code per lane: its random stream
  diff::Generator gen(0x5eed);
  std::vector<uint8_t> code(diff::kCodeSize, 0);
  Batch b(options);
  b.map(diff::kCode, diff::kCodeSize, PermRX);
  b.map(diff::kData, diff::kDataSize, PermRW);
  std::vector<Registers> init(options.lanes);
  for (uint64_t l = 0; l < options.lanes; ++l) {
    const diff::Case c = gen.make(l);
    for (size_t k = 0; k < c.words.size(); ++k) std::memcpy(code.data() + l * kSlot + 4 * k, &c.words[k], 4);
    init[l] = c.init;
    init[l].pc = diff::kCode + l * kSlot;
  }
  b.load_program(code, diff::kCode);
  b.load_program(gen.data(), diff::kData);
  for (uint64_t l = 0; l < options.lanes; ++l) b.set_registers(l, init[l]);
  b.run(12);
  RandomBatchResult r;
  for (uint64_t l = 0; l < options.lanes; ++l) {
    r.regs.push_back(b.registers(l));
    r.status.push_back(b.lane_status(l));
  }
  r.data = b.read_memory_lanes(diff::kData, diff::kDataSize);
  r.backend = b.backend_name();
  return r;
}

void expect_same_lanes(const RandomBatchResult& a, const RandomBatchResult& g) {
  ASSERT_EQ(a.regs.size(), g.regs.size());
  for (size_t l = 0; l < a.regs.size(); ++l) {
    ASSERT_EQ(std::memcmp(&a.regs[l], &g.regs[l], sizeof a.regs[l]), 0) << "lane " << l << " on " << g.backend;
    ASSERT_EQ(a.status[l].signal, g.status[l].signal) << "lane " << l;
    ASSERT_EQ(a.status[l].cycles_executed, g.status[l].cycles_executed) << "lane " << l;
    ASSERT_EQ(a.status[l].fault_address, g.status[l].fault_address) << "lane " << l;
  }
  EXPECT_EQ(a.data, g.data);
}

BatchOptions random_batch_options(BackendKind kind, std::vector<int> devices = {}) {
  BatchOptions o;
  o.lanes = 2048;
  o.backend = kind;
  o.deterministic = true;
  o.devices = std::move(devices);
  return o;
}

TEST(Batch, CpuAndGpuAgreeBitForBit) {
  if (!cuda_backend_built()) GTEST_SKIP() << "this build has no CUDA backend (CPU-vs-GPU equivalence needs one)";
  const RandomBatchResult cpu = run_random_batch(random_batch_options(BackendKind::Cpu));
  RandomBatchResult gpu;
  try {
    gpu = run_random_batch(random_batch_options(BackendKind::Cuda, {0}));
  } catch (const Error& e) {
    GTEST_SKIP() << "no usable CUDA device: " << e.what();
  }
  expect_same_lanes(cpu, gpu);
  // The lanes must really diverge: different stop reasons and different instruction counts.
  std::set<StopReason> stops;
  std::set<uint64_t> cycle_counts;
  for (const Status& st : cpu.status) stops.insert(st.signal), cycle_counts.insert(st.cycles_executed);
  EXPECT_GE(stops.size(), 2u);
  EXPECT_GE(cycle_counts.size(), 5u);
}

// Lanes give the same results whatever device (share) they ran on: the same GPU named twice
// (two shares on one card), and every visible GPU when there are several.
TEST(Batch, SameResultsOnEveryDeviceSplit) {
  if (!cuda_backend_built()) GTEST_SKIP() << "this build has no CUDA backend";
  RandomBatchResult one;
  try {
    one = run_random_batch(random_batch_options(BackendKind::Cuda, {0}));
  } catch (const Error& e) {
    GTEST_SKIP() << "no usable CUDA device: " << e.what();
  }
  const RandomBatchResult twice = run_random_batch(random_batch_options(BackendKind::Cuda, {0, 0}));
  EXPECT_NE(twice.backend.find(" x2"), std::string::npos) << twice.backend;
  expect_same_lanes(one, twice);
  const RandomBatchResult all = run_random_batch(random_batch_options(BackendKind::Cuda));
  expect_same_lanes(one, all);
  std::printf("[batch] all visible devices: %s\n", all.backend.c_str());
}

TEST(Batch, TooManyLanesForTheGpuSaysHowManyFit) {
  if (!cuda_backend_built()) GTEST_SKIP() << "this build has no CUDA backend";
  BatchOptions o;
  o.lanes = 1000000;
  o.backend = BackendKind::Cuda;
  o.devices = {0};
  std::unique_ptr<Batch> b;
  try {
    b = std::make_unique<Batch>(o);
  } catch (const Error& e) {
    GTEST_SKIP() << "no usable CUDA device: " << e.what();
  }
  b->map(kCode, 0x1000, PermRX);
  b->map(kData, 1ull << 30, PermRW);  // 1 GiB a lane: a million lanes cannot fit
  try {
    b->run(1);
    ADD_FAILURE() << "a petabyte of lanes fitted";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("at most"), std::string::npos) << e.what();
  }
}

TEST(Batch, BadDeviceIsAnError) {
  if (!cuda_backend_built()) GTEST_SKIP() << "this build has no CUDA backend";
  BatchOptions o;
  o.lanes = 4;
  o.backend = BackendKind::Cuda;
  o.devices = {1000};
  EXPECT_THROW(Batch{o}, Error);
}

}  // namespace
}  // namespace cuarm::test
