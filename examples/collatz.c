/* Bundled example for `cuarm run`: a freestanding static AArch64 program (no libc) that finds
 * the longest Collatz chain below a limit given as argv[1] (default 300000), prints it with
 * the write syscall and exits with status 0. Built with -mgeneral-regs-only (integer A64 only). */
typedef unsigned long u64;

static long sys3(long nr, long a, long b, long c) {
  register long x8 __asm__("x8") = nr, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}

static u64 length(const char* s) {
  u64 n = 0;
  while (s[n]) ++n;
  return n;
}
static void put(const char* s) { sys3(64, 1, (long)s, (long)length(s)); }
static void put_u64(u64 v) {
  char buf[24];
  int i = 23;
  buf[i] = 0;
  do buf[--i] = (char)('0' + v % 10); while ((v /= 10) != 0);
  put(buf + i);
}
static u64 parse_u64(const char* s) {
  u64 v = 0;
  while (*s >= '0' && *s <= '9') v = v * 10 + (u64)(*s++ - '0');
  return v;
}

static u64 chain(u64 n) {
  u64 steps = 0;
  while (n != 1) {
    n = (n & 1) ? 3 * n + 1 : n / 2;
    ++steps;
  }
  return steps;
}

/* The kernel enters here with sp pointing at argc, then argv[]. */
__attribute__((used)) static void start_c(long* sp) {
  long argc = sp[0];
  char** argv = (char**)(sp + 1);
  u64 limit = argc > 1 ? parse_u64(argv[1]) : 300000;
  u64 best = 1, best_steps = 0;
  for (u64 i = 1; i < limit; ++i) {
    u64 s = chain(i);
    if (s > best_steps) best = i, best_steps = s;
  }
  put("longest Collatz chain below ");
  put_u64(limit);
  put(" starts at ");
  put_u64(best);
  put(" (");
  put_u64(best_steps);
  put(" steps)\n");
  sys3(93, 0, 0, 0);
}

__asm__(".globl _start\n_start:\n  mov x0, sp\n  bl start_c\n  brk #0\n");
