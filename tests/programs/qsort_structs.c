/* qsort of records with a multi-key comparator and of strings; bsearch afterwards. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct rec {
  char name[12];
  int age;
  double score;
};

static int by_age_score_name(const void *pa, const void *pb) {
  const struct rec *a = pa, *b = pb;
  if (a->age != b->age) return a->age - b->age;
  if (a->score != b->score) return a->score < b->score ? 1 : -1;
  return strcmp(a->name, b->name);
}

static int by_str(const void *a, const void *b) { return strcmp(*(const char *const *)a, *(const char *const *)b); }

int main(void) {
  struct rec r[60];
  for (int i = 0; i < 60; ++i) {
    snprintf(r[i].name, sizeof r[i].name, "n%03d", (i * 37) % 101);
    r[i].age = 20 + (i * 7) % 9;
    r[i].score = ((i * 13) % 11) * 0.5;
  }
  qsort(r, 60, sizeof r[0], by_age_score_name);
  for (int i = 0; i < 60; ++i) printf("%s %d %.1f%c", r[i].name, r[i].age, r[i].score, i % 5 == 4 ? '\n' : ' ');
  const char *words[] = {"pear", "apple", "fig", "banana", "kiwi", "cherry", "date", "grape", "lemon", "mango", "apricot"};
  size_t nw = sizeof words / sizeof words[0];
  qsort(words, nw, sizeof words[0], by_str);
  for (size_t i = 0; i < nw; ++i) printf("%s ", words[i]);
  printf("\n");
  const char *keys[] = {"fig", "zucchini", "apple", "lemon", "aaa"};
  for (int i = 0; i < 5; ++i) {
    const char **hit = bsearch(&keys[i], words, nw, sizeof words[0], by_str);
    printf("%s -> %ld\n", keys[i], hit ? (long)(hit - words) : -1L);
  }
  return 0;
}
