// Malformed and unusual ELF images through cuarm::Process and the `cuarm` command: clear
// errors, never a crash; a .bss-only segment whose file offset lies past the end is valid.
#include <cuarm/process.hpp>
#include <elf.h>
#include <unistd.h>

#include <fstream>
#include <iterator>
#include <random>

#include "support.hpp"

namespace cuarm::test {
namespace {

const std::string kProg = std::string(CUARM_OS_PROGRAMS_DIR) + "/proc_image";

std::vector<uint8_t> image() {
  std::ifstream f(kProg, std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}
Elf64_Ehdr& header(std::vector<uint8_t>& img) { return *reinterpret_cast<Elf64_Ehdr*>(img.data()); }
Elf64_Phdr& load(std::vector<uint8_t>& img, int n) {
  auto& eh = header(img);
  for (int i = 0; i < eh.e_phnum; ++i) {
    auto& ph = *reinterpret_cast<Elf64_Phdr*>(img.data() + eh.e_phoff + i * sizeof(Elf64_Phdr));
    if (ph.p_type == PT_LOAD && n-- == 0) return ph;
  }
  throw Error("no such PT_LOAD");
}

ProcessOptions quiet() {
  ProcessOptions o;
  o.argv = {"p"};
  o.output = [](int, const uint8_t*, size_t) {};
  o.deterministic = true;  // a fuzzed program's sleeps cost no host time
  return o;
}

std::string load_error(const std::vector<uint8_t>& img) {
  MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = BackendKind::Cpu;
  Machine m(mo);
  try {
    Process p(m, img, quiet());
  } catch (const Error& e) {
    return e.what();
  }
  return "";
}

TEST(OsElf, BssOnlySegmentPastTheFileEndIsValid) {
  auto img = image();
  // The linker gives the .bss-only segment a file offset beyond the file (filesz 0).
  ASSERT_EQ(load(img, 1).p_filesz, 0u);
  ASSERT_GT(load(img, 1).p_offset, img.size());
  EXPECT_EQ(load_error(img), "");
}

TEST(OsElf, OverlappingSegments) {
  auto img = image();
  load(img, 1).p_vaddr = load(img, 0).p_vaddr + 0x100;
  load(img, 1).p_paddr = load(img, 1).p_vaddr;
  EXPECT_NE(load_error(img).find("overlap"), std::string::npos) << load_error(img);
}

TEST(OsElf, SegmentsInTheProcessAreas) {
  // A segment where the stack goes: the error names the clash instead of corrupting memory.
  auto img = image();
  load(img, 1).p_vaddr = 0x0000ffffeff00000ull;
  EXPECT_NE(load_error(img).find("overlaps"), std::string::npos) << load_error(img);
}

TEST(OsElf, HugeAndBadEntry) {
  auto img = image();
  load(img, 1).p_memsz = 1ull << 45;
  EXPECT_NE(load_error(img).find("too large"), std::string::npos);
  img = image();
  header(img).e_entry = load(img, 1).p_vaddr;  // the RW .bss segment
  EXPECT_NE(load_error(img).find("entry point"), std::string::npos);
  img = image();
  header(img).e_phnum = 0xffff;
  EXPECT_NE(load_error(img).find("program headers"), std::string::npos);
}

TEST(OsElf, EmptySegmentWithFileBytes) {
  // p_memsz 0 with p_filesz > 0 (found by fuzz/fuzz_elf): refused like any p_filesz > p_memsz.
  // The segment was skipped by the checks but its bytes copied: past the end of the file, or
  // over another segment when the range lay inside one.
  auto img = image();
  load(img, 1).p_memsz = 0;
  load(img, 1).p_filesz = 1ull << 42;
  EXPECT_NE(load_error(img).find("p_filesz > p_memsz"), std::string::npos) << load_error(img);
  img = image();
  load(img, 1).p_vaddr = load(img, 0).p_vaddr;
  load(img, 1).p_offset = 0;
  load(img, 1).p_memsz = 0;
  load(img, 1).p_filesz = 64;
  EXPECT_NE(load_error(img).find("p_filesz > p_memsz"), std::string::npos) << load_error(img);
}

TEST(OsElf, SegmentsTooLargeTogether) {
  // Each segment within its cap (16 GiB; 256 MiB for code), together over 16 GiB (found by
  // fuzz/fuzz_elf: many segments each under the cap could ask for terabytes).
  auto img = image();
  load(img, 1).p_vaddr = 0x100000000000ull;
  load(img, 1).p_memsz = kMaxImageBytes;
  EXPECT_NE(load_error(img).find("the segments add up to more than"), std::string::npos) << load_error(img);
}

TEST(OsElf, CodeSegmentOverItsCap) {
  auto img = image();
  load(img, 0).p_memsz = kMaxCodeBytes + 4096;
  EXPECT_NE(load_error(img).find("executable segment"), std::string::npos) << load_error(img);
}

TEST(OsElf, CliReportsMalformedImages) {
  auto img = image();
  header(img).e_machine = EM_X86_64;
  const std::string path = ::testing::TempDir() + "cuarm_os_bad_" + std::to_string(getpid());
  std::ofstream(path, std::ios::binary).write(reinterpret_cast<const char*>(img.data()), std::streamsize(img.size()));
  const CommandResult r = run_command(std::string(CUARM_CLI) + " " + path);
  std::remove(path.c_str());
  EXPECT_EQ(r.status, 1);
  EXPECT_NE(r.err.find("cuarm: error: ELF: machine 62 is not AArch64"), std::string::npos) << r.err;
  const CommandResult missing = run_command(std::string(CUARM_CLI) + " /no/such/program");
  EXPECT_EQ(missing.status, 1);
  EXPECT_NE(missing.err.find("cannot open"), std::string::npos);
}

TEST(OsElf, FuzzedImagesLoadAndRunOrFailCleanly) {
  // Random bytes in the ELF and program headers: Process construction either throws Error or
  // gives a process that runs (for a bounded number of instructions) without crashing us.
  const auto good = image();
  std::mt19937_64 rng(4242);
  int errors = 0, ran = 0;
  for (int i = 0; i < 600; ++i) {
    auto bad = good;
    const size_t span = 64 + 56 * header(bad).e_phnum;
    for (int k = 0; k < 3; ++k) bad[rng() % span] = uint8_t(rng());
    MachineOptions mo;
    mo.memory_size = 0;
    mo.backend = BackendKind::Cpu;  // the loader is host code: no need to allocate GPU memory 600 times
    Machine m(mo);
    try {
      Process p(m, bad, quiet());
      p.run(20000);
      ++ran;
    } catch (const Error&) {
      ++errors;
    }
  }
  EXPECT_GT(errors, 0);
  EXPECT_GT(ran, 0);
}

}  // namespace
}  // namespace cuarm::test
