#include "support.hpp"

namespace cuarm::test {
namespace {

const Snippets& snippets() {
  static Snippets s("branch");
  return s;
}

TEST(Branch, BForwardSkips) { EXPECT_EQ(snippets().run("t_b_forward")->x(0), 1u); }

TEST(Branch, BlAndRet) {
  auto m = snippets().run("t_bl_ret");
  EXPECT_EQ(m->x(0), 11u);
  EXPECT_EQ(m->x(30), snippets().symbol("t_bl_ret") + 8);
}

TEST(Branch, Cbz) {
  EXPECT_EQ(snippets().run("t_cbz", {{1, 0}})->x(0), 1u);
  EXPECT_EQ(snippets().run("t_cbz", {{1, 1ull << 40}})->x(0), 2u);
}

}  // namespace
}  // namespace cuarm::test
