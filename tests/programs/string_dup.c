/* strdup, strndup, strnlen, stpcpy, stpncpy, strcoll/strxfrm in the C locale. */
#define _GNU_SOURCE
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#pragma GCC diagnostic ignored "-Wstringop-overread" /* the bound beyond the string is the point */

int main(void) {
  char *d = strdup("duplicate me");
  char *n = strndup("truncate here please", 8);
  printf("%s|%s|%zu|%zu|%zu\n", d, n, strlen(n), strnlen("abcdef", 3), strnlen("ab", 10));
  char buf[64];
  char *end = stpcpy(buf, "first");
  end = stpcpy(end, "-second");
  end = stpcpy(end, "-third");
  printf("%s len=%ld\n", buf, (long)(end - buf));
  memset(buf, 'x', sizeof buf);
  end = stpncpy(buf, "abc", 6);
  printf("stpncpy offset=%ld bytes=", (long)(end - buf));
  for (int i = 0; i < 8; ++i) printf("%02x", (unsigned char)buf[i]);
  printf("\n");
  printf("coll %d %d\n", strcoll("abc", "abd") < 0, strcoll("b", "a") > 0);
  char x[32];
  size_t r = strxfrm(x, "xfrm", sizeof x);
  printf("xfrm %zu %s\n", r, x);
  char *cat = malloc(1);
  cat[0] = 0;
  for (int i = 0; i < 20; ++i) {
    char num[8];
    snprintf(num, sizeof num, "%d,", i);
    cat = realloc(cat, strlen(cat) + strlen(num) + 1);
    strcat(cat, num);
  }
  printf("%s\n", cat);
  free(cat);
  free(d);
  free(n);
  return 0;
}
