/* qsort of ints (random, sorted, reversed, many duplicates) checked for order and sum. */
#include <stdio.h>
#include <stdlib.h>

static int cmp_int(const void *a, const void *b) {
  int x = *(const int *)a, y = *(const int *)b;
  return (x > y) - (x < y);
}

static unsigned seed = 12345;
static int lcg(void) {
  seed = seed * 1103515245u + 12345u;
  return (int)(seed >> 1);
}

static void check(const char *name, int *a, int n) {
  long long before = 0, after = 0;
  for (int i = 0; i < n; ++i) before += a[i];
  qsort(a, (size_t)n, sizeof *a, cmp_int);
  int ordered = 1;
  for (int i = 0; i < n; ++i) {
    after += a[i];
    if (i && a[i - 1] > a[i]) ordered = 0;
  }
  printf("%-9s n=%5d ordered=%d sum_kept=%d min=%d median=%d max=%d\n", name, n, ordered, before == after, a[0],
         a[n / 2], a[n - 1]);
}

int main(void) {
  static int a[20000];
  int n = 20000;
  for (int i = 0; i < n; ++i) a[i] = lcg() - (1 << 30);
  check("random", a, n);
  check("sorted", a, n);
  for (int i = 0; i < n / 2; ++i) {
    int t = a[i];
    a[i] = a[n - 1 - i];
    a[n - 1 - i] = t;
  }
  check("reversed", a, n);
  for (int i = 0; i < n; ++i) a[i] = lcg() % 5;
  check("dups", a, n);
  for (int k = 1; k < 8; ++k) check("small", a + 100 * k, k);
  return 0;
}
