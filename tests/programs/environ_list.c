/* The whole environment as the program sees it (the test passes exactly the manifest's variables). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

extern char **environ;

static int cmp(const void *a, const void *b) { return strcmp(*(char *const *)a, *(char *const *)b); }

int main(int argc, char **argv, char **envp) {
  (void)argv;
  int n = 0;
  while (environ[n]) ++n;
  char **copy = malloc(sizeof(char *) * (size_t)(n + 1));
  for (int i = 0; i < n; ++i) copy[i] = environ[i];
  qsort(copy, (size_t)n, sizeof(char *), cmp);
  printf("argc=%d envc=%d envp_is_environ=%d\n", argc, n, envp == environ);
  for (int i = 0; i < n; ++i) printf("%s\n", copy[i]);
  free(copy);
  return 0;
}
