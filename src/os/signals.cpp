// Signals: dispositions, the mask, the alternate stack, raising (kill/tkill/tgkill to the
// process itself) and delivery on the way back from a syscall: the default action, or a handler
// on a Linux-layout rt_sigframe that returns through rt_sigreturn. docs/os.md, "Signals".
#include <fmt/format.h>

#include <cstring>

#include "handlers.hpp"

namespace cuarm::os {
namespace {

constexpr int kSigKill = 9, kSigStop = 19;
bool default_ignored(int sig) { return sig == 17 /*CHLD*/ || sig == 18 /*CONT*/ || sig == 23 /*URG*/ || sig == 28 /*WINCH*/; }

// Signals are raised into k.pending; dispatch_signals() (after each syscall) delivers those
// not blocked: the default action ends the process (128+sig) or ignores it, a handler runs on

// --- signal frames ------------------------------------------------------------------------

// struct rt_sigframe of arm64 Linux: siginfo (128 bytes), then ucontext (uc_flags, uc_link,
// uc_stack, uc_sigmask, padding to 128 bytes of sigset, then the 16-aligned sigcontext:
// fault_address, regs[31], sp, pc, pstate, __reserved[4096] with an fpsimd_context record),
// then a frame record {x29, x30} that x29 points at.
constexpr uint64_t kUc = 128, kMc = kUc + 176, kReserved = kMc + 288, kRecord = kUc + 4560, kFrame = kRecord + 16;
constexpr uint32_t kFpsimdMagic = 0x46508001, kFpsimdSize = 528;
// (SA_SIGINFO changes nothing here: a handler always gets x0..x2 = signal, &siginfo, &ucontext.)
constexpr uint64_t kSaOnstack = 0x08000000, kSaRestorer = 0x04000000, kSaNodefer = 0x40000000, kSaResethand = 0x80000000;

template <class T>
void put(std::vector<uint8_t>& f, uint64_t off, T v) {
  std::memcpy(f.data() + off, &v, sizeof v);
}
template <class T>
T get(const std::vector<uint8_t>& f, uint64_t off) {
  T v;
  std::memcpy(&v, f.data() + off, sizeof v);
  return v;
}

void terminate(ProcessState& k, int sig) {
  k.ended = true;
  k.term_signal = sig;
  k.exit_status = 128 + sig;
}

uint64_t sigtramp(ProcessState& k) {
  if (!k.sigtramp) {
    // mov x8, #139 (rt_sigreturn); svc #0 -- the vDSO's __kernel_rt_sigreturn.
    k.m.map(kSigTramp, kPage, PermRX);
    k.m.write_memory(kSigTramp, std::span(reinterpret_cast<const uint8_t*>(kSigTrampCode), sizeof kSigTrampCode));
    k.sigtramp = kSigTramp;
  }
  return k.sigtramp;
}

void setup_frame(ProcessState& k, int sig, const ProcessState::SigAction& sa) {
  Registers r = k.m.registers();
  uint64_t sp = r.sp;
  const bool alt_enabled = !(k.altstack_flags & 2) && k.altstack_size;
  const bool on_alt = alt_enabled && sp - k.altstack_sp <= k.altstack_size;
  if ((sa.flags & kSaOnstack) && alt_enabled && !on_alt) sp = k.altstack_sp + k.altstack_size;
  const uint64_t base = (sp - kFrame) & ~uint64_t(15);
  std::vector<uint8_t> f(kFrame, 0);
  put<int32_t>(f, 0, sig);
  put<int32_t>(f, 8, k.sigcode[size_t(sig)]);
  put<int32_t>(f, 16, k.pid);
  put<uint32_t>(f, 20, uint32_t(k.uid));
  put<uint64_t>(f, kUc + 16, k.altstack_sp);
  put<int32_t>(f, kUc + 24, alt_enabled ? (on_alt ? 1 /* SS_ONSTACK */ : 0) : 2 /* SS_DISABLE */);
  put<uint64_t>(f, kUc + 32, k.altstack_size);
  put<uint64_t>(f, kUc + 40, k.sigmask);
  for (int i = 0; i < 31; ++i) put<uint64_t>(f, kMc + 8 + 8 * uint64_t(i), r.x[i]);
  put<uint64_t>(f, kMc + 256, r.sp);
  put<uint64_t>(f, kMc + 264, r.pc);
  put<uint64_t>(f, kMc + 272, r.nzcv);
  put<uint32_t>(f, kReserved, kFpsimdMagic);
  put<uint32_t>(f, kReserved + 4, kFpsimdSize);
  put<uint32_t>(f, kReserved + 8, r.fpsr);
  put<uint32_t>(f, kReserved + 12, r.fpcr);
  std::memcpy(f.data() + kReserved + 16, r.v, sizeof r.v);
  put<uint64_t>(f, kRecord, r.x[29]);
  put<uint64_t>(f, kRecord + 8, r.x[30]);
  try {
    k.m.write_memory(base, f);
  } catch (const Error&) {
    terminate(k, 11);  // no room for the frame: SIGSEGV, as Linux
    return;
  }
  r.x[0] = uint64_t(sig);
  r.x[1] = base;
  r.x[2] = base + kUc;
  r.x[29] = base + kRecord;
  r.x[30] = (sa.flags & kSaRestorer) ? sa.restorer : sigtramp(k);
  r.sp = base;
  r.pc = sa.handler;
  k.m.set_registers(r);
  k.sigmask |= sa.mask;
  if (!(sa.flags & kSaNodefer)) k.sigmask |= 1ull << (sig - 1);
  k.sigmask &= ~((1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1)));
  if (sa.flags & kSaResethand) k.sigactions[size_t(sig)] = {};
}

}  // namespace

int64_t sys_rt_sigreturn(ProcessState& k, A) {
  Registers r = k.m.registers();
  std::vector<uint8_t> f;
  try {
    f = k.m.read_memory(r.sp, kFrame);
  } catch (const Error&) {
    terminate(k, 11);
    return kNoResult;
  }
  for (int i = 0; i < 31; ++i) r.x[i] = get<uint64_t>(f, kMc + 8 + 8 * uint64_t(i));
  r.sp = get<uint64_t>(f, kMc + 256);
  r.pc = get<uint64_t>(f, kMc + 264);
  r.nzcv = uint32_t(get<uint64_t>(f, kMc + 272)) & 0xf0000000u;
  if (get<uint32_t>(f, kReserved) == kFpsimdMagic) {
    r.fpsr = get<uint32_t>(f, kReserved + 8);
    r.fpcr = get<uint32_t>(f, kReserved + 12);
    std::memcpy(r.v, f.data() + kReserved + 16, sizeof r.v);
  }
  k.m.set_registers(r);
  k.sigmask = get<uint64_t>(f, kUc + 40) & ~((1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1)));
  return kNoResult;
}

// Delivers pending signals that are not blocked, lowest number first, as Linux does on the way
// back from a syscall.
void dispatch_signals(ProcessState& k) {
  while (!k.ended) {
    int sig = 0;
    for (int s = 1; s <= 64 && !sig; ++s) {
      const uint64_t bit = 1ull << (s - 1);
      if ((k.pending & bit) && (!(k.sigmask & bit) || s == kSigKill || s == kSigStop)) sig = s;
    }
    if (!sig) return;
    k.pending &= ~(1ull << (sig - 1));
    const ProcessState::SigAction sa = k.sigactions[size_t(sig)];
    if (sig == kSigKill || sig == kSigStop || sa.handler == 0 /* SIG_DFL */) {
      if (!default_ignored(sig)) terminate(k, sig);
      continue;
    }
    if (sa.handler == 1 /* SIG_IGN */) continue;
    setup_frame(k, sig, sa);
  }
}

namespace {
uint64_t& pending_of(ProcessState& k) { return k.pending; }
}  // namespace

int64_t sys_rt_sigaction(ProcessState& k, A a) {
  const int sig = int(a[0]);
  if (a[3] != 8 || sig < 1 || sig > 64) return -EINVAL;
  if (a[1] && (sig == kSigKill || sig == kSigStop)) return -EINVAL;
  ProcessState::SigAction& s = k.sigactions[size_t(sig)];
  ProcessState::SigAction nw{};
  if (a[1])
    if (const int64_t e = rd_val(k, a[1], &nw)) return e;
  if (a[2])
    if (const int64_t e = wr_val(k, a[2], s)) return e;
  if (a[1]) s = nw;
  return 0;
}
int64_t sys_rt_sigprocmask(ProcessState& k, A a) {
  if (a[3] != 8) return -EINVAL;
  uint64_t set = 0;
  if (a[1]) {
    if (const int64_t e = rd_val(k, a[1], &set)) return e;
    if (a[0] > 2) return -EINVAL;
  }
  if (a[2])
    if (const int64_t e = wr_val(k, a[2], k.sigmask)) return e;
  if (a[1]) {
    if (a[0] == 0) k.sigmask |= set;
    else if (a[0] == 1) k.sigmask &= ~set;
    else k.sigmask = set;
    k.sigmask &= ~((1ull << (kSigKill - 1)) | (1ull << (kSigStop - 1)));
  }
  return 0;
}
int64_t sys_rt_sigpending(ProcessState& k, A a) {
  if (a[1] > 8) return -EINVAL;
  const uint64_t p = pending_of(k) & k.sigmask;
  return wr(k, a[0], &p, a[1]);
}
int64_t sys_sigaltstack(ProcessState& k, A a) {
  struct {
    uint64_t sp;
    int32_t flags, pad;
    uint64_t size;
  } ss{}, old{k.altstack_sp, k.altstack_flags, 0, k.altstack_size};
  if (a[0]) {
    if (const int64_t e = rd_val(k, a[0], &ss)) return e;
    const uint32_t fl = uint32_t(ss.flags) & ~(1u << 31);  // SS_AUTODISARM
    if (fl != 0 && fl != 2) return -EINVAL;
    if (fl == 0 && ss.size < 5120) return -ENOMEM;  // arm64 MINSIGSTKSZ
  }
  if (a[1])
    if (const int64_t e = wr_val(k, a[1], old)) return e;
  if (a[0]) k.altstack_sp = ss.sp, k.altstack_size = ss.size, k.altstack_flags = ss.flags;
  return 0;
}
namespace {
int64_t signal_self(ProcessState& k, int64_t sig, int code) {
  if (sig < 0 || sig > 64) return -EINVAL;
  if (sig == 0) return 0;
  pending_of(k) |= 1ull << (sig - 1);
  k.sigcode[size_t(sig)] = code;
  return 0;
}
}  // namespace
int64_t sys_kill(ProcessState& k, A a) {
  const int pid = int(a[0]);
  if (pid != k.pid && pid != 0 && pid != -1 && pid != -k.pid) return -ESRCH;
  return signal_self(k, int64_t(int32_t(a[1])), 0 /* SI_USER */);
}
int64_t sys_tkill(ProcessState& k, A a) {
  if (int(a[0]) != k.pid) return -ESRCH;
  return signal_self(k, int64_t(int32_t(a[1])), -6 /* SI_TKILL */);
}
int64_t sys_tgkill(ProcessState& k, A a) {
  if (int(a[0]) != k.pid || int(a[1]) != k.pid) return -ESRCH;
  return signal_self(k, int64_t(int32_t(a[2])), -6 /* SI_TKILL */);
}

}  // namespace cuarm::os
