#include "tmpfs.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <unistd.h>

#include <cerrno>
#include <string>

namespace cuarm::os {
namespace {

// Splits "a/b/c" into its components ("" gives none).
std::vector<std::string> components(const std::string& rel) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i < rel.size()) {
    size_t j = rel.find('/', i);
    if (j == std::string::npos) j = rel.size();
    if (j > i) out.push_back(rel.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

constexpr int kHostTmpfile = O_TMPFILE & ~O_DIRECTORY;  // __O_TMPFILE

}  // namespace

TmpFs::Node::~Node() {
  if (memfd >= 0) ::close(memfd);
  if (usage) {
    usage->bytes -= size;
    usage->nodes -= 1;
  }
}

TmpFs::TmpFs(uint64_t capacity) : usage_(std::make_shared<Usage>()) {
  usage_->capacity = capacity;
  root_ = make(true, 01777);
}

TmpFs::NodePtr TmpFs::make(bool dir, unsigned mode) {
  if (usage_->nodes >= kMaxNodes) return nullptr;
  auto n = std::make_shared<Node>();
  n->dir = dir;
  n->mode = mode & 07777;
  n->ino = next_ino_++;
  if (!dir) {
    n->memfd = ::memfd_create("cuarm-tmp", MFD_CLOEXEC);
    if (n->memfd < 0) return nullptr;
  }
  n->usage = usage_;
  usage_->nodes += 1;
  return n;
}

int TmpFs::lookup(const std::string& rel, NodePtr* out) const {
  NodePtr n = root_;
  for (const auto& c : components(rel)) {
    if (!n->dir) return ENOTDIR;
    auto it = n->children.find(c);
    if (it == n->children.end()) return ENOENT;
    n = it->second;
  }
  *out = n;
  return 0;
}

int TmpFs::parent_of(const std::string& rel, NodePtr* dir, std::string* name) const {
  const size_t slash = rel.rfind('/');
  const std::string parent = slash == std::string::npos ? "" : rel.substr(0, slash);
  *name = slash == std::string::npos ? rel : rel.substr(slash + 1);
  if (name->empty()) return EBUSY;  // /tmp itself
  if (name->size() > 255) return ENAMETOOLONG;
  if (const int e = lookup(parent, dir)) return e;
  return (*dir)->dir ? 0 : ENOTDIR;
}

int TmpFs::open(const std::string& rel, int flags, unsigned mode, int* fd, NodePtr* node) {
  *fd = -1;
  NodePtr n;
  const int acc = flags & O_ACCMODE;
  if ((flags & kHostTmpfile) == kHostTmpfile) {
    NodePtr dir;
    if (const int e = lookup(rel, &dir)) return e;
    if (!dir->dir) return ENOTDIR;
    if (acc == O_RDONLY) return EINVAL;
    n = make(false, mode);
    if (!n) return ENOSPC;
  } else if (const int e = lookup(rel, &n); e == ENOENT && (flags & O_CREAT)) {
    NodePtr dir;
    std::string name;
    if (const int pe = parent_of(rel, &dir, &name)) return pe;
    if (!(n = make(false, mode))) return ENOSPC;
    dir->children[name] = n;
  } else if (e) {
    return e;
  } else if ((flags & O_CREAT) && (flags & O_EXCL)) {
    return EEXIST;
  }
  if (n->dir) {
    if (acc != O_RDONLY || (flags & O_CREAT)) return EISDIR;
    *node = n;
    return 0;
  }
  if ((flags & O_DIRECTORY) && (flags & kHostTmpfile) != kHostTmpfile) return ENOTDIR;
  if ((flags & O_TRUNC) && acc != O_RDONLY)
    if (const int e = truncate(*n, 0)) return e;
  // A new open file description on the memfd: its own offset and access mode, as open(2) gives.
  const std::string self = "/proc/self/fd/" + std::to_string(n->memfd);
  *fd = ::open(self.c_str(), (flags & (O_ACCMODE | O_APPEND | O_NONBLOCK)) | O_CLOEXEC);
  if (*fd < 0) return errno;
  *node = n;
  return 0;
}

int TmpFs::mkdir(const std::string& rel, unsigned mode) {
  NodePtr dir;
  std::string name;
  if (rel.empty()) return EEXIST;
  if (const int e = parent_of(rel, &dir, &name)) return e;
  if (dir->children.count(name)) return EEXIST;
  NodePtr n = make(true, mode);
  if (!n) return ENOSPC;
  dir->children[name] = n;
  return 0;
}

int TmpFs::unlink(const std::string& rel, bool want_dir) {
  NodePtr dir;
  std::string name;
  if (const int e = parent_of(rel, &dir, &name)) return e;
  auto it = dir->children.find(name);
  if (it == dir->children.end()) return ENOENT;
  const Node& n = *it->second;
  if (want_dir && !n.dir) return ENOTDIR;
  if (!want_dir && n.dir) return EISDIR;
  if (n.dir && !n.children.empty()) return ENOTEMPTY;
  dir->children.erase(it);
  return 0;
}

int TmpFs::rename(const std::string& from, const std::string& to, unsigned flags) {
  constexpr unsigned kNoReplace = 1, kExchange = 2;
  if (flags & ~(kNoReplace | kExchange) || flags == (kNoReplace | kExchange)) return EINVAL;
  NodePtr fdir, tdir;
  std::string fname, tname;
  if (const int e = parent_of(from, &fdir, &fname)) return e;
  if (const int e = parent_of(to, &tdir, &tname)) return e;
  auto fit = fdir->children.find(fname);
  if (fit == fdir->children.end()) return ENOENT;
  NodePtr moving = fit->second;
  // A directory cannot move below itself.
  if (moving->dir && (to == from || to.compare(0, from.size() + 1, from + "/") == 0)) return to == from ? 0 : EINVAL;
  auto tit = tdir->children.find(tname);
  if (flags & kExchange) {
    if (tit == tdir->children.end()) return ENOENT;
    std::swap(fit->second, tit->second);
    return 0;
  }
  if (tit != tdir->children.end()) {
    if (flags & kNoReplace) return EEXIST;
    if (tit->second == moving) return 0;
    const Node& old = *tit->second;
    if (old.dir && !moving->dir) return EISDIR;
    if (!old.dir && moving->dir) return ENOTDIR;
    if (old.dir && !old.children.empty()) return ENOTEMPTY;
  }
  fdir->children.erase(fit);
  tdir->children[tname] = moving;
  return 0;
}

uint64_t TmpFs::writable(const Node& n, uint64_t offset, uint64_t want) const {
  const uint64_t end = offset + want < offset ? UINT64_MAX : offset + want;
  if (end <= n.size) return want;
  const uint64_t others = usage_->bytes - n.size;
  if (others >= usage_->capacity || offset >= usage_->capacity - others) return 0;
  return std::min<uint64_t>(want, usage_->capacity - others - offset);
}

int TmpFs::truncate(Node& n, uint64_t size) {
  if (n.dir) return EISDIR;
  if (size > n.size && writable(n, 0, size) < size) return EFBIG;
  if (::ftruncate(n.memfd, off_t(size)) != 0) return errno;
  sync_size(n);
  return 0;
}

void TmpFs::sync_size(Node& n) {
  struct stat st;
  if (n.dir || ::fstat(n.memfd, &st) != 0) return;
  usage_->bytes = usage_->bytes - n.size + uint64_t(st.st_size);
  n.size = uint64_t(st.st_size);
}

struct stat TmpFs::stat_of(const Node& n) const {
  struct stat s{};
  s.st_dev = 0x2a;  // cuarm's /tmp: a device number of its own
  s.st_ino = n.ino;
  s.st_mode = (n.dir ? S_IFDIR : S_IFREG) | n.mode;
  s.st_nlink = n.dir ? 2 : 1;
  s.st_size = n.dir ? 4096 : off_t(n.size);
  s.st_blksize = 4096;
  s.st_blocks = (s.st_size + 511) / 512;
  s.st_mtim.tv_sec = s.st_ctim.tv_sec = s.st_atim.tv_sec = n.mtime;
  return s;
}

}  // namespace cuarm::os
