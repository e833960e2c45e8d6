/* Batch workload for cuarm-bench: each lane hashes its own input (x0 = address, x1 = length)
 * with FNV-1a followed by a xorshift-multiply finaliser, repeated x2 times, and halts with the
 * hash in x0. Freestanding (no libc, no syscalls), built with -O2 -mgeneral-regs-only.
 * Lanes get different lengths, so they diverge. */
typedef unsigned long u64;

__attribute__((noinline)) u64 hash_lane(const unsigned char* p, u64 n, u64 rounds) {
  u64 h = 0xcbf29ce484222325ull;
  for (u64 r = 0; r < rounds; ++r) {
    for (u64 i = 0; i < n; ++i) {
      h ^= p[i];
      h *= 0x100000001b3ull;
    }
    h ^= h >> 33;
    h *= 0xff51afd7ed558ccdull;
    h ^= h >> 33;
  }
  return h;
}

__asm__(".globl _start\n_start:\n  bl hash_lane\n  hlt #0\n");
