/* printf %s %c %% with widths and precisions; snprintf truncation and return values. */
#include <stdio.h>
#pragma GCC diagnostic ignored "-Wformat-truncation" /* truncation is the point */
#include <string.h>

int main(void) {
  const char *words[] = {"", "a", "hello", "a longer string of text", "tab\there"};
  for (unsigned i = 0; i < sizeof words / sizeof words[0]; ++i) {
    const char *s = words[i];
    printf("[%s] [%10s] [%-10s|] [%.3s] [%10.2s] [%-*s|] [%.*s]\n", s, s, s, s, s, 8, s, 4, s);
  }
  for (int c = 'A'; c < 'A' + 10; ++c) printf("[%c][%3c][%-3c|]", c, c, c);
  printf("\n100%%\n");
  char buf[32];
  for (int n = 0; n <= 16; n += 3) {
    memset(buf, '#', sizeof buf);
    int r = snprintf(buf, (size_t)n, "value=%d/%s", 123456, "xyz");
    printf("n=%2d r=%d buf=", n, r);
    for (int i = 0; i < 20; ++i) putchar(buf[i] ? buf[i] : '0');
    putchar('\n');
  }
  char big[200];
  int r = sprintf(big, "%s|%5s|%-5s|%c|%d", "abc", "de", "f", 'g', -3);
  printf("%d %s\n", r, big);
  r = snprintf(NULL, 0, "%0*d", 50, 7);
  printf("snprintf(NULL) = %d\n", r);
  return 0;
}
