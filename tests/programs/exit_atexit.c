/* atexit handlers run in reverse order at exit, can print, and see buffered output flushed after. */
#include <stdio.h>
#include <stdlib.h>

static void first(void) { printf("handler registered first runs last\n"); }
static void second(void) { printf("handler registered second\n"); }
static void third(void) {
  fprintf(stderr, "third handler on stderr\n");
  printf("handler registered third runs first\n");
}

int main(void) {
  atexit(first);
  atexit(second);
  atexit(third);
  printf("main body (buffered)\n");
  exit(7);
}
