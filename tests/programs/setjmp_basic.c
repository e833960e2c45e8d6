/* setjmp/longjmp out of nested calls; volatile locals keep their values; the returned value. */
#include <setjmp.h>
#include <stdio.h>

static jmp_buf env;
static int depth_reached;

static void dive(int depth, int limit) {
  depth_reached = depth;
  if (depth == limit) longjmp(env, depth * 10);
  if (depth > 1000) return;
  dive(depth + 1, limit);
}

int main(void) {
  volatile int attempts = 0;
  volatile double acc = 0.5;
  int r = setjmp(env);
  printf("setjmp returned %d (attempt %d, acc %a)\n", r, attempts, acc);
  if (attempts < 5) {
    ++attempts;
    acc = acc * 3 + 0.25;
    dive(0, attempts * 3);
  }
  printf("depth reached %d\n", depth_reached);
  jmp_buf e2;
  if (setjmp(e2) == 0) {
    printf("longjmp with 0 ...\n");
    longjmp(e2, 0);
  } else {
    printf("... arrives as 1\n");
  }
  return 0;
}
