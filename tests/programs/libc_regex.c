/* POSIX regular expressions (regcomp/regexec, extended and basic, sub-matches, REG_ICASE,
   REG_NOSUB) and compile errors via regerror, in the C locale. */
#include <regex.h>
#include <stdio.h>

static void try(const char *pat, int flags, const char *const *subjects, int n) {
  regex_t re;
  int rc = regcomp(&re, pat, flags);
  if (rc) {
    char msg[128];
    regerror(rc, &re, msg, sizeof msg);
    printf("/%s/ compile error %d: %s\n", pat, rc, msg);
    return;
  }
  printf("/%s/ groups=%zu\n", pat, re.re_nsub);
  for (int i = 0; i < n; ++i) {
    regmatch_t m[4];
    int r = regexec(&re, subjects[i], 4, m, 0);
    printf("  %-26s %s", subjects[i], r == 0 ? "match" : "no");
    if (r == 0 && !(flags & REG_NOSUB))
      for (int g = 0; g < 4 && g <= (int)re.re_nsub; ++g)
        if (m[g].rm_so >= 0) printf(" [%d:%.*s]", g, (int)(m[g].rm_eo - m[g].rm_so), subjects[i] + m[g].rm_so);
    printf("\n");
  }
  regfree(&re);
}

int main(void) {
  const char *dates[] = {"2024-02-29", "on 1999-12-31 at noon", "24-1-1", "2024/02/29"};
  try("([0-9]{4})-([0-9]{2})-([0-9]{2})", REG_EXTENDED, dates, 4);
  const char *mails[] = {"user@example.com", "first.last@sub.domain.org", "not an address", "a@b"};
  try("^([a-z.]+)@([a-z]+(\\.[a-z]+)+)$", REG_EXTENDED | REG_ICASE, mails, 4);
  const char *words[] = {"colour", "color", "COLOR", "colouur"};
  try("colou\\{0,1\\}r", 0, words, 4);
  try("colou?r", REG_EXTENDED | REG_ICASE | REG_NOSUB, words, 4);
  const char *rep[] = {"abcabcabc", "abcab", "xyz"};
  try("(abc)+$", REG_EXTENDED, rep, 3);
  try("a(b", REG_EXTENDED, rep, 3);
  try("[[:digit:]]+[[:space:]]*[[:alpha:]]", REG_EXTENDED, dates, 4);
  return 0;
}
