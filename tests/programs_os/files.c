/* File calls inside the sandbox. argv[1]: a read-write mount (/data), argv[2]: a read-only mount of
 * the same host directory, which holds hello.txt ("hello, file\n"), sub/inner.txt ("inner\n")
 * and the symlinks link_in -> sub/inner.txt, link_abs -> /etc/passwd,
 * link_up -> ../../../../etc/passwd, link_root -> /. test_os_files.cpp checks every line. */
#include "sys.h"

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_TRUNC 01000
#define O_DIRECTORY 040000
#define O_NOFOLLOW 0100000

static char path[512];
static const char* cat(const char* a, const char* b) {
  u64 n = 0;
  for (const char* p = a; *p;) path[n++] = *p++;
  for (const char* p = b; *p;) path[n++] = *p++;
  path[n] = 0;
  return path;
}
static i64 open3(const char* p, i64 flags, i64 mode) { return sc4(NR_openat, AT_FDCWD, p, flags, mode); }
/* Opens and reads a file: its first bytes, or the error. */
static void show(const char* name, const char* p) {
  out(name);
  out("=");
  const i64 fd = open3(p, O_RDONLY, 0);
  if (fd < 0) {
    num(fd);
    out("\n");
    return;
  }
  char buf[64];
  const i64 n = sc3(NR_read, fd, buf, sizeof buf);
  sc1(NR_close, fd);
  for (i64 i = 0; i < n; ++i)
    if (buf[i] == '\n') buf[i] = '|';
  if (n > 0) outn(buf, (u64)n);
  out("\n");
}

int cmain(u64* sp) {
  char** argv = (char**)(sp + 1);
  const char* rw = argv[1];
  const char* ro = argv[2];
  show("read", cat(rw, "/hello.txt"));
  show("inner", cat(rw, "/sub/inner.txt"));
  show("dotdot_inside", cat(rw, "/sub/../hello.txt"));
  show("link_in", cat(rw, "/link_in"));
  show("link_root", cat(rw, "/link_root/etc/passwd"));
  show("link_root_back", cat(rw, "/link_root/data/hello.txt"));
  show("escape_dotdot", cat(rw, "/../../../../etc/passwd"));
  show("escape_abs_link", cat(rw, "/link_abs"));
  show("escape_rel_link", cat(rw, "/link_up"));
  show("unmounted", "/etc/passwd");
  show("nofile", cat(rw, "/missing"));
  kv("notdir", open3(cat(rw, "/hello.txt/x"), O_RDONLY, 0));
  kv("nofollow", open3(cat(rw, "/link_in"), O_RDONLY | O_NOFOLLOW, 0));
  char lb[128];
  i64 n = sc4(NR_readlinkat, AT_FDCWD, cat(rw, "/link_abs"), lb, sizeof lb);
  out("readlink="), outn(lb, n > 0 ? (u64)n : 0), out("\n");
  kv("readlink_file", sc4(NR_readlinkat, AT_FDCWD, cat(rw, "/hello.txt"), lb, sizeof lb));
  kv("readlink_exe", sc4(NR_readlinkat, AT_FDCWD, "/proc/self/exe", lb, sizeof lb) > 0);
  /* descriptors */
  const i64 fd = open3(cat(rw, "/hello.txt"), O_RDONLY, 0);
  kv("fd", fd);
  char buf[32];
  kv("lseek", sc3(NR_lseek, fd, 7, 0));
  n = sc3(NR_read, fd, buf, 4);
  out("after_seek="), outn(buf, (u64)n), out("\n");
  n = sc4(NR_pread64, fd, buf, 5, 0);
  out("pread="), outn(buf, (u64)n), out("\n");
  struct kstat st;
  kv("fstat", sc2(NR_fstat, fd, &st));
  kv("fstat_size", st.size);
  kv("fstat_reg", (st.mode & 0170000) == 0100000);
  kv("newfstatat", sc4(NR_newfstatat, AT_FDCWD, cat(rw, "/sub/inner.txt"), &st, 0));
  kv("stat_size", st.size);
  kv("lstat_link", sc4(NR_newfstatat, AT_FDCWD, cat(rw, "/link_in"), &st, 0x100) == 0 && (st.mode & 0170000) == 0120000);
  kv("stat_empty_path", sc4(NR_newfstatat, fd, "", &st, 0x1000) == 0 && st.size == 12);
  u8 sx[256];
  kv("statx", sc5(NR_statx, AT_FDCWD, cat(rw, "/hello.txt"), 0, 0x7ff, sx));
  kv("statx_size", *(u64*)(sx + 40));
  kv("stat_escape", sc4(NR_newfstatat, AT_FDCWD, cat(rw, "/link_up"), &st, 0));
  kv("tcgets_file", sc3(NR_ioctl, fd, 0x5401, buf));
  const i64 d = sc1(NR_dup, fd);
  kv("dup", d);
  kv("dup3", sc3(NR_dup3, fd, 10, 0));
  kv("fcntl_getfd", sc2(NR_fcntl, 10, 1));
  kv("close", sc1(NR_close, fd));
  kv("close_again", sc1(NR_close, fd));
  n = sc4(NR_pread64, d, buf, 5, 7);
  out("dup_read="), outn(buf, n > 0 ? (u64)n : 0), out("\n");
  kv("badfd_read", sc3(NR_read, 99, buf, 1));
  kv("badfd_at", sc4(NR_openat, 99, "x", O_RDONLY, 0));
  /* writing, creating, directories */
  const i64 w = open3(cat(rw, "/new.txt"), O_WRONLY | O_CREAT | O_TRUNC, 0644);
  kv("create", w >= 0);
  struct { u64 base, len; } iov[2] = {{(u64)"ab", 2}, {(u64)"cd\n", 3}};
  kv("writev", sc3(NR_writev, w, iov, 2));
  sc1(NR_close, w);
  show("created", cat(rw, "/new.txt"));
  static char other[64];
  memcpy(other, cat(rw, "/renamed.txt"), slen(path) + 1);
  kv("rename", sc5(NR_renameat2, AT_FDCWD, cat(rw, "/new.txt"), AT_FDCWD, other, 0));
  kv("rename_back", sc5(NR_renameat2, AT_FDCWD, other, AT_FDCWD, cat(rw, "/new.txt"), 0));
  memcpy(other, cat(ro, "/new.txt"), slen(path) + 1);
  kv("rename_ro", sc5(NR_renameat2, AT_FDCWD, cat(rw, "/new.txt"), AT_FDCWD, other, 0));
  kv("rename_out", sc5(NR_renameat2, AT_FDCWD, cat(rw, "/new.txt"), AT_FDCWD, "/tmp/x", 0));
  kv("access_r", sc3(NR_faccessat, AT_FDCWD, cat(rw, "/new.txt"), 4));
  kv("unlink", sc3(NR_unlinkat, AT_FDCWD, cat(rw, "/new.txt"), 0));
  kv("access_gone", sc3(NR_faccessat, AT_FDCWD, cat(rw, "/new.txt"), 0));
  kv("mkdir", sc3(NR_mkdirat, AT_FDCWD, cat(rw, "/newdir"), 0755));
  kv("mkdir_exists", sc3(NR_mkdirat, AT_FDCWD, cat(rw, "/newdir"), 0755));
  kv("rmdir", sc3(NR_unlinkat, AT_FDCWD, cat(rw, "/newdir"), 0x200));
  /* read-only mount */
  show("ro_read", cat(ro, "/hello.txt"));
  kv("ro_write", open3(cat(ro, "/hello.txt"), O_WRONLY, 0));
  kv("ro_create", open3(cat(ro, "/x.txt"), O_WRONLY | O_CREAT, 0644));
  kv("ro_unlink", sc3(NR_unlinkat, AT_FDCWD, cat(ro, "/hello.txt"), 0));
  kv("ro_access_w", sc3(NR_faccessat, AT_FDCWD, cat(ro, "/hello.txt"), 2));
  kv("ro_access_r", sc3(NR_faccessat, AT_FDCWD, cat(ro, "/hello.txt"), 4));
  /* directory listing */
  const i64 dir = open3(rw, O_RDONLY | O_DIRECTORY, 0);
  u8 dents[4096];
  n = sc3(NR_getdents64, dir, dents, sizeof dents);
  int entries = 0, hello = 0;
  for (i64 off = 0; off < n;) {
    const char* name = (const char*)(dents + off + 19);
    ++entries;
    hello |= seq(name, "hello.txt");
    off += *(unsigned short*)(dents + off + 16);
  }
  kv("dents", entries);
  kv("dents_hello", hello);
  kv("dents_end", sc3(NR_getdents64, dir, dents, sizeof dents));
  /* working directory */
  char cwd[128];
  kv("getcwd", sc2(NR_getcwd, cwd, sizeof cwd));
  out("cwd="), out(cwd), out("\n");
  kv("getcwd_small", sc2(NR_getcwd, cwd, 1));
  kv("chdir", sc1(NR_chdir, cat(rw, "/sub")));
  sc2(NR_getcwd, cwd, sizeof cwd);
  out("cwd="), out(cwd), out("\n");
  show("relative", "inner.txt");
  show("relative_up", "../hello.txt");
  show("relative_escape", "../../../../../etc/passwd");
  kv("chdir_file", sc1(NR_chdir, cat(rw, "/hello.txt")));
  kv("chdir_root", sc1(NR_chdir, "/"));
  kv("stat_root", sc4(NR_newfstatat, AT_FDCWD, "/", &st, 0) == 0 && (st.mode & 0170000) == 0040000);
  show("devnull", "/dev/null");
  return 0;
}
