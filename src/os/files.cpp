// The syscalls on files, paths and file descriptors. Two rules hold here:
// - every call on an fd asks fd_rule(kind, op) (fd_policy.hpp) first: an errno ends it, kServed
//   means cuarm answers from its own state, kHost means the call acts on the fd's object;
// - every path is resolved in the guest's namespace (Sandbox::resolve) and acted on by where it
//   lies: a mount (host files below the mount's directory only), one of cuarm's directories or
//   devices, or the private /tmp (TmpFs). Nothing else of the host is reachable.
#include "handlers.hpp"

#include <dirent.h>
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/ioctl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <sys/sysmacros.h>
#include <unistd.h>

namespace cuarm::os {
namespace {

using Place = Sandbox::Place;
using Dev = Sandbox::Dev;

constexpr int64_t kAtFdCwd = -100;
constexpr uint64_t kAtSymlinkNofollow = 0x100, kAtEmptyPath = 0x1000;

// AArch64 open flags that differ from x86-64 (the rest share values).
constexpr int kGDirectory = 040000, kGNofollow = 0100000, kGDirect = 0200000, kGLargefile = 0400000;
int host_open_flags(uint64_t g) {
  int h = int(g) & ~(kGDirectory | kGNofollow | kGDirect | kGLargefile);
  if (g & kGDirectory) h |= O_DIRECTORY;
  if (g & kGNofollow) h |= O_NOFOLLOW;
  if (g & kGDirect) h |= O_DIRECT;
  return h;
}
int guest_open_flags(int h) {
  int g = h & ~(O_DIRECTORY | O_NOFOLLOW | O_DIRECT | 0100000 /* x86 O_LARGEFILE */);
  if (h & O_DIRECTORY) g |= kGDirectory;
  if (h & O_NOFOLLOW) g |= kGNofollow;
  if (h & O_DIRECT) g |= kGDirect;
  return g;
}
constexpr int kTmpfileBit = O_TMPFILE & ~O_DIRECTORY;  // O_TMPFILE holds O_DIRECTORY's bit too
// Modes the guest may give host files: never setuid or setgid (a guest must not plant a
// privileged program in a writable mount for a host user to run).
constexpr unsigned kHostModeBits = 01777;

// The host fd behind a kHost call: the owned fd, or cuarm's own stdin/stdout/stderr.
int host_fd(const OpenFile& f) { return f.host >= 0 ? f.host : f.stdio; }

// The policy point: the rule for this fd and operation (kHost, kServed or a positive errno).
int rule(const OpenFile& f, FdOp op) { return fd_rule(f.kind, op); }

int64_t now_seconds(ProcessState& k) {
  struct timespec ts{};
  get_time(k, CLOCK_REALTIME, &ts);
  return ts.tv_sec;
}

// --- what cuarm serves itself ---------------------------------------------------------------

struct stat captured_stat() {
  struct stat s{};
  s.st_mode = S_IFIFO | 0600;  // captured streams look like pipes
  s.st_blksize = 4096;
  return s;
}
struct stat device_stat(Dev d) {
  struct stat s{};
  constexpr unsigned kMinor[] = {0, 3, 5, 9};  // null, zero, urandom: char devices 1:3, 1:5, 1:9
  s.st_mode = S_IFCHR | 0666;
  s.st_rdev = makedev(1, kMinor[int(d)]);
  s.st_nlink = 1;
  s.st_blksize = 4096;
  s.st_ino = 100 + kMinor[int(d)];
  return s;
}
struct stat cuarm_dir_stat() {
  struct stat s{};
  s.st_mode = S_IFDIR | 0555;
  s.st_nlink = 2;
  s.st_blksize = 4096;
  return s;
}
struct stat tmp_stat(ProcessState& k, const TmpFs::Node& n) {
  struct stat s = k.tmpfs().stat_of(n);
  s.st_uid = uid_t(k.uid), s.st_gid = gid_t(k.gid);
  return s;
}

int64_t device_read(ProcessState& k, Dev d, uint8_t* buf, size_t n) {
  if (d == Dev::Null) return 0;
  if (d == Dev::Zero) std::memset(buf, 0, n);
  else k.fill_random(buf, n);
  return int64_t(n);
}

// A served read (captured stdin, devices).
int64_t served_read(ProcessState& k, OpenFile& f, uint8_t* buf, size_t n) {
  if (f.kind == FdKind::Device) return device_read(k, f.dev, buf, n);
  if (f.stdio != 0) return -EBADF;  // the write end of a captured stream
  return k.opt.input(buf, n);
}

// Bytes of n that a tmp file may take at `offset` (-1: the fd's own position): the rest of the
// /tmp capacity decides.
uint64_t tmp_room(ProcessState& k, OpenFile& f, int64_t offset, uint64_t n) {
  if (offset < 0) offset = (f.flags & O_APPEND) ? int64_t(f.tmp->size) : ::lseek(f.host, 0, SEEK_CUR);
  return offset < 0 ? n : k.tmpfs().writable(*f.tmp, uint64_t(offset), n);
}

// A write through the policy. offset -1: at the fd's position (write), else pwrite.
int64_t write_fd(ProcessState& k, OpenFile& f, FdOp op, const uint8_t* data, size_t n, int64_t offset) {
  const int r = rule(f, op);
  if (r > 0) return -r;
  if (r == kServed) {
    if (f.kind == FdKind::Device) return int64_t(n);  // discarded
    if (f.stdio == 0) return -EBADF;                   // the read end of a captured stream
    k.opt.output(f.stdio, data, n);
    return int64_t(n);
  }
  if (f.kind == FdKind::HostStdio) std::fflush(f.stdio == 1 ? stdout : stderr);  // keep order with cuarm's own lines
  if (f.tmp) {
    const uint64_t room = tmp_room(k, f, offset, n);
    if (room == 0 && n > 0) return -ENOSPC;
    n = size_t(room);
  }
  const int64_t w = offset < 0 ? ret_errno(::write(host_fd(f), data, n)) : ret_errno(::pwrite(host_fd(f), data, n, off_t(offset)));
  if (f.tmp && w > 0) {
    k.tmpfs().sync_size(*f.tmp);
    f.tmp->mtime = now_seconds(k);
  }
  return w;
}

// A read through the policy into a host buffer. offset -1: at the fd's position.
int64_t read_fd(ProcessState& k, OpenFile& f, FdOp op, uint8_t* buf, size_t n, int64_t offset) {
  const int r = rule(f, op);
  if (r > 0) return -r;
  if (r == kServed) return served_read(k, f, buf, n);
  return offset < 0 ? ret_errno(::read(host_fd(f), buf, n)) : ret_errno(::pread(host_fd(f), buf, n, off_t(offset)));
}

// fstat of an open file, through the policy.
int stat_fd(ProcessState& k, OpenFile& f, struct stat* s) {
  const int r = rule(f, FdOp::Stat);
  if (r > 0) return -r;
  if (r == kHost) return ::fstat(host_fd(f), s) == 0 ? 0 : -errno;
  switch (f.kind) {
    case FdKind::CapturedStdio: *s = captured_stat(); return 0;
    case FdKind::Device: *s = device_stat(f.dev); return 0;
    default: break;
  }
  if (f.tmp) {
    if (!f.tmp->dir) k.tmpfs().sync_size(*f.tmp);
    *s = tmp_stat(k, *f.tmp);
  } else {
    *s = cuarm_dir_stat();
  }
  return 0;
}

// The entries of one of cuarm's directories (a virtual one, or a directory of /tmp).
std::vector<std::pair<std::string, uint8_t>> dir_entries(ProcessState& k, const OpenFile& f) {
  if (!f.tmp) return k.sandbox.list_dir(f.guest_path);
  std::vector<std::pair<std::string, uint8_t>> out = {{".", DT_DIR}, {"..", DT_DIR}};
  for (const auto& [name, node] : f.tmp->children) out.push_back({name, node->dir ? uint8_t(DT_DIR) : uint8_t(DT_REG)});
  return out;
}

// --- paths ----------------------------------------------------------------------------------

// The guest directory a *at() call starts from; "" with *err set when dirfd is bad.
std::string at_base(ProcessState& k, int64_t dirfd, const std::string& path, int* err) {
  *err = 0;
  if (!path.empty() && path[0] == '/') return "/";
  if (int32_t(dirfd) == kAtFdCwd) return k.cwd;
  OpenFile* f = k.file(int(dirfd));
  if (!f) return *err = EBADF, "";
  if (f->guest_path.empty()) return *err = ENOTDIR, "";
  return f->guest_path;
}

// Resolves a guest path for a *at() call. Returns 0 or a positive errno.
int resolve_at(ProcessState& k, int64_t dirfd, const std::string& path, bool follow, Sandbox::Resolved* r) {
  int err;
  const std::string base = at_base(k, dirfd, path, &err);
  if (err) return err;
  return k.sandbox.resolve(base, path, follow, r);
}

// Reads a path argument and resolves it: 0 or -errno (EFAULT, ENAMETOOLONG, the walk's errors).
int64_t resolve_arg(ProcessState& k, int64_t dirfd, uint64_t path_addr, bool follow, Sandbox::Resolved* r) {
  std::string path;
  if (const int64_t e = rd_str(k, path_addr, &path)) return e;
  return -int64_t(resolve_at(k, dirfd, path, follow, r));
}

// Creating at a path that is not there: EROFS below one of cuarm's read-only directories.
int64_t cannot_create(ProcessState& k, const Sandbox::Resolved& r) {
  const size_t slash = r.guest.rfind('/');
  const std::string parent = slash == 0 ? "/" : r.guest.substr(0, slash);
  return k.sandbox.is_virtual_dir(parent) ? -EROFS : -ENOENT;
}

// stat of a resolved path.
int stat_resolved(ProcessState& k, const Sandbox::Resolved& r, struct stat* s) {
  switch (r.place) {
    case Place::Mount: {
      const int fd = k.sandbox.open(r, O_PATH, 0);
      if (fd < 0) return fd;
      const int rc = ::fstatat(fd, "", s, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
      const int e = errno;
      ::close(fd);
      return rc == 0 ? 0 : -e;
    }
    case Place::CuarmDir: *s = cuarm_dir_stat(); return 0;
    case Place::Device: *s = device_stat(r.dev); return 0;
    case Place::Tmp: {
      TmpFs::NodePtr n;
      if (const int e = k.tmpfs().lookup(r.rel, &n)) return -e;
      *s = tmp_stat(k, *n);
      return 0;
    }
    case Place::Missing: break;
  }
  return -ENOENT;
}

// stat-like calls: a path (or the fd itself with AT_EMPTY_PATH). *r gets the resolved path
// (place Missing for an fd).
int64_t stat_path(ProcessState& k, int64_t dirfd, uint64_t path_addr, uint64_t flags, struct stat* s, Sandbox::Resolved* r,
                  OpenFile** fd_file = nullptr) {
  std::string path;
  if (const int64_t e = rd_str(k, path_addr, &path)) return e;
  if (path.empty()) {
    if (!(flags & kAtEmptyPath)) return -ENOENT;
    if (int32_t(dirfd) == kAtFdCwd) {
      if (const int e = k.sandbox.resolve("/", k.cwd, true, r)) return -e;
      return stat_resolved(k, *r, s);
    }
    OpenFile* f = k.file(int(dirfd));
    if (!f) return -EBADF;
    if (fd_file) *fd_file = f;
    return stat_fd(k, *f, s);
  }
  if (const int e = resolve_at(k, dirfd, path, !(flags & kAtSymlinkNofollow), r)) return -e;
  return stat_resolved(k, *r, s);
}

// arm64's struct stat (asm-generic/stat.h), 128 bytes.
struct GuestStat {
  uint64_t dev, ino;
  uint32_t mode, nlink, uid, gid;
  uint64_t rdev, pad1;
  int64_t size;
  int32_t blksize, pad2;
  int64_t blocks;
  int64_t atime, atime_ns, mtime, mtime_ns, ctime, ctime_ns;
  uint32_t unused[2];
};
static_assert(sizeof(GuestStat) == 128);

GuestStat to_guest(const struct stat& s) {
  GuestStat g{};
  g.dev = s.st_dev, g.ino = s.st_ino, g.mode = s.st_mode, g.nlink = uint32_t(s.st_nlink);
  g.uid = s.st_uid, g.gid = s.st_gid, g.rdev = s.st_rdev, g.size = s.st_size;
  g.blksize = int32_t(s.st_blksize), g.blocks = s.st_blocks;
  g.atime = s.st_atim.tv_sec, g.atime_ns = s.st_atim.tv_nsec;
  g.mtime = s.st_mtim.tv_sec, g.mtime_ns = s.st_mtim.tv_nsec;
  g.ctime = s.st_ctim.tv_sec, g.ctime_ns = s.st_ctim.tv_nsec;
  return g;
}

struct statx to_statx(const struct stat& s) {
  struct statx x;
  std::memset(&x, 0, sizeof x);
  x.stx_mask = STATX_BASIC_STATS;
  x.stx_blksize = uint32_t(s.st_blksize);
  x.stx_nlink = uint32_t(s.st_nlink);
  x.stx_uid = s.st_uid, x.stx_gid = s.st_gid;
  x.stx_mode = uint16_t(s.st_mode);
  x.stx_ino = s.st_ino;
  x.stx_size = uint64_t(s.st_size);
  x.stx_blocks = uint64_t(s.st_blocks);
  x.stx_atime = {s.st_atim.tv_sec, uint32_t(s.st_atim.tv_nsec), 0};
  x.stx_mtime = {s.st_mtim.tv_sec, uint32_t(s.st_mtim.tv_nsec), 0};
  x.stx_ctime = {s.st_ctim.tv_sec, uint32_t(s.st_ctim.tv_nsec), 0};
  x.stx_rdev_major = major(s.st_rdev), x.stx_rdev_minor = minor(s.st_rdev);
  x.stx_dev_major = major(s.st_dev), x.stx_dev_minor = minor(s.st_dev);
  return x;
}

std::shared_ptr<OpenFile> new_file(FdKind kind, int host, uint64_t guest_flags) {
  auto f = std::make_shared<OpenFile>();
  f->kind = kind;
  f->host = host;
  f->flags = int(guest_flags) & ~O_CLOEXEC;
  f->cloexec = guest_flags & O_CLOEXEC;
  return f;
}

// A copy of an open file for dup/dup3/F_DUPFD: the host fd duplicated, the rest shared by value.
int copy_file(const OpenFile& f, std::shared_ptr<OpenFile>* out) {
  auto g = std::make_shared<OpenFile>(f);
  g->host = -1;
  if (f.host >= 0 && (g->host = ::fcntl(f.host, F_DUPFD_CLOEXEC, 3)) < 0) return -errno;
  *out = std::move(g);
  return 0;
}

int64_t change_dir(ProcessState& k, const Sandbox::Resolved& r) {
  switch (r.place) {
    case Place::Mount: {
      const int fd = k.sandbox.open(r, O_PATH | O_DIRECTORY, 0);
      if (fd < 0) return fd;
      ::close(fd);
      break;
    }
    case Place::Tmp: {
      TmpFs::NodePtr n;
      if (const int e = k.tmpfs().lookup(r.rel, &n)) return -e;
      if (!n->dir) return -ENOTDIR;
      break;
    }
    case Place::CuarmDir: break;
    case Place::Device: return -ENOTDIR;
    case Place::Missing: return -ENOENT;
  }
  k.cwd = r.guest;
  return 0;
}

// mkdirat / unlinkat on a mount's file: the op on the parent directory and the last name.
template <class Op>
int64_t on_last_in_mount(ProcessState& k, const Sandbox::Resolved& r, Op op) {
  if (r.read_only) return -EROFS;
  std::string name;
  const int dir = k.sandbox.open_parent(r, &name);
  if (dir < 0) return dir;
  const int rc = op(dir, name.c_str());
  const int e = errno;
  ::close(dir);
  return rc < 0 ? -e : rc;
}

int64_t rename(ProcessState& k, int64_t olddir, uint64_t oldpath, int64_t newdir, uint64_t newpath, uint64_t flags) {
  if (flags & ~uint64_t(7)) return -EINVAL;  // RENAME_NOREPLACE | RENAME_EXCHANGE | RENAME_WHITEOUT
  Sandbox::Resolved from, to;
  if (const int64_t e = resolve_arg(k, olddir, oldpath, false, &from)) return e;
  if (const int64_t e = resolve_arg(k, newdir, newpath, false, &to)) return e;
  if (from.place == Place::Missing) return -ENOENT;
  if (from.place == Place::CuarmDir || from.place == Place::Device) return -EBUSY;
  if (to.place == Place::CuarmDir || to.place == Place::Device) return -EBUSY;
  if (to.place == Place::Missing) return cannot_create(k, to);
  if (from.read_only || to.read_only) return -EROFS;
  if (from.place != to.place || from.mount != to.mount) return -EXDEV;  // as between two file systems
  if (from.place == Place::Tmp) return -k.tmpfs().rename(from.rel, to.rel, unsigned(flags));
  std::string from_name, to_name;
  const int d1 = k.sandbox.open_parent(from, &from_name);
  if (d1 < 0) return d1;
  const int d2 = k.sandbox.open_parent(to, &to_name);
  if (d2 < 0) {
    ::close(d1);
    return d2;
  }
  const int64_t rc = ret_errno(::syscall(SYS_renameat2, d1, from_name.c_str(), d2, to_name.c_str(), unsigned(flags)));
  ::close(d1);
  ::close(d2);
  return rc;
}

int64_t faccess(ProcessState& k, int64_t dirfd, uint64_t path_addr, uint64_t mode, uint64_t flags) {
  if (mode & ~uint64_t(7)) return -EINVAL;
  struct stat s;
  Sandbox::Resolved r;
  OpenFile* f = nullptr;
  if (const int64_t e = stat_path(k, dirfd, path_addr, flags, &s, &r, &f)) return e;
  const bool read_only = f ? (f->kind == FdKind::MountFileRo || f->kind == FdKind::CuarmDir) && !f->tmp
                           : r.read_only || r.place == Place::CuarmDir;
  if ((mode & W_OK) && read_only) return -EROFS;  // as Linux for a read-only file system
  if (!f && r.place == Place::Mount) {
    const int fd = k.sandbox.open(r, O_PATH, 0);
    if (fd < 0) return fd;
    const int64_t rc = ret_errno(::syscall(SYS_faccessat2, fd, "", int(mode), AT_EMPTY_PATH));
    ::close(fd);
    return rc;
  }
  return 0;
}

}  // namespace

// --- calls on file descriptors --------------------------------------------------------------

int64_t sys_read(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  // The guest's range is checked before the host buffer is made (and before anything is consumed).
  const uint64_t want = std::min<uint64_t>(a[2], kMaxIo);
  if (const int64_t e = need_mapped(k, a[1], want)) return e;
  std::vector<uint8_t> buf(want);
  const int64_t n = read_fd(k, *f, FdOp::Read, buf.data(), buf.size(), -1);
  if (n <= 0) return n;
  if (const int64_t e = wr(k, a[1], buf.data(), size_t(n))) return e;
  return n;
}
int64_t sys_write(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const uint64_t want = std::min<uint64_t>(a[2], kMaxIo);
  if (const int64_t e = need_mapped(k, a[1], want)) return e;
  std::vector<uint8_t> data(want);
  if (const int64_t e = rd(k, a[1], data.data(), data.size())) return e;
  return write_fd(k, *f, FdOp::Write, data.data(), data.size(), -1);
}
namespace {
struct GIov {
  uint64_t base, len;
};
// The iovec array of readv/writev (at most 1024 entries, as Linux's UIO_MAXIOV).
int64_t read_iov(ProcessState& k, uint64_t addr, uint64_t cnt, std::vector<GIov>* v) {
  if (cnt > 1024) return -EINVAL;
  v->resize(cnt);
  return rd(k, addr, v->data(), cnt * sizeof(GIov));
}
}  // namespace
int64_t sys_readv(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  std::vector<GIov> iov;
  if (const int64_t e = read_iov(k, a[1], a[2], &iov)) return e;
  uint64_t total = 0;
  for (const auto& v : iov) total += std::min<uint64_t>(v.len, kMaxIo);
  std::vector<uint8_t> buf(std::min<uint64_t>(total, kMaxIo));
  const int64_t n = read_fd(k, *f, FdOp::Read, buf.data(), buf.size(), -1);
  uint64_t off = 0;
  for (const auto& v : iov) {
    if (n <= 0 || off >= uint64_t(n)) break;
    const uint64_t c = std::min<uint64_t>(v.len, uint64_t(n) - off);
    if (const int64_t e = wr(k, v.base, buf.data() + off, c)) return e;
    off += c;
  }
  return n;
}
int64_t sys_writev(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  std::vector<GIov> iov;
  if (const int64_t e = read_iov(k, a[1], a[2], &iov)) return e;
  std::vector<uint8_t> buf;
  for (const auto& v : iov) {
    const size_t at = buf.size(), n = std::min<uint64_t>(v.len, kMaxIo - at);
    buf.resize(at + n);
    if (const int64_t e = rd(k, v.base, buf.data() + at, n)) return e;
    if (buf.size() >= kMaxIo) break;  // a short write, as for one large write()
  }
  return write_fd(k, *f, FdOp::Write, buf.data(), buf.size(), -1);
}
int64_t sys_pread64(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (int64_t(a[3]) < 0) return -EINVAL;
  const uint64_t want = std::min<uint64_t>(a[2], kMaxIo);
  if (const int64_t e = need_mapped(k, a[1], want)) return e;
  std::vector<uint8_t> buf(want);
  const int64_t n = read_fd(k, *f, FdOp::PRead, buf.data(), buf.size(), int64_t(a[3]));
  if (n <= 0) return n;
  if (const int64_t e = wr(k, a[1], buf.data(), size_t(n))) return e;
  return n;
}
int64_t sys_pwrite64(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (int64_t(a[3]) < 0) return -EINVAL;
  const uint64_t want = std::min<uint64_t>(a[2], kMaxIo);
  if (const int64_t e = need_mapped(k, a[1], want)) return e;
  std::vector<uint8_t> data(want);
  if (const int64_t e = rd(k, a[1], data.data(), data.size())) return e;
  return write_fd(k, *f, FdOp::PWrite, data.data(), data.size(), int64_t(a[3]));
}
int64_t sys_lseek(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::Seek);
  if (r > 0) return -r;
  if (r == kHost) return ret_errno(::lseek(host_fd(*f), off_t(a[1]), int(a[2])));
  if (f->kind == FdKind::Device) return 0;
  // A directory of cuarm's: the position counts entries (rewinddir, seekdir to a told place).
  if (a[2] == SEEK_SET && int64_t(a[1]) >= 0) return int64_t(f->dir_pos = a[1]);
  if (a[2] == SEEK_CUR && a[1] == 0) return int64_t(f->dir_pos);
  return -EINVAL;
}
int64_t sys_ftruncate(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::Truncate);
  if (r > 0) return -r;
  if (int64_t(a[1]) < 0) return -EINVAL;
  if (f->tmp) {
    if ((f->flags & O_ACCMODE) == O_RDONLY) return -EINVAL;
    return -k.tmpfs().truncate(*f->tmp, a[1]);
  }
  return ret_errno(::ftruncate(host_fd(*f), off_t(a[1])));
}
int64_t sys_fchmod(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::Chmod);
  if (r > 0) return -r;
  if (r == kServed) {
    f->tmp->mode = uint32_t(a[1]) & 07777;
    return 0;
  }
  return ret_errno(::fchmod(host_fd(*f), mode_t(a[1]) & kHostModeBits));
}
int64_t sys_fstat(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  struct stat s;
  if (const int e = stat_fd(k, *f, &s)) return e;
  return wr_val(k, a[1], to_guest(s));
}
int64_t sys_getdents64(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::ListDir);
  if (r > 0) return -r;
  std::vector<uint8_t> buf(std::min<uint64_t>(a[2], 1u << 20));
  if (const int64_t e = need_mapped(k, a[1], buf.size())) return e;
  int64_t n = 0;
  if (r == kHost) {
    n = ret_errno(::syscall(SYS_getdents64, f->host, buf.data(), buf.size()));
  } else {
    // linux_dirent64 records: ino, next offset, record length, type, name, NUL, 8-byte aligned.
    const auto entries = dir_entries(k, *f);
    for (; f->dir_pos < entries.size(); ++f->dir_pos) {
      const auto& [name, type] = entries[f->dir_pos];
      const size_t len = (19 + name.size() + 1 + 7) & ~size_t(7);
      if (uint64_t(n) + len > buf.size()) {
        if (n == 0) return -EINVAL;  // the buffer cannot hold one entry
        break;
      }
      uint8_t* p = buf.data() + n;
      std::memset(p, 0, len);
      const uint64_t ino = 1000 + f->dir_pos, next = f->dir_pos + 1;
      const uint16_t reclen = uint16_t(len);
      std::memcpy(p, &ino, 8);
      std::memcpy(p + 8, &next, 8);
      std::memcpy(p + 16, &reclen, 2);
      p[18] = type;
      std::memcpy(p + 19, name.data(), name.size());
      n += int64_t(len);
    }
  }
  if (n <= 0) return n;
  if (const int64_t e = wr(k, a[1], buf.data(), size_t(n))) return e;
  return n;
}
int64_t sys_ioctl(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::Ioctl);
  if (r > 0) return -r;
  if (!::isatty(host_fd(*f))) return -ENOTTY;
  uint8_t buf[64] = {};
  size_t size;
  switch (a[1]) {
    case TCGETS: size = 36; break;     // struct termios, the same on arm64 and x86-64
    case TIOCGWINSZ: size = 8; break;  // struct winsize
    default: return -ENOTTY;           // what Linux answers for a request the tty does not know
  }
  if (::ioctl(host_fd(*f), a[1], buf) != 0) return -errno;
  return wr(k, a[2], buf, size);
}
int64_t sys_fsync(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::Sync);
  if (r > 0) return -r;
  return r == kServed ? 0 : ret_errno(::fsync(host_fd(*f)));
}
int64_t sys_fcntl(ProcessState& k, A a) {
  auto it = k.fds.find(int(a[0]));
  if (it == k.fds.end()) return -EBADF;
  OpenFile& f = *it->second;
  switch (a[1]) {
    case F_DUPFD:
    case F_DUPFD_CLOEXEC: {
      std::shared_ptr<OpenFile> g;
      if (const int e = copy_file(f, &g)) return e;
      g->cloexec = a[1] == F_DUPFD_CLOEXEC;
      return k.alloc_fd(std::move(g), int(a[2]));
    }
    case F_GETFD: return f.cloexec ? FD_CLOEXEC : 0;
    case F_SETFD: f.cloexec = a[2] & FD_CLOEXEC; return 0;
    case F_GETFL: {
      if (f.host < 0 && f.kind != FdKind::HostStdio) return guest_open_flags(f.flags);
      const int fl = ::fcntl(host_fd(f), F_GETFL);
      return fl < 0 ? -errno : guest_open_flags(fl);
    }
    case F_SETFL: {
      const int r = rule(f, FdOp::SetFlags);
      if (r > 0) return -r;
      const int bits = host_open_flags(a[2]) & (O_APPEND | O_NONBLOCK);
      if (r == kHost && ::fcntl(f.host, F_SETFL, bits) != 0) return -errno;
      f.flags = (f.flags & ~(O_APPEND | O_NONBLOCK)) | bits;
      return 0;
    }
    default: return -EINVAL;
  }
}
int64_t sys_mmap(ProcessState& k, A a) {
  if (a[3] & MAP_ANONYMOUS) return k.as->mmap(a[0], a[1], int(a[2]), int(a[3]), -1, a[5]);
  OpenFile* f = k.file(int(a[4]));
  if (!f) return -EBADF;
  const int r = rule(*f, FdOp::Mmap);
  if (r > 0) return -r;
  if (r == kServed) {  // a device: /dev/zero maps as anonymous memory, as on Linux
    if (f->dev != Dev::Zero) return -ENODEV;
    return k.as->mmap(a[0], a[1], int(a[2]), int(a[3]) | MAP_ANONYMOUS, -1, a[5]);
  }
  return k.as->mmap(a[0], a[1], int(a[2]), int(a[3]), host_fd(*f), a[5]);
}
int64_t sys_close(ProcessState& k, A a) { return k.fds.erase(int(a[0])) ? 0 : -EBADF; }
int64_t sys_dup(ProcessState& k, A a) {
  auto it = k.fds.find(int(a[0]));
  if (it == k.fds.end()) return -EBADF;
  std::shared_ptr<OpenFile> f;
  if (const int e = copy_file(*it->second, &f)) return e;
  f->cloexec = false;
  return k.alloc_fd(std::move(f));
}
int64_t sys_dup3(ProcessState& k, A a) {
  auto it = k.fds.find(int(a[0]));
  if (it == k.fds.end()) return -EBADF;
  if (a[0] == a[1] || (a[2] & ~uint64_t(O_CLOEXEC))) return -EINVAL;
  if (a[1] >= k.rlimits[RLIMIT_NOFILE].first) return -EBADF;
  std::shared_ptr<OpenFile> f;
  if (const int e = copy_file(*it->second, &f)) return e;
  f->cloexec = a[2] & O_CLOEXEC;
  k.fds[int(a[1])] = std::move(f);
  return int64_t(a[1]);
}
// pipe2: a host pipe; both ends become guest descriptors. (One guest thread: a read of an
// empty pipe whose write end is still open blocks for ever, as it would on Linux.)
int64_t sys_pipe2(ProcessState& k, A a) {
  if (a[1] & ~uint64_t(O_CLOEXEC | O_NONBLOCK)) return -EINVAL;
  if (const int64_t e = need_mapped(k, a[0], 8)) return e;
  int host[2];
  if (::pipe2(host, O_CLOEXEC | int(a[1] & O_NONBLOCK)) < 0) return -errno;
  auto rd_end = new_file(FdKind::Pipe, host[0], (a[1] & (O_CLOEXEC | O_NONBLOCK)) | O_RDONLY);
  auto wr_end = new_file(FdKind::Pipe, host[1], (a[1] & (O_CLOEXEC | O_NONBLOCK)) | O_WRONLY);
  const int32_t guest[2] = {int32_t(k.alloc_fd(std::move(rd_end))), int32_t(k.alloc_fd(std::move(wr_end)))};
  if (guest[0] < 0 || guest[1] < 0) {
    for (int g : guest)
      if (g >= 0) k.fds.erase(g);
    return -EMFILE;
  }
  return wr(k, a[0], guest, sizeof guest);  // mapped: checked before
}

// --- calls on paths -------------------------------------------------------------------------

int64_t sys_openat(ProcessState& k, A a) {
  std::string path;
  if (const int64_t e = rd_str(k, a[1], &path)) return e;
  const int flags = host_open_flags(a[2]);
  const bool tmpfile = (flags & O_TMPFILE) == O_TMPFILE;
  const bool writes = (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC | kTmpfileBit));
  Sandbox::Resolved r;
  if (const int e = resolve_at(k, int64_t(a[0]), path, !(flags & O_NOFOLLOW), &r)) return -e;
  std::shared_ptr<OpenFile> f;
  switch (r.place) {
    case Place::Mount: {
      const int fd = k.sandbox.open(r, flags & ~O_CLOEXEC, unsigned(a[3]) & kHostModeBits);
      if (fd < 0) return fd;
      f = new_file(r.read_only ? FdKind::MountFileRo : FdKind::MountFile, fd, a[2]);
      break;
    }
    case Place::CuarmDir:
      if (tmpfile) return -EROFS;
      if (writes) return -EISDIR;
      f = new_file(FdKind::CuarmDir, -1, a[2]);
      break;
    case Place::Device:
      if (flags & O_DIRECTORY) return -ENOTDIR;
      f = new_file(FdKind::Device, -1, a[2]);
      f->dev = r.dev;
      break;
    case Place::Tmp: {
      int fd;
      TmpFs::NodePtr node;
      const bool existed = k.tmpfs().lookup(r.rel, &node) == 0;
      if (const int e = k.tmpfs().open(r.rel, flags & ~O_CLOEXEC, unsigned(a[3]) & 07777 & ~unsigned(k.umask), &fd, &node))
        return -e;
      if (!existed || tmpfile) node->mtime = now_seconds(k);
      f = new_file(node->dir ? FdKind::CuarmDir : FdKind::TmpFile, fd, a[2]);
      f->tmp = node;
      break;
    }
    case Place::Missing: return (flags & O_CREAT) ? cannot_create(k, r) : -ENOENT;
  }
  f->guest_path = r.guest;
  return k.alloc_fd(std::move(f));
}
int64_t sys_newfstatat(ProcessState& k, A a) {
  struct stat s;
  Sandbox::Resolved r;
  if (const int64_t e = stat_path(k, int64_t(a[0]), a[1], a[3], &s, &r)) return e;
  return wr_val(k, a[2], to_guest(s));
}
int64_t sys_statx(ProcessState& k, A a) {
  struct stat s;
  Sandbox::Resolved r;
  if (const int64_t e = stat_path(k, int64_t(a[0]), a[1], a[2], &s, &r)) return e;
  return wr_val(k, a[4], to_statx(s));
}
int64_t sys_faccessat(ProcessState& k, A a) { return faccess(k, int64_t(a[0]), a[1], a[2], 0); }
int64_t sys_faccessat2(ProcessState& k, A a) { return faccess(k, int64_t(a[0]), a[1], a[2], a[3]); }
int64_t sys_readlinkat(ProcessState& k, A a) {
  std::string path;
  if (const int64_t e = rd_str(k, a[1], &path)) return e;
  if (int64_t(a[3]) <= 0) return -EINVAL;
  int err;
  const std::string base = at_base(k, int64_t(a[0]), path, &err);
  if (err) return -err;
  const std::string guest = Sandbox::normalize(path[0] == '/' ? path : base + "/" + path);
  std::string target;
  if (guest == "/proc/self/exe" || guest == fmt::format("/proc/{}/exe", k.pid)) {
    target = k.exe;
  } else {
    Sandbox::Resolved r;
    if (const int e = k.sandbox.resolve(base, path, false, &r)) return -e;
    if (r.place == Place::Tmp) {
      TmpFs::NodePtr n;
      return k.tmpfs().lookup(r.rel, &n) ? -ENOENT : -EINVAL;  // /tmp holds no links
    }
    if (r.place != Place::Mount) return r.place == Place::Missing ? -ENOENT : -EINVAL;
    std::string name;
    const int dir = k.sandbox.open_parent(r, &name);
    if (dir == -EBUSY) return -EINVAL;  // a mount root is not a link
    if (dir < 0) return dir;
    char buf[PATH_MAX];
    const ssize_t n = ::readlinkat(dir, name.c_str(), buf, sizeof buf);
    const int e = errno;
    ::close(dir);
    if (n < 0) return -e;
    target.assign(buf, size_t(n));
  }
  const size_t n = std::min<size_t>(target.size(), a[3]);
  if (const int64_t e = wr(k, a[2], target.data(), n)) return e;
  return int64_t(n);
}
int64_t sys_getcwd(ProcessState& k, A a) {
  if (a[1] < k.cwd.size() + 1) return -ERANGE;
  if (const int64_t e = wr(k, a[0], k.cwd.c_str(), k.cwd.size() + 1)) return e;
  return int64_t(k.cwd.size() + 1);
}
int64_t sys_chdir(ProcessState& k, A a) {
  Sandbox::Resolved r;
  if (const int64_t e = resolve_arg(k, kAtFdCwd, a[0], true, &r)) return e;
  return change_dir(k, r);
}
int64_t sys_fchdir(ProcessState& k, A a) {
  OpenFile* f = k.file(int(a[0]));
  if (!f) return -EBADF;
  if (f->guest_path.empty()) return -ENOTDIR;
  Sandbox::Resolved r;
  if (const int e = k.sandbox.resolve("/", f->guest_path, true, &r)) return -e;
  return change_dir(k, r);
}
int64_t sys_mkdirat(ProcessState& k, A a) {
  Sandbox::Resolved r;
  if (const int64_t e = resolve_arg(k, int64_t(a[0]), a[1], false, &r)) return e;
  const mode_t mode = mode_t(a[2]) & 07777;
  switch (r.place) {
    case Place::Mount: return on_last_in_mount(k, r, [&](int dir, const char* n) { return ::mkdirat(dir, n, mode & kHostModeBits); });
    case Place::Tmp: {
      if (const int e = k.tmpfs().mkdir(r.rel, mode & ~unsigned(k.umask))) return -e;
      TmpFs::NodePtr n;
      if (k.tmpfs().lookup(r.rel, &n) == 0) n->mtime = now_seconds(k);
      return 0;
    }
    case Place::CuarmDir:
    case Place::Device: return -EEXIST;
    case Place::Missing: break;
  }
  return cannot_create(k, r);
}
int64_t sys_unlinkat(ProcessState& k, A a) {
  if (a[2] & ~uint64_t(AT_REMOVEDIR)) return -EINVAL;
  const int flags = int(a[2]);
  Sandbox::Resolved r;
  if (const int64_t e = resolve_arg(k, int64_t(a[0]), a[1], false, &r)) return e;
  switch (r.place) {
    case Place::Mount: return on_last_in_mount(k, r, [&](int dir, const char* n) { return ::unlinkat(dir, n, flags); });
    case Place::Tmp: return -k.tmpfs().unlink(r.rel, flags & AT_REMOVEDIR);
    case Place::CuarmDir:
    case Place::Device: return -EROFS;
    case Place::Missing: break;
  }
  return -ENOENT;
}
int64_t sys_renameat(ProcessState& k, A a) { return rename(k, int64_t(a[0]), a[1], int64_t(a[2]), a[3], 0); }
int64_t sys_renameat2(ProcessState& k, A a) { return rename(k, int64_t(a[0]), a[1], int64_t(a[2]), a[3], a[4]); }
// truncate / fchmodat: the path is resolved in the sandbox (symlinks followed there) and opened
// on the host without following anything further; the change goes through that descriptor.
int64_t sys_truncate(ProcessState& k, A a) {
  Sandbox::Resolved r;
  if (const int64_t e = resolve_arg(k, AT_FDCWD, a[0], true, &r)) return e;
  if (int64_t(a[1]) < 0) return -EINVAL;
  switch (r.place) {
    case Place::Mount: {
      const int fd = k.sandbox.open(r, O_WRONLY | O_CLOEXEC, 0);
      if (fd < 0) return fd;
      const int64_t rc = ret_errno(::ftruncate(fd, off_t(a[1])));
      ::close(fd);
      return rc;
    }
    case Place::Tmp: {
      TmpFs::NodePtr n;
      if (const int e = k.tmpfs().lookup(r.rel, &n)) return -e;
      return -k.tmpfs().truncate(*n, a[1]);
    }
    case Place::CuarmDir: return -EISDIR;
    case Place::Device: return -EINVAL;
    case Place::Missing: break;
  }
  return -ENOENT;
}
int64_t sys_fchmodat(ProcessState& k, A a) {
  Sandbox::Resolved r;
  if (const int64_t e = resolve_arg(k, int64_t(a[0]), a[1], true, &r)) return e;
  switch (r.place) {
    case Place::Mount: {
      if (r.read_only) return -EROFS;
      const int fd = k.sandbox.open(r, O_PATH | O_CLOEXEC, 0);
      if (fd < 0) return fd;
      // chmod through /proc/self/fd: an O_PATH descriptor cannot be fchmod()ed directly.
      const std::string proc = "/proc/self/fd/" + std::to_string(fd);
      const int64_t rc = ret_errno(::chmod(proc.c_str(), mode_t(a[2]) & kHostModeBits));
      ::close(fd);
      return rc;
    }
    case Place::Tmp: {
      TmpFs::NodePtr n;
      if (const int e = k.tmpfs().lookup(r.rel, &n)) return -e;
      n->mode = uint32_t(a[2]) & 07777;
      return 0;
    }
    case Place::CuarmDir: return -EROFS;
    case Place::Device: return -EPERM;
    case Place::Missing: break;
  }
  return -ENOENT;
}

}  // namespace cuarm::os
