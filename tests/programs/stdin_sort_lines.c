/* Reads all of stdin with getline, sorts the lines, prints them with counts of duplicates. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(void) {
  char **lines = NULL;
  size_t n = 0, cap = 0;
  char *line = NULL;
  size_t len = 0;
  ssize_t got;
  while ((got = getline(&line, &len, stdin)) != -1) {
    if (got && line[got - 1] == '\n') line[got - 1] = '\0';
    if (n == cap) lines = realloc(lines, (cap = cap ? 2 * cap : 16) * sizeof *lines);
    lines[n++] = strdup(line);
  }
  free(line);
  qsort(lines, n, sizeof *lines, cmp);
  for (size_t i = 0; i < n;) {
    size_t j = i;
    while (j < n && !strcmp(lines[i], lines[j])) ++j;
    printf("%3zu %s\n", j - i, lines[i]);
    i = j;
  }
  for (size_t i = 0; i < n; ++i) free(lines[i]);
  free(lines);
  return 0;
}
