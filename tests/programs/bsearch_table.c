/* bsearch over a sorted table: every present key is found, absent keys are not. */
#include <stdio.h>
#include <stdlib.h>

static int cmp(const void *a, const void *b) {
  long x = *(const long *)a, y = *(const long *)b;
  return (x > y) - (x < y);
}

int main(void) {
  static long table[5000];
  for (int i = 0; i < 5000; ++i) table[i] = (long)i * i * 3 + 11;
  int found = 0, wrong = 0, absent = 0;
  for (long k = 0; k < 200000; k += 7) {
    long *hit = bsearch(&k, table, 5000, sizeof table[0], cmp);
    if (hit) {
      ++found;
      if (*hit != k) ++wrong;
    } else {
      ++absent;
    }
  }
  printf("found=%d wrong=%d absent=%d\n", found, wrong, absent);
  long probes[] = {11, 14, 23, 74999999L - 0, 3 * 4999L * 4999L + 11, -5};
  for (int i = 0; i < 6; ++i) {
    long *hit = bsearch(&probes[i], table, 5000, sizeof table[0], cmp);
    printf("%ld: %ld\n", probes[i], hit ? (long)(hit - table) : -1L);
  }
  return 0;
}
