/* realloc growing and shrinking arrays keeps their contents. */
#include <stdio.h>
#include <stdlib.h>

int main(void) {
  int *a = NULL;
  size_t n = 0, cap = 0;
  int bad = 0;
  for (int i = 0; i < 100000; ++i) {
    if (n == cap) {
      cap = cap ? cap * 2 : 1;
      a = realloc(a, cap * sizeof *a);
      if (!a) return 2;
    }
    a[n++] = i * 7 + 3;
  }
  for (size_t i = 0; i < n; ++i) bad += a[i] != (int)i * 7 + 3;
  printf("n=%zu cap=%zu bad=%d\n", n, cap, bad);
  a = realloc(a, 10 * sizeof *a);
  for (int i = 0; i < 10; ++i) printf("%d ", a[i]);
  printf("\n");
  char *s = NULL;
  for (int round = 0; round < 50; ++round) {
    size_t len = (size_t)(round * 97 % 5000) + 1;
    s = realloc(s, len);
    s[len - 1] = (char)round;
    s[0] = 'x';
  }
  printf("last %c %d\n", s[0], s[(49 * 97 % 5000)]);
  free(s);
  free(a);
  void *p = realloc(NULL, 64);
  printf("realloc(NULL) %s\n", p ? "ok" : "null");
  free(p);
  return 0;
}
