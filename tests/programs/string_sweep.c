/* strlen/strchr/strrchr/memchr/strcmp/strcpy over every alignment and length 0..95: glibc's
   vectorised string routines read past the terminator in aligned blocks. */
#include <stdio.h>
#include <string.h>

static char buf[256] __attribute__((aligned(64)));
static char other[256] __attribute__((aligned(64)));

int main(void) {
  unsigned long acc = 0;
  for (int align = 0; align < 32; ++align)
    for (int len = 0; len < 96; ++len) {
      memset(buf, 'a' + (align + len) % 20, sizeof buf);
      char *s = buf + align;
      s[len] = '\0';
      if (len > 3) s[len / 2] = 'Z';
      acc = acc * 31 + strlen(s);
      char *c = strchr(s, 'Z');
      acc = acc * 31 + (c ? (unsigned long)(c - s) : 999);
      c = strrchr(s, s[0] ? s[0] : 'q');
      acc = acc * 31 + (c ? (unsigned long)(c - s) : 999);
      c = memchr(s, 'Z', (size_t)len + 1);
      acc = acc * 31 + (c ? (unsigned long)(c - s) : 999);
      char *o = other + (align * 7) % 32;
      strcpy(o, s);
      acc = acc * 31 + (unsigned long)(strcmp(o, s) == 0) + (unsigned long)strlen(o);
      if (len) {
        o[len - 1] ^= 1;
        acc = acc * 31 + (unsigned long)(strcmp(o, s) > 0) + 2 * (unsigned long)(strncmp(o, s, (size_t)len - 1) == 0);
      }
    }
  printf("%016lx\n", acc);
  return 0;
}
