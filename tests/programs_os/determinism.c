/* Prints everything that differs between runs unless the run is deterministic: AT_RANDOM,
 * getrandom bytes, the clocks, the pid. */
#include "sys.h"

int cmain(u64* sp) {
  const i64 argc = (i64)sp[0];
  u64* p = sp + 1 + argc + 1;
  while (*p) ++p;
  const u8* at_random = 0;
  for (u64* a = p + 1; a[0]; a += 2)
    if (a[0] == 25) at_random = (const u8*)a[1];
  out("at_random=");
  for (int i = 0; i < 16; ++i) hex(at_random[i]), out(" ");
  u8 r[16];
  sc3(NR_getrandom, r, 16, 0);
  out("\ngetrandom=");
  for (int i = 0; i < 16; ++i) hex(r[i]), out(" ");
  out("\n");
  i64 ts[2];
  sc2(NR_clock_gettime, 0, ts);
  kv("realtime_s", ts[0]);
  kv("realtime_ns", ts[1]);
  sc2(NR_clock_gettime, 1, ts);
  kv("monotonic_ns", ts[1]);
  i64 d[2] = {1, 0};
  sc2(NR_nanosleep, d, 0);
  i64 t2[2];
  sc2(NR_clock_gettime, 1, t2);
  kv("slept_ge_1s", (t2[0] - ts[0]) * 1000000000 + (t2[1] - ts[1]) >= 1000000000);
  kv("pid", sc0(NR_getpid));
  return 0;
}
