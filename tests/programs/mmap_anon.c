/* Memory mappings directly: anonymous mmap, touching pages, mprotect, mremap growing with
   contents kept, munmap of part of a mapping, sbrk growth (where the libc allows it), and MAP_FIXED into a reserved hole.
   Only contents and return codes are printed (never addresses). */
#define _GNU_SOURCE
#include <errno.h>
#include <stdint.h>
#include <stdio.h>
#include <string.h>
#include <sys/mman.h>
#include <unistd.h>

int main(void) {
  long page = sysconf(_SC_PAGESIZE);
  printf("page size %ld\n", page);
  size_t len = 16 * (size_t)page;
  unsigned char *p = mmap(NULL, len, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (p == MAP_FAILED) return 2;
  int zero = 1;
  for (size_t i = 0; i < len; ++i) zero &= p[i] == 0;
  for (size_t i = 0; i < len; i += 64) p[i] = (unsigned char)(i / 64);
  printf("fresh mapping zeroed: %d, page aligned: %d\n", zero, (uintptr_t)p % (uintptr_t)page == 0);
  printf("mprotect read-only: %d\n", mprotect(p, (size_t)page, PROT_READ));
  printf("still readable: %d\n", p[64]);
  printf("mprotect back: %d\n", mprotect(p, (size_t)page, PROT_READ | PROT_WRITE));
  unsigned char *q = mremap(p, len, 4 * len, MREMAP_MAYMOVE);
  if (q == MAP_FAILED) return 3;
  long sum = 0;
  for (size_t i = 0; i < len; i += 64) sum += q[i];
  q[4 * len - 1] = 7;
  printf("mremap kept contents: sum %ld, new tail %d\n", sum, q[4 * len - 1]);
  printf("munmap middle: %d\n", munmap(q + 4 * (size_t)page, 4 * (size_t)page));
  unsigned char *f = mmap(q + 4 * (size_t)page, (size_t)page, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_FIXED, -1, 0);
  printf("MAP_FIXED into the hole: %s, zero %d, neighbour kept %d\n", f == q + 4 * (size_t)page ? "same address" : "moved",
         f[0], q[3 * (size_t)page + 64 * 3] == (unsigned char)((3 * page + 192) / 64));
  printf("munmap all: %d\n", munmap(q, 4 * len));
  errno = 0;
  void *bad = mmap(NULL, 0, PROT_READ, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  printf("mmap length 0: %s errno=%d\n", bad == MAP_FAILED ? "MAP_FAILED" : "mapped", errno);
  char *b0 = sbrk(0);
  char *b1 = sbrk(100000);
  if (b1 == (void *)-1) {  // musl's sbrk grows nothing (it leaves brk to its malloc)
    printf("sbrk(100000) refused: errno=%d, break unchanged: %d\n", errno, sbrk(0) == b0);
    return 0;
  }
  memset(b1, 1, 100000);
  char *b2 = sbrk(0);
  printf("sbrk grew by %ld, old break returned: %d\n", (long)(b2 - b0), b1 == b0);
  sbrk(-100000);
  printf("sbrk shrank back: %d\n", sbrk(0) == b0);
  return 0;
}
