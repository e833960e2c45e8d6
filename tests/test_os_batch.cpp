// Batches of processes: every lane's output and exit status equal those of the same program run
// alone as a cuarm::Process with the same argv and stdin; the asynchronous ProcessBatch (start,
// poll, wait_for, cancel, errors of its driver thread, destruction while running).
#include <cuarm/process_batch.hpp>

#include <atomic>
#include <chrono>
#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <thread>

#include "support.hpp"

namespace cuarm::test {
namespace {

const std::string kDir = CUARM_OS_PROGRAMS_DIR;

std::vector<uint8_t> bytes(const std::string& name) {
  std::ifstream f(kDir + "/" + name, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
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
    const LaneResult one = run_alone(bytes(name), lanes[i], bo);
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

// --- ProcessBatch: the asynchronous form -------------------------------------------------------

using Clock = std::chrono::steady_clock;

double seconds_since(Clock::time_point t) { return std::chrono::duration<double>(Clock::now() - t).count(); }

// What `spin CHUNKS ITERS` writes after `chunks` chunks (programs_os/spin.c): "K K*ITERS\n" each.
std::string spin_output(uint64_t chunks, uint64_t iters) {
  std::string s;
  for (uint64_t k = 1; k <= chunks; ++k) s += std::to_string(k) + " " + std::to_string(k * iters) + "\n";
  return s;
}

LaneProcess spin(uint64_t chunks, uint64_t iters) { return {{"spin", std::to_string(chunks), std::to_string(iters)}, ""}; }

// Polls until pred(status) holds or `seconds` pass; returns the last status.
template <class P>
ProcessBatchStatus poll_until(const ProcessBatch& pb, double seconds, P&& pred) {
  const auto t0 = Clock::now();
  ProcessBatchStatus st = pb.poll();
  while (!pred(st) && seconds_since(t0) < seconds) {
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
    st = pb.poll();
  }
  return st;
}

// A lane that runs for hours (a syscall every 200000 iterations), and three short ones.
std::vector<LaneProcess> long_and_short() {
  return {spin(3, 1000), spin(1000000000, 200000), spin(5, 10), {{"spin"}, ""}};
}

TEST(OsBatchAsync, StartReturnsAtOncePollShowsProgressCancelEndsTheRest) {
  ProcessBatch pb(bytes("spin"), long_and_short(), options());
  EXPECT_FALSE(pb.is_running());
  ProcessBatchStatus st = pb.poll();
  EXPECT_EQ(st.lanes, 4u);
  EXPECT_EQ(st.lanes_ended, 0u);
  EXPECT_FALSE(st.is_running);
  const auto t0 = Clock::now();
  pb.start();
  EXPECT_LT(seconds_since(t0), 1.0);  // the rounds go on in the background
  EXPECT_TRUE(pb.is_running());
  EXPECT_THROW(pb.results(), Error);
  EXPECT_THROW(pb.start(), Error);

  // The short lanes end within a few rounds; the long one keeps going, round after round.
  st = poll_until(pb, 60, [](const ProcessBatchStatus& s) { return s.lanes_ended == 3 && s.rounds >= 10; });
  ASSERT_EQ(st.lanes_ended, 3u);
  ASSERT_GE(st.rounds, 10u);
  EXPECT_TRUE(st.is_running);
  EXPECT_FALSE(st.cancelled);
  EXPECT_GT(st.cycles_executed, 10u * 200000u);  // ten rounds of the long lane at least
  EXPECT_GT(st.elapsed_seconds, 0);
  const ProcessBatchStatus later = poll_until(pb, 60, [&](const ProcessBatchStatus& s) { return s.cycles_executed > st.cycles_executed; });
  EXPECT_GT(later.cycles_executed, st.cycles_executed);
  EXPECT_GE(later.rounds, st.rounds);

  pb.cancel();
  const ProcessBatchStatus end = pb.wait();
  EXPECT_FALSE(end.is_running);
  EXPECT_TRUE(end.cancelled);
  EXPECT_EQ(end.lanes_ended, 4u);
  const auto& res = pb.results();
  ASSERT_EQ(res.size(), 4u);
  // Finished lanes keep their results, the same as alone.
  EXPECT_EQ(res[0].out, spin_output(3, 1000));
  EXPECT_EQ(res[0].result.exit_code, 3);
  EXPECT_EQ(res[0].result.status.signal, StopReason::Exit);
  EXPECT_EQ(res[2].out, spin_output(5, 10));
  EXPECT_EQ(res[2].result.exit_code, 5);
  EXPECT_EQ(res[3].out, "");  // spin without arguments exits 100 at once
  EXPECT_EQ(res[3].result.exit_code, 100);
  // The long lane was cut short: its output so far is a prefix of the whole.
  EXPECT_EQ(res[1].result.status.signal, StopReason::Cancelled);
  EXPECT_EQ(res[1].result.exit_code, 130);
  EXPECT_FALSE(res[1].out.empty());
  EXPECT_EQ(spin_output(1000, 200000).rfind(res[1].out, 0), 0u) << res[1].out.substr(0, 200);
  uint64_t sum = 0;
  for (const auto& r : res) {
    sum += r.cycles;
    EXPECT_EQ(r.result.status.cycles_executed, r.cycles);
  }
  EXPECT_EQ(end.cycles_executed, sum);
  EXPECT_GE(end.cycles_executed, later.cycles_executed);
  pb.cancel();  // harmless once stopped
  EXPECT_EQ(pb.wait().lanes_ended, 4u);
}

TEST(OsBatchAsync, WaitForTimesOutThenSucceeds) {
  ProcessBatch pb(bytes("spin"), {spin(1, 1000000000000ull), spin(2, 5)}, options());  // one round of hours
  EXPECT_TRUE(pb.wait_for(0));  // not started: nothing to wait for
  pb.start();
  const auto t0 = Clock::now();
  EXPECT_FALSE(pb.wait_for(0.1));
  EXPECT_GE(seconds_since(t0), 0.09);
  EXPECT_TRUE(pb.is_running());
  // Within one round: the live count comes from the Batch run in progress.
  const ProcessBatchStatus st = poll_until(pb, 60, [](const ProcessBatchStatus& s) { return s.cycles_executed > 1000000; });
  EXPECT_GT(st.cycles_executed, 1000000u);
  EXPECT_EQ(st.rounds, 0u);
  EXPECT_EQ(st.lanes_ended, 0u);
  pb.cancel();
  EXPECT_TRUE(pb.wait_for(60));
  EXPECT_FALSE(pb.is_running());
  const auto& res = pb.results();
  // A cancel in the first round: nobody was serviced, so even the short lane (stopped at its
  // first write) reports Cancelled, with nothing written.
  for (const auto& r : res) {
    EXPECT_EQ(r.result.status.signal, StopReason::Cancelled);
    EXPECT_EQ(r.out, "");
  }
  EXPECT_GT(res[0].cycles, 1000000u);
  EXPECT_TRUE(pb.poll().cancelled);
}

TEST(OsBatchAsync, ResultsEqualTheBlockingFunctionAndAlone) {
  std::vector<LaneProcess> lanes;
  for (uint64_t i = 0; i < 6; ++i) lanes.push_back(spin(i + 1, 1000 * i));
  lanes.push_back({{"spin", "x"}, ""});
  ProcessBatchOptions bo = options();
  std::vector<std::pair<uint64_t, std::string>> tapped;
  bo.lane_output = [&](uint64_t lane, int fd, std::string_view b) {
    EXPECT_EQ(fd, 1);
    tapped.emplace_back(lane, std::string(b));
  };
  ProcessBatch pb(bytes("spin"), lanes, bo);
  pb.start();
  const ProcessBatchStatus st = pb.wait();
  EXPECT_FALSE(st.cancelled);
  EXPECT_EQ(st.lanes_ended, lanes.size());
  EXPECT_EQ(st.rounds, 6u * 4 + 1);  // the longest lane: 4 writes a chunk (spin.c) and exit, one syscall a round
  const auto& res = pb.results();
  bo.lane_output = nullptr;
  const auto blocking = run_process_batch(bytes("spin"), lanes, bo);
  ASSERT_EQ(res.size(), lanes.size());
  std::vector<std::string> from_tap(lanes.size());
  for (const auto& [lane, b] : tapped) from_tap[lane] += b;
  for (size_t i = 0; i < lanes.size(); ++i) {
    const LaneResult one = run_alone(bytes("spin"), lanes[i], bo);
    if (i < 6) {
      EXPECT_EQ(res[i].out, spin_output(i + 1, 1000 * i)) << i;
    }
    EXPECT_EQ(res[i].out, one.out) << i;
    EXPECT_EQ(res[i].out, blocking[i].out) << i;
    EXPECT_EQ(res[i].out, from_tap[i]) << i;
    EXPECT_EQ(res[i].result.exit_code, one.result.exit_code) << i;
    EXPECT_EQ(res[i].result.exit_code, blocking[i].result.exit_code) << i;
    EXPECT_EQ(res[i].result.exit_code, i < 6 ? int(i + 1) : 100) << i;
    EXPECT_EQ(res[i].cycles, blocking[i].cycles) << i;
    EXPECT_EQ(res[i].cycles, one.result.status.cycles_executed) << i;
  }
}

TEST(OsBatchAsync, MaxCyclesEndsALaneAsAlone) {
  ProcessBatch pb(bytes("spin"), {spin(2, 1000000000), spin(2, 10)}, options());
  pb.start(100000);
  pb.wait();
  const auto& res = pb.results();
  EXPECT_EQ(res[0].result.status.signal, StopReason::MaxCycles);
  EXPECT_EQ(res[0].result.exit_code, 124);
  EXPECT_EQ(res[0].cycles, 100000u);
  EXPECT_EQ(res[1].out, spin_output(2, 10));
  EXPECT_EQ(res[1].result.exit_code, 2);
}

TEST(OsBatchAsync, DestroyWhileRunningCancelsAndJoins) {
  for (int i = 0; i < 3; ++i) {
    auto pb = std::make_unique<ProcessBatch>(bytes("spin"), long_and_short(), options());
    pb->start();
    std::this_thread::sleep_for(std::chrono::milliseconds(20 * i));
    const auto t0 = Clock::now();
    pb.reset();
    EXPECT_LT(seconds_since(t0), 10.0);
  }
  ProcessBatch never_started(bytes("spin"), {spin(1, 1)}, options());  // destroyed without a run
}

TEST(OsBatchAsync, DriverErrorReachesWaitAndResults) {
  ProcessBatchOptions bo = options();
  bo.lane_output = [](uint64_t lane, int, std::string_view) {
    if (lane == 1) throw std::runtime_error("lane 1 wrote");
  };
  ProcessBatch pb(bytes("spin"), {spin(1000000, 10), spin(3, 10)}, bo);
  pb.start();
  try {
    pb.wait();
    ADD_FAILURE() << "wait() did not rethrow";
  } catch (const std::runtime_error& e) {
    EXPECT_STREQ(e.what(), "lane 1 wrote");
  }
  EXPECT_FALSE(pb.is_running());
  EXPECT_THROW(pb.wait(), std::runtime_error);  // every time
  EXPECT_THROW(pb.results(), std::runtime_error);
  EXPECT_TRUE(pb.wait_for(0));
}

TEST(OsBatchAsync, PollAndCancelFromOtherThreads) {
  ProcessBatch pb(bytes("spin"), long_and_short(), options());
  pb.start();
  std::atomic<bool> stop{false};
  std::atomic<uint64_t> polls{0};
  std::vector<std::thread> pollers;
  for (int t = 0; t < 3; ++t)
    pollers.emplace_back([&] {
      uint64_t last = 0;
      while (!stop) {
        const ProcessBatchStatus st = pb.poll();
        EXPECT_GE(st.cycles_executed, last);  // never goes back
        last = st.cycles_executed;
        ++polls;
      }
    });
  std::thread canceller([&] {
    poll_until(pb, 60, [](const ProcessBatchStatus& s) { return s.rounds >= 5; });
    pb.cancel();
  });
  pb.wait();
  canceller.join();
  stop = true;
  for (auto& t : pollers) t.join();
  EXPECT_GT(polls.load(), 0u);
  EXPECT_EQ(pb.results()[1].result.status.signal, StopReason::Cancelled);
}

TEST(OsBatchAsync, ConstructorErrors) {
  auto message = [](auto&& f) -> std::string {
    try {
      f();
    } catch (const Error& e) {
      return e.what();
    }
    return "(no error)";
  };
  EXPECT_NE(message([] { ProcessBatch pb(bytes("spin"), {}, options()); }).find("no lanes"), std::string::npos);
  EXPECT_NE(message([] { ProcessBatch pb(bytes("spin"), {spin(1, 1), {{}, "in"}}, options()); }).find("lane 1 has an empty argv"),
            std::string::npos);
  const std::vector<uint8_t> junk = {0x7f, 'E', 'L', 'F', 1, 2, 3};
  EXPECT_NE(message([&] { ProcessBatch pb(junk, {spin(1, 1)}, options()); }).find("ELF"), std::string::npos);
  ProcessBatch pb(bytes("spin"), {spin(1, 1)}, options());
  EXPECT_THROW(pb.results(), Error);  // not started
  EXPECT_EQ(pb.wait().lanes_ended, 0u);  // nothing to wait for
}

}  // namespace
}  // namespace cuarm::test
