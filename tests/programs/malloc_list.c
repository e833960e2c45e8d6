/* A linked list of many small nodes: build, delete every third, reverse, sum. */
#include <stdio.h>
#include <stdlib.h>

struct node {
  long value;
  struct node *next;
};

int main(void) {
  struct node *head = NULL;
  for (long i = 0; i < 20000; ++i) {
    struct node *n = malloc(sizeof *n);
    n->value = i * i % 1009;
    n->next = head;
    head = n;
  }
  struct node **pp = &head;
  long idx = 0;
  while (*pp) {
    if (idx++ % 3 == 0) {
      struct node *dead = *pp;
      *pp = dead->next;
      free(dead);
    } else {
      pp = &(*pp)->next;
    }
  }
  struct node *rev = NULL;
  while (head) {
    struct node *n = head;
    head = n->next;
    n->next = rev;
    rev = n;
  }
  long sum = 0, count = 0, weighted = 0;
  for (struct node *n = rev; n; n = n->next) {
    sum += n->value;
    weighted += n->value * (++count % 7);
  }
  printf("count=%ld sum=%ld weighted=%ld first=%ld\n", count, sum, weighted, rev->value);
  while (rev) {
    struct node *n = rev;
    rev = n->next;
    free(n);
  }
  return 0;
}
