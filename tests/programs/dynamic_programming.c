/* Dynamic programming: edit distance, longest common subsequence, 0/1 knapsack, coin change
   counts, and longest increasing subsequence. */
#include <stdio.h>
#include <string.h>

static int min3(int a, int b, int c) { return a < b ? (a < c ? a : c) : (b < c ? b : c); }

static int edit(const char *a, const char *b) {
  int n = (int)strlen(a), m = (int)strlen(b), d[64][64];
  for (int i = 0; i <= n; ++i) d[i][0] = i;
  for (int j = 0; j <= m; ++j) d[0][j] = j;
  for (int i = 1; i <= n; ++i)
    for (int j = 1; j <= m; ++j) d[i][j] = min3(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] != b[j - 1]));
  return d[n][m];
}
static int lcs(const char *a, const char *b, char *out) {
  int n = (int)strlen(a), m = (int)strlen(b), L[64][64];
  for (int i = n; i >= 0; --i)
    for (int j = m; j >= 0; --j)
      L[i][j] = (i == n || j == m) ? 0 : a[i] == b[j] ? 1 + L[i + 1][j + 1] : (L[i + 1][j] > L[i][j + 1] ? L[i + 1][j] : L[i][j + 1]);
  int i = 0, j = 0, k = 0;
  while (i < n && j < m) {
    if (a[i] == b[j]) { out[k++] = a[i]; ++i; ++j; }
    else if (L[i + 1][j] >= L[i][j + 1]) ++i;
    else ++j;
  }
  out[k] = 0;
  return L[0][0];
}

int main(void) {
  const char *pairs[][2] = {{"kitten", "sitting"}, {"flaw", "lawn"}, {"intention", "execution"}, {"", "abc"},
                            {"AGGTAB", "GXTXAYB"}, {"the quick brown fox", "thy quack brawn fax"}};
  for (int i = 0; i < 6; ++i) {
    char sub[64];
    int l = lcs(pairs[i][0], pairs[i][1], sub);
    printf("%s / %s: edit=%d lcs=%d \"%s\"\n", pairs[i][0], pairs[i][1], edit(pairs[i][0], pairs[i][1]), l, sub);
  }
  int w[] = {12, 7, 11, 8, 9, 6, 5, 14, 3, 10}, v[] = {24, 13, 23, 15, 16, 11, 9, 30, 4, 19};
  int best[51] = {0};
  for (int i = 0; i < 10; ++i)
    for (int c = 50; c >= w[i]; --c)
      if (best[c - w[i]] + v[i] > best[c]) best[c] = best[c - w[i]] + v[i];
  printf("knapsack(50) = %d\n", best[50]);
  long ways[1001] = {1};
  int coins[] = {1, 2, 5, 10, 20, 50, 100, 200};
  for (int k = 0; k < 8; ++k)
    for (int s = coins[k]; s <= 1000; ++s) ways[s] += ways[s - coins[k]];
  printf("ways to make 200: %ld, 1000: %ld\n", ways[200], ways[1000]);
  int seq[40], tails[40], len = 0;
  for (int i = 0; i < 40; ++i) seq[i] = (i * 37 + 11) % 53;
  for (int i = 0; i < 40; ++i) {
    int lo = 0, hi = len;
    while (lo < hi) {
      int mid = (lo + hi) / 2;
      if (tails[mid] < seq[i]) lo = mid + 1; else hi = mid;
    }
    tails[lo] = seq[i];
    if (lo == len) ++len;
  }
  printf("LIS length %d\n", len);
  return 0;
}
