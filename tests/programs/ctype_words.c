/* Counting letters, digits, words and sentences in a text with ctype. */
#include <ctype.h>
#include <stdio.h>

static const char *text =
    "It was the best of times, it was the worst of times; it was 1859. Over 300 pages follow!\n"
    "\tNumbers like 3.14159 and 0x1F appear. Do they? Yes: 42 times.\n";

int main(void) {
  int letters = 0, digits = 0, spaces = 0, punct = 0, upper = 0, words = 0, sentences = 0, in_word = 0;
  int freq[26] = {0};
  for (const char *p = text; *p; ++p) {
    unsigned char c = (unsigned char)*p;
    if (isalpha(c)) {
      ++letters;
      ++freq[tolower(c) - 'a'];
      upper += !!isupper(c);
    }
    digits += !!isdigit(c);
    spaces += !!isspace(c);
    punct += !!ispunct(c);
    if (c == '.' || c == '!' || c == '?') ++sentences;
    if (isalnum(c)) {
      if (!in_word) ++words;
      in_word = 1;
    } else {
      in_word = 0;
    }
  }
  printf("letters=%d digits=%d spaces=%d punct=%d upper=%d words=%d sentences=%d\n", letters, digits, spaces, punct,
         upper, words, sentences);
  for (int i = 0; i < 26; ++i)
    if (freq[i]) printf("%c%d ", 'a' + i, freq[i]);
  printf("\n");
  return 0;
}
