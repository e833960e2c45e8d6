// libFuzzer harness for the ELF loader (src/os/elf_loader.cpp).
//
// Input: an ELF image. It is loaded twice:
//  1. by os::load_elf() onto a LoadTarget that maps nothing: it records the regions asked for
//     and checks them (page-aligned, no wrap, no overlap, known permissions, within the
//     loader's size cap), checks that every write lands inside them, that the returned ElfInfo
//     agrees with them, and that nothing was mapped when the image was refused;
//  2. when the image asks for little memory, as `cuarm run` loads it: cuarm::Process on a CPU
//     Machine with an empty address space, then a check that the Machine holds the bytes of
//     every segment, then a few hundred guest instructions (bare: an SVC just stops the run,
//     syscalls are fuzz_syscalls' business).
// cuarm::Error is the expected answer to a bad image. Any other exception, a failed check, a
// crash or a sanitizer report is a bug.
#include <cuarm/cuarm.hpp>
#include <cuarm/process.hpp>

#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "os/elf_loader.hpp"

namespace {

using namespace cuarm;

// The loader refuses segments above 16 GiB so that a corrupt header cannot make the host
// allocate terabytes (elf_loader.cpp, kMaxSegment); the whole image is held to the same bound.
constexpr uint64_t kMaxImage = 1ull << 34;
// Images asking for more than this are not mapped for real (ASan's allocator would be the limit).
constexpr uint64_t kRealLimit = 16ull << 20;

[[noreturn]] void bug(const char* what, uint64_t a = 0, uint64_t b = 0) {
  std::fprintf(stderr, "fuzz_elf: %s (0x%llx, 0x%llx)\n", what, (unsigned long long)a, (unsigned long long)b);
  std::abort();
}

struct Recorder {
  struct Map {
    uint64_t base, size;
    uint32_t perms;
  };
  struct Write {
    uint64_t address;
    std::span<const uint8_t> bytes;
  };
  std::vector<Map> maps;
  std::vector<Write> writes;
  uint64_t total = 0;

  os::LoadTarget target() {
    return {[this](uint64_t base, uint64_t size, uint32_t perms) {
              if (base % 4096 || size % 4096 || size == 0) bug("map: not whole pages", base, size);
              if (base + size < base) bug("map: wraps", base, size);
              if (perms & ~uint32_t(PermRWX)) bug("map: unknown permissions", perms);
              for (const auto& m : maps)
                if (base < m.base + m.size && m.base < base + size) bug("map: overlaps an earlier map", base, m.base);
              total += size;
              if (total > kMaxImage) bug("map: the image is larger than the loader's cap", total, kMaxImage);
              maps.push_back({base, size, perms});
            },
            [this](uint64_t address, std::span<const uint8_t> bytes) {
              if (bytes.empty()) bug("write: empty");
              if (address + bytes.size() < address) bug("write: wraps", address, bytes.size());
              // Inside the mapped regions (merged regions are one map: one region suffices).
              bool inside = false;
              for (const auto& m : maps)
                if (address >= m.base && address - m.base + bytes.size() <= m.size) inside = true;
              if (!inside) bug("write: outside the mapped regions", address, bytes.size());
              writes.push_back({address, bytes});
            }};
  }
};

void check_info(const Recorder& r, const ElfInfo& info) {
  if (r.maps.empty()) bug("loaded without mapping anything");
  uint64_t lo = ~0ull, hi = 0;
  bool entry_x = false;
  for (const auto& m : r.maps) {
    lo = std::min(lo, m.base), hi = std::max(hi, m.base + m.size);
    if (info.entry >= m.base && info.entry - m.base < m.size && (m.perms & PermX)) entry_x = true;
  }
  if (info.image_start != lo || info.image_end != hi) bug("ElfInfo: image bounds disagree with the maps", info.image_start, info.image_end);
  if (!entry_x) bug("ElfInfo: entry not in an executable map", info.entry);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  const std::span<const uint8_t> image(data, size);
  const uint64_t pie_base = 0x555555554000ull;

  // 1. The loader alone.
  Recorder rec;
  ElfInfo info;
  try {
    info = os::load_elf(rec.target(), image, pie_base);
  } catch (const Error&) {
    if (!rec.maps.empty()) bug("refused the image after mapping part of it", rec.maps.size());
    return 0;
  }
  check_info(rec, info);
  if (rec.total > kRealLimit) return 0;

  // 2. As `cuarm run` loads it.
  MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = BackendKind::Cpu;
  mo.deterministic = true;
  Machine m(mo);
  ProcessOptions po;
  po.argv = {"/fuzz"};
  po.deterministic = true;
  po.output = [](int, const uint8_t*, size_t) {};
  po.input = [](uint8_t*, size_t) -> int64_t { return 0; };
  po.stack_size = 64 << 10;
  po.brk_size = 64 << 10;
  po.mmap_size = 64 << 10;
  try {
    Process p(m, image, po);
    const ElfInfo& pi = p.elf();
    if (pi.entry != info.entry || pi.image_start != info.image_start || pi.image_end != info.image_end || pi.phdr != info.phdr)
      bug("Process and the loader disagree on the image", pi.entry, info.entry);
    if (m.pc() != info.entry) bug("pc is not the entry point", m.pc(), info.entry);
    // The Machine holds the loader's regions, and every segment's bytes.
    const auto regions = m.regions();
    for (const auto& mp : rec.maps) {
      bool found = false;
      for (const auto& r : regions) found |= r.base == mp.base && r.size == mp.size && r.perms == mp.perms;
      if (!found) bug("a map of the loader is not a region of the Machine", mp.base, mp.size);
    }
    for (const auto& w : rec.writes) {
      const auto back = m.read_memory(w.address, w.bytes.size());
      if (std::memcmp(back.data(), w.bytes.data(), back.size()) != 0) bug("segment bytes differ in the Machine", w.address);
    }
  } catch (const Error&) {
    return 0;  // the Machine or the process layout refused it (overlap with the stack, too many regions, ...)
  }
  // A few instructions of the image; an SVC stops the run (no Process::run: no syscalls serviced).
  (void)m.run(256);
  return 0;
}
