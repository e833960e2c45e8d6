// The calls about the process itself: exit, ids, uname, limits, system figures, the futex of a
// single-threaded process, random bytes, umask.
#include <sys/resource.h>
#include <sys/sysinfo.h>

#include <cstring>

#include "handlers.hpp"

namespace cuarm::os {

int64_t sys_exit(ProcessState& k, A a) {
  k.ended = true;
  k.exit_status = int(a[0] & 0xff);
  return 0;
}
int64_t sys_uname(ProcessState& k, A a) {
  char u[6][65] = {};
  std::strcpy(u[0], "Linux");
  std::strcpy(u[1], "cuarm");
  std::strcpy(u[2], "6.1.0-cuarm");
  std::strcpy(u[3], "#1 SMP PREEMPT cuarm");
  std::strcpy(u[4], "aarch64");
  std::strcpy(u[5], "(none)");
  return wr(k, a[0], u, sizeof u);
}
int64_t sys_set_tid_address(ProcessState& k, A a) {
  k.clear_child_tid = a[0];
  return k.pid;
}
int64_t sys_set_robust_list(ProcessState&, A a) { return a[1] == 24 ? 0 : -EINVAL; }
int64_t sys_enosys(ProcessState&, A) { return -ENOSYS; }
int64_t sys_zero(ProcessState&, A) { return 0; }
int64_t sys_getpid(ProcessState& k, A) { return k.pid; }
int64_t sys_getppid(ProcessState& k, A) { return k.ppid; }
int64_t sys_getuid(ProcessState& k, A) { return k.uid; }
int64_t sys_getgid(ProcessState& k, A) { return k.gid; }

int64_t sys_getrandom(ProcessState& k, A a) {
  if (a[2] & ~uint64_t(7)) return -EINVAL;
  const uint64_t want = std::min<uint64_t>(a[1], 32u << 20);
  if (const int64_t e = need_mapped(k, a[0], want)) return e;
  std::vector<uint8_t> buf(want);
  k.fill_random(buf.data(), buf.size());
  if (const int64_t e = wr(k, a[0], buf.data(), buf.size())) return e;
  return int64_t(buf.size());
}
namespace {
int64_t rlimit(ProcessState& k, uint64_t res, uint64_t new_addr, uint64_t old_addr) {
  if (res >= 16) return -EINVAL;
  auto& lim = k.rlimits[int(res)];
  if (old_addr) {
    const uint64_t old[2] = {lim.first, lim.second};
    if (const int64_t e = wr(k, old_addr, old, sizeof old)) return e;
  }
  if (new_addr) {
    uint64_t cur, max;
    if (const int64_t e = rd_val(k, new_addr, &cur)) return e;
    if (const int64_t e = rd_val(k, new_addr + 8, &max)) return e;
    if (cur > max) return -EINVAL;
    if (max > lim.second) return -EPERM;  // as for an unprivileged process: hard limits only go down
    lim = {cur, max};
  }
  return 0;
}
}  // namespace
int64_t sys_prlimit64(ProcessState& k, A a) {
  if (a[0] != 0 && int(a[0]) != k.pid) return -ESRCH;
  return rlimit(k, a[1], a[2], a[3]);
}
int64_t sys_getrlimit(ProcessState& k, A a) { return rlimit(k, a[0], 0, a[1]); }
int64_t sys_setrlimit(ProcessState& k, A a) { return rlimit(k, a[0], a[1], 0); }
int64_t sys_sysinfo(ProcessState& k, A a) {
  struct sysinfo si{};
  if (k.opt.deterministic) {
    struct timespec ts;
    get_time(k, CLOCK_MONOTONIC, &ts);
    si.uptime = ts.tv_sec;
    si.totalram = 4ull << 30, si.freeram = 2ull << 30;
    si.procs = 1;
    si.mem_unit = 1;
  } else if (::sysinfo(&si) != 0) {
    return -errno;
  }
  static_assert(sizeof si == 112);  // the same layout on arm64 and x86-64
  return wr_val(k, a[0], si);
}
int64_t sys_sched_getaffinity(ProcessState& k, A a) {
  if (a[1] < 8 || a[1] % 8) return -EINVAL;
  if (a[0] != 0 && int(a[0]) != k.pid) return -ESRCH;
  if (const int64_t e = wr_val(k, a[2], uint64_t(1))) return e;  // one CPU: the guest is one thread
  return 8;
}
int64_t sys_futex(ProcessState& k, A a) {
  const uint64_t cmd = a[1] & 0x7f;  // without FUTEX_PRIVATE_FLAG / FUTEX_CLOCK_REALTIME
  switch (cmd) {
    case 0:   // FUTEX_WAIT
    case 9: { // FUTEX_WAIT_BITSET
      uint32_t now;
      if (const int64_t e = rd_val(k, a[0], &now)) return e;
      if (now != uint32_t(a[2])) return -EAGAIN;
      // One thread: nobody can wake it. Time out (a timeout's time passes) instead of hanging.
      return a[3] ? -ETIMEDOUT : -EINTR;
    }
    case 1:   // FUTEX_WAKE
    case 10:  // FUTEX_WAKE_BITSET
      return 0;
    default: return -ENOSYS;
  }
}
int64_t sys_getrusage(ProcessState& k, A a) {
  if (int64_t(a[0]) != 0 && int64_t(a[0]) != -1 && int64_t(a[0]) != 1) return -EINVAL;
  uint8_t ru[144] = {};
  return wr(k, a[1], ru, sizeof ru);
}
int64_t sys_umask(ProcessState& k, A a) {
  const uint64_t old = k.umask;
  k.umask = a[0] & 0777;
  return int64_t(old);
}

}  // namespace cuarm::os
