#include "elf_loader.hpp"

#include <elf.h>
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <vector>

namespace cuarm::os {
namespace {

constexpr uint64_t kPage = 4096;
// Refuse segments larger than this: a corrupt header must not make us allocate terabytes.
// Memory is reserved lazily (a .bss costs what the guest touches), but the caps hold first:
// one segment, and all of them together (up to 65535 program headers), at most kMaxImageBytes.
constexpr uint64_t kMaxSegment = kMaxImageBytes;

struct Span {
  uint64_t start, end;
  uint32_t perms;
};

uint32_t perms_of(uint32_t p_flags) {
  return ((p_flags & PF_R) ? uint32_t(PermR) : 0u) | ((p_flags & PF_W) ? uint32_t(PermW) : 0u) | ((p_flags & PF_X) ? uint32_t(PermX) : 0u);
}

}  // namespace

ElfInfo load_elf(const LoadTarget& m, std::span<const uint8_t> image, uint64_t pie_base) {
  if (image.size() < sizeof(Elf64_Ehdr)) throw Error(fmt::format("ELF: file is {} bytes, too short for an ELF header", image.size()));
  Elf64_Ehdr eh;
  std::memcpy(&eh, image.data(), sizeof eh);
  if (std::memcmp(eh.e_ident, ELFMAG, SELFMAG) != 0) throw Error("ELF: bad magic (not an ELF file)");
  if (eh.e_ident[EI_CLASS] != ELFCLASS64) throw Error("ELF: not a 64-bit ELF (ELFCLASS64 expected)");
  if (eh.e_ident[EI_DATA] != ELFDATA2LSB) throw Error("ELF: not little-endian");
  if (eh.e_machine != EM_AARCH64) throw Error(fmt::format("ELF: machine {} is not AArch64 ({})", eh.e_machine, EM_AARCH64));
  if (eh.e_type != ET_EXEC && eh.e_type != ET_DYN) throw Error(fmt::format("ELF: type {} is not an executable (ET_EXEC or ET_DYN)", eh.e_type));
  if (eh.e_phentsize != sizeof(Elf64_Phdr)) throw Error(fmt::format("ELF: e_phentsize {} (expected {})", eh.e_phentsize, sizeof(Elf64_Phdr)));
  if (eh.e_phnum == 0) throw Error("ELF: no program headers");
  if (eh.e_phoff > image.size() || uint64_t(eh.e_phnum) * sizeof(Elf64_Phdr) > image.size() - eh.e_phoff)
    throw Error("ELF: program headers lie outside the file (truncated?)");

  std::vector<Elf64_Phdr> ph(eh.e_phnum);
  std::memcpy(ph.data(), image.data() + eh.e_phoff, ph.size() * sizeof(Elf64_Phdr));

  const uint64_t bias = eh.e_type == ET_DYN ? pie_base : 0;
  std::vector<Span> spans, bytes;
  ElfInfo info;
  info.load_bias = bias;
  info.phent = eh.e_phentsize;
  info.phnum = eh.e_phnum;
  bool any = false;
  uint64_t total = 0;  // p_memsz of every PT_LOAD so far
  for (const auto& p : ph) {
    if (p.p_type == PT_INTERP) throw Error("ELF: dynamically linked (PT_INTERP); only static programs are supported");
    if (p.p_type == PT_PHDR) info.phdr = p.p_vaddr + bias;
    if (p.p_type != PT_LOAD) continue;
    // Before the p_memsz == 0 skip: the loop that copies the bytes skips on p_filesz == 0 only.
    if (p.p_filesz > p.p_memsz) throw Error(fmt::format("ELF: segment at 0x{:x} has p_filesz > p_memsz", p.p_vaddr));
    if (p.p_memsz == 0) continue;
    // A segment with nothing in the file (.bss only) may name any offset, as Linux accepts.
    if (p.p_filesz > 0 && (p.p_offset > image.size() || p.p_filesz > image.size() - p.p_offset))
      throw Error(fmt::format("ELF: segment at 0x{:x} extends past the end of the file (truncated?)", p.p_vaddr));
    if (p.p_memsz > kMaxSegment) throw Error(fmt::format("ELF: segment at 0x{:x} is too large (0x{:x} bytes)", p.p_vaddr, p.p_memsz));
    // Code is decoded ahead (8 bytes of decode cache a word in a batch): a tighter cap.
    if ((p.p_flags & PF_X) && p.p_memsz > kMaxCodeBytes)
      throw Error(fmt::format("ELF: executable segment at 0x{:x} is too large (0x{:x} bytes; at most 0x{:x})", p.p_vaddr,
                              p.p_memsz, kMaxCodeBytes));
    total += p.p_memsz;
    if (total > kMaxImageBytes)
      throw Error(fmt::format("ELF: the segments add up to more than 0x{:x} bytes", kMaxImageBytes));
    const uint64_t va = p.p_vaddr + bias;
    if (va + p.p_memsz < va || va + p.p_memsz + kPage < va) throw Error(fmt::format("ELF: segment at 0x{:x} wraps the address space", va));
    spans.push_back({va & ~(kPage - 1), (va + p.p_memsz + kPage - 1) & ~(kPage - 1), perms_of(p.p_flags)});
    bytes.push_back({va, va + p.p_memsz, 0});
    if (!info.phdr && eh.e_phoff >= p.p_offset && eh.e_phoff - p.p_offset < p.p_filesz)
      info.phdr = va + (eh.e_phoff - p.p_offset);
    any = true;
  }
  if (!any) throw Error("ELF: no loadable segments");

  // Segments may share a page but not bytes: one would silently overwrite the other.
  std::sort(bytes.begin(), bytes.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  for (size_t i = 1; i < bytes.size(); ++i)
    if (bytes[i].start < bytes[i - 1].end)
      throw Error(fmt::format("ELF: segments at 0x{:x} and 0x{:x} overlap", bytes[i - 1].start, bytes[i].start));
  // Segments sharing a page get one region with the union of their permissions.
  std::sort(spans.begin(), spans.end(), [](const Span& a, const Span& b) { return a.start < b.start; });
  std::vector<Span> merged;
  for (const auto& s : spans) {
    if (!merged.empty() && s.start < merged.back().end) {
      merged.back().end = std::max(merged.back().end, s.end);
      merged.back().perms |= s.perms;
    } else {
      merged.push_back(s);
    }
  }
  info.entry = eh.e_entry + bias;
  info.image_start = merged.front().start;
  info.image_end = merged.back().end;
  bool entry_ok = false;
  for (const auto& s : merged)
    if (info.entry >= s.start && info.entry < s.end && (s.perms & PermX)) entry_ok = true;
  if (!entry_ok) throw Error(fmt::format("ELF: entry point 0x{:x} is not in an executable segment", info.entry));
  for (const auto& s : merged) m.map(s.start, s.end - s.start, s.perms);
  for (const auto& p : ph) {
    if (p.p_type != PT_LOAD || p.p_filesz == 0) continue;
    m.write(p.p_vaddr + bias, image.subspan(p.p_offset, p.p_filesz));
  }
  return info;
}

ElfInfo load_elf(Machine& m, std::span<const uint8_t> image, uint64_t pie_base) {
  return load_elf(LoadTarget{[&](uint64_t b, uint64_t s, uint32_t p) { m.map(b, s, p); },
                             [&](uint64_t a, std::span<const uint8_t> bytes) { m.write_memory(a, bytes); }},
                  image, pie_base);
}

}  // namespace cuarm::os
