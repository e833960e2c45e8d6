/* File descriptors within one process: pipe, dup2 to redirect stdout into it and back, readv/
   writev, isatty on pipes and /dev/null, fcntl flags, O_NONBLOCK read of an empty pipe (EAGAIN). */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/uio.h>
#include <unistd.h>

int main(void) {
  int fds[2];
  if (pipe(fds)) return 2;
  const char *msg = "through the pipe";
  printf("write %zd\n", write(fds[1], msg, strlen(msg)));
  char buf[64] = {0};
  ssize_t n = read(fds[0], buf, sizeof buf - 1);
  printf("read %zd: %s\n", n, buf);
  fflush(stdout);
  int saved = dup(1);
  dup2(fds[1], 1);
  printf("captured line %d\n", 42);
  fflush(stdout);
  dup2(saved, 1);
  close(saved);
  memset(buf, 0, sizeof buf);
  n = read(fds[0], buf, sizeof buf - 1);
  printf("captured %zd bytes: %s", n, buf);
  struct iovec out[3] = {{"vec", 3}, {"tor", 3}, {"ed!", 3}};
  printf("writev %zd\n", writev(fds[1], out, 3));
  char a[4] = {0}, b[7] = {0};
  struct iovec in[2] = {{a, 3}, {b, 6}};
  n = readv(fds[0], in, 2);
  printf("readv %zd: [%s][%s]\n", n, a, b);
  printf("isatty: pipe %d stdin(/dev/null or file) %d\n", isatty(fds[0]), isatty(0));
  int fl = fcntl(fds[0], F_GETFL);
  fcntl(fds[0], F_SETFL, fl | O_NONBLOCK);
  errno = 0;
  n = read(fds[0], buf, 1);
  printf("nonblocking empty read: %zd EAGAIN=%d\n", n, errno == EAGAIN);
  printf("O_NONBLOCK set: %d, FD_CLOEXEC: %d\n", !!(fcntl(fds[0], F_GETFL) & O_NONBLOCK), fcntl(fds[0], F_GETFD));
  close(fds[1]);
  fcntl(fds[0], F_SETFL, fl);
  printf("read after writer closed: %zd\n", read(fds[0], buf, 1));
  close(fds[0]);
  int devnull = open("/dev/null", O_WRONLY);
  printf("write /dev/null: %zd\n", write(devnull, "gone", 4));
  close(devnull);
  return 0;
}
