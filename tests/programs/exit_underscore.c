/* _exit skips atexit handlers and stdio flushing: only explicitly flushed output appears. */
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

static void handler(void) { printf("must not appear\n"); }

int main(void) {
  atexit(handler);
  printf("flushed line\n");
  fflush(stdout);
  printf("unflushed line\n");
  fprintf(stderr, "stderr is unbuffered\n");
  _exit(19);
}
