/* %.17g and %a printed doubles read back with strtod give the same bits. */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static uint64_t state = 0x9e3779b97f4a7c15ull;
static uint64_t next(void) {
  state ^= state << 13;
  state ^= state >> 7;
  state ^= state << 17;
  return state;
}

int main(void) {
  int bad = 0;
  uint64_t sum = 0;
  for (int i = 0; i < 3000; ++i) {
    uint64_t bits = next();
    if (((bits >> 52) & 0x7ff) == 0x7ff) bits ^= 1ull << 62;  // no inf/nan
    double d;
    memcpy(&d, &bits, 8);
    char s1[64], s2[64];
    snprintf(s1, sizeof s1, "%.17g", d);
    snprintf(s2, sizeof s2, "%a", d);
    double a = strtod(s1, NULL), b = strtod(s2, NULL);
    uint64_t ba, bb;
    memcpy(&ba, &a, 8);
    memcpy(&bb, &b, 8);
    if (ba != bits || bb != bits) ++bad;
    for (const char *p = s1; *p; ++p) sum = sum * 31 + (unsigned char)*p;
    if (i % 300 == 0) printf("%s %s\n", s1, s2);
  }
  printf("bad=%d sum=%016llx\n", bad, (unsigned long long)sum);
  return bad != 0;
}
