/* Reads the files the test put in the directory beforehand (data/file_initial/), and writes a
   transformed copy next to them. */
#include <ctype.h>
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char in_path[4096], out_path[4096], num_path[4096];
  snprintf(in_path, sizeof in_path, "%s/poem.txt", argv[1]);
  snprintf(out_path, sizeof out_path, "%s/POEM.TXT", argv[1]);
  snprintf(num_path, sizeof num_path, "%s/nested/numbers.txt", argv[1]);
  FILE *in = fopen(in_path, "r"), *out = fopen(out_path, "w");
  if (!in || !out) return 3;
  int c, lines = 0, chars = 0;
  while ((c = fgetc(in)) != EOF) {
    fputc(toupper(c), out);
    lines += c == '\n';
    ++chars;
  }
  fclose(in);
  fclose(out);
  printf("poem: %d lines, %d chars\n", lines, chars);
  FILE *nums = fopen(num_path, "r");
  if (!nums) return 4;
  long sum = 0, v, count = 0;
  while (fscanf(nums, "%ld", &v) == 1) {
    sum += v;
    ++count;
  }
  fclose(nums);
  printf("numbers: %ld values, sum %ld\n", count, sum);
  return 0;
}
