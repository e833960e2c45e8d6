/* brk, mmap/munmap/mremap/mprotect/madvise: results that do not depend on where things land.
 * argv[1], when given, is a file to map privately. Compared with qemu-aarch64. */
#include "sys.h"

#define PROT_READ 1
#define PROT_WRITE 2
#define MAP_PRIVATE 2
#define MAP_ANON 0x20
#define MAP_FIXED 0x10
#define MREMAP_MAYMOVE 1
#define MADV_DONTNEED 4

static i64 anon(u64 len) { return sc6(NR_mmap, 0, (i64)len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON, -1, 0); }
static int is_err(i64 r) { return r < 0 && r > -4096; }

int cmain(u64* sp) {
  char** argv = (char**)(sp + 1);
  /* brk */
  const u64 b0 = (u64)sc1(NR_brk, 0);
  const u64 b1 = (u64)sc1(NR_brk, b0 + 100000);
  kv("brk_grow", b1 == b0 + 100000);
  u8* h = (u8*)b0;
  for (u64 i = 0; i < 100000; i += 4096) h[i] = 0xab;
  kv("brk_rw", h[4096] == 0xab && h[99999] == 0);
  kv("brk_shrink", (u64)sc1(NR_brk, b0 + 10) == b0 + 10);
  kv("brk_regrow_zero", (u64)sc1(NR_brk, b0 + 100000) == b0 + 100000 && h[8192] == 0);
  kv("brk_below_start", (u64)sc1(NR_brk, b0 - 0x100000) == b0 + 100000);
  /* many small mmaps must not run out of anything */
  static u64 maps[3000];
  int ok = 1;
  for (int i = 0; i < 3000; ++i) {
    i64 r = anon(4096);
    if (is_err(r) || r % 4096) ok = 0;
    maps[i] = (u64)r;
    if (ok) *(u64*)r = (u64)i;
  }
  for (int i = 0; i < 3000 && ok; ++i) ok = *(u64*)maps[i] == (u64)i;
  kv("small_mmaps", ok);
  for (int i = 0; i < 3000; i += 2) ok &= sc2(NR_munmap, maps[i], 4096) == 0;
  kv("munmap_half", ok);
  /* freed pages come back zeroed */
  ok = 1;
  for (int i = 0; i < 1500; ++i) {
    u64* p = (u64*)anon(4096);
    for (int j = 0; j < 512; ++j) ok &= p[j] == 0;
  }
  kv("reuse_zeroed", ok);
  /* a large one */
  u8* big = (u8*)anon(64 << 20);
  big[0] = 1, big[(64 << 20) - 1] = 2;
  kv("big", big[0] + big[(64 << 20) - 1]);
  /* mremap: grow keeps the contents (moving if it must), shrink keeps the start */
  u8* m = (u8*)anon(8192);
  for (int i = 0; i < 8192; ++i) m[i] = (u8)i;
  u8* g = (u8*)sc5(NR_mremap, m, 8192, 1 << 20, MREMAP_MAYMOVE, 0);
  ok = !is_err((i64)g);
  for (int i = 0; i < 8192 && ok; ++i) ok = g[i] == (u8)i;
  kv("mremap_grow", ok && g[(1 << 20) - 1] == 0);
  kv("mremap_shrink", sc5(NR_mremap, g, 1 << 20, 4096, 0, 0) == (i64)g && g[100] == 100);
  kv("mremap_bad", sc5(NR_mremap, (u64)g + 1, 4096, 8192, 0, 0));
  /* mprotect and madvise */
  kv("mprotect_ro", sc3(NR_mprotect, g, 4096, PROT_READ));
  kv("mprotect_rw", sc3(NR_mprotect, g, 4096, PROT_READ | PROT_WRITE));
  kv("mprotect_unaligned", sc3(NR_mprotect, (u64)g + 1, 4096, PROT_READ));
  kv("madvise", sc3(NR_madvise, g, 4096, MADV_DONTNEED));
  kv("dontneed_zero", g[100]);
  /* MAP_FIXED over an existing mapping replaces it with zero pages */
  u8* f = (u8*)anon(3 * 4096);
  f[4096] = 9;
  kv("fixed", sc6(NR_mmap, (u64)f + 4096, 4096, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANON | MAP_FIXED, -1, 0) == (i64)f + 4096 && f[4096] == 0);
  /* errors */
  kv("mmap_len0", anon(0));
  kv("mmap_no_type", sc6(NR_mmap, 0, 4096, PROT_READ, MAP_ANON, -1, 0));
  kv("mmap_badfd", sc6(NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, 77, 0));
  kv("munmap_unaligned", sc2(NR_munmap, (u64)f + 1, 4096));
  /* a private file mapping */
  if (sp[0] > 1) {
    const i64 fd = sc4(NR_openat, AT_FDCWD, argv[1], 0, 0);
    kv("open", fd >= 0);
    const u8* p = (const u8*)sc6(NR_mmap, 0, 10000, PROT_READ, MAP_PRIVATE, fd, 0);
    kv("file_map", !is_err((i64)p));
    if (!is_err((i64)p)) {
      out("file_head="), outn((const char*)p, 12), out("\n");
      kv("file_page_tail_zero", p[4095]); /* beyond the last page: SIGBUS on Linux */
    }
    sc1(NR_close, fd);
  }
  return 0;
}
