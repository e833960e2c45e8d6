/* Signal dispositions and the signal that ends a process. argv[1] picks the ending:
 * "abort": raise SIGABRT as glibc's abort() does (blocked while tgkill runs, then unblocked);
 * "ignored": SIGUSR1 with SIG_IGN, then exit 5; "term": kill(getpid(), SIGTERM). */
#include "sys.h"

struct ksigaction {
  u64 handler, flags, restorer, mask;
};

int cmain(u64* sp) {
  char** argv = (char**)(sp + 1);
  const char* mode = sp[0] > 1 ? argv[1] : "abort";
  struct ksigaction old, act = {1 /* SIG_IGN */, 0, 0, 0};
  kv("sigaction_bad_size", sc4(NR_rt_sigaction, 10, &act, &old, 4));
  kv("sigaction_kill", sc4(NR_rt_sigaction, 9, &act, 0, 8));
  kv("sigaction", sc4(NR_rt_sigaction, 10, &act, &old, 8));
  kv("old_handler", old.handler);
  kv("sigaction_again", sc4(NR_rt_sigaction, 10, 0, &old, 8));
  kv("now_handler", old.handler);
  u64 set = ~0ul, prev = 1;
  kv("procmask", sc4(NR_rt_sigprocmask, 0 /* SIG_BLOCK */, &set, &prev, 8));
  kv("prev_mask", prev);
  kv("procmask_get", sc4(NR_rt_sigprocmask, 0, 0, &prev, 8));
  /* SIGKILL and SIGSTOP cannot be blocked. */
  kv("mask_has_kill", (prev >> 8) & 1);
  kv("mask_has_stop", (prev >> 18) & 1);
  kv("procmask_bad_how", sc4(NR_rt_sigprocmask, 7, &set, 0, 8));
  const i64 pid = sc0(NR_getpid);
  kv("tid_is_pid", sc0(NR_gettid) == pid);
  kv("kill_other", sc2(NR_kill, pid + 12345, 0));
  kv("kill_zero", sc2(NR_kill, pid, 0));
  /* While blocked, a raised signal waits; it ends the process when unblocked. */
  if (seq(mode, "abort")) {
    kv("tgkill", sc3(NR_tgkill, pid, pid, 6));
    out("still here\n");
    set = 1ul << 5;
    sc4(NR_rt_sigprocmask, 1 /* SIG_UNBLOCK */, &set, 0, 8);
    out("not reached\n");
    return 1;
  }
  u64 none = 0;
  sc4(NR_rt_sigprocmask, 2 /* SIG_SETMASK */, &none, 0, 8);
  if (seq(mode, "ignored")) {
    kv("kill_ignored", sc2(NR_kill, pid, 10));
    kv("kill_chld_default", sc2(NR_kill, pid, 17));
    return 5;
  }
  kv("kill_term", sc2(NR_kill, pid, 15));
  out("not reached\n");
  return 1;
}
