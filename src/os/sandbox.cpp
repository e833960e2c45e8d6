#include "sandbox.hpp"

#include <fcntl.h>
#include <fmt/format.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <climits>
#include <cstdlib>
#include <cstring>
#include <deque>

namespace cuarm {

Mount parse_mount(const std::string& spec) {
  Mount m;
  std::string rest = spec;
  if (rest.size() > 3 && rest.compare(rest.size() - 3, 3, ":ro") == 0) {
    m.read_only = true;
    rest.resize(rest.size() - 3);
  } else if (rest.size() > 3 && rest.compare(rest.size() - 3, 3, ":rw") == 0) {
    rest.resize(rest.size() - 3);
  }
  const size_t colon = rest.rfind(':');
  if (colon == std::string::npos || colon == 0 || colon + 1 == rest.size())
    throw Error(fmt::format("--mount '{}': expected HOST:GUEST or HOST:GUEST:ro", spec));
  m.host = rest.substr(0, colon);
  m.guest = rest.substr(colon + 1);
  if (m.guest[0] != '/') throw Error(fmt::format("--mount '{}': the guest path must be absolute", spec));
  return m;
}

}  // namespace cuarm

namespace cuarm::os {
namespace {

constexpr int kMaxSymlinks = 40;  // as Linux (ELOOP beyond)

std::vector<std::string> split(const std::string& path) {
  std::vector<std::string> out;
  size_t i = 0;
  while (i <= path.size()) {
    size_t j = path.find('/', i);
    if (j == std::string::npos) j = path.size();
    if (j > i) out.push_back(path.substr(i, j - i));
    i = j + 1;
  }
  return out;
}

std::string join(const std::vector<std::string>& parts) {
  std::string s;
  for (const auto& p : parts) s += "/" + p;
  return s.empty() ? "/" : s;
}

}  // namespace

std::string Sandbox::normalize(const std::string& path) {
  std::vector<std::string> out;
  for (const auto& c : split(path)) {
    if (c == ".") continue;
    if (c == "..") {
      if (!out.empty()) out.pop_back();
      continue;
    }
    out.push_back(c);
  }
  return join(out);
}

Sandbox::Sandbox(const std::vector<Mount>& mounts) {
  for (const auto& m : mounts) {
    if (m.guest.empty() || m.guest[0] != '/') throw Error(fmt::format("mount: guest path '{}' is not absolute", m.guest));
    char real[PATH_MAX];
    if (!::realpath(m.host.c_str(), real))
      throw Error(fmt::format("mount: host path '{}': {}", m.host, std::strerror(errno)));
    struct stat st;
    if (::stat(real, &st) != 0) throw Error(fmt::format("mount: host path '{}': {}", m.host, std::strerror(errno)));
    Point p;
    p.guest = normalize(m.guest);
    p.read_only = m.read_only;
    std::string dir = real;
    if (!S_ISDIR(st.st_mode)) {
      const size_t slash = dir.rfind('/');
      p.file = dir.substr(slash + 1);
      dir = slash == 0 ? "/" : dir.substr(0, slash);
    }
    p.root_fd = ::open(dir.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC);
    if (p.root_fd < 0) throw Error(fmt::format("mount: host path '{}': {}", m.host, std::strerror(errno)));
    // A later mount of the same guest path replaces an earlier one.
    for (auto& q : points_)
      if (q.guest == p.guest) {
        ::close(q.root_fd);
        q = p;
        p.root_fd = -1;
      }
    if (p.root_fd >= 0) points_.push_back(p);
  }
}

Sandbox::~Sandbox() {
  for (auto& p : points_) ::close(p.root_fd);
}

int Sandbox::find_mount(const std::string& guest, std::string* rel) const {
  int best = -1;
  size_t best_len = 0;
  for (size_t i = 0; i < points_.size(); ++i) {
    const std::string& g = points_[i].guest;
    size_t len;
    if (g == "/") {
      len = 0;
    } else if (guest == g || (guest.size() > g.size() && guest.compare(0, g.size(), g) == 0 && guest[g.size()] == '/')) {
      len = g.size();
    } else {
      continue;
    }
    if (best < 0 || len > best_len) best = int(i), best_len = len;
  }
  if (best >= 0 && rel) {
    *rel = guest.substr(std::min(guest.size(), best_len));
    while (!rel->empty() && (*rel)[0] == '/') rel->erase(0, 1);
  }
  return best;
}

bool Sandbox::is_virtual_dir(const std::string& guest) const {
  for (const auto& p : points_) {
    if (guest == "/" && p.guest != "/") return true;
    if (p.guest.size() > guest.size() && p.guest.compare(0, guest.size(), guest) == 0 && p.guest[guest.size()] == '/')
      return true;
  }
  return false;
}

int Sandbox::open_in(const Point& p, const std::string& rel, int flags, unsigned mode) const {
  if (!p.file.empty()) {
    if (!rel.empty()) return -ENOTDIR;
    const int fd = ::openat(p.root_fd, p.file.c_str(), flags | O_NOFOLLOW | O_CLOEXEC, mode);
    return fd < 0 ? -errno : fd;
  }
  struct open_how how;
  std::memset(&how, 0, sizeof how);
  how.flags = uint64_t(flags | O_NOFOLLOW | O_CLOEXEC);
  how.mode = (flags & (O_CREAT | O_TMPFILE)) ? mode : 0;
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS | RESOLVE_NO_MAGICLINKS;
  const std::string path = rel.empty() ? "." : rel;
  const long fd = ::syscall(SYS_openat2, p.root_fd, path.c_str(), &how, sizeof how);
  return fd < 0 ? -errno : int(fd);
}

int Sandbox::resolve(const std::string& base, const std::string& path, bool follow_last, Resolved* out) const {
  if (path.empty()) return ENOENT;
  if (path.size() >= PATH_MAX) return ENAMETOOLONG;
  std::deque<std::string> todo;
  for (auto& c : split(path[0] == '/' ? path : base + "/" + path)) todo.push_back(c);
  std::vector<std::string> done;
  int links = 0;
  const bool trailing_slash = path.back() == '/';
  while (!todo.empty()) {
    std::string c = todo.front();
    todo.pop_front();
    if (c == ".") continue;
    if (c == "..") {
      if (!done.empty()) done.pop_back();
      continue;
    }
    done.push_back(c);
    const bool last = todo.empty();
    if (last && !follow_last && !trailing_slash) break;
    const std::string guest = join(done);
    std::string rel;
    const int mi = find_mount(guest, &rel);
    if (mi < 0) {
      if (is_virtual_dir(guest)) continue;
      return ENOENT;
    }
    if (rel.empty()) continue;  // a mount root: resolved on the host when mounted
    const int fd = open_in(points_[size_t(mi)], rel, O_PATH | O_NOFOLLOW, 0);
    if (fd < 0) {
      if (fd == -ENOENT && last) break;  // may be created
      return -fd;
    }
    struct stat st;
    const int rc = ::fstatat(fd, "", &st, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW);
    if (rc != 0) {
      const int e = errno;
      ::close(fd);
      return e;
    }
    if (S_ISLNK(st.st_mode)) {
      if (++links > kMaxSymlinks) {
        ::close(fd);
        return ELOOP;
      }
      char buf[PATH_MAX];
      const ssize_t n = ::readlinkat(fd, "", buf, sizeof buf - 1);
      ::close(fd);
      if (n <= 0) return n == 0 ? ENOENT : errno;
      const std::string target(buf, size_t(n));
      done.pop_back();
      if (target[0] == '/') done.clear();
      auto parts = split(target);
      todo.insert(todo.begin(), parts.begin(), parts.end());
      continue;
    }
    ::close(fd);
    if (!last && !S_ISDIR(st.st_mode)) return ENOTDIR;
  }
  out->guest = join(done);
  out->mount = find_mount(out->guest, &out->rel);
  out->read_only = out->mount >= 0 && points_[size_t(out->mount)].read_only;
  return 0;
}

int Sandbox::open(const Resolved& r, int flags, unsigned mode) const {
  if (r.mount < 0) return is_virtual_dir(r.guest) ? -EACCES : -ENOENT;
  const bool writes = (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC | O_TMPFILE));
  if (writes && r.read_only) {
    // EROFS only for a file that exists, as Linux; creating in a read-only mount is EROFS too.
    return -EROFS;
  }
  return open_in(points_[size_t(r.mount)], r.rel, flags, mode);
}

int Sandbox::open_parent(const Resolved& r, std::string* name) const {
  if (r.mount < 0) return is_virtual_dir(r.guest) ? -EBUSY : -ENOENT;
  if (r.rel.empty()) return -EBUSY;  // the mount point itself
  const size_t slash = r.rel.rfind('/');
  *name = slash == std::string::npos ? r.rel : r.rel.substr(slash + 1);
  return open_in(points_[size_t(r.mount)], slash == std::string::npos ? "" : r.rel.substr(0, slash), O_PATH | O_DIRECTORY, 0);
}

}  // namespace cuarm::os
