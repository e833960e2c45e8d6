// cuarm::read_input: the one way every entry point (the command, Python) reads a program or an input file.
#include <fcntl.h>
#include <fmt/format.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <cuarm/cuarm.hpp>

namespace cuarm {

std::vector<uint8_t> read_input(const std::string& path, uint64_t max_bytes) {
  // O_NONBLOCK: opening a FIFO must not wait for a writer; it is refused below anyway.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) throw Error(fmt::format("cannot open '{}': {}", path, std::strerror(errno)));
  struct Closer {
    int fd;
    ~Closer() { ::close(fd); }
  } closer{fd};
  struct stat st;
  if (::fstat(fd, &st) != 0) throw Error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
  if (S_ISDIR(st.st_mode)) throw Error(fmt::format("'{}' is a directory", path));
  if (!S_ISREG(st.st_mode)) throw Error(fmt::format("'{}' is not a regular file", path));
  if (uint64_t(st.st_size) > max_bytes)
    throw Error(fmt::format("'{}' is {} bytes, more than the {} bytes allowed", path, st.st_size, max_bytes));
  std::vector<uint8_t> bytes(size_t(st.st_size));
  size_t got = 0;
  while (got < bytes.size()) {
    const ssize_t n = ::read(fd, bytes.data() + got, bytes.size() - got);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) throw Error(fmt::format("cannot read '{}': {}", path, std::strerror(errno)));
    if (n == 0) break;  // the file shrank while it was read
    got += size_t(n);
  }
  bytes.resize(got);
  return bytes;
}

}  // namespace cuarm
