/* Bubble, insertion, shell, merge, heap and quick sort on the same pseudo-random data; each
   result is checked against the others and summarised. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 3000
static unsigned seed = 2463534242u;
static int rnd(void) {
  seed ^= seed << 13;
  seed ^= seed >> 17;
  seed ^= seed << 5;
  return (int)(seed % 100000) - 50000;
}

static void bubble(int *a, int n) {
  for (int i = 0; i < n; ++i)
    for (int j = 0; j + 1 < n - i; ++j)
      if (a[j] > a[j + 1]) { int t = a[j]; a[j] = a[j + 1]; a[j + 1] = t; }
}
static void insertion(int *a, int n) {
  for (int i = 1; i < n; ++i) {
    int v = a[i], j = i - 1;
    while (j >= 0 && a[j] > v) { a[j + 1] = a[j]; --j; }
    a[j + 1] = v;
  }
}
static void shell(int *a, int n) {
  for (int gap = n / 2; gap > 0; gap /= 2)
    for (int i = gap; i < n; ++i) {
      int v = a[i], j = i;
      for (; j >= gap && a[j - gap] > v; j -= gap) a[j] = a[j - gap];
      a[j] = v;
    }
}
static int tmp[N];
static void merge_sort(int *a, int n) {
  if (n < 2) return;
  int h = n / 2;
  merge_sort(a, h);
  merge_sort(a + h, n - h);
  int i = 0, j = h, k = 0;
  while (i < h && j < n) tmp[k++] = a[i] <= a[j] ? a[i++] : a[j++];
  while (i < h) tmp[k++] = a[i++];
  while (j < n) tmp[k++] = a[j++];
  memcpy(a, tmp, sizeof(int) * (size_t)n);
}
static void sift(int *a, int n, int i) {
  for (;;) {
    int l = 2 * i + 1, big = i;
    if (l < n && a[l] > a[big]) big = l;
    if (l + 1 < n && a[l + 1] > a[big]) big = l + 1;
    if (big == i) return;
    int t = a[i]; a[i] = a[big]; a[big] = t;
    i = big;
  }
}
static void heap_sort(int *a, int n) {
  for (int i = n / 2 - 1; i >= 0; --i) sift(a, n, i);
  for (int e = n - 1; e > 0; --e) {
    int t = a[0]; a[0] = a[e]; a[e] = t;
    sift(a, e, 0);
  }
}
static void quick(int *a, int lo, int hi) {
  while (lo < hi) {
    int p = a[(lo + hi) / 2], i = lo, j = hi;
    while (i <= j) {
      while (a[i] < p) ++i;
      while (a[j] > p) --j;
      if (i <= j) { int t = a[i]; a[i] = a[j]; a[j] = t; ++i; --j; }
    }
    if (j - lo < hi - i) { quick(a, lo, j); lo = i; } else { quick(a, i, hi); hi = j; }
  }
}

int main(void) {
  static int orig[N], ref[N], work[N];
  for (int i = 0; i < N; ++i) orig[i] = rnd();
  memcpy(ref, orig, sizeof ref);
  merge_sort(ref, N);
  const char *names[] = {"bubble", "insertion", "shell", "merge", "heap", "quick"};
  for (int k = 0; k < 6; ++k) {
    memcpy(work, orig, sizeof work);
    switch (k) {
      case 0: bubble(work, N); break;
      case 1: insertion(work, N); break;
      case 2: shell(work, N); break;
      case 3: merge_sort(work, N); break;
      case 4: heap_sort(work, N); break;
      default: quick(work, 0, N - 1); break;
    }
    printf("%-9s same=%d first=%d last=%d\n", names[k], memcmp(work, ref, sizeof ref) == 0, work[0], work[N - 1]);
  }
  long long h = 0;
  for (int i = 0; i < N; ++i) h = h * 1000003 + ref[i];
  printf("hash %llx\n", (unsigned long long)h);
  return 0;
}
