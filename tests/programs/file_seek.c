/* fseek/ftell/rewind/fgetc/ungetc/fgetpos/fsetpos and "r+" updates in place. */
#include <stdio.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/seek.txt", argv[1]);
  FILE *f = fopen(path, "w+");
  if (!f) return 3;
  for (int i = 0; i < 26; ++i) fputc('a' + i, f);
  printf("tell after write %ld\n", ftell(f));
  fseek(f, 5, SEEK_SET);
  printf("at 5: %c\n", fgetc(f));
  fseek(f, -3, SEEK_END);
  printf("end-3: %c\n", fgetc(f));
  fseek(f, 2, SEEK_CUR);
  printf("cur+2: %c tell %ld\n", fgetc(f), ftell(f));
  printf("at eof: %d feof=%d\n", fgetc(f), feof(f));
  rewind(f);
  int c = fgetc(f);
  ungetc('Z', f);
  printf("first %c then ungot %c then %c\n", c, fgetc(f), fgetc(f));
  fpos_t pos;
  fgetpos(f, &pos);
  fseek(f, 10, SEEK_SET);
  fputs("0123", f);
  fsetpos(f, &pos);
  printf("after fsetpos: %c\n", fgetc(f));
  fseek(f, 40, SEEK_SET);
  fputc('!', f);  // a hole from 26 to 40 reads as zeros
  rewind(f);
  int zeros = 0, n = 0;
  while ((c = fgetc(f)) != EOF) {
    zeros += c == 0;
    ++n;
    if (c) putchar(c);
  }
  printf("\nlength %d zeros %d\n", n, zeros);
  fclose(f);
  return 0;
}
