/* An open-addressing hash table of string keys: insert words with counts, grow, delete with
   tombstones, look up; printed in key order. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

typedef struct { char *key; int count; int state; } slot;  /* state: 0 empty, 1 used, 2 deleted */
static slot *tab;
static size_t cap, used;

static unsigned long hash(const char *s) {
  unsigned long h = 1469598103934665603ul;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 1099511628211ul;
  return h;
}
static void put(const char *k, int add);
static void grow(void) {
  slot *old = tab;
  size_t oc = cap;
  cap = cap ? cap * 2 : 8;
  tab = calloc(cap, sizeof *tab);
  used = 0;
  for (size_t i = 0; i < oc; ++i)
    if (old[i].state == 1) {
      put(old[i].key, old[i].count);
      free(old[i].key);
    }
  free(old);
}
static slot *find(const char *k) {
  for (size_t i = hash(k) & (cap - 1), n = 0; n < cap; i = (i + 1) & (cap - 1), ++n) {
    if (tab[i].state == 0) return NULL;
    if (tab[i].state == 1 && !strcmp(tab[i].key, k)) return &tab[i];
  }
  return NULL;
}
static void put(const char *k, int add) {
  if ((used + 1) * 4 > cap * 3) grow();
  slot *s = find(k);
  if (s) { s->count += add; return; }
  size_t i = hash(k) & (cap - 1);
  while (tab[i].state == 1) i = (i + 1) & (cap - 1);
  tab[i].key = strdup(k);
  tab[i].count = add;
  tab[i].state = 1;
  ++used;
}
static int cmp(const void *a, const void *b) {
  const slot *x = *(slot *const *)a, *y = *(slot *const *)b;
  return strcmp(x->key, y->key);
}

int main(void) {
  const char *text = "it was the best of times it was the worst of times it was the age of wisdom it was the age of "
                     "foolishness it was the epoch of belief it was the epoch of incredulity it was the season of light";
  char buf[512];
  strcpy(buf, text);
  for (char *w = strtok(buf, " "); w; w = strtok(NULL, " ")) put(w, 1);
  for (int i = 0; i < 300; ++i) {
    char k[16];
    snprintf(k, sizeof k, "key%d", i * 7919 % 1000);
    put(k, i);
  }
  const char *del[] = {"the", "key7", "key999", "absent"};
  for (int i = 0; i < 4; ++i) {
    slot *s = find(del[i]);
    printf("delete %s: %s\n", del[i], s ? "found" : "missing");
    if (s) { free(s->key); s->key = NULL; s->state = 2; }
  }
  slot **all = malloc(cap * sizeof *all);
  size_t n = 0;
  for (size_t i = 0; i < cap; ++i)
    if (tab[i].state == 1) all[n++] = &tab[i];
  qsort(all, n, sizeof *all, cmp);
  printf("cap=%zu live=%zu\n", cap, n);
  for (size_t i = 0; i < n; ++i)
    if (i < 25 || i % 40 == 0) printf("%s=%d\n", all[i]->key, all[i]->count);
  free(all);
  return 0;
}
