// NVRTC, loaded at run time (dlopen): cuarm runs without it, and the translated mode is then
// simply off. Host-only code; compiling needs no GPU.
#pragma once
#include <optional>
#include <string>
#include <vector>

namespace cuarm::jit {

// Whether libnvrtc could be loaded; otherwise *why says what was tried.
bool nvrtc_available(std::string* why = nullptr);

// Compiles `source` (which includes headers under the core's source folder) to a cubin for
// compute capability `sm` (90 for H100/H200). Throws cuarm::Error with NVRTC's log on failure.
// The include folder is the source tree's src/ (compiled in), or $CUARM_JIT_INCLUDE.
// Compiled cubins are kept on disk (see cubin_cache_dir) and reused by later processes: NVRTC
// takes seconds for a few hundred guest words. *from_cache (when given) says whether it was.
std::vector<char> compile_cubin(const std::string& source, int sm, bool* from_cache = nullptr);

// The disk cache's cubin of `source` for `sm`, without compiling: nullopt when it has none (or
// there is no cache, or no NVRTC).
std::optional<std::vector<char>> cached_cubin(const std::string& source, int sm);

// Where compiled translations are cached: $CUARM_JIT_CACHE, else $XDG_CACHE_HOME/cuarm/jit, else
// $HOME/.cache/cuarm/jit; "" (no caching) when CUARM_JIT_CACHE is "off" or "0", or no folder is
// known. An entry's name is a hash of the source, the options, the NVRTC version and every
// header under the include folder, so a changed core never reuses an old cubin.
std::string cubin_cache_dir();

}  // namespace cuarm::jit
