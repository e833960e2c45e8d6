// The guest's private /tmp: an in-memory file system that lives as long as the guest's process
// (one per process, so one per lane of a batch) and is never a host directory. Files are
// anonymous memfds (host memory, no host path), so read/write/lseek/mmap of a tmp file run on
// the memfd like any fd; directories and names live here. Growth is capped: all files together
// hold at most `capacity` bytes (ENOSPC beyond) and the tree at most kMaxNodes entries.
#pragma once
#include <sys/stat.h>

#include <cstdint>
#include <map>
#include <memory>
#include <string>
#include <vector>

namespace cuarm::os {

class TmpFs {
 public:
  static constexpr uint32_t kMaxNodes = 4096;
  struct Usage {
    uint64_t bytes = 0, capacity = 0;
    uint32_t nodes = 0;
  };
  struct Node {
    bool dir = false;
    int memfd = -1;  // files: the memfd that holds the bytes
    uint32_t mode = 0;
    uint64_t ino = 0, size = 0;
    int64_t mtime = 0;
    std::map<std::string, std::shared_ptr<Node>> children;  // directories
    std::shared_ptr<Usage> usage;
    ~Node();
  };
  using NodePtr = std::shared_ptr<Node>;

  explicit TmpFs(uint64_t capacity);

  // `rel` is a normalized path below /tmp ("" is /tmp itself). 0 or a positive errno.
  int lookup(const std::string& rel, NodePtr* out) const;
  // open(2) of a path below /tmp (host open flags): *fd gets a host fd of the file (its own file
  // offset), or -1 for a directory; *node the node. O_TMPFILE makes an unnamed file in `rel`.
  int open(const std::string& rel, int flags, unsigned mode, int* fd, NodePtr* node);
  int mkdir(const std::string& rel, unsigned mode);
  int unlink(const std::string& rel, bool dir);
  int rename(const std::string& from, const std::string& to, unsigned flags);
  // Sets a file's size (truncate). ENOSPC beyond the capacity.
  int truncate(Node& n, uint64_t size);
  // How many of `want` bytes may be written at [offset, offset+want) of n (0: the cap is reached).
  uint64_t writable(const Node& n, uint64_t offset, uint64_t want) const;
  // Re-reads a file's size after the memfd was written (the usage follows).
  void sync_size(Node& n);
  struct stat stat_of(const Node& n) const;

 private:
  int parent_of(const std::string& rel, NodePtr* dir, std::string* name) const;
  NodePtr make(bool dir, unsigned mode);
  NodePtr root_;
  std::shared_ptr<Usage> usage_;
  uint64_t next_ino_ = 2;
};

}  // namespace cuarm::os
