/* Failing file operations and their errno: missing files, writing a read-only stream, reading a
   directory, closing twice through a duplicate. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/nothing_here", argv[1]);
  errno = 0;
  FILE *f = fopen(path, "r");
  printf("fopen missing: %s errno=%s\n", f ? "opened" : "NULL", strerror(errno));
  perror("perror");
  snprintf(path, sizeof path, "%s/ro.txt", argv[1]);
  f = fopen(path, "w");
  fputs("read only\n", f);
  fclose(f);
  f = fopen(path, "r");
  errno = 0;
  int r = fputs("nope", f);
  fflush(f);
  printf("fputs on read stream: %d ferror=%d\n", r, ferror(f));
  clearerr(f);
  printf("after clearerr: %d\n", ferror(f));
  fclose(f);
  int fd = open(argv[1], O_RDONLY);
  char c;
  errno = 0;
  ssize_t n = read(fd, &c, 1);
  printf("read directory: %zd %s\n", n, strerror(errno));
  close(fd);
  errno = 0;
  printf("open O_DIRECTORY on file: %d %s\n", open(path, O_RDONLY | O_DIRECTORY), strerror(errno));
  errno = 0;
  printf("close(-1): %d %s\n", close(-1), strerror(errno));
  return 0;
}
