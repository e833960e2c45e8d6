// The syscall table (src/os/syscalls.cpp): its numbers are the kernel's for AArch64, and
// docs/os.md lists exactly it. CUARM_UPDATE_DOCS=1 rewrites the list in docs/os.md from the table.
#include <cctype>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <map>
#include <regex>
#include <sstream>

#include "os/process_state.hpp"
#include "support.hpp"

namespace cuarm::test {
namespace {

const char* kBegin = "<!-- syscall table: made from src/os/syscalls.cpp (CUARM_UPDATE_DOCS=1 cuarm_tests --gtest_filter=OsTable.*) -->\n";
const char* kEnd = "<!-- end of syscall table -->\n";

TEST(OsTable, NumbersAreTheKernels) {
  // AArch64 has the generic numbers: asm-generic/unistd.h of the cross toolchain's headers.
  std::ifstream f("/usr/aarch64-linux-gnu/include/asm-generic/unistd.h");
  if (!f) GTEST_SKIP() << "no /usr/aarch64-linux-gnu/include/asm-generic/unistd.h (libc6-dev-arm64-cross)";
  std::map<std::string, std::string> defs;
  const std::regex def(R"(^#define (__NR(?:3264)?_\w+)\s+(\w+))");
  for (std::string line; std::getline(f, line);) {
    std::smatch m;
    if (std::regex_search(line, m, def)) defs[m[1]] = m[2];
  }
  auto value = [&](std::string name) -> long {
    for (int hops = 0; hops < 4 && defs.count(name); ++hops) {
      const std::string v = defs[name];
      if (std::isdigit(static_cast<unsigned char>(v[0]))) return std::stol(v);
      name = v;
    }
    return -1;
  };
  const auto list = os::syscall_list();
  ASSERT_GT(list.size(), 70u);
  for (const auto& e : list) {
    std::string name = e.name;
    long nr = value("__NR_" + name);
    if (nr < 0 && name == "newfstatat") nr = value("__NR3264_fstatat");
    if (nr < 0) nr = value("__NR3264_" + name);
    EXPECT_EQ(nr, e.nr) << name;
  }
}

TEST(OsTable, DocsListTheTable) {
  const std::string path = std::string(CUARM_SOURCE_DIR) + "/docs/os.md";
  std::ifstream f(path);
  ASSERT_TRUE(f) << path;
  std::stringstream ss;
  ss << f.rdbuf();
  std::string doc = ss.str();
  const size_t b = doc.find(kBegin), e = doc.find(kEnd);
  ASSERT_NE(b, std::string::npos) << "docs/os.md has no line " << kBegin;
  ASSERT_NE(e, std::string::npos) << "docs/os.md has no line " << kEnd;
  const std::string listed = doc.substr(b + std::strlen(kBegin), e - b - std::strlen(kBegin));
  const std::string table = os::syscall_table_markdown();
  if (listed != table && std::getenv("CUARM_UPDATE_DOCS")) {
    doc.replace(b + std::strlen(kBegin), listed.size(), table);
    std::ofstream(path) << doc;
    return;
  }
  EXPECT_EQ(listed, table) << "run CUARM_UPDATE_DOCS=1 build/tests/cuarm_tests --gtest_filter=OsTable.* to update docs/os.md";
}

}  // namespace
}  // namespace cuarm::test
