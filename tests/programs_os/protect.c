/* mprotect on the image: a page of .data made read-only really is (a write faults: SIGSEGV,
 * 139), its neighbours stay writable, and PROT_READ|PROT_WRITE gives writes back. */
#include "sys.h"

static u8 pages[4 * 4096] __attribute__((aligned(4096))) = {1};

int cmain(u64* sp) {
  u8* p = pages + 4096;
  kv("ro", sc3(NR_mprotect, p, 4096, 1));
  pages[0] = 2;
  pages[2 * 4096] = 3;
  kv("neighbours", pages[0] + pages[2 * 4096]);
  kv("read", p[10]);
  kv("rw_again", sc3(NR_mprotect, p, 4096, 3));
  p[10] = 7;
  kv("written", p[10]);
  kv("ro_again", sc3(NR_mprotect, p, 2 * 4096, 1));
  kv("unmapped", sc3(NR_mprotect, 0x10000, 4096, 1));
  out("writing\n");
  if (sp[0] > 1) p[4096 + 5] = 1;  /* faults */
  else p[5] = 1;
  out("not reached\n");
  return 0;
}
