// The file sandbox: the guest sees host files only through mounts (HOST:GUEST[:ro]).
// Guest paths are resolved component by component in the guest's namespace (`..` stops at the
// guest root, symlinks are followed as guest paths, so they cannot point outside the mounts);
// the host file is then opened with openat2(RESOLVE_BENEATH | RESOLVE_NO_SYMLINKS) below the
// mount's directory, so a symlink swapped in by a race fails instead of escaping.
#pragma once
#include <cuarm/process.hpp>

#include <string>
#include <vector>

namespace cuarm::os {

class Sandbox {
 public:
  explicit Sandbox(const std::vector<Mount>& mounts);  // throws Error for a missing host path
  ~Sandbox();
  Sandbox(const Sandbox&) = delete;
  Sandbox& operator=(const Sandbox&) = delete;

  struct Resolved {
    std::string guest;  // normalized absolute guest path
    int mount = -1;     // index into the mounts, -1: not inside any mount
    std::string rel;    // path below the mount root ("" for the root itself)
    bool read_only = false;
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
  // Whether `guest` is a directory above some mount point (shown as an empty directory).
  bool is_virtual_dir(const std::string& guest) const;

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
  std::vector<Point> points_;
};

}  // namespace cuarm::os
