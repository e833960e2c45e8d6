// NVRTC, loaded at run time (dlopen): cuarm runs without it, and the translated mode is then
// simply off. Host-only code; compiling needs no GPU.
#pragma once
#include <string>
#include <vector>

namespace cuarm::jit {

// Whether libnvrtc could be loaded; otherwise *why says what was tried.
bool nvrtc_available(std::string* why = nullptr);

// Compiles `source` (which includes headers under the core's source folder) to a cubin for
// compute capability `sm` (90 for H100/H200). Throws cuarm::Error with NVRTC's log on failure.
// The include folder is the source tree's src/ (compiled in), or $CUARM_JIT_INCLUDE.
std::vector<char> compile_cubin(const std::string& source, int sm);

}  // namespace cuarm::jit
