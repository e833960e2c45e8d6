// The file sandbox: the guest sees host files only through --mount, paths cannot leave a mount
// (`..`, absolute and relative symlinks), read-only mounts refuse writes. Expected values are
// Linux's errnos for each case (ENOENT -2, ENOTDIR -20, ELOOP -40, EROFS -30, ...).
#include <cuarm/process.hpp>
#include <fcntl.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>

#include "os/sandbox.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

namespace fs = std::filesystem;
const std::string kDir = CUARM_OS_PROGRAMS_DIR;

std::string cuarm(const std::string& opts = "") {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return std::string(CUARM_CLI) + " --backend " + (b ? b : "cpu") + " " + opts + " ";
}

// A host directory: top/data (mounted) beside top/secret.txt (never mounted).
class Tree {
 public:
  Tree() {
    top_ = fs::path(::testing::TempDir()) / ("cuarm_os_files_" + std::to_string(getpid()) + "_" + std::to_string(++n_));
    fs::remove_all(top_);
    fs::create_directories(data() / "sub");
    write(top_ / "secret.txt", "secret\n");
    write(data() / "hello.txt", "hello, file\n");
    write(data() / "sub" / "inner.txt", "inner\n");
    fs::create_symlink("sub/inner.txt", data() / "link_in");
    fs::create_symlink("/etc/passwd", data() / "link_abs");
    fs::create_symlink("../../../../etc/passwd", data() / "link_up");
    fs::create_symlink("/", data() / "link_root");
    fs::create_symlink((top_ / "secret.txt").string(), data() / "link_host");
    fs::create_symlink("../secret.txt", data() / "link_sibling");
  }
  ~Tree() { fs::remove_all(top_); }
  fs::path data() const { return top_ / "data"; }
  fs::path top() const { return top_; }
  static void write(const fs::path& p, const std::string& s) { std::ofstream(p) << s; }

 private:
  fs::path top_;
  static inline int n_ = 0;
};

TEST(OsFiles, SandboxedFileCalls) {
  Tree t;
  const std::string d = t.data().string();
  const CommandResult r = run_command(cuarm("--mount " + d + ":/data --mount " + d + ":/ro:ro") + kDir + "/files /data /ro");
  EXPECT_EQ(r.status, 0) << r.err;
  const std::string expected =
      "read=hello, file|\n"
      "inner=inner|\n"
      "dotdot_inside=hello, file|\n"
      "link_in=inner|\n"
      "link_root=-2\n"            // link_root -> / is the guest's root: /etc/passwd is not mounted
      "link_root_back=hello, file|\n"
      "escape_dotdot=-2\n"        // /data/../../.. stops at the guest root
      "escape_abs_link=-2\n"
      "escape_rel_link=-2\n"
      "unmounted=-2\n"
      "nofile=-2\n"
      "notdir=-20\n"
      "nofollow=-40\n"            // O_NOFOLLOW on a symlink: ELOOP
      "readlink=/etc/passwd\n"
      "readlink_file=-22\n"
      "readlink_exe=1\n"
      "fd=3\n"
      "lseek=7\n"
      "after_seek=file\n"
      "pread=hello\n"
      "fstat=0\n"
      "fstat_size=12\n"
      "fstat_reg=1\n"
      "newfstatat=0\n"
      "stat_size=6\n"
      "lstat_link=1\n"
      "stat_empty_path=1\n"
      "statx=0\n"
      "statx_size=12\n"
      "stat_escape=-2\n"
      "tcgets_file=-25\n"
      "dup=4\n"
      "dup3=10\n"
      "fcntl_getfd=0\n"
      "close=0\n"
      "close_again=-9\n"
      "dup_read=file\n\n"
      "badfd_read=-9\n"
      "badfd_at=-9\n"
      "create=1\n"
      "writev=5\n"
      "created=abcd|\n"
      "rename=0\n"
      "rename_back=0\n"
      "rename_ro=-30\n"
      "rename_out=-18\n"         // /tmp is the guest's private /tmp: another file system
      "access_r=0\n"
      "unlink=0\n"
      "access_gone=-2\n"
      "mkdir=0\n"
      "mkdir_exists=-17\n"
      "rmdir=0\n"
      "ro_read=hello, file|\n"
      "ro_write=-30\n"
      "ro_create=-30\n"
      "ro_unlink=-30\n"
      "ro_access_w=-30\n"
      "ro_access_r=0\n"
      "dents=10\n"                // . .. hello.txt sub and six links
      "dents_hello=1\n"
      "dents_end=0\n"
      "getcwd=2\n"
      "cwd=/\n"
      "getcwd_small=-34\n"
      "chdir=0\n"
      "cwd=/data/sub\n"
      "relative=inner|\n"
      "relative_up=hello, file|\n"
      "relative_escape=-2\n"
      "chdir_file=-20\n"
      "chdir_root=0\n"
      "stat_root=1\n"
      "devnull=\n";
  EXPECT_EQ(r.out, expected);
  // The guest's writes happened in the mounted directory and were cleaned up by the guest.
  EXPECT_FALSE(fs::exists(t.data() / "new.txt"));
  EXPECT_FALSE(fs::exists(t.data() / "newdir"));
}

TEST(OsFiles, NothingOutsideTheMountsLeaks) {
  Tree t;
  const std::string d = t.data().string(), secret = (t.top() / "secret.txt").string();
  // Host paths that exist: invisible without a mount, and through symlinks out of a mount.
  CommandResult r = run_command(cuarm() + kDir + "/cat " + secret + " /etc/passwd /proc/self/maps / " + d + "/hello.txt");
  // (The root is cuarm's own empty directory: it opens, and reading it is EISDIR.)
  EXPECT_EQ(r.out, secret + ": -2\n/etc/passwd: -2\n/proc/self/maps: -2\n/: -21\n" + d + "/hello.txt: -2\n");
  r = run_command(cuarm("--mount " + d + ":/") + kDir + "/cat /hello.txt /../secret.txt /link_host /link_sibling /sub/../../secret.txt " +
                  secret);
  EXPECT_EQ(r.out, "/hello.txt: hello, file\n\n/../secret.txt: -2\n/link_host: -2\n/link_sibling: -2\n/sub/../../secret.txt: -2\n" +
                       secret + ": -2\n");
  // A mounted single file, read-only.
  r = run_command(cuarm("--mount " + secret + ":/etc/secret:ro") + kDir + "/cat /etc/secret /etc/passwd /etc");
  EXPECT_EQ(r.out, "/etc/secret: secret\n\n/etc/passwd: -2\n/etc: -21\n");
}

TEST(OsFiles, ApiMountsAndErrors) {
  Tree t;
  MachineOptions mo;
  mo.memory_size = 0;
  Machine m(mo);
  std::ifstream f(kDir + "/cat", std::ios::binary);
  const std::vector<uint8_t> image{std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  ProcessOptions o;
  o.argv = {"cat", "in/hello.txt", "/w/sub/inner.txt"};
  o.mounts = {parse_mount(t.data().string() + ":/w:ro"), Mount{t.data().string(), "/w/in", false}};
  o.cwd = "/w";
  std::string out;
  o.output = [&](int fd, const uint8_t* p, size_t n) {
    if (fd == 1) out.append(reinterpret_cast<const char*>(p), n);
  };
  Process p(m, image, o);
  EXPECT_EQ(p.run().exit_code, 0);
  EXPECT_EQ(out, "in/hello.txt: hello, file\n\n/w/sub/inner.txt: inner\n\n");

  EXPECT_THROW(parse_mount("nocolon"), Error);
  EXPECT_THROW(parse_mount("/tmp:relative"), Error);
  EXPECT_TRUE(parse_mount("/a:/b:ro").read_only);
  EXPECT_EQ(parse_mount("/a:b:/c").host, "/a:b");
  Machine m2(mo);
  o.mounts = {Mount{"/definitely/not/here", "/x", false}};
  EXPECT_THROW(Process(m2, image, o), Error);
}

TEST(OsFiles, SymlinkSwappedInAfterResolutionCannotEscape) {
  // The walk checks each component; a directory replaced by a symlink to the outside before
  // the open (a race) must make the open fail, not follow it out of the mount.
  Tree t;
  Tree::write(t.top() / "inner.txt", "outside\n");
  os::Sandbox sb({Mount{t.data().string(), "/d", false}});
  os::Sandbox::Resolved r;
  ASSERT_EQ(sb.resolve("/", "/d/sub/inner.txt", true, &r), 0);
  EXPECT_EQ(r.rel, "sub/inner.txt");
  int fd = sb.open(r, O_RDONLY, 0);
  ASSERT_GE(fd, 0);
  ::close(fd);
  fs::rename(t.data() / "sub", t.data() / "sub_real");
  fs::create_symlink(t.top(), t.data() / "sub");
  fd = sb.open(r, O_RDONLY, 0);
  EXPECT_LT(fd, 0);  // ELOOP from RESOLVE_NO_SYMLINKS
  if (fd >= 0) ::close(fd);
  // Resolving again follows the link as a guest path: /d/sub -> the host top dir is not a
  // guest path, so an absolute host target lands outside every mount (in the guest's own /tmp
  // when the host's temporary directory is under /tmp, else nowhere).
  const int e = sb.resolve("/", "/d/sub/inner.txt", true, &r);
  EXPECT_TRUE(e == ENOENT || (e == 0 && r.place != os::Sandbox::Place::Mount)) << e << " " << r.guest;
}

TEST(OsFiles, CliMountErrors) {
  CommandResult r = run_command(cuarm("--mount nocolon") + kDir + "/cat");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("HOST:GUEST"), std::string::npos) << r.err;
  r = run_command(cuarm("--mount /definitely/not/here:/x") + kDir + "/cat");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("/definitely/not/here"), std::string::npos) << r.err;
}

}  // namespace
}  // namespace cuarm::test
