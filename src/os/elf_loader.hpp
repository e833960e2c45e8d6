// Static AArch64 ELF loading onto a Machine (host side, any backend).
#pragma once
#include <cuarm/cuarm.hpp>

#include <functional>

namespace cuarm::os {

// Where segments go: a Machine, or a Batch's shared image.
struct LoadTarget {
  std::function<void(uint64_t base, uint64_t size, uint32_t perms)> map;
  std::function<void(uint64_t address, std::span<const uint8_t> bytes)> write;
};

// Validates the image and maps its PT_LOAD segments with their permissions. Throws cuarm::Error
// with a message naming what is wrong for truncated, corrupt or unsupported images; nothing is
// mapped unless the whole image is valid.
ElfInfo load_elf(const LoadTarget& target, std::span<const uint8_t> image, uint64_t pie_base);
ElfInfo load_elf(Machine& m, std::span<const uint8_t> image, uint64_t pie_base);

}  // namespace cuarm::os
