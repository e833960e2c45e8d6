/* Prints what the process image gives a program at entry: SP alignment, argc/argv/envp, the
 * auxv values that do not depend on the host, and TLS through TPIDR_EL0. Compared with
 * qemu-aarch64 -cpu cortex-a53 by test_os_process.cpp. */
#include "sys.h"

#define AT_NULL 0
#define AT_PHDR 3
#define AT_PHENT 4
#define AT_PHNUM 5
#define AT_PAGESZ 6
#define AT_BASE 7
#define AT_ENTRY 9
#define AT_UID 11
#define AT_EUID 12
#define AT_GID 13
#define AT_EGID 14
#define AT_PLATFORM 15
#define AT_HWCAP 16
#define AT_CLKTCK 17
#define AT_SECURE 23
#define AT_RANDOM 25
#define AT_HWCAP2 26
#define AT_EXECFN 31

extern char _start[] __attribute__((visibility("hidden")));
static u64 tls_block[4];

int cmain(u64* sp) {
  kv("sp_mod16", (u64)sp % 16);
  const i64 argc = (i64)sp[0];
  char** argv = (char**)(sp + 1);
  char** envp = argv + argc + 1;
  kv("argc", argc);
  for (i64 i = 0; i < argc; ++i) out("argv: "), out(argv[i]), out("\n");
  kv("argv_null", argv[argc] == 0);
  char** e = envp;
  for (; *e; ++e) out("env: "), out(*e), out("\n");
  u64* aux = (u64*)(e + 1);
  u64 v[64] = {0};
  int seen[64] = {0};
  for (; aux[0] != AT_NULL; aux += 2)
    if (aux[0] < 64) v[aux[0]] = aux[1], seen[aux[0]] = 1;
  out("hwcap="), hex(v[AT_HWCAP]), out("\n");
  kv("hwcap2", v[AT_HWCAP2]);
  kv("pagesz", v[AT_PAGESZ]);
  kv("clktck", v[AT_CLKTCK]);
  kv("phent", v[AT_PHENT]);
  kv("phnum", v[AT_PHNUM]);
  kv("base", v[AT_BASE]);
  kv("secure", v[AT_SECURE]);
  kv("entry_is_start", v[AT_ENTRY] == (u64)_start);
  /* AT_PHDR points at the program headers: the PT_LOAD holding _start is among them (at the
   * load bias: AT_ENTRY minus the ELF header's e_entry; the header lies just before them). */
  const u64 bias = v[AT_ENTRY] - *(const u64*)(v[AT_PHDR] - 64 + 24);
  kv("bias_is_zero", bias == 0);
  int found = 0;
  for (u64 i = 0; i < v[AT_PHNUM]; ++i) {
    const u32* ph = (const u32*)(v[AT_PHDR] + i * v[AT_PHENT]);
    const u64 vaddr = *(const u64*)(ph + 4), memsz = *(const u64*)(ph + 10);
    if (ph[0] == 1 && (u64)_start - bias - vaddr < memsz) found = 1;
  }
  kv("phdr_ok", found);
  kv("ids_match", seen[AT_UID] && seen[AT_EUID] && seen[AT_GID] && seen[AT_EGID] &&
                      v[AT_UID] == (u64)sc0(NR_getuid) && v[AT_EUID] == (u64)sc0(NR_geteuid) &&
                      v[AT_GID] == (u64)sc0(NR_getgid) && v[AT_EGID] == (u64)sc0(NR_getegid));
  const u8* rnd = (const u8*)v[AT_RANDOM];
  u64 any = 0;
  for (int i = 0; i < 16; ++i) any |= rnd[i];
  kv("random_ok", rnd != 0 && any != 0);
  out("execfn="), out((const char*)v[AT_EXECFN]), out("\n");
  out("platform="), out(seen[AT_PLATFORM] ? (const char*)v[AT_PLATFORM] : "(none)"), out("\n");
  /* TLS: the thread pointer register is the program's to set. */
  u64 tp = (u64)tls_block, back = 0;
  __asm__ volatile("msr tpidr_el0, %1\n mrs %0, tpidr_el0" : "=r"(back) : "r"(tp));
  kv("tls_ok", back == tp);
  return 7;
}
