/* mktime/localtime with TZ from the environment (a POSIX rule string: no zone files read). */
#include <stdio.h>
#include <stdlib.h>
#include <time.h>

int main(void) {
  printf("TZ=%s\n", getenv("TZ"));
  tzset();
  const time_t ts[] = {0, 1700000000, 1719835200, 1735689599};
  for (int i = 0; i < 4; ++i) {
    struct tm tm;
    localtime_r(&ts[i], &tm);
    char buf[64];
    strftime(buf, sizeof buf, "%Y-%m-%d %H:%M:%S %z %Z", &tm);
    printf("%lld local %s dst=%d back=%d\n", (long long)ts[i], buf, tm.tm_isdst, mktime(&tm) == ts[i]);
  }
  struct tm summer = {.tm_year = 124, .tm_mon = 6, .tm_mday = 1, .tm_hour = 12, .tm_isdst = -1};
  time_t s = mktime(&summer);
  printf("2024-07-01 12:00 local = %lld (dst=%d)\n", (long long)s, summer.tm_isdst);
  printf("timezone=%ld daylight=%d names=%s/%s\n", timezone, daylight, tzname[0], tzname[1]);
  return 0;
}
