/* FNV-1a (32/64), djb2, MurmurHash3 finaliser and SplitMix64 over strings and counters. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

static uint32_t fnv32(const char *s) {
  uint32_t h = 2166136261u;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 16777619u;
  return h;
}
static uint64_t fnv64(const char *s) {
  uint64_t h = 0xcbf29ce484222325ull;
  for (; *s; ++s) h = (h ^ (unsigned char)*s) * 0x100000001b3ull;
  return h;
}
static uint32_t djb2(const char *s) {
  uint32_t h = 5381;
  for (; *s; ++s) h = h * 33 + (unsigned char)*s;
  return h;
}
static uint64_t fmix64(uint64_t k) {
  k ^= k >> 33;
  k *= 0xff51afd7ed558ccdull;
  k ^= k >> 33;
  k *= 0xc4ceb9fe1a85ec53ull;
  return k ^ (k >> 33);
}
static uint64_t splitmix(uint64_t *s) {
  uint64_t z = (*s += 0x9e3779b97f4a7c15ull);
  z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
  z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
  return z ^ (z >> 31);
}

int main(void) {
  const char *words[] = {"", "a", "foobar", "hello world", "cuarm", "AArch64", "The quick brown fox"};
  for (int i = 0; i < 7; ++i)
    printf("%-20s fnv32=%08x fnv64=%016llx djb2=%08x\n", words[i], fnv32(words[i]), (unsigned long long)fnv64(words[i]),
           djb2(words[i]));
  uint64_t acc = 0, s = 42;
  int buckets[16] = {0};
  for (uint64_t i = 0; i < 100000; ++i) {
    acc ^= fmix64(i);
    ++buckets[splitmix(&s) >> 60];
  }
  printf("fmix xor %016llx\n", (unsigned long long)acc);
  for (int i = 0; i < 16; ++i) printf("%d ", buckets[i]);
  printf("\n");
  return 0;
}
