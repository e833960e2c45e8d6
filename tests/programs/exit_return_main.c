/* Returning from main gives the exit status; stdout is flushed by exit. */
#include <stdio.h>

static int collatz_steps(long n) {
  int s = 0;
  while (n != 1) {
    n = n % 2 ? 3 * n + 1 : n / 2;
    ++s;
  }
  return s;
}

int main(void) {
  int best = 0;
  long arg = 0;
  for (long n = 1; n < 10000; ++n) {
    int s = collatz_steps(n);
    if (s > best) {
      best = s;
      arg = n;
    }
  }
  printf("longest below 10000: %ld with %d steps\n", arg, best);
  return best % 256;
}
