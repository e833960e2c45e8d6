/* Dispatch through function pointer tables, callbacks, a big switch (jump table), and qsort
   with different comparators chosen at run time. */
#include <stdio.h>
#include <stdlib.h>

typedef long (*op_fn)(long, long);
static long op_add(long a, long b) { return a + b; }
static long op_sub(long a, long b) { return a - b; }
static long op_mul(long a, long b) { return a * b; }
static long op_div(long a, long b) { return b ? a / b : 0; }
static long op_mod(long a, long b) { return b ? a % b : 0; }
static long op_xor(long a, long b) { return a ^ b; }

static const char *name_of(int k) {
  switch (k) {
    case 0: return "zero"; case 1: return "one"; case 2: return "two"; case 3: return "three";
    case 4: return "four"; case 5: return "five"; case 6: return "six"; case 7: return "seven";
    case 8: return "eight"; case 9: return "nine"; case 10: return "ten"; case 11: return "eleven";
    case 12: return "twelve"; case 13: return "thirteen"; case 14: return "fourteen"; case 15: return "fifteen";
    default: return "many";
  }
}
static void each(const int *a, int n, void (*cb)(int, void *), void *ctx) {
  for (int i = 0; i < n; ++i) cb(a[i], ctx);
}
static void accumulate(int v, void *ctx) { *(long *)ctx = *(long *)ctx * 3 + v; }
static int up(const void *a, const void *b) { return *(const int *)a - *(const int *)b; }
static int down(const void *a, const void *b) { return *(const int *)b - *(const int *)a; }
static int by_last_digit(const void *a, const void *b) {
  int x = *(const int *)a % 10, y = *(const int *)b % 10;
  return x != y ? x - y : *(const int *)a - *(const int *)b;
}

int main(void) {
  op_fn ops[] = {op_add, op_sub, op_mul, op_div, op_mod, op_xor};
  const char *names = "+-*/%^";
  long acc = 7;
  for (int i = 0; i < 60; ++i) {
    long v = i * 13 % 29 + 1;
    acc = ops[i % 6](acc, v) % 1000003;
    if (i % 10 == 0) printf("step %d: %c %ld -> %ld\n", i, names[i % 6], v, acc);
  }
  for (int k = 0; k < 18; k += 3) printf("%s ", name_of(k));
  printf("\n");
  int data[12] = {53, 7, 91, 28, 64, 13, 45, 82, 30, 19, 77, 6};
  long ctx = 0;
  each(data, 12, accumulate, &ctx);
  printf("callback %ld\n", ctx);
  int (*cmps[])(const void *, const void *) = {up, down, by_last_digit};
  for (int c = 0; c < 3; ++c) {
    qsort(data, 12, sizeof data[0], cmps[c]);
    for (int i = 0; i < 12; ++i) printf("%d ", data[i]);
    printf("\n");
  }
  return 0;
}
