/* A failing assert prints the standard message on stderr and aborts (status 134). */
#include <assert.h>
#include <stdio.h>

static int triangle(int n) { return n * (n + 1) / 2; }

int main(void) {
  for (int i = 0; i < 5; ++i) {
    printf("triangle(%d)=%d\n", i, triangle(i));
    assert(triangle(i) == i * (i + 1) / 2);
  }
  fflush(stdout);
  assert(triangle(4) == 11);
  return 0;
}
