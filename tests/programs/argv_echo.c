/* argc/argv: the arguments from the manifest, their lengths, and argv[argc] == NULL. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  printf("argc=%d argv[argc]=%s\n", argc, argv[argc] ? "non-null" : "NULL");
  size_t total = 0;
  for (int i = 1; i < argc; ++i) {
    printf("argv[%d]=\"%s\" len=%zu\n", i, argv[i], strlen(argv[i]));
    total += strlen(argv[i]);
  }
  printf("total=%zu\n", total);
  return argc - 1;
}
