/* string.h basics: strlen strcpy strncpy strcat strncat strcmp strncmp strchr strrchr strstr. */
#include <stdio.h>
#include <string.h>
#pragma GCC diagnostic ignored "-Wstringop-truncation" /* truncation is the point */

static int sign(int x) { return (x > 0) - (x < 0); }

int main(void) {
  char buf[128];
  strcpy(buf, "Hello");
  strcat(buf, ", ");
  strncat(buf, "world!!!!", 6);
  printf("%s (%zu)\n", buf, strlen(buf));
  char small[8];
  memset(small, 'Z', sizeof small);
  strncpy(small, "abc", sizeof small);
  for (int i = 0; i < 8; ++i) printf("%d ", small[i]);
  printf("\n");
  const char *pairs[][2] = {{"abc", "abd"}, {"abc", "abc"}, {"abc", "ab"}, {"", "a"}, {"\xff", "a"}, {"Zebra", "apple"}};
  for (int i = 0; i < 6; ++i)
    printf("cmp(%s,%s)=%d ncmp2=%d\n", pairs[i][0], pairs[i][1], sign(strcmp(pairs[i][0], pairs[i][1])),
           sign(strncmp(pairs[i][0], pairs[i][1], 2)));
  const char *s = "the quick brown fox jumps over the lazy dog";
  printf("strchr o: %ld, strrchr o: %ld, strchr nul: %ld, strchr q: %s\n", strchr(s, 'o') - s, strrchr(s, 'o') - s,
         strchr(s, '\0') - s, strchr(s, 'Q') ? "found" : "none");
  const char *needles[] = {"the", "lazy", "dog", "cat", "", "fox jumps", "g"};
  for (int i = 0; i < 7; ++i) {
    const char *h = strstr(s, needles[i]);
    printf("strstr '%s' -> %ld\n", needles[i], h ? h - s : -1L);
  }
  return 0;
}
