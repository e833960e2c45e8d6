/* Signal handlers: delivery on the way back from kill/tgkill/rt_sigprocmask, siginfo, the
 * saved context restored by rt_sigreturn (registers and mask), SA_RESETHAND, SA_NODEFER off
 * (the signal is blocked in its handler), nested delivery, SA_ONSTACK. Compared with qemu. */
#include "sys.h"

#define SA_SIGINFO 4
#define SA_ONSTACK 0x08000000
#define SA_RESETHAND 0x80000000
#define SIGUSR1 10
#define SIGUSR2 12

struct ksigaction {
  u64 handler, flags, restorer, mask;
};

static volatile int hits, last_sig, last_code, nested, on_alt;
static volatile u64 mask_inside;
static u8 altstack[16384] __attribute__((aligned(16)));

static void handler(int sig, void* info, void* uc) {
  (void)uc;
  ++hits;
  last_sig = ((int*)info)[0] == sig ? sig : -1;
  last_code = ((int*)info)[2];
  sc4(NR_rt_sigprocmask, 0, 0, &mask_inside, 8);
  u8 probe;
  on_alt = &probe >= altstack && &probe < altstack + sizeof altstack;
  if (sig == SIGUSR1 && nested == 0) {
    nested = 1;
    sc3(NR_tgkill, sc0(NR_getpid), sc0(NR_gettid), SIGUSR2);  /* runs before we return */
    nested = 2;
  }
}

static void show(const char* what) {
  out(what);
  out(": hits=");
  num(hits);
  out(" sig=");
  num(last_sig);
  out(" code=");
  num(last_code);
  out(" mask=");
  hex(mask_inside);
  out(" alt=");
  num(on_alt);
  out("\n");
}

int cmain(u64* sp) {
  (void)sp;
  const i64 pid = sc0(NR_getpid);
  struct ksigaction sa = {(u64)handler, SA_SIGINFO, 0, 1ul << (SIGUSR2 - 1)};
  kv("sigaction", sc4(NR_rt_sigaction, SIGUSR1, &sa, 0, 8));
  struct ksigaction sb = {(u64)handler, SA_SIGINFO | SA_RESETHAND, 0, 0};
  kv("sigaction2", sc4(NR_rt_sigaction, SIGUSR2, &sb, 0, 8));
  /* Registers survive the handler: keep values live across the kill in callee-saved ones. */
  register u64 keep19 __asm__("x19") = 0x1919191919191919ul;
  register u64 keep28 __asm__("x28") = 0x2828282828282828ul;
  __asm__ volatile("" : "+r"(keep19), "+r"(keep28));
  const i64 r = sc2(NR_kill, pid, SIGUSR1);
  __asm__ volatile("" : "+r"(keep19), "+r"(keep28));
  kv("kill_result", r);
  kv("regs_kept", keep19 == 0x1919191919191919ul && keep28 == 0x2828282828282828ul);
  show("usr1");  /* the nested SIGUSR2 was blocked by sa_mask until USR1's handler returned */
  kv("nested", nested);
  u64 m = 1;
  sc4(NR_rt_sigprocmask, 0, 0, &m, 8);
  kv("mask_after", m);
  /* Blocked, then delivered when unblocked. SIGUSR2 was reset by SA_RESETHAND: re-arm. */
  sc4(NR_rt_sigaction, SIGUSR2, &sb, 0, 8);
  u64 block = 1ul << (SIGUSR2 - 1);
  sc4(NR_rt_sigprocmask, 0, &block, 0, 8);
  hits = 0;
  sc3(NR_tgkill, pid, pid, SIGUSR2);
  kv("while_blocked", hits);
  sc4(NR_rt_sigprocmask, 1, &block, 0, 8);
  show("unblocked");
  /* On the alternate stack. */
  struct { u64 sp; int flags, pad; u64 size; } ss = {(u64)altstack, 0, 0, sizeof altstack};
  kv("sigaltstack", sc2(NR_sigaltstack, &ss, 0));
  struct ksigaction sc = {(u64)handler, SA_SIGINFO | SA_ONSTACK, 0, 0};
  sc4(NR_rt_sigaction, SIGUSR2, &sc, 0, 8);
  sc3(NR_tgkill, pid, pid, SIGUSR2);
  show("onstack");
  /* SA_RESETHAND left SIGUSR2's default action in place before we re-armed; check the reset. */
  struct ksigaction now;
  sc4(NR_rt_sigaction, SIGUSR2, &sb, 0, 8);
  sc3(NR_tgkill, pid, pid, SIGUSR2);
  sc4(NR_rt_sigaction, SIGUSR2, 0, &now, 8);
  kv("reset_to_default", now.handler == 0);
  /* And now the default action ends the process: 128 + SIGUSR2. */
  sc2(NR_kill, pid, SIGUSR2);
  out("not reached\n");
  return 0;
}
