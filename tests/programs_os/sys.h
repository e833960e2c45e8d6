/* Freestanding helpers for the OS-layer test programs: raw Linux syscalls (svc #0), a _start
 * that passes the initial stack pointer to cmain(), and tiny printing routines. Built with
 * aarch64-linux-gnu-gcc -static -nostdlib -ffreestanding -mgeneral-regs-only -O2. */
#pragma once

typedef unsigned long u64;
typedef long i64;
typedef unsigned int u32;
typedef unsigned char u8;

#define NR_getcwd 17
#define NR_dup 23
#define NR_dup3 24
#define NR_fcntl 25
#define NR_ioctl 29
#define NR_mkdirat 34
#define NR_unlinkat 35
#define NR_symlinkat 36
#define NR_faccessat 48
#define NR_chdir 49
#define NR_openat 56
#define NR_close 57
#define NR_pipe2 59
#define NR_getdents64 61
#define NR_lseek 62
#define NR_read 63
#define NR_write 64
#define NR_readv 65
#define NR_writev 66
#define NR_pread64 67
#define NR_readlinkat 78
#define NR_newfstatat 79
#define NR_fstat 80
#define NR_exit 93
#define NR_exit_group 94
#define NR_set_tid_address 96
#define NR_futex 98
#define NR_set_robust_list 99
#define NR_nanosleep 101
#define NR_clock_gettime 113
#define NR_clock_getres 114
#define NR_clock_nanosleep 115
#define NR_sched_getaffinity 123
#define NR_sched_yield 124
#define NR_kill 129
#define NR_tgkill 131
#define NR_sigaltstack 132
#define NR_rt_sigaction 134
#define NR_rt_sigprocmask 135
#define NR_times 153
#define NR_uname 160
#define NR_getrlimit 163
#define NR_gettimeofday 169
#define NR_getpid 172
#define NR_getppid 173
#define NR_getuid 174
#define NR_geteuid 175
#define NR_getgid 176
#define NR_getegid 177
#define NR_gettid 178
#define NR_sysinfo 179
#define NR_brk 214
#define NR_munmap 215
#define NR_mremap 216
#define NR_mmap 222
#define NR_mprotect 226
#define NR_madvise 233
#define NR_prlimit64 261
#define NR_renameat2 276
#define NR_getrandom 278
#define NR_statx 291
#define NR_rseq 293

#define AT_FDCWD (-100)

/* arm64's struct stat (asm-generic/stat.h), 128 bytes. */
struct kstat {
  u64 dev, ino;
  u32 mode, nlink, uid, gid;
  u64 rdev, pad1;
  i64 size;
  int blksize, pad2;
  i64 blocks, times[6];
  u32 unused[2];
};

static inline i64 sc6(i64 n, i64 a, i64 b, i64 c, i64 d, i64 e, i64 f) {
  register i64 x8 __asm__("x8") = n;
  register i64 x0 __asm__("x0") = a;
  register i64 x1 __asm__("x1") = b;
  register i64 x2 __asm__("x2") = c;
  register i64 x3 __asm__("x3") = d;
  register i64 x4 __asm__("x4") = e;
  register i64 x5 __asm__("x5") = f;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2), "r"(x3), "r"(x4), "r"(x5) : "memory");
  return x0;
}
#define sc0(n) sc6(n, 0, 0, 0, 0, 0, 0)
#define sc1(n, a) sc6(n, (i64)(a), 0, 0, 0, 0, 0)
#define sc2(n, a, b) sc6(n, (i64)(a), (i64)(b), 0, 0, 0, 0)
#define sc3(n, a, b, c) sc6(n, (i64)(a), (i64)(b), (i64)(c), 0, 0, 0)
#define sc4(n, a, b, c, d) sc6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), 0, 0)
#define sc5(n, a, b, c, d, e) sc6(n, (i64)(a), (i64)(b), (i64)(c), (i64)(d), (i64)(e), 0)

/* The compiler may emit calls to these even when freestanding. */
void* memset(void* d, int c, unsigned long n) {
  u8* p = d;
  while (n--) *p++ = (u8)c;
  return d;
}
void* memcpy(void* d, const void* s, unsigned long n) {
  u8* p = d;
  const u8* q = s;
  while (n--) *p++ = *q++;
  return d;
}
static inline u64 slen(const char* s) {
  u64 n = 0;
  while (s[n]) ++n;
  return n;
}
static inline int seq(const char* a, const char* b) {
  while (*a && *a == *b) ++a, ++b;
  return *a == *b;
}
static inline void out(const char* s) { sc3(NR_write, 1, s, slen(s)); }
static inline void outn(const char* s, u64 n) { sc3(NR_write, 1, s, n); }
static inline void num(i64 v) {
  char b[24];
  int i = 23;
  int neg = v < 0;
  u64 u = neg ? -(u64)v : (u64)v;
  b[i] = 0;
  do b[--i] = (char)('0' + u % 10), u /= 10; while (u);
  if (neg) b[--i] = '-';
  out(b + i);
}
static inline void hex(u64 v) {
  char b[19];
  int i = 18;
  b[i] = 0;
  do b[--i] = "0123456789abcdef"[v & 15], v >>= 4; while (v);
  b[--i] = 'x';
  b[--i] = '0';
  out(b + i);
}
/* "name=value\n" */
static inline void kv(const char* name, i64 v) {
  out(name);
  out("=");
  num(v);
  out("\n");
}

int cmain(u64* sp);

__asm__(
    ".globl _start\n"
    "_start:\n"
    "  mov x0, sp\n"
    "  bl cmain\n"
    "  mov x8, #94\n"
    "  svc #0\n");
