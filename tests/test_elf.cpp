// ELF loading: a valid static image loads with its permissions; malformed ones give clear errors.
#include <elf.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <random>

#include "support.hpp"

namespace cuarm::test {
namespace {

std::vector<uint8_t> good_image() {
  std::ifstream f(std::string(CUARM_ASM_DIR) + "/branch.elf", std::ios::binary);
  return {std::istreambuf_iterator<char>(f), std::istreambuf_iterator<char>()};
}

std::unique_ptr<Machine> empty_machine() {
  MachineOptions o;
  o.memory_size = 0;
  o.backend = test_backend();
  return std::make_unique<Machine>(o);
}

Elf64_Ehdr& header(std::vector<uint8_t>& img) { return *reinterpret_cast<Elf64_Ehdr*>(img.data()); }
Elf64_Phdr& first_load(std::vector<uint8_t>& img) {
  auto& eh = header(img);
  for (int i = 0; i < eh.e_phnum; ++i) {
    auto& ph = *reinterpret_cast<Elf64_Phdr*>(img.data() + eh.e_phoff + i * sizeof(Elf64_Phdr));
    if (ph.p_type == PT_LOAD) return ph;
  }
  throw Error("no PT_LOAD");
}

// Expects load_elf to throw an Error whose message contains `what`.
void expect_error(std::vector<uint8_t> img, const std::string& what) {
  auto m = empty_machine();
  try {
    m->load_elf(img);
    ADD_FAILURE() << "no error; expected one mentioning '" << what << "'";
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find(what), std::string::npos) << e.what();
  }
}

TEST(Elf, LoadsSegmentsWithPermissionsAndEntry) {
  auto img = good_image();
  auto m = empty_machine();
  const ElfInfo info = m->load_elf(img);
  EXPECT_EQ(info.entry, 0x10000u);
  EXPECT_EQ(m->pc(), 0x10000u);
  // The snippet linker puts one R+X segment from address 0 (headers included) over the text.
  ASSERT_EQ(m->regions().size(), 1u);
  const RegionInfo text = m->regions().front();
  EXPECT_EQ(text.base, 0u);
  EXPECT_GT(text.base + text.size, 0x10000u);
  EXPECT_EQ(text.perms, uint32_t(PermRX));
  EXPECT_EQ(text.size % 4096, 0u);
}

TEST(Elf, TruncatedFiles) {
  const auto img = good_image();
  expect_error({}, "too short");
  expect_error(std::vector<uint8_t>(img.begin(), img.begin() + 40), "too short");
  expect_error(std::vector<uint8_t>(img.begin(), img.begin() + 70), "program headers");
  auto cut = img;
  cut.resize(first_load(cut).p_offset + first_load(cut).p_filesz - 8);
  expect_error(cut, "past the end");
}

TEST(Elf, CorruptHeaders) {
  auto img = good_image();
  auto bad = img;
  bad[0] = 'X';
  expect_error(bad, "magic");
  bad = img;
  header(bad).e_ident[EI_CLASS] = ELFCLASS32;
  expect_error(bad, "64-bit");
  bad = img;
  header(bad).e_machine = EM_X86_64;
  expect_error(bad, "AArch64");
  bad = img;
  header(bad).e_type = ET_REL;
  expect_error(bad, "type");
  bad = img;
  header(bad).e_phentsize = 12;
  expect_error(bad, "e_phentsize");
  bad = img;
  header(bad).e_phoff = 1ull << 40;
  expect_error(bad, "program headers");
}

TEST(Elf, BadSegments) {
  auto img = good_image();
  auto bad = img;
  first_load(bad).p_memsz = 1ull << 50;
  expect_error(bad, "too large");
  bad = img;
  first_load(bad).p_filesz = first_load(bad).p_memsz + 1;
  expect_error(bad, "p_filesz > p_memsz");
  bad = img;
  first_load(bad).p_vaddr = 0xfffffffffffff000ull;
  first_load(bad).p_memsz = 0x2000;
  first_load(bad).p_filesz = 0x10;
  expect_error(bad, "wraps");
  bad = img;
  first_load(bad).p_type = PT_INTERP;
  expect_error(bad, "dynamically linked");
}

TEST(Elf, BadEntryPoint) {
  auto bad = good_image();
  header(bad).e_entry = 0x12345678;
  expect_error(bad, "entry point");
  // Nothing was mapped by the failed load.
  auto m = empty_machine();
  try {
    m->load_elf(bad);
  } catch (const Error&) {
  }
  EXPECT_TRUE(m->regions().empty());
}

TEST(Elf, OverlapWithExistingMemoryIsAnError) {
  MachineOptions o;
  o.backend = test_backend();  // flat 4 MiB at 0 covers 0x10000
  Machine m(o);
  EXPECT_THROW(m.load_elf(good_image()), Error);
}

TEST(Elf, FuzzedHeadersNeverCrash) {
  // Random byte flips in the headers: each load either succeeds or throws cuarm::Error.
  const auto img = good_image();
  std::mt19937_64 rng(12345);
  int errors = 0;
  for (int i = 0; i < 2000; ++i) {
    auto bad = img;
    for (int k = 0; k < 4; ++k) bad[rng() % 256] = uint8_t(rng());
    auto m = empty_machine();
    try {
      m->load_elf(bad);
    } catch (const Error&) {
      ++errors;
    }
  }
  EXPECT_GT(errors, 0);
}

}  // namespace
}  // namespace cuarm::test
