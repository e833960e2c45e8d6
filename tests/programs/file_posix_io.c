/* open/read/write/lseek/pread/pwrite/ftruncate/dup/close on file descriptors. */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096];
  snprintf(path, sizeof path, "%s/raw.bin", argv[1]);
  int fd = open(path, O_CREAT | O_TRUNC | O_RDWR, 0644);
  if (fd < 0) return 3;
  char buf[256];
  for (int i = 0; i < 256; ++i) buf[i] = (char)i;
  printf("write %zd\n", write(fd, buf, sizeof buf));
  printf("lseek end %lld\n", (long long)lseek(fd, 0, SEEK_END));
  printf("lseek set %lld\n", (long long)lseek(fd, 16, SEEK_SET));
  char r[8];
  printf("read %zd: %d %d\n", read(fd, r, 8), r[0], r[7]);
  printf("pwrite %zd\n", pwrite(fd, "HELLO", 5, 100));
  memset(r, 0, sizeof r);
  printf("pread %zd: %.5s, offset still %lld\n", pread(fd, r, 5, 100), r, (long long)lseek(fd, 0, SEEK_CUR));
  int fd2 = dup(fd);
  lseek(fd2, 0, SEEK_SET);
  printf("dup shares offset: %lld\n", (long long)lseek(fd, 0, SEEK_CUR));
  printf("ftruncate %d\n", ftruncate(fd, 120));
  printf("size now %lld\n", (long long)lseek(fd, 0, SEEK_END));
  printf("read at eof %zd\n", read(fd, r, 8));
  close(fd2);
  close(fd);
  printf("read closed fd: %zd\n", read(fd, r, 1));
  fd = open(path, O_WRONLY | O_CREAT | O_EXCL, 0644);
  printf("O_EXCL on existing: %d\n", fd);
  return 0;
}
