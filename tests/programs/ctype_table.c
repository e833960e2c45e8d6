/* ctype classification of every byte value in the C locale, as a bitmask table. */
#include <ctype.h>
#include <stdio.h>

int main(void) {
  for (int c = -1; c < 256; ++c) {
    int m = (!!isalnum(c)) | (!!isalpha(c)) << 1 | (!!iscntrl(c)) << 2 | (!!isdigit(c)) << 3 | (!!isgraph(c)) << 4 |
            (!!islower(c)) << 5 | (!!isprint(c)) << 6 | (!!ispunct(c)) << 7 | (!!isspace(c)) << 8 |
            (!!isupper(c)) << 9 | (!!isxdigit(c)) << 10 | (!!isblank(c)) << 11;
    printf("%4d:%03x%c", c, m, (c + 2) % 8 == 0 ? '\n' : ' ');
  }
  printf("\n");
  for (int c = 0; c < 128; ++c) putchar(toupper(c) == c ? '.' : toupper(c));
  printf("\n");
  for (int c = 0; c < 128; ++c) putchar(tolower(c) == c ? '.' : tolower(c));
  printf("\n");
  return 0;
}
