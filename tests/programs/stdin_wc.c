/* wc on stdin: lines, words, bytes, longest line, and the most frequent letter. */
#include <ctype.h>
#include <stdio.h>

int main(void) {
  long lines = 0, words = 0, bytes = 0, cur = 0, longest = 0;
  long freq[26] = {0};
  int c, in_word = 0;
  while ((c = getchar()) != EOF) {
    ++bytes;
    if (c == '\n') {
      ++lines;
      if (cur > longest) longest = cur;
      cur = 0;
    } else {
      ++cur;
    }
    if (isspace(c)) {
      in_word = 0;
    } else if (!in_word) {
      in_word = 1;
      ++words;
    }
    if (isalpha(c)) ++freq[tolower(c) - 'a'];
  }
  int best = 0;
  for (int i = 1; i < 26; ++i)
    if (freq[i] > freq[best]) best = i;
  printf("%ld %ld %ld longest=%ld top=%c(%ld)\n", lines, words, bytes, longest, 'a' + best, freq[best]);
  return 0;
}
