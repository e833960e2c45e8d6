/* stdin at EOF from the start (/dev/null): every reading function reports it. */
#include <stdio.h>
#include <unistd.h>

int main(void) {
  char buf[16];
  int x;
  printf("getchar=%d\n", getchar());
  printf("fgets=%s\n", fgets(buf, sizeof buf, stdin) ? "line" : "NULL");
  printf("scanf=%d\n", scanf("%d", &x));
  printf("fread=%zu feof=%d\n", fread(buf, 1, sizeof buf, stdin), feof(stdin));
  printf("read=%zd\n", read(0, buf, sizeof buf));
  return 0;
}
