/* strftime of fixed struct tm values with most conversion specifiers (C locale); asctime. */
#include <stdio.h>
#include <string.h>
#include <time.h>

int main(void) {
  const char *fmts[] = {"%Y-%m-%d %H:%M:%S", "%a %A %b %B %h", "%c", "%x %X", "%D %T %R %r", "%j %U %W %V %G %g %u %w",
                        "%e|%k|%l|%I %p", "%y %C %n%t%%", "%F", "[%10Y] [%-d] [%_m]"};
  struct tm tms[3];
  memset(tms, 0, sizeof tms);
  tms[0] = (struct tm){.tm_year = 124, .tm_mon = 1, .tm_mday = 29, .tm_hour = 13, .tm_min = 5, .tm_sec = 9, .tm_wday = 4, .tm_yday = 59};
  tms[1] = (struct tm){.tm_year = 70, .tm_mon = 0, .tm_mday = 1, .tm_wday = 4};
  tms[2] = (struct tm){.tm_year = 99, .tm_mon = 11, .tm_mday = 31, .tm_hour = 23, .tm_min = 59, .tm_sec = 60, .tm_wday = 5, .tm_yday = 364};
  for (int t = 0; t < 3; ++t) {
    for (unsigned f = 0; f < sizeof fmts / sizeof fmts[0]; ++f) {
      char buf[128];
      size_t n = strftime(buf, sizeof buf, fmts[f], &tms[t]);
      printf("%zu <%s>\n", n, buf);
    }
    printf("asctime %s", asctime(&tms[t]));
  }
  char tiny[5];
  printf("too small: %zu\n", strftime(tiny, sizeof tiny, "%Y-%m-%d", &tms[0]));
  return 0;
}
