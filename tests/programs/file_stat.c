/* stat/fstat/lstat sizes and types, mkdir, chmod'ed permission bits, truncate. */
#include <fcntl.h>
#include <stdio.h>
#include <sys/stat.h>
#include <unistd.h>

static void show(const char *label, const char *path) {
  struct stat st;
  if (stat(path, &st) != 0) {
    printf("%s: stat failed\n", label);
    return;
  }
  /* a directory's size depends on the host file system: not printed */
  printf("%s: size=%lld reg=%d dir=%d mode=%03o nlink_ok=%d\n", label, S_ISREG(st.st_mode) ? (long long)st.st_size : -1LL, S_ISREG(st.st_mode),
         S_ISDIR(st.st_mode), st.st_mode & 0777, st.st_nlink >= 1);
}

int main(int argc, char **argv) {
  if (argc < 2) return 2;
  char path[4096], sub[4096];
  snprintf(path, sizeof path, "%s/file.dat", argv[1]);
  snprintf(sub, sizeof sub, "%s/subdir", argv[1]);
  FILE *f = fopen(path, "w");
  for (int i = 0; i < 1234; ++i) fputc('x', f);
  fclose(f);
  show("file", path);
  chmod(path, 0640);
  show("chmod 640", path);
  truncate(path, 100);
  show("truncated", path);
  printf("mkdir %d\n", mkdir(sub, 0755));
  show("subdir", sub);
  int fd = open(path, O_RDWR | O_APPEND);
  write(fd, "tail", 4);
  struct stat st;
  fstat(fd, &st);
  printf("fstat size=%lld\n", (long long)st.st_size);
  close(fd);
  printf("lstat dir: %d\n", lstat(argv[1], &st) == 0 && S_ISDIR(st.st_mode));
  printf("stat missing: %d\n", stat("/definitely/not/here", &st));
  return 0;
}
