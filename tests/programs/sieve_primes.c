/* Sieve of Eratosthenes up to 2,000,000: prime counts per decade, twin primes, the last primes,
   and Goldbach checks for small even numbers. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define N 2000000

int main(void) {
  unsigned char *composite = calloc(N + 1, 1);
  composite[0] = composite[1] = 1;
  for (long i = 2; i * i <= N; ++i)
    if (!composite[i])
      for (long j = i * i; j <= N; j += i) composite[j] = 1;
  long count = 0, twins = 0, sum = 0;
  for (long i = 2; i <= N; ++i)
    if (!composite[i]) {
      ++count;
      sum += i;
      if (i >= 5 && !composite[i - 2]) ++twins;
      if (i == 10 - 3 || i == 97 || i == 997 || i == 9973 || i == 99991 || i == 999983) printf("pi(%ld)=%ld\n", i, count);
    }
  printf("primes<=%d: %ld, twins %ld, sum %ld\n", N, count, twins, sum);
  printf("last:");
  for (long i = N, k = 0; k < 5; --i)
    if (!composite[i]) {
      printf(" %ld", i);
      ++k;
    }
  printf("\n");
  int worst = 0, worst_n = 0;
  for (int n = 4; n <= 20000; n += 2) {
    int p = 2;
    while (composite[p] || composite[n - p]) ++p;
    if (p > worst) {
      worst = p;
      worst_n = n;
    }
  }
  printf("goldbach: largest smallest prime %d for %d\n", worst, worst_n);
  free(composite);
  return 0;
}
