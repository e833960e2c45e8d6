/* fopen/fwrite/fclose then fopen/fread back, text and binary, in the directory argv[1]. */
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/data.bin", argv[1]);
  FILE *f = fopen(path, "wb");
  if (!f) return perror("fopen w"), 3;
  unsigned char block[1000];
  for (int i = 0; i < 1000; ++i) block[i] = (unsigned char)(i * 31 + 7);
  size_t total = 0;
  for (int k = 0; k < 50; ++k) total += fwrite(block, 1, sizeof block - (size_t)k, f);
  printf("wrote %zu, close %d\n", total, fclose(f));
  f = fopen(path, "rb");
  if (!f) return perror("fopen r"), 4;
  unsigned long sum = 0;
  size_t got, count = 0;
  unsigned char buf[777];
  while ((got = fread(buf, 1, sizeof buf, f)) > 0) {
    for (size_t i = 0; i < got; ++i) sum = sum * 33 + buf[i];
    count += got;
  }
  printf("read %zu eof=%d error=%d sum=%016lx\n", count, feof(f), ferror(f), sum);
  fclose(f);
  snprintf(path, sizeof path, "%s/notes.txt", argv[1]);
  f = fopen(path, "w");
  fprintf(f, "line one\nline %d\n%s\n", 2, "line three");
  fclose(f);
  f = fopen(path, "r");
  char line[64];
  while (fgets(line, sizeof line, f)) printf("> %s", line);
  fclose(f);
  return 0;
}
