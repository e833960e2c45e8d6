/* strcasecmp, strncasecmp, strcasestr and case conversion loops. */
#define _GNU_SOURCE
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void) {
  const char *a[] = {"Hello", "HELLO", "hello!", "HeLp", "", "abc"};
  for (int i = 0; i < 6; ++i)
    for (int j = 0; j < 6; ++j) printf("%2d%c", sign(strcasecmp(a[i], a[j])), j == 5 ? '\n' : ' ');
  printf("ncase %d %d\n", strncasecmp("HELp", "help me", 4), sign(strncasecmp("abcD", "ABCE", 4)));
  const char *hay = "The Quick Brown Fox";
  const char *hit = strcasestr(hay, "bROWN");
  printf("casestr %ld\n", hit ? hit - hay : -1L);
  char s[] = "Mixed Case, with Digits 0123 and Symbols #@!";
  for (char *p = s; *p; ++p) *p = (char)toupper((unsigned char)*p);
  printf("%s\n", s);
  for (char *p = s; *p; ++p) *p = (char)tolower((unsigned char)*p);
  printf("%s\n", s);
  return 0;
}
