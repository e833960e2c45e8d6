/* Miscellaneous system calls whose values differ between hosts and runs, printed only as facts
   that hold everywhere: uname's sysname/machine, clocks moving forward and after 2020, nanosleep,
   sched_yield, getpid/getppid/gettid positive and stable, getrandom's length, umask round trip,
   the number of processors at least 1, and times()/clock() not decreasing. */
#define _GNU_SOURCE
#include <sched.h>
#include <stdio.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <sys/time.h>
#include <sys/times.h>
#include <sys/utsname.h>
#include <time.h>
#include <unistd.h>

int main(void) {
  struct utsname u;
  printf("uname %d sysname=%s machine=%s\n", uname(&u), u.sysname, u.machine);
  struct timespec a, b, r;
  clock_gettime(CLOCK_MONOTONIC, &a);
  struct timespec nap = {0, 2000000};
  printf("nanosleep %d\n", nanosleep(&nap, NULL));
  clock_gettime(CLOCK_MONOTONIC, &b);
  printf("monotonic advanced >= 1ms: %d\n", (b.tv_sec - a.tv_sec) * 1000000000L + (b.tv_nsec - a.tv_nsec) >= 1000000);
  clock_gettime(CLOCK_REALTIME, &r);
  struct timeval tv;
  gettimeofday(&tv, NULL);
  printf("realtime after 2020: %d, gettimeofday agrees within 10s: %d, time() too: %d\n", r.tv_sec > 1577836800,
         tv.tv_sec - r.tv_sec < 10 && tv.tv_sec >= r.tv_sec, time(NULL) >= r.tv_sec - 1);
  printf("sched_yield %d\n", sched_yield());
  pid_t p = getpid();
  printf("pid positive %d stable %d, ppid positive %d, tid == pid %d\n", p > 0, p == getpid(), getppid() > 0, gettid() == p);
  unsigned char buf[64];
  printf("getrandom %zd\n", getrandom(buf, sizeof buf, 0));
  mode_t old = umask(077);
  printf("umask was %03o, now %03o\n", old, umask(old));
  printf("processors >= 1: %d, page size %ld\n", sysconf(_SC_NPROCESSORS_ONLN) >= 1, sysconf(_SC_PAGESIZE));
  struct tms t1, t2;
  clock_t c1 = times(&t1), k1 = clock();
  volatile double x = 0;
  for (int i = 0; i < 200000; ++i) x += i;
  clock_t c2 = times(&t2), k2 = clock();
  printf("times not decreasing %d, clock not decreasing %d\n", c2 >= c1 && t2.tms_utime >= t1.tms_utime, k2 >= k1);
  return 0;
}
