// The guest's clocks and sleeps: the host's, or with --deterministic a clock that counts
// retired instructions (1 instruction = 1 ns) and sleeps that only move it on. docs/os.md,
// "Deterministic mode".
#include <sys/times.h>
#include <time.h>

#include "handlers.hpp"

namespace cuarm::os {
namespace {

constexpr int64_t kDetEpoch = 1700000000;  // deterministic CLOCK_REALTIME at instruction 0

int64_t det_ns(const ProcessState& k) { return int64_t(k.cycles) + k.sleep_ns; }  // 1 instruction = 1 ns

bool valid_clock(int64_t clk) { return clk >= 0 && clk <= 11 && clk != 10; }

}  // namespace

int64_t get_time(ProcessState& k, int64_t clk, struct timespec* ts) {
  if (!valid_clock(clk)) return -EINVAL;
  if (k.opt.deterministic) {
    int64_t ns = det_ns(k);
    if (clk == CLOCK_REALTIME || clk == CLOCK_REALTIME_COARSE || clk == 8 || clk == 11) ns += kDetEpoch * 1000000000ll;
    else if (clk != CLOCK_PROCESS_CPUTIME_ID && clk != CLOCK_THREAD_CPUTIME_ID) ns += 1000ll * 1000000000ll;
    ts->tv_sec = ns / 1000000000, ts->tv_nsec = ns % 1000000000;
    return 0;
  }
  return ret_errno(::clock_gettime(clockid_t(clk), ts));
}

namespace {

int64_t sleep_for(ProcessState& k, int64_t clk, int flags, const struct timespec& req) {
  if (req.tv_nsec < 0 || req.tv_nsec >= 1000000000 || req.tv_sec < 0) return -EINVAL;
  if (k.opt.deterministic) {
    // The deterministic clock saturates after 2^62 ns slept (146 years): a guest asking to sleep
    // for INT64_MAX seconds must not overflow it (found by fuzz_syscalls).
    constexpr int64_t kMaxSleepNs = int64_t(1) << 62;
    int64_t ns = req.tv_sec >= kMaxSleepNs / 1000000000 ? kMaxSleepNs : req.tv_sec * 1000000000ll + req.tv_nsec;
    if (flags & TIMER_ABSTIME) {
      struct timespec now;
      get_time(k, clk, &now);
      ns -= now.tv_sec * 1000000000ll + now.tv_nsec;
    }
    if (ns > 0) k.sleep_ns = ns >= kMaxSleepNs - k.sleep_ns ? kMaxSleepNs : k.sleep_ns + ns;
    return 0;
  }
  return -::clock_nanosleep(clockid_t(clk), flags, &req, nullptr);
}
struct GTimespec {
  int64_t sec, nsec;
};

}  // namespace

int64_t sys_clock_gettime(ProcessState& k, A a) {
  struct timespec ts;
  if (const int64_t e = get_time(k, int64_t(int32_t(a[0])), &ts)) return e;
  return wr_val(k, a[1], GTimespec{ts.tv_sec, ts.tv_nsec});
}
int64_t sys_gettimeofday(ProcessState& k, A a) {
  struct timespec ts;
  get_time(k, CLOCK_REALTIME, &ts);
  if (a[0])
    if (const int64_t e = wr_val(k, a[0], GTimespec{ts.tv_sec, ts.tv_nsec / 1000})) return e;
  if (a[1]) return wr_val(k, a[1], uint64_t(0));  // struct timezone: UTC
  return 0;
}
int64_t sys_clock_getres(ProcessState& k, A a) {
  const int64_t clk = int64_t(int32_t(a[0]));
  if (!valid_clock(clk)) return -EINVAL;
  struct timespec ts{0, 1};
  if (!k.opt.deterministic && ::clock_getres(clockid_t(clk), &ts) != 0) return -errno;
  return a[1] ? wr_val(k, a[1], GTimespec{ts.tv_sec, ts.tv_nsec}) : 0;
}
int64_t sys_nanosleep(ProcessState& k, A a) {
  GTimespec req;
  if (const int64_t e = rd_val(k, a[0], &req)) return e;
  return sleep_for(k, CLOCK_MONOTONIC, 0, {time_t(req.sec), long(req.nsec)});
}
int64_t sys_clock_nanosleep(ProcessState& k, A a) {
  const int64_t clk = int64_t(int32_t(a[0]));
  if (!valid_clock(clk) || clk == CLOCK_THREAD_CPUTIME_ID) return -EINVAL;
  GTimespec req;
  if (const int64_t e = rd_val(k, a[2], &req)) return e;
  return sleep_for(k, clk, int(a[1]), {time_t(req.sec), long(req.nsec)});
}
int64_t sys_times(ProcessState& k, A a) {
  uint64_t t[4] = {};
  int64_t now;
  if (k.opt.deterministic) {
    t[0] = uint64_t(det_ns(k) / 10000000);  // 100 ticks a second
    now = det_ns(k) / 10000000 + 100000;
  } else {
    struct tms h;
    now = ::times(&h);
    t[0] = uint64_t(h.tms_utime), t[1] = uint64_t(h.tms_stime);
  }
  if (a[0])
    if (const int64_t e = wr(k, a[0], t, sizeof t)) return e;
  return now;
}

}  // namespace cuarm::os
