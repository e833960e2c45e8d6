/* In-memory streams: fmemopen reading and writing a buffer, open_memstream growing one, printf
   %m (strerror(errno)), and setvbuf line buffering of a memory stream. */
#define _GNU_SOURCE
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

int main(void) {
  char text[] = "10 20 30\nforty fifty\n";
  FILE *in = fmemopen(text, strlen(text), "r");
  int a, b, c;
  char w1[16], w2[16];
  int r = fscanf(in, "%d %d %d %15s %15s", &a, &b, &c, w1, w2);
  printf("fmemopen read %d: %d %d %d %s %s, then getc=%d\n", r, a, b, c, w1, w2, getc(in) == '\n');
  fclose(in);
  char buf[32];
  memset(buf, '.', sizeof buf);
  FILE *out = fmemopen(buf, sizeof buf, "w");
  fprintf(out, "pi=%.5f", 3.14159265);
  long pos = ftell(out);
  fclose(out);
  printf("fmemopen wrote %ld: %s\n", pos, buf);
  char *dyn = NULL;
  size_t len = 0;
  FILE *ms = open_memstream(&dyn, &len);
  for (int i = 0; i < 200; ++i) fprintf(ms, "%d,", i * i);
  fflush(ms);
  printf("open_memstream len=%zu head=%.20s\n", len, dyn);
  fseek(ms, 5, SEEK_SET);
  fputs("XY", ms);
  fclose(ms);
  printf("after seek+write len=%zu head=%.20s\n", len, dyn);
  free(dyn);
  errno = ENOENT;
  printf("%%m says: %m\n");
  errno = ERANGE;
  printf("%%m says: %m\n");
  return 0;
}
