/* printf %x %X %o with flags, widths and precisions, on 32- and 64-bit values. */
#include <stdio.h>

int main(void) {
  const unsigned v32[] = {0u, 1u, 7u, 8u, 255u, 0xdeadbeefu, 0x80000000u, 0xffffffffu};
  for (unsigned i = 0; i < sizeof v32 / sizeof v32[0]; ++i) {
    unsigned v = v32[i];
    printf("[%x] [%X] [%#x] [%#X] [%08x] [%-10x|] [%.6x] [%#10.6x] [%o] [%#o] [%12o] [%#.4o]\n", v, v, v, v, v, v, v, v, v,
           v, v, v);
  }
  const unsigned long long v64[] = {0ull, 0x123456789abcdefull, 0x8000000000000000ull, ~0ull, 01234567012345670ull};
  for (unsigned i = 0; i < sizeof v64 / sizeof v64[0]; ++i) {
    unsigned long long v = v64[i];
    printf("[%llx] [%#llX] [%020llx] [%llo] [%#25llo]\n", v, v, v, v, v);
  }
  printf("[%hx] [%hhx] [%#hho]\n", (unsigned short)0xabcd, (unsigned char)0x7f, (unsigned char)0377);
  for (int shift = 0; shift < 64; shift += 7) printf("%016llx%c", 1ull << shift, shift % 28 == 21 ? '\n' : ' ');
  printf("\n");
  return 0;
}
