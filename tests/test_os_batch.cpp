// Batches of processes (prototype): every lane's output and exit status equal those of the same
// program run alone as a cuarm::Process with the same argv and stdin.
#include <cuarm/process_batch.hpp>

#include <cstring>
#include <fstream>
#include <iterator>

#include "support.hpp"

namespace cuarm::test {
namespace {

const std::string kDir = CUARM_OS_PROGRAMS_DIR;

std::vector<uint8_t> bytes(const std::string& name) {
  std::ifstream f(kDir + "/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

LaneResult alone(const std::string& name, const LaneProcess& lp, const ProcessBatchOptions& bo) {
  MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = bo.batch.backend;
  Machine m(mo);
  ProcessOptions o = bo.common;
  o.argv = lp.argv;
  o.stack_size = bo.stack_size, o.brk_size = bo.brk_size, o.mmap_size = bo.mmap_size;
  LaneResult r;
  size_t pos = 0;
  o.input = [&](uint8_t* d, size_t n) -> int64_t {
    const size_t c = std::min(n, lp.stdin_bytes.size() - pos);
    std::memcpy(d, lp.stdin_bytes.data() + pos, c);
    pos += c;
    return int64_t(c);
  };
  o.output = [&](int fd, const uint8_t* d, size_t n) { (fd == 2 ? r.err : r.out).append(reinterpret_cast<const char*>(d), n); };
  Process p(m, bytes(name), o);
  r.result = p.run();
  return r;
}

ProcessBatchOptions options() {
  ProcessBatchOptions bo;
  bo.batch.backend = test_backend();
  bo.common.deterministic = true;
  return bo;
}

void expect_lanes_like_alone(const std::string& name, const std::vector<LaneProcess>& lanes, const ProcessBatchOptions& bo) {
  const auto res = run_process_batch(bytes(name), lanes, bo);
  ASSERT_EQ(res.size(), lanes.size());
  for (size_t i = 0; i < lanes.size(); ++i) {
    const LaneResult one = alone(name, lanes[i], bo);
    EXPECT_EQ(res[i].out, one.out) << name << " lane " << i;
    EXPECT_EQ(res[i].err, one.err) << name << " lane " << i;
    EXPECT_EQ(res[i].result.exit_code, one.result.exit_code) << name << " lane " << i;
    EXPECT_EQ(res[i].result.term_signal, one.result.term_signal) << name << " lane " << i;
  }
}

TEST(OsBatch, LanesHaveTheirOwnArgvAndStdin) {
  std::vector<LaneProcess> lanes;
  for (int i = 0; i < 12; ++i) lanes.push_back({{"echo", std::to_string(i)}, std::string(size_t(i * 37), char('a' + i))});
  const auto res = run_process_batch(bytes("echo"), lanes, options());
  for (int i = 0; i < 12; ++i) {
    EXPECT_EQ(res[size_t(i)].out, std::string(size_t(i * 37), char('A' + i)));
    EXPECT_EQ(res[size_t(i)].err, "bytes=" + std::to_string(i * 37) + "\n");
    EXPECT_EQ(res[size_t(i)].result.exit_code, 3);
    EXPECT_GT(res[size_t(i)].cycles, 0u);
  }
  expect_lanes_like_alone("echo", lanes, options());
}

TEST(OsBatch, ImageArgvAndSignalsPerLane) {
  std::vector<LaneProcess> img;
  for (int i = 0; i < 5; ++i) img.push_back({{"proc_image", "lane", std::string(size_t(i + 1), 'x')}, ""});
  expect_lanes_like_alone("proc_image", img, options());
  std::vector<LaneProcess> sig = {{{"signals", "abort"}, ""}, {{"signals", "ignored"}, ""}, {{"signals", "term"}, ""}};
  const auto res = run_process_batch(bytes("signals"), sig, options());
  EXPECT_EQ(res[0].result.exit_code, 134);
  EXPECT_EQ(res[0].result.term_signal, 6);
  EXPECT_EQ(res[1].result.exit_code, 5);
  EXPECT_EQ(res[2].result.exit_code, 143);
  expect_lanes_like_alone("signals", sig, options());
  expect_lanes_like_alone("sighandler", {{{"sighandler"}, ""}, {{"sighandler"}, ""}}, options());
  expect_lanes_like_alone("misc", {{{"misc"}, ""}, {{"misc"}, ""}, {{"misc"}, ""}}, options());
}

TEST(OsBatch, MemoryCallsInLanes) {
  ProcessBatchOptions bo = options();
  bo.mmap_size = 96u << 20;  // memory.c maps 64 MiB at once
  expect_lanes_like_alone("memory", {{{"memory"}, ""}, {{"memory"}, ""}}, bo);
  const auto res = run_process_batch(bytes("memory"), {{{"memory"}, ""}}, bo);
  EXPECT_NE(res[0].out.find("small_mmaps=1\n"), std::string::npos) << res[0].out;
  EXPECT_NE(res[0].out.find("mremap_grow=1\n"), std::string::npos) << res[0].out;
}

}  // namespace
}  // namespace cuarm::test
