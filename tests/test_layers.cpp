// The layers of docs/architecture.md, checked on the sources: core -> backend -> os -> api, each
// including only its own layer and those below (public headers <cuarm/...> are everyone's); the
// command, Python and the benchmark include only public headers; and one include style: project
// headers are named from src/ ("core/exec.hpp"), never with "../".
#include <filesystem>
#include <fstream>
#include <map>
#include <regex>

#include "support.hpp"

namespace cuarm::test {
namespace {

namespace fs = std::filesystem;

TEST(Layers, IncludesGoDownOnly) {
  const fs::path root = CUARM_SOURCE_DIR;
  const std::map<std::string, int> rank = {{"core", 0}, {"backend", 1}, {"os", 2}, {"api", 3}};
  const std::regex include(R"re(^\s*#\s*include\s+"([^"]+)")re");
  int files = 0;
  for (const char* top : {"src", "cli", "python/src", "bench"}) {
    for (const auto& e : fs::recursive_directory_iterator(root / top)) {
      const std::string ext = e.path().extension().string();
      if (!e.is_regular_file() || (ext != ".cpp" && ext != ".hpp" && ext != ".cu" && ext != ".cuh")) continue;
      ++files;
      const std::string rel = fs::relative(e.path(), root).string();
      // The layer of this file: src/<layer>/..., or -1 outside src/ (only public headers).
      int mine = -1;
      if (std::string(top) == "src") mine = rank.at(rel.substr(4, rel.find('/', 4) - 4));
      std::ifstream f(e.path());
      int line_no = 0;
      for (std::string line; std::getline(f, line);) {
        ++line_no;
        std::smatch m;
        if (!std::regex_search(line, m, include)) continue;
        const std::string inc = m[1];
        EXPECT_EQ(inc.rfind("../", 0), std::string::npos) << rel << ":" << line_no << " includes \"" << inc << "\": name it from src/";
        const std::string first = inc.substr(0, inc.find('/'));
        if (inc.find('/') == std::string::npos || !rank.count(first)) continue;  // same folder, or not a layer
        EXPECT_GE(mine, 0) << rel << ":" << line_no << " includes \"" << inc << "\": outside src/, use the public headers";
        if (mine >= 0) {
          EXPECT_LE(rank.at(first), mine) << rel << ":" << line_no << " includes \"" << inc << "\" (a layer above)";
        }
      }
    }
  }
  EXPECT_GT(files, 80);  // the walk found the sources
}

}  // namespace
}  // namespace cuarm::test
