/* Multibyte <-> wide conversions in the C locale: mbstowcs, wcstombs, mbrtowc, btowc, wctob;
   non-ASCII bytes are rejected with EILSEQ. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <wchar.h>

int main(void) {
  wchar_t w[32];
  size_t n = mbstowcs(w, "plain ascii", 32);
  printf("mbstowcs %zu %ls\n", n, w);
  char back[32];
  n = wcstombs(back, w, sizeof back);
  printf("wcstombs %zu %s\n", n, back);
  mbstate_t st;
  memset(&st, 0, sizeof st);
  wchar_t wc;
  const char *s = "Az9";
  for (int i = 0; i < 3; ++i) {
    size_t r = mbrtowc(&wc, s + i, 1, &st);
    printf("mbrtowc %zu -> %d\n", r, (int)wc);
  }
  printf("btowc %d %d wctob %d %d MB_CUR_MAX %zu\n", (int)btowc('Q'), btowc(EOF) == WEOF, wctob(L'q'), wctob(0x263a),
         MB_CUR_MAX);
  errno = 0;
  n = mbstowcs(w, "caf\xc3\xa9", 32);
  printf("non-ascii: %ld errno=EILSEQ:%d\n", (long)n, errno == EILSEQ);
  char mb[8];
  memset(&st, 0, sizeof st);
  n = wcrtomb(mb, L'x', &st);
  printf("wcrtomb %zu %c\n", n, mb[0]);
  return 0;
}
