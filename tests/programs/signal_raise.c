/* signal/sigaction handlers run by raise(), sigprocmask blocking and pending signals, and finally
   an unhandled raise(SIGTERM): death by signal (status 143). */
#include <signal.h>
#include <stdio.h>
#include <string.h>

static volatile sig_atomic_t hits[32];

static void handler(int sig) { ++hits[sig]; }
static void info_handler(int sig, siginfo_t *si, void *ctx) {
  (void)ctx;
  hits[sig] += 10;
  hits[0] = si->si_signo;
}

int main(void) {
  signal(SIGUSR1, handler);
  raise(SIGUSR1);
  raise(SIGUSR1);
  printf("SIGUSR1 handled %d times\n", hits[SIGUSR1]);
  struct sigaction sa;
  memset(&sa, 0, sizeof sa);
  sa.sa_sigaction = info_handler;
  sa.sa_flags = SA_SIGINFO;
  sigaction(SIGUSR2, &sa, NULL);
  raise(SIGUSR2);
  printf("SIGUSR2 %d signo %d\n", hits[SIGUSR2], hits[0]);
  sigset_t set, old;
  sigemptyset(&set);
  sigaddset(&set, SIGUSR1);
  sigprocmask(SIG_BLOCK, &set, &old);
  raise(SIGUSR1);
  sigset_t pending;
  sigpending(&pending);
  printf("blocked: count %d pending %d\n", hits[SIGUSR1], sigismember(&pending, SIGUSR1));
  sigprocmask(SIG_SETMASK, &old, NULL);
  printf("unblocked: count %d\n", hits[SIGUSR1]);
  signal(SIGUSR1, SIG_IGN);
  raise(SIGUSR1);
  printf("ignored: count %d\n", hits[SIGUSR1]);
  fflush(stdout);
  signal(SIGTERM, SIG_DFL);
  raise(SIGTERM);
  printf("not reached\n");
  return 0;
}
