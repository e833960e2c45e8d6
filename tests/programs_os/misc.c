/* Host-independent behaviour of the remaining calls (ids, time, random, limits, uname,
 * futex, ioctl on a non-tty, unknown numbers). Compared with qemu-aarch64. */
#include "sys.h"

struct ts {
  i64 sec, nsec;
};

int cmain(u64* sp) {
  (void)sp;
  char u[6][65];
  kv("uname", sc1(NR_uname, u));
  out("sysname="), out(u[0]), out("\nmachine="), out(u[4]), out("\n");
  kv("getpid_pos", sc0(NR_getpid) > 0);
  kv("tid_eq_pid", sc0(NR_gettid) == sc0(NR_getpid));
  kv("set_tid_address", sc1(NR_set_tid_address, 0) == sc0(NR_getpid));
  kv("robust_bad", sc2(NR_set_robust_list, 0, 5));
  kv("robust_ok", sc2(NR_set_robust_list, 0, 24));
  kv("rseq", sc4(NR_rseq, 0, 32, 0, 0));
  kv("unknown", sc0(400));
  kv("unknown2", sc0(1000));
  struct ts a, b, r;
  kv("clock_mono", sc2(NR_clock_gettime, 1, &a));
  kv("clock_bad", sc2(NR_clock_gettime, 99, &a));
  kv("clock_fault", sc2(NR_clock_gettime, 0, 8));
  kv("getres", sc2(NR_clock_getres, 1, &r));
  kv("getres_positive", r.sec == 0 && r.nsec > 0);
  struct ts d = {0, 2000000};
  kv("nanosleep", sc2(NR_nanosleep, &d, 0));
  sc2(NR_clock_gettime, 1, &b);
  kv("slept", (b.sec - a.sec) * 1000000000 + (b.nsec - a.nsec) >= 2000000);
  struct ts bad = {0, 1000000000};
  kv("nanosleep_bad", sc2(NR_nanosleep, &bad, 0));
  kv("clock_nanosleep", sc4(NR_clock_nanosleep, 1, 0, &d, 0));
  struct ts real;
  sc2(NR_clock_gettime, 0, &real);
  i64 tv[2];
  kv("gettimeofday", sc2(NR_gettimeofday, tv, 0));
  kv("tod_close", tv[0] - real.sec <= 1 && tv[0] >= real.sec);
  u8 rnd[64] = {0};
  kv("getrandom", sc3(NR_getrandom, rnd, 64, 0));
  u64 any = 0;
  for (int i = 0; i < 64; ++i) any |= rnd[i];
  kv("random_nonzero", any != 0);
  kv("getrandom_badflags", sc3(NR_getrandom, rnd, 8, 0x100));
  u64 mask[4] = {0};
  const i64 n = sc3(NR_sched_getaffinity, 0, sizeof mask, mask);
  kv("affinity_ok", n > 0 && mask[0] != 0);
  kv("affinity_small", sc3(NR_sched_getaffinity, 0, 4, mask));
  kv("yield", sc0(NR_sched_yield));
  u64 lim[2];
  kv("prlimit_stack", sc4(NR_prlimit64, 0, 3, 0, lim));
  kv("stack_limit_positive", lim[0] > 0);
  kv("prlimit_bad", sc4(NR_prlimit64, 0, 99, 0, lim));
  u64 si[14];
  kv("sysinfo", sc1(NR_sysinfo, si));
  kv("sysinfo_ram", si[4] > 0);
  u64 tms[4];
  kv("times_ok", sc1(NR_times, tms) > 0);
  u32 futex_word = 5;
  kv("futex_wait_mismatch", sc6(NR_futex, (i64)&futex_word, 128 /* WAIT|PRIVATE */, 4, 0, 0, 0));
  kv("futex_wake", sc6(NR_futex, (i64)&futex_word, 129 /* WAKE|PRIVATE */, 1, 0, 0, 0));
  kv("write_fault", sc3(NR_write, 1, 8, 10));
  kv("getrandom_fault", sc3(NR_getrandom, 8, 10, 0));
  u8 termios[64];
  kv("tcgets_pipe", sc3(NR_ioctl, 1, 0x5401, termios));
  return 0;
}
