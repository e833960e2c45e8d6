/* What a hostile guest tries against the sandbox (docs/security.md), one group per argv[1]:
 * each line is "name=result" with the raw syscall result (a negative errno). test_os_policy.cpp
 * runs every group and checks every line, and that the host saw nothing change. */
#include "sys.h"

#define NR_ftruncate 46
#define NR_fsync 82
#define NR_fchmod 52
#define NR_fchmodat 53
#define NR_pwrite64 68
#define NR_setrlimit 164
#define NR_renameat 38

#define O_RDONLY 0
#define O_WRONLY 1
#define O_RDWR 2
#define O_CREAT 0100
#define O_EXCL 0200
#define O_TRUNC 01000
#define O_APPEND 02000
#define O_DIRECTORY 040000
#define O_TMPFILE (020000000 | O_DIRECTORY)
#define AT_EMPTY_PATH 0x1000
#define AT_REMOVEDIR 0x200
#define PROT_READ 1
#define PROT_WRITE 2
#define PROT_EXEC 4
#define MAP_PRIVATE 2
#define MAP_ANONYMOUS 0x20
#define RLIMIT_NOFILE 7

static i64 open3(const char* p, i64 flags, i64 mode) { return sc4(NR_openat, AT_FDCWD, p, flags, mode); }
static u32 mode_of_fd(i64 fd) {
  struct kstat st;
  const i64 r = sc4(NR_newfstatat, fd, "", &st, AT_EMPTY_PATH);
  return r < 0 ? 0 : st.mode;
}
static u32 mode_of_path(const char* p) {
  struct kstat st;
  const i64 r = sc4(NR_newfstatat, AT_FDCWD, p, &st, 0);
  return r < 0 ? 0 : st.mode;
}
/* The names a directory lists, space-separated, in the order given. */
static void list(const char* name, const char* dir) {
  out(name);
  out("=");
  const i64 fd = open3(dir, O_RDONLY | O_DIRECTORY, 0);
  if (fd < 0) {
    num(fd);
    out("\n");
    return;
  }
  char buf[1024];
  i64 n;
  while ((n = sc3(NR_getdents64, fd, buf, sizeof buf)) > 0) {
    for (i64 off = 0; off < n;) {
      const unsigned short reclen = *(unsigned short*)(buf + off + 16);
      out(buf + off + 19);
      out(" ");
      off += reclen;
    }
  }
  if (n < 0) num(n);
  sc1(NR_close, fd);
  out("\n");
}

static void ro_file(const char* path) {
  const i64 fd = open3(path, O_RDONLY, 0);
  kv("open_ro", fd >= 0);
  kv("fchmod_ro", sc2(NR_fchmod, fd, 04777));
  kv("fchmodat_ro", sc4(NR_fchmodat, AT_FDCWD, path, 0777, 0));
  kv("ftruncate_ro", sc2(NR_ftruncate, fd, 0));
  kv("pwrite_ro", sc4(NR_pwrite64, fd, "x", 1, 0));
}

static void devices(void) {
  const i64 null = open3("/dev/null", O_RDWR, 0);
  kv("open_null", null >= 0);
  kv("fchmod_null", sc2(NR_fchmod, null, 04777));
  kv("fchmodat_null", sc4(NR_fchmodat, AT_FDCWD, "/dev/null", 0777, 0));
  kv("write_null", sc3(NR_write, null, "abc", 3));
  char buf[32];
  kv("read_null", sc3(NR_read, null, buf, sizeof buf));
  kv("null_is_chr", (mode_of_fd(null) & 0170000) == 0020000);
  kv("ftruncate_null", sc2(NR_ftruncate, null, 0));
  const i64 zero = open3("/dev/zero", O_RDONLY, 0);
  for (int i = 0; i < 32; ++i) buf[i] = 7;
  const i64 n = sc3(NR_read, zero, buf, sizeof buf);
  i64 sum = 0;
  for (int i = 0; i < 32; ++i) sum += buf[i];
  kv("read_zero", n);
  kv("zero_sum", sum);
  const i64 map = sc6(NR_mmap, 0, 8192, PROT_READ | PROT_WRITE, MAP_PRIVATE, zero, 0);
  kv("mmap_zero", map > 0 && ((char*)map)[4096] == 0);
  const i64 urandom = open3("/dev/urandom", O_RDONLY, 0);
  kv("read_urandom", sc3(NR_read, urandom, buf, 16));
  kv("mmap_null", sc6(NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, null, 0));
  kv("open_dev_other", open3("/dev/sda", O_RDONLY, 0));
  kv("create_in_dev", open3("/dev/new", O_WRONLY | O_CREAT, 0644));
  list("ls_dev", "/dev");
}

static void stdio(void) {
  char buf[16];
  kv("pread_stdin", sc4(NR_pread64, 0, buf, 8, 0));
  kv("pwrite_stdout", sc4(NR_pwrite64, 1, "X", 1, 0));
  kv("ftruncate_stdout", sc2(NR_ftruncate, 1, 0));
  kv("ftruncate_stderr", sc2(NR_ftruncate, 2, 0));
  kv("lseek_stdin", sc3(NR_lseek, 0, 0, 0));
  kv("lseek_stdout", sc3(NR_lseek, 1, 0, 0));
  kv("mmap_stdin", sc6(NR_mmap, 0, 4096, PROT_READ, MAP_PRIVATE, 0, 0));
  kv("fstat_stdin_fifo", (mode_of_fd(0) & 0170000) == 0010000);
  kv("fstat_stdout_fifo", (mode_of_fd(1) & 0170000) == 0010000);
  kv("fchmod_stdout", sc2(NR_fchmod, 1, 0777));
  kv("fsync_stdout", sc1(NR_fsync, 1));
  kv("ioctl_stdout", sc3(NR_ioctl, 1, 0x5401 /* TCGETS */, buf));
  const i64 dup = sc1(NR_dup, 0);
  kv("pread_dup_stdin", sc4(NR_pread64, dup, buf, 8, 0));
  kv("read_stdin", sc3(NR_read, 0, buf, sizeof buf));
  outn(buf, 5);
  out("\n");
}

static void ro_dir(const char* dir) {
  const i64 fd = open3(dir, O_RDONLY | O_DIRECTORY, 0);
  kv("open_ro_dir", fd >= 0);
  char buf[512];
  kv("dents_ro_dir", sc3(NR_getdents64, fd, buf, sizeof buf) > 0);
  kv("chdir_ro_dir", sc1(NR_chdir, dir));
  kv("create_in_ro_dir", open3("made.txt", O_WRONLY | O_CREAT, 0644));
  kv("tmpfile_in_ro_dir", open3(".", O_TMPFILE | O_RDWR, 0600));
}

static void root(void) {
  list("ls_root", "/");
  kv("root_is_dir", (mode_of_path("/") & 0170000) == 0040000);
  kv("mkdir_root", sc3(NR_mkdirat, AT_FDCWD, "/newdir", 0755));
  kv("create_root", open3("/new.txt", O_WRONLY | O_CREAT, 0644));
  kv("write_open_root", open3("/", O_WRONLY, 0));
  kv("chdir_root", sc1(NR_chdir, "/"));
  kv("unlink_dev", sc3(NR_unlinkat, AT_FDCWD, "/dev", AT_REMOVEDIR));
}

static void tmp(void) {
  kv("tmp_is_dir", (mode_of_path("/tmp") & 0170000) == 0040000);
  kv("tmp_sticky", (mode_of_path("/tmp") & 07777) == 01777);
  i64 fd = open3("/tmp/a.txt", O_RDWR | O_CREAT | O_EXCL, 0600);
  kv("create", fd >= 0);
  kv("excl_again", open3("/tmp/a.txt", O_RDWR | O_CREAT | O_EXCL, 0600));
  kv("write", sc3(NR_write, fd, "hello tmp", 9));
  kv("pread", sc4(NR_pread64, fd, (char[16]){0}, 16, 6));
  kv("lseek", sc3(NR_lseek, fd, 0, 0));
  char buf[64] = {0};
  kv("read", sc3(NR_read, fd, buf, sizeof buf));
  out(buf);
  out("\n");
  kv("ftruncate", sc2(NR_ftruncate, fd, 5));
  struct kstat st;
  sc2(NR_fstat, fd, &st);
  kv("size", st.size);
  kv("mode", st.mode & 07777);
  kv("fchmod", sc2(NR_fchmod, fd, 0640));
  kv("mode_after", mode_of_path("/tmp/a.txt") & 07777);
  const i64 fd2 = open3("/tmp/a.txt", O_RDONLY, 0);
  char b2[8] = {0};
  kv("second_open_read", sc3(NR_read, fd2, b2, 8));
  out(b2);
  out("\n");
  kv("mkdir", sc3(NR_mkdirat, AT_FDCWD, "/tmp/d", 0755));
  kv("mkdir_again", sc3(NR_mkdirat, AT_FDCWD, "/tmp/d", 0755));
  kv("rename", sc4(NR_renameat, AT_FDCWD, "/tmp/a.txt", AT_FDCWD, "/tmp/d/b.txt"));
  kv("old_gone", open3("/tmp/a.txt", O_RDONLY, 0));
  list("ls_tmp", "/tmp");
  list("ls_tmp_d", "/tmp/d");
  kv("chdir", sc1(NR_chdir, "/tmp/d"));
  kv("relative_open", open3("b.txt", O_RDONLY, 0) >= 0);
  kv("rmdir_nonempty", sc3(NR_unlinkat, AT_FDCWD, "/tmp/d", AT_REMOVEDIR));
  kv("unlink", sc3(NR_unlinkat, AT_FDCWD, "/tmp/d/b.txt", 0));
  kv("read_unlinked_open", sc4(NR_pread64, fd, buf, 5, 0));
  kv("rmdir", sc3(NR_unlinkat, AT_FDCWD, "/tmp/d", AT_REMOVEDIR));
  const i64 anon = open3("/tmp", O_TMPFILE | O_RDWR, 0600);
  kv("tmpfile", anon >= 0);
  kv("tmpfile_write", sc3(NR_write, anon, "xyz", 3));
  list("ls_tmp_end", "/tmp");
  kv("escape", open3("/tmp/../etc/passwd", O_RDONLY, 0));
  kv("notdir", open3("/tmp/x/y", O_RDONLY, 0));
  /* The size cap: 1 MiB with --tmp-size 1048576. */
  const i64 big = open3("/tmp/big", O_WRONLY | O_CREAT, 0600);
  static char chunk[65536];
  i64 total = 0, r;
  while ((r = sc3(NR_write, big, chunk, sizeof chunk)) > 0) total += r;
  kv("big_total", total);
  kv("big_last", r);
  kv("grow_truncate", sc2(NR_ftruncate, big, 1 << 30));
  kv("seek_far", sc3(NR_lseek, big, 1 << 30, 0) > 0);
  kv("write_far", sc3(NR_write, big, "x", 1));
}

static void limits(void) {
  u64 lim[2] = {4096, 4096};
  kv("raise_nofile", sc2(NR_setrlimit, RLIMIT_NOFILE, lim));
  lim[0] = 2048, lim[1] = 1024;
  kv("cur_over_max", sc2(NR_setrlimit, RLIMIT_NOFILE, lim));
  lim[0] = 8, lim[1] = 8;
  kv("lower", sc2(NR_setrlimit, RLIMIT_NOFILE, lim));
  i64 last = 0;
  for (int i = 0; i < 10; ++i) last = open3("/dev/null", O_RDONLY, 0);
  kv("open_past_limit", last);
  lim[0] = 16, lim[1] = 16;
  kv("raise_again", sc2(NR_setrlimit, RLIMIT_NOFILE, lim));
}

static void execmap(void) {
  /* --mmap-size 1M: an executable mapping counts against it too. */
  kv("exec_2m", sc6(NR_mmap, 0, 2 << 20, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  const i64 a = sc6(NR_mmap, 0, 256 << 10, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  kv("exec_256k", a > 0);
  kv("exec_1m_more", sc6(NR_mmap, 0, 1 << 20, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0));
  kv("unmap", sc2(NR_munmap, a, 256 << 10));
  kv("exec_after_unmap", sc6(NR_mmap, 0, 512 << 10, PROT_READ | PROT_EXEC, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0) > 0);
  kv("fixed_far", sc6(NR_mmap, 0x100000000000l, 4 << 20, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | 0x10, -1, 0));
}

/* Mounts: /w read-write, /w/x/sub read-only (the same host tree). Renaming /w/x must not make
 * the read-only folder writable under its new name. */
static void nested(void) {
  kv("write_ro_direct", open3("/w/x/sub/f.txt", O_WRONLY, 0));
  kv("rename_parent", sc4(NR_renameat, AT_FDCWD, "/w/x", AT_FDCWD, "/w/y"));
  kv("write_renamed", open3("/w/y/sub/f.txt", O_WRONLY, 0));
  kv("trunc_renamed", open3("/w/y/sub/f.txt", O_WRONLY | O_TRUNC, 0));
  kv("create_renamed", open3("/w/y/sub/new.txt", O_WRONLY | O_CREAT, 0644));
  kv("chmod_renamed", sc4(NR_fchmodat, AT_FDCWD, "/w/y/sub/f.txt", 0777, 0));
  kv("unlink_renamed", sc3(NR_unlinkat, AT_FDCWD, "/w/y/sub/f.txt", 0));
  const i64 fd = open3("/w/y/sub/f.txt", O_RDONLY, 0);
  kv("fchmod_renamed", sc2(NR_fchmod, fd, 04777));
  kv("read_renamed", open3("/w/y/sub/f.txt", O_RDONLY, 0) >= 0);
  kv("rename_back", sc4(NR_renameat, AT_FDCWD, "/w/y", AT_FDCWD, "/w/x"));
}

/* --deterministic: sleeping for ever must not wrap the clock round to the past. */
static void sleep_long(void) {
  i64 before[2], after[2];
  sc2(NR_clock_gettime, 1, before);
  i64 req[2] = {0x7fffffffffffffffl, 999999999};
  kv("nanosleep", sc2(NR_nanosleep, req, 0));
  sc2(NR_clock_gettime, 1, after);
  kv("clock_moved_on", after[0] > before[0] && after[0] > 0);
  kv("nanosleep_again", sc2(NR_nanosleep, req, 0));
  i64 again[2];
  sc2(NR_clock_gettime, 1, again);
  kv("clock_not_back", again[0] >= after[0]);
}

/* Bad guest pointers: every call answers EFAULT (-14), nothing is consumed or changed. */
static void bad_pointers(void) {
  char* const bad = (char*)0x10;  /* nothing is mapped at the bottom */
  kv("read", sc3(NR_read, 0, bad, 8));
  kv("write", sc3(NR_write, 1, bad, 8));
  kv("openat", sc4(NR_openat, AT_FDCWD, bad, 0, 0));
  kv("newfstatat", sc4(NR_newfstatat, AT_FDCWD, "/", bad, 0));
  kv("fstat", sc2(NR_fstat, 1, bad));
  kv("clock_gettime", sc2(NR_clock_gettime, 1, bad));
  kv("nanosleep", sc2(NR_nanosleep, bad, 0));
  kv("readv_iov", sc3(NR_readv, 0, bad, 1));
  kv("getcwd", sc2(NR_getcwd, bad, 64));
  kv("uname", sc1(NR_uname, bad));
  kv("getrandom", sc3(NR_getrandom, bad, 8, 0));
  kv("rt_sigaction", sc4(NR_rt_sigaction, 10, bad, 0, 8));
  kv("pipe2", sc2(NR_pipe2, bad, 0));
  u64 lim[2];
  kv("prlimit_new", sc4(NR_prlimit64, 0, RLIMIT_NOFILE, bad, 0));
  kv("prlimit_ok", sc4(NR_prlimit64, 0, RLIMIT_NOFILE, 0, lim));
  char longpath[5000];
  for (int i = 0; i < 4999; ++i) longpath[i] = 'a';
  longpath[4999] = 0;
  kv("too_long", open3(longpath, O_RDONLY, 0));
}

int cmain(u64* sp) {
  const i64 argc = (i64)sp[0];
  char** argv = (char**)(sp + 1);
  if (argc < 2) return 2;
  const char* what = argv[1];
  if (seq(what, "ro")) ro_file(argv[2]);
  else if (seq(what, "devices")) devices();
  else if (seq(what, "stdio")) stdio();
  else if (seq(what, "rodir")) ro_dir(argv[2]);
  else if (seq(what, "root")) root();
  else if (seq(what, "tmp")) tmp();
  else if (seq(what, "limits")) limits();
  else if (seq(what, "execmap")) execmap();
  else if (seq(what, "nested")) nested();
  else if (seq(what, "sleep")) sleep_long();
  else if (seq(what, "badptr")) bad_pointers();
  else return 2;
  return 0;
}
