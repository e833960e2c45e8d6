// The file sandbox: the guest sees host files only through mounts (HOST:GUEST[:ro]).
// Guest paths are resolved component by component in the guest's namespace (`..` stops at the
// guest root, symlinks are followed as guest paths, so they cannot point outside the mounts);
// the host file is then opened with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) below the
// mount's directory, so a symlink swapped in by a race fails instead of escaping.
// Besides the mounts, the guest's namespace has what cuarm serves itself (docs/os.md, "The
// guest's view"): a listable read-only root and directories above mount points, /dev with null,
// zero and urandom, and a private in-memory /tmp (tmpfs.hpp). A mount of those paths wins.
#pragma once
#include <cuarm/process.hpp>

#include <sys/stat.h>

#include <cstdint>
#include <string>
#include <vector>

namespace cuarm::os {

class Sandbox {
 public:
  explicit Sandbox(const std::vector<Mount>& mounts);  // throws Error for a missing host path
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  // Where a guest path lies.
  enum class Place : uint8_t {
    Missing,   // nothing is there (may be created only inside a mount or /tmp)
    Mount,     // inside a mount: `mount`, `rel`
    CuarmDir,  // a directory cuarm shows: the root, /dev, or one above a mount point
    Device,    // /dev/null, /dev/zero or /dev/urandom
    Tmp,       // the private /tmp or below it: `rel` is the path below /tmp
  };
  enum class Dev : uint8_t { None, Null, Zero, Urandom };
  struct Resolved {
    std::string guest;  // normalized absolute guest path
    Place place = Place::Missing;
    int mount = -1;     // index into the mounts, -1: not inside any mount
    std::string rel;    // path below the mount root or /tmp ("" for the root itself)
    // A :ro mount, or a path through a :ro mount's host directory reached from another mount
    // (a read-only folder nested in a writable one stays read-only after its parent is renamed).
    bool read_only = false;
    Dev dev = Dev::None;
  };
  // Resolves `path` (absolute, or relative to the guest directory `base`). Follows symlinks in
  // every component, and in the last one when follow_last. Returns 0 or a positive errno.
  int resolve(const std::string& base, const std::string& path, bool follow_last, Resolved* out) const;
  // Opens a resolved path on the host (flags as open(2), O_NOFOLLOW implied for the last
  // component). Returns a host fd or -errno.
  int open(const Resolved& r, int flags, unsigned mode) const;
  // Opens the parent directory of a resolved path (O_PATH) and gives the last component's
  // name, for *at() calls on the last component (mkdir, unlink, readlink). -errno on failure.
  int open_parent(const Resolved& r, std::string* name) const;
  // Whether `guest` is a directory cuarm shows itself: the root, /dev (unless mounted), or a
  // directory above some mount point. Read-only; listing one gives list_dir().
  bool is_virtual_dir(const std::string& guest) const;
  // The names in such a directory, with their d_type (DT_DIR, DT_CHR, ...).
  std::vector<std::pair<std::string, uint8_t>> list_dir(const std::string& guest) const;
  // What a path outside every mount is (CuarmDir, Device, Tmp or Missing).
  Place builtin(const std::string& guest, std::string* tmp_rel, Dev* dev) const;

  static std::string normalize(const std::string& path);  // absolute, no "." / ".." / "//"

 private:
  struct Point {
    std::string guest;  // normalized
    int root_fd = -1;   // O_PATH fd of the host directory (or of a mounted file's directory)
    std::string file;   // for a file mount: its name inside root_fd
    bool read_only = false;
  };
  int find_mount(const std::string& guest, std::string* rel) const;
  int open_in(const Point& p, const std::string& rel, int flags, unsigned mode) const;
  bool is_ro_root(const struct stat& st) const;
  void classify(Resolved* r) const;
  std::vector<Point> points_;
  std::vector<std::pair<uint64_t, uint64_t>> ro_roots_;  // (st_dev, st_ino) of :ro mounts' host roots
};

}  // namespace cuarm::os
