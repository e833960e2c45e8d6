/* strtok, strtok_r, strspn, strcspn, strpbrk, strsep on fixed text. */
#include <stdio.h>
#include <string.h>

int main(void) {
  char text[] = "  alpha, beta;gamma ,, delta;;epsilon  ";
  for (char *t = strtok(text, " ,;"); t; t = strtok(NULL, " ,;")) printf("[%s]", t);
  printf("\n");
  char rows[] = "a=1;b=22;ccc=333";
  char *save1;
  for (char *row = strtok_r(rows, ";", &save1); row; row = strtok_r(NULL, ";", &save1)) {
    char *save2;
    char *k = strtok_r(row, "=", &save2);
    char *v = strtok_r(NULL, "=", &save2);
    printf("%s -> %s\n", k, v);
  }
  const char *s = "123abc456";
  printf("spn=%zu cspn=%zu pbrk=%s\n", strspn(s, "0123456789"), strcspn(s, "cba"), strpbrk(s, "x6c"));
  printf("spn all=%zu cspn none=%zu\n", strspn("aaaa", "a"), strcspn("abcd", "xyz"));
  char line[] = "one::two:three";
  char *p = line;
  for (char *f; (f = strsep(&p, ":")) != NULL;) printf("<%s>", f);
  printf("\n");
  return 0;
}
