/* gmtime_r of fixed timestamps (leap years, epoch edges, negative times), timegm back, difftime. */
#define _GNU_SOURCE
#include <stdio.h>
#include <time.h>

int main(void) {
  const time_t ts[] = {0, 1, 86399, 86400, 951782400 /* 2000-02-29 */, 1234567890, 2147483647, 2147483648LL,
                       -1, -86401, 4102444800LL /* 2100-01-01 */, 253402300799LL, 1709251199};
  for (unsigned i = 0; i < sizeof ts / sizeof ts[0]; ++i) {
    struct tm tm;
    gmtime_r(&ts[i], &tm);
    time_t back = timegm(&tm);
    printf("%13lld: %04d-%02d-%02d %02d:%02d:%02d wday=%d yday=%d dst=%d back=%d\n", (long long)ts[i], tm.tm_year + 1900,
           tm.tm_mon + 1, tm.tm_mday, tm.tm_hour, tm.tm_min, tm.tm_sec, tm.tm_wday, tm.tm_yday, tm.tm_isdst,
           back == ts[i]);
  }
  printf("difftime %.1f %.1f\n", difftime(1234567890, 0), difftime(0, 86400));
  struct tm norm = {.tm_year = 123, .tm_mon = 13, .tm_mday = 35, .tm_hour = 25, .tm_min = 61, .tm_sec = 61};
  time_t t = timegm(&norm);
  printf("normalised %lld -> %04d-%02d-%02d %02d:%02d:%02d\n", (long long)t, norm.tm_year + 1900, norm.tm_mon + 1,
         norm.tm_mday, norm.tm_hour, norm.tm_min, norm.tm_sec);
  return 0;
}
