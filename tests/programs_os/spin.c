/* spin CHUNKS ITERS: CHUNKS times, counts ITERS loop iterations without a syscall, then writes
 * "K N\n" (K = the chunk, from 1; N = iterations counted so far, K*ITERS). Exits with CHUNKS % 256.
 * A long-running guest whose syscalls come at a chosen pace (the process-batch tests). */
#include "sys.h"

static u64 parse(const char* s) {
  u64 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (u64)(*s++ - '0');
  return v;
}

int cmain(u64* sp) {
  const i64 argc = (i64)sp[0];
  char** argv = (char**)(sp + 1);
  if (argc < 3) return 100;
  const u64 chunks = parse(argv[1]), iters = parse(argv[2]);
  u64 n = 0;
  for (u64 k = 1; k <= chunks; ++k) {
    for (u64 j = 0; j < iters; ++j) {
      ++n;
      __asm__ volatile("" : "+r"(n));  /* keeps the loop: one iteration counts one */
    }
    num((i64)k);
    out(" ");
    num((i64)n);
    out("\n");
  }
  return (int)(chunks % 256);
}
