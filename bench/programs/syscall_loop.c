/* The syscall round trip (cuarm-bench --programs): argv[1] getppid() calls through glibc's
   syscall(), which reaches the kernel (the emulator's host side) every time; run with 0 and with
   N calls, the difference over N is the cost of one round trip. */
#include <stdlib.h>
#include <sys/syscall.h>
#include <unistd.h>

int main(int argc, char **argv) {
  long n = argc > 1 ? atol(argv[1]) : 0;
  long sum = 0;
  for (long i = 0; i < n; ++i) sum += syscall(SYS_getppid);
  return sum < 0;  // keeps the calls; getppid never fails
}
