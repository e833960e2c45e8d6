// `cuarm batch` end to end: raw programs and a small hand-made ELF in several lanes, per-lane
// inputs (--set lane forms, --regs-file, --input-file), the table, the CSV, exit statuses and
// clear errors. Expected values are computed here from the programs' meaning.
#include <elf.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include "support.hpp"

namespace cuarm::test {
namespace {

using Result = CommandResult;
Result sh(const std::string& cmd) { return run_command(cmd); }

std::string batch_cmd() {
  const char* b = std::getenv("CUARM_TEST_BACKEND");
  return std::string(CUARM_CLI) + " batch --backend " + (b ? b : "cpu") + " ";
}

// A temporary file named after the test process, removed when the test ends.
class TempFile {
 public:
  explicit TempFile(const std::string& name)
      : path_(::testing::TempDir() + "cuarm_cli_batch_" + std::to_string(getpid()) + "_" + name) {}
  ~TempFile() { std::remove(path_.c_str()); }
  const std::string& path() const { return path_; }
  const std::string& write(const std::string& bytes) const {
    std::ofstream(path_, std::ios::binary).write(bytes.data(), std::streamsize(bytes.size()));
    return path_;
  }
  std::string read() const {
    std::ifstream f(path_, std::ios::binary);
    return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
  }

 private:
  std::string path_;
};

std::string words(const std::vector<uint32_t>& ws) {
  std::string b;
  for (uint32_t w : ws)
    for (int i = 0; i < 4; ++i) b.push_back(char(w >> (8 * i)));
  return b;
}

constexpr uint64_t kCodeBase = 0x10000, kDataBase = 0x100000;

// The shared test programs (support.hpp): kCountedLoopWords stops at kCodeBase+16,
// kByteSumWords at kCodeBase+28.
const std::string kCountedLoop = words(kCountedLoopWords);
const std::string kByteSum = words(kByteSumWords);

// The ELF program (entry kElfEntry, data word at kElfData = 1000): adds the data word to x0,
// stores the sum back (private per lane), pushes and pops it through the stack into x1, reads
// argc of the start frame into x5, copies SP into x6, and stops at `svc #0` (exit) with x8 = 93.
constexpr uint64_t kElfCode = 0x400000, kElfEntry = kElfCode + 0xb0, kElfData = 0x410100;
const std::string kElfProgram = words({
    0xd2a00822,  // mov x2, #0x410000
    0xf9408043,  // ldr x3, [x2, #256]
    0x8b030000,  // add x0, x0, x3
    0xf9008040,  // str x0, [x2, #256]
    0xf81f0fe0,  // str x0, [sp, #-16]!
    0xf84107e1,  // ldr x1, [sp], #16
    0xf94003e5,  // ldr x5, [sp]
    0x910003e6,  // mov x6, sp
    0xd2800ba8,  // mov x8, #93
    0xd4000001,  // svc #0
});
constexpr uint64_t kElfInsns = 10;

// A static ELF: ehdr and two program headers, code right after them, the data word at file
// offset 0x100. rwx: one segment holding everything, readable, writable and executable.
std::string make_elf(bool rwx) {
  Elf64_Ehdr eh{};
  std::memcpy(eh.e_ident, ELFMAG, SELFMAG);
  eh.e_ident[EI_CLASS] = ELFCLASS64;
  eh.e_ident[EI_DATA] = ELFDATA2LSB;
  eh.e_ident[EI_VERSION] = EV_CURRENT;
  eh.e_type = ET_EXEC;
  eh.e_machine = EM_AARCH64;
  eh.e_version = EV_CURRENT;
  eh.e_entry = kElfEntry;
  eh.e_phoff = sizeof eh;
  eh.e_ehsize = sizeof eh;
  eh.e_phentsize = sizeof(Elf64_Phdr);
  eh.e_phnum = rwx ? 1 : 2;
  std::string file(0x108, '\0');
  Elf64_Phdr text{};
  text.p_type = PT_LOAD;
  text.p_flags = rwx ? (PF_R | PF_W | PF_X) : (PF_R | PF_X);
  text.p_vaddr = text.p_paddr = kElfCode;
  text.p_filesz = text.p_memsz = rwx ? file.size() : 0xb0 + kElfProgram.size();
  text.p_align = 0x1000;
  Elf64_Phdr data{};
  data.p_type = PT_LOAD;
  data.p_flags = PF_R | PF_W;
  data.p_offset = 0x100;
  data.p_vaddr = data.p_paddr = kElfData;
  data.p_filesz = data.p_memsz = 8;
  data.p_align = 0x1000;
  std::memcpy(file.data(), &eh, sizeof eh);
  std::memcpy(file.data() + sizeof eh, &text, sizeof text);
  std::memcpy(file.data() + sizeof eh + sizeof text, &data, sizeof data);
  std::memcpy(file.data() + 0xb0, kElfProgram.data(), kElfProgram.size());
  const uint64_t word = 1000;
  std::memcpy(file.data() + 0x100, &word, 8);
  return file;
}

// The table's rows (header first), split on whitespace; the "..." line is left out.
std::vector<std::vector<std::string>> table(const std::string& out) {
  std::vector<std::vector<std::string>> rows;
  std::istringstream in(out);
  std::string line;
  while (std::getline(in, line)) {
    if (line.rfind("...", 0) == 0) continue;
    std::istringstream ls(line);
    std::vector<std::string> cells;
    for (std::string c; ls >> c;) cells.push_back(c);
    rows.push_back(cells);
  }
  return rows;
}

std::string hex(uint64_t v) {
  char b[32];
  std::snprintf(b, sizeof b, "0x%llx", static_cast<unsigned long long>(v));
  return b;
}

TEST(CliBatch, HelpDescribesTheCommand) {
  const Result r = sh(std::string(CUARM_CLI) + " batch --help");
  EXPECT_EQ(r.status, 0);
  for (const char* s : {"--lanes", "--set", "--regs-file", "--input-file", "--stack-size", "--summary-lanes", "--csv",
                        "--expect", "Exit status", "SYSCALL"})
    EXPECT_NE(r.out.find(s), std::string::npos) << s;
}

TEST(CliBatch, CountedLoopWithLaneForms) {
  TempFile bin("loop.bin");
  bin.write(kCountedLoop);
  constexpr uint64_t kLanes = 20;
  // x0 = lane*3+2 iterations; x1 starts at lane+5 (so it ends at 4*lane+7); x5 = 0x10 everywhere.
  const Result r = sh(batch_cmd() + "--lanes 20 --raw --base 0x10000 --set x0=lane*3+2 --set x1=lane+5 --set x5=0x10 "
                                    "--show x0,x1,x5 " + bin.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 1u + 16u) << r.out;  // header and the default 16 lanes
  EXPECT_EQ(rows[0], (std::vector<std::string>{"lane", "stop", "instructions", "pc", "x0", "x1", "x5"}));
  for (uint64_t l = 0; l < 16; ++l) {
    const uint64_t n = 3 * l + 2;
    EXPECT_EQ(rows[1 + l], (std::vector<std::string>{std::to_string(l), "HALT", std::to_string(3 * n + 1),
                                                     hex(kCodeBase + 16), "0", std::to_string(n + l + 5), "16"}))
        << r.out;
  }
  EXPECT_NE(r.out.find("... (4 more lanes"), std::string::npos) << r.out;
  uint64_t total = 0;
  for (uint64_t l = 0; l < kLanes; ++l) total += 3 * (3 * l + 2) + 1;
  EXPECT_NE(r.err.find("20 lanes: 20 HALT; " + std::to_string(total) + " instructions"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("backend "), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("bytes per lane"), std::string::npos) << r.err;
}

TEST(CliBatch, CsvHasEveryLane) {
  TempFile bin("csv_loop.bin"), csv("out.csv");
  bin.write(kCountedLoop);
  // x0 = lane-style form without a multiplier, x1 = lane*K; every lane in the CSV, 2 table rows.
  const Result r = sh(batch_cmd() + "--lanes 37 --raw --base 0x10000 --set x0=lane --set x1=lane*0x100 --show x1 "
                                    "--summary-lanes 2 --csv " + csv.path() + " " + bin.path());
  ASSERT_EQ(r.status, 0) << r.err;
  EXPECT_EQ(table(r.out).size(), 3u) << r.out;
  std::string expect = "lane,signal,cycles,pc,x1\n";
  for (uint64_t l = 0; l < 37; ++l)
    expect += std::to_string(l) + ",HALT," + std::to_string(l ? 3 * l + 1 : 1) + "," + hex(kCodeBase + 16) + "," +
              std::to_string(l * 0x100 + l) + "\n";
  EXPECT_EQ(csv.read(), expect);
  // '-' writes the CSV to stdout instead of the table.
  const Result s = sh(batch_cmd() + "--lanes 37 --raw --base 0x10000 --set x0=lane --set x1=lane*0x100 --show x1 "
                                    "--csv - " + bin.path());
  ASSERT_EQ(s.status, 0) << s.err;
  EXPECT_EQ(s.out, expect);
}

TEST(CliBatch, RegsFileOverridesSet) {
  TempFile bin("regs_loop.bin"), regs("regs.txt");
  bin.write(kCountedLoop);
  // Lane 2's line is empty: it keeps --set x7=5 and x0 = 0.
  regs.write("x0=3 x7=0x10\nx0=0\n\n  x7=-1\tx0=0x20  \nx0=100\n");
  const Result r = sh(batch_cmd() + "--lanes 5 --raw --base 0x10000 --set x7=5 --regs-file " + regs.path() +
                      " --show x1,x7 " + bin.path());
  ASSERT_EQ(r.status, 0) << r.err;
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 6u) << r.out;
  const uint64_t n[5] = {3, 0, 0, 0x20, 100};
  const std::string x7[5] = {"16", "5", "5", "18446744073709551615", "5"};
  for (uint64_t l = 0; l < 5; ++l)
    EXPECT_EQ(rows[1 + l], (std::vector<std::string>{std::to_string(l), "HALT", std::to_string(n[l] ? 3 * n[l] + 1 : 1),
                                                     hex(kCodeBase + 16), std::to_string(n[l]), x7[l]}))
        << r.out;
}

TEST(CliBatch, InputFileGivesEachLaneItsBytes) {
  TempFile bin("sum.bin"), input("input.bin"), csv("sum.csv");
  bin.write(kByteSum);
  constexpr uint64_t kLanes = 40, kStride = 64;
  std::string bytes(kLanes * kStride, '\0');
  for (size_t i = 0; i < bytes.size(); ++i) bytes[i] = char(uint8_t(i * 31 + 7));
  input.write(bytes);
  // Lane l sums its first l+1 bytes (at 0x100008) and stores the sum at 0x100000.
  const Result r = sh(batch_cmd() + "--lanes 40 --raw --base 0x10000 --data 0x100000:0x2000 --input-file " +
                      input.path() + " --input-addr 0x100008 --input-stride 64 --set x0=lane+1 --set x2=0x100008 "
                      "--set x4=0x100000 --show x1,x2 --csv " + csv.path() + " " + bin.path());
  ASSERT_EQ(r.status, 0) << r.err;
  std::string expect = "lane,signal,cycles,pc,x1,x2\n";
  for (uint64_t l = 0; l < kLanes; ++l) {
    uint64_t sum = 0;
    for (uint64_t k = 0; k <= l; ++k) sum += uint8_t(bytes[l * kStride + k]);
    expect += std::to_string(l) + ",HALT," + std::to_string(3 + 4 * (l + 1)) + "," + hex(kCodeBase + 28) + "," +
              std::to_string(sum) + "," + std::to_string(kDataBase + 8 + l + 1) + "\n";
  }
  EXPECT_EQ(csv.read(), expect);
}

TEST(CliBatch, ElfStopsAtItsSyscallWithAStack) {
  TempFile elf("prog.elf");
  elf.write(make_elf(false));
  const std::string args = "--lanes 6 --set x0=lane*7 --show x0,x1,x5,x6 ";
  // Default expectation HALT: every lane stopped with SYSCALL instead, so status 2.
  const Result r = sh(batch_cmd() + args + elf.path());
  EXPECT_EQ(r.status, 2) << r.err;
  EXPECT_NE(r.err.find("6 lanes did not stop with HALT; first: lane 0: SYSCALL"), std::string::npos) << r.err;
  const auto rows = table(r.out);
  ASSERT_EQ(rows.size(), 7u) << r.out;
  EXPECT_EQ(rows[0].back(), "detail");
  for (uint64_t l = 0; l < 6; ++l) {
    const std::string v = std::to_string(7 * l + 1000);
    EXPECT_EQ(rows[1 + l], (std::vector<std::string>{std::to_string(l), "SYSCALL", std::to_string(kElfInsns),
                                                     hex(kElfEntry + 4 * kElfInsns), v, v, "0",
                                                     std::to_string(0x7fff0000 - 32), "x8=93"}))
        << r.out;
  }
  const Result ok = sh(batch_cmd() + args + "--expect syscall " + elf.path());
  EXPECT_EQ(ok.status, 0) << ok.err;
  EXPECT_EQ(ok.out, r.out);
}

TEST(CliBatch, ExitStatusFollowsExpect) {
  TempFile bin("exp_sum.bin"), regs("exp_regs.txt");
  bin.write(kByteSum);
  // Lane 3 stores to unmapped memory; the others halt.
  regs.write("x4=0x100000\nx4=0x100000\nx4=0x100000\nx4=0xdead0000\n");
  const std::string cmd = batch_cmd() + "--lanes 4 --raw --base 0x10000 --data 0x100000:0x1000 --regs-file " +
                          regs.path() + " ";
  const Result r = sh(cmd + bin.path());
  EXPECT_EQ(r.status, 2);
  EXPECT_NE(r.err.find("3 HALT, 1 FAULT"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("1 lane did not stop with HALT; first: lane 3: FAULT at pc=" + hex(kCodeBase + 24) +
                       " (write of 0xdead0000)"),
            std::string::npos)
      << r.err;
  EXPECT_NE(r.out.find("write of 0xdead0000"), std::string::npos) << r.out;
  EXPECT_EQ(sh(cmd + "--expect HALT,FAULT " + bin.path()).status, 0);

  // --max-cycles: each lane stops after exactly that many instructions: cbz, 333 iterations and
  // one more add, so x1 = 334 and pc = the subs (0x10008).
  TempFile loop("exp_loop.bin");
  loop.write(kCountedLoop);
  const Result m = sh(batch_cmd() + "--lanes 3 --raw --base 0x10000 --set x0=1000000 --max-cycles 1001 "
                                    "--expect MAX_CYCLES --show x1 --csv - " + loop.path());
  EXPECT_EQ(m.status, 0) << m.err;
  EXPECT_EQ(m.out, "lane,signal,cycles,pc,x1\n0,MAX_CYCLES,1001,0x10008,334\n1,MAX_CYCLES,1001,0x10008,334\n"
                   "2,MAX_CYCLES,1001,0x10008,334\n");
}

TEST(CliBatch, BadSetSyntaxIsAnError) {
  TempFile bin("bad_set.bin");
  bin.write(kCountedLoop);
  for (const char* bad : {"x0=lane*", "x31=1", "x0=lane*3+", "x0=12abc", "y0=1", "x0=lane**2", "x0", "x0=lane^2",
                          "x0=lane*3+2+1", "x05=1", "x0=", "x0=lane+-1", "x0=0x", "x0=99999999999999999999"}) {
    const Result r = sh(batch_cmd() + "--lanes 2 --raw --base 0x10000 --set '" + bad + "' " + bin.path());
    EXPECT_EQ(r.status, 1) << bad;
    EXPECT_NE(r.err.find(std::string("cuarm: error: --set '") + bad + "'"), std::string::npos) << r.err;
    EXPECT_NE(r.err.find("expected xN=VALUE"), std::string::npos) << r.err;
  }
}

TEST(CliBatch, InputErrorsAreClear) {
  TempFile bin("err.bin"), regs("err_regs.txt"), input("err_input.bin");
  bin.write(kByteSum);
  const std::string raw = batch_cmd() + "--lanes 5 --raw --base 0x10000 --data 0x100000:0x1000 ";

  regs.write("x0=1\nx0=2\nx0=3\nx0=4\n");  // 4 lines for 5 lanes
  Result r = sh(raw + "--regs-file " + regs.path() + " " + bin.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("4 lines, expected one per lane (5 lanes)"), std::string::npos) << r.err;

  regs.write("x0=1\nx0=2\nx0=3\nx0=4\nx0 = 5\n");
  r = sh(raw + "--regs-file " + regs.path() + " " + bin.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("line 5: 'x0' is not xN=VALUE"), std::string::npos) << r.err;

  input.write(std::string(5 * 16 - 1, 'a'));
  r = sh(raw + "--input-file " + input.path() + " --input-addr 0x100000 --input-stride 16 " + bin.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("79 bytes, expected --lanes x --input-stride = 5 x 16 = 80 bytes"), std::string::npos) << r.err;

  input.write(std::string(5 * 16, 'a'));  // the right size, but at the (shared, read-only) code
  r = sh(raw + "--input-file " + input.path() + " --input-addr 0x10000 --input-stride 16 " + bin.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--input-file at --input-addr 0x10000"), std::string::npos) << r.err;

  r = sh(raw + "--data 0x100000:0x1000 " + bin.path());  // the same region twice
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("overlaps"), std::string::npos) << r.err;

  r = sh(batch_cmd() + "--lanes 2 --base 0x10000 " + bin.path());  // --base without --raw
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("--raw"), std::string::npos) << r.err;

  r = sh(batch_cmd() + "--lanes 2 /nonexistent/program");
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cannot open"), std::string::npos) << r.err;

  r = sh(batch_cmd() + bin.path());  // --lanes missing: CLI11's own message and status
  EXPECT_NE(r.status, 0);
  EXPECT_NE(r.err.find("--lanes"), std::string::npos) << r.err;
}

TEST(CliBatch, WritableExecutableElfIsRefused) {
  TempFile elf("rwx.elf");
  elf.write(make_elf(true));
  const Result r = sh(batch_cmd() + "--lanes 2 " + elf.path());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cuarm: error: program '" + elf.path() + "'"), std::string::npos) << r.err;
  EXPECT_NE(r.err.find("writable and executable"), std::string::npos) << r.err;
  EXPECT_EQ(r.out, "");
}

}  // namespace
}  // namespace cuarm::test
