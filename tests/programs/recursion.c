/* Deep and branching recursion: Ackermann, naive Fibonacci, Hanoi move count, mutual recursion,
   permutations. */
#include <stdio.h>

static long ack(long m, long n) { return m == 0 ? n + 1 : n == 0 ? ack(m - 1, 1) : ack(m - 1, ack(m, n - 1)); }
static long fib(int n) { return n < 2 ? n : fib(n - 1) + fib(n - 2); }
static long hanoi(int n, int from, int to, int via, long *checksum) {
  if (n == 0) return 0;
  long moves = hanoi(n - 1, from, via, to, checksum);
  *checksum = (*checksum * 7 + from * 3 + to) % 1000000007;
  return moves + 1 + hanoi(n - 1, via, to, from, checksum);
}
static int is_odd(unsigned n);
static int is_even(unsigned n) { return n == 0 ? 1 : is_odd(n - 1); }
static int is_odd(unsigned n) { return n == 0 ? 0 : is_even(n - 1); }

static int perm[8], used[8], nperm;
static long permsum;
static void permute(int k, int n) {
  if (k == n) {
    ++nperm;
    long v = 0;
    for (int i = 0; i < n; ++i) v = v * 10 + perm[i];
    permsum += v % 9973;
    return;
  }
  for (int i = 0; i < n; ++i)
    if (!used[i]) {
      used[i] = 1;
      perm[k] = i;
      permute(k + 1, n);
      used[i] = 0;
    }
}

int main(void) {
  printf("ack(2,3)=%ld ack(3,5)=%ld\n", ack(2, 3), ack(3, 5));
  printf("fib(27)=%ld\n", fib(27));
  long cs = 0;
  printf("hanoi(18)=%ld checksum=%ld\n", hanoi(18, 1, 3, 2, &cs), cs);
  printf("even(10001)=%d odd(7777)=%d\n", is_even(10001), is_odd(7777));
  permute(0, 8);
  printf("permutations %d sum %ld\n", nperm, permsum);
  return 0;
}
