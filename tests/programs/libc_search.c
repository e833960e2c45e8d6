/* The search.h family: tsearch/tfind/tdelete/twalk (a balanced tree), hsearch (a hash table),
   lsearch/lfind, and qsort_r with a context argument. */
#define _GNU_SOURCE
#include <search.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp_int(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static long walk_sum;
static int walk_count;
static void walker(const void *node, VISIT v, int depth) {
  (void)depth;
  if (v == postorder || v == leaf) {
    walk_sum = walk_sum * 31 + **(int *const *)node;
    ++walk_count;
  }
}
static int by_mod(const void *a, const void *b, void *ctx) {
  int m = *(int *)ctx, x = *(const int *)a, y = *(const int *)b;
  return x % m != y % m ? x % m - y % m : x - y;
}

int main(void) {
  static int keys[200];
  void *root = NULL;
  for (int i = 0; i < 200; ++i) {
    keys[i] = (i * 7919) % 1009;
    tsearch(&keys[i], &root, cmp_int);
  }
  int probe = 7919 % 1009, absent = 1008;
  printf("tfind %d: %s, %d: %s\n", probe, tfind(&probe, &root, cmp_int) ? "found" : "missing", absent,
         tfind(&absent, &root, cmp_int) ? "found" : "missing");
  for (int i = 0; i < 200; i += 3) tdelete(&keys[i], &root, cmp_int);
  twalk(root, walker);
  printf("twalk in order: %d nodes, hash %ld\n", walk_count, walk_sum);
  hcreate(64);
  const char *names[] = {"alpha", "beta", "gamma", "delta", "epsilon", "zeta", "eta", "theta"};
  for (int i = 0; i < 8; ++i) hsearch((ENTRY){(char *)names[i], (void *)(long)(i * i)}, ENTER);
  const char *look[] = {"gamma", "theta", "omega"};
  for (int i = 0; i < 3; ++i) {
    ENTRY *e = hsearch((ENTRY){(char *)look[i], NULL}, FIND);
    printf("hsearch %s -> %ld\n", look[i], e ? (long)e->data : -1L);
  }
  hdestroy();
  int arr[10] = {5, 3, 9};
  size_t n = 3;
  int add[] = {3, 7, 9, 1};
  for (int i = 0; i < 4; ++i) lsearch(&add[i], arr, &n, sizeof arr[0], cmp_int);
  int key = 7;
  int *hit = lfind(&key, arr, &n, sizeof arr[0], cmp_int);
  printf("lsearch n=%zu lfind 7 at %ld:", n, hit ? (long)(hit - arr) : -1L);
  for (size_t i = 0; i < n; ++i) printf(" %d", arr[i]);
  printf("\n");
  int v[12] = {14, 3, 27, 8, 11, 20, 5, 17, 2, 9, 30, 6}, m = 4;
  qsort_r(v, 12, sizeof v[0], by_mod, &m);
  for (int i = 0; i < 12; ++i) printf("%d ", v[i]);
  printf("\n");
  return 0;
}
