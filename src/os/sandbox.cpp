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
  for (const auto& p : points_) {
    if (!p.read_only) continue;
    struct stat st;
    if (::fstatat(p.root_fd, p.file.c_str(), &st, p.file.empty() ? AT_EMPTY_PATH : AT_SYMLINK_NOFOLLOW) == 0)
      ro_roots_.push_back({uint64_t(st.st_dev), uint64_t(st.st_ino)});
  }
}

bool Sandbox::is_ro_root(const struct stat& st) const {
  for (const auto& [dev, ino] : ro_roots_)
    if (uint64_t(st.st_dev) == dev && uint64_t(st.st_ino) == ino) return true;
  return false;
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

namespace {
// Whether `inner` lies strictly below the directory `outer` (both normalized).
bool strictly_below(const std::string& inner, const std::string& outer) {
  if (outer == "/") return inner.size() > 1;
  return inner.size() > outer.size() && inner.compare(0, outer.size(), outer) == 0 && inner[outer.size()] == '/';
}
constexpr const char* kDevices[] = {"null", "zero", "urandom"};
}  // namespace

bool Sandbox::is_virtual_dir(const std::string& guest) const {
  if (find_mount(guest, nullptr) >= 0) return false;
  if (guest == "/" || guest == "/dev") return true;
  for (const auto& p : points_)
    if (strictly_below(p.guest, guest)) return true;
  return false;
}

Sandbox::Place Sandbox::builtin(const std::string& guest, std::string* tmp_rel, Dev* dev) const {
  *dev = Dev::None;
  if (find_mount(guest, nullptr) >= 0) return Place::Missing;  // a mount's business
  // Directories above mount points come first: with a mount below /tmp, /tmp is the read-only
  // directory that leads to it (as every such directory), not the private /tmp.
  if (is_virtual_dir(guest)) return Place::CuarmDir;
  if (guest == "/tmp" || strictly_below(guest, "/tmp")) {
    *tmp_rel = guest.size() > 4 ? guest.substr(5) : "";
    return Place::Tmp;
  }
  for (int i = 0; i < 3; ++i)
    if (guest == std::string("/dev/") + kDevices[i]) {
      *dev = Dev(i + 1);
      return Place::Device;
    }
  return Place::Missing;
}

std::vector<std::pair<std::string, uint8_t>> Sandbox::list_dir(const std::string& guest) const {
  constexpr uint8_t kDtDir = 4, kDtChr = 2;
  std::vector<std::pair<std::string, uint8_t>> out = {{".", kDtDir}, {"..", kDtDir}};
  auto add = [&](const std::string& name, uint8_t type) {
    for (const auto& [n, t] : out)
      if (n == name) return;
    out.push_back({name, type});
  };
  const std::string prefix = guest == "/" ? "/" : guest + "/";
  if (guest == "/") add("dev", kDtDir), add("tmp", kDtDir);
  if (guest == "/dev" && find_mount("/dev", nullptr) < 0)
    for (const char* d : kDevices) add(d, kDtChr);
  for (const auto& p : points_) {
    if (!strictly_below(p.guest, guest)) continue;
    const std::string below = p.guest.substr(prefix.size());
    add(below.substr(0, below.find('/')), kDtDir);
  }
  return out;
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
  how.mode = ((flags & O_CREAT) || (flags & O_TMPFILE) == O_TMPFILE) ? mode : 0;  // openat2 refuses a mode otherwise
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
  bool ro_seen = false;
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
      std::string tmp_rel;
      Dev dev;
      const Place place = builtin(guest, &tmp_rel, &dev);
      if (place == Place::CuarmDir || place == Place::Tmp) continue;  // /tmp has no links: checked by its users
      if (place == Place::Device && last) continue;
      if (place == Place::Device) return ENOTDIR;
      if (last) break;  // may be created (where creating is allowed)
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
    if (is_ro_root(st)) ro_seen = true;
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
  classify(out);
  if (out->place == Place::Mount && !out->read_only) {
    // Through a :ro mount's host directory by another way (the last component was not looked
    // at on the walk when links are not followed there).
    out->read_only = ro_seen;
    if (!out->read_only && !out->rel.empty()) {
      const int fd = open_in(points_[size_t(out->mount)], out->rel, O_PATH | O_NOFOLLOW, 0);
      struct stat st;
      if (fd >= 0 && ::fstatat(fd, "", &st, AT_EMPTY_PATH | AT_SYMLINK_NOFOLLOW) == 0) out->read_only = is_ro_root(st);
      if (fd >= 0) ::close(fd);
    }
  }
  return 0;
}

void Sandbox::classify(Resolved* r) const {
  r->mount = find_mount(r->guest, &r->rel);
  r->dev = Dev::None;
  if (r->mount >= 0) {
    r->place = Place::Mount;
    r->read_only = points_[size_t(r->mount)].read_only;
    return;
  }
  r->read_only = false;
  r->rel.clear();
  r->place = builtin(r->guest, &r->rel, &r->dev);
}

int Sandbox::open(const Resolved& r, int flags, unsigned mode) const {
  if (r.place != Place::Mount) return -ENOENT;
  // O_TMPFILE is __O_TMPFILE | O_DIRECTORY: test its own bit, or every O_DIRECTORY open would count as a write.
  constexpr int kTmpfileBit = O_TMPFILE & ~O_DIRECTORY;
  const bool writes = (flags & O_ACCMODE) != O_RDONLY || (flags & (O_CREAT | O_TRUNC | kTmpfileBit));
  if (writes && r.read_only) {
    // EROFS only for a file that exists, as Linux; creating in a read-only mount is EROFS too.
    return -EROFS;
  }
  return open_in(points_[size_t(r.mount)], r.rel, flags, mode);
}

int Sandbox::open_parent(const Resolved& r, std::string* name) const {
  if (r.place != Place::Mount) return r.place == Place::Missing ? -ENOENT : -EBUSY;
  if (r.rel.empty()) return -EBUSY;  // the mount point itself
  const size_t slash = r.rel.rfind('/');
  *name = slash == std::string::npos ? r.rel : r.rel.substr(slash + 1);
  return open_in(points_[size_t(r.mount)], slash == std::string::npos ? "" : r.rel.substr(0, slash), O_PATH | O_DIRECTORY, 0);
}

}  // namespace cuarm::os
