/* strerror texts of errno values (C locale), and perror on stderr. */
#include <errno.h>
#include <stdio.h>
#include <string.h>

int main(void) {
  for (int e = 0; e <= 40; ++e) printf("%2d %s\n", e, strerror(e));
  printf("%s\n", strerror(ENOSYS));
  errno = ENOENT;
  perror("perror says");
  errno = EACCES;
  perror(NULL);
  char buf[64];
  int r = strerror_r(EINVAL, buf, sizeof buf);
  printf("strerror_r %d %s\n", r, buf);
  return 0;
}
