// Static AArch64 ELF loading onto a Machine (host side, any backend).
#pragma once
#include <cuarm/cuarm.hpp>

namespace cuarm::os {

// Validates the image and maps its PT_LOAD segments with their permissions. Throws cuarm::Error
// with a message naming what is wrong for truncated, corrupt or unsupported images.
ElfInfo load_elf(Machine& m, std::span<const uint8_t> image, uint64_t pie_base);

}  // namespace cuarm::os
