// qemu-aarch64's own command-line options, so that `cuarm` can stand in for it in scripts.
#pragma once
#include <set>
#include <string>
#include <vector>

namespace cuarm::cli {

// Rewrites the qemu-aarch64 options among `args` (the tokens after `run`, up to PROGRAM) into
// cuarm's: -cpu NAME, -strace, -0 ARGV0, -s SIZE, -L PATH, -version, -h/-help. The options qemu
// has and cuarm has not (-d, -g, -seed, ...) throw cuarm::Error naming them. cuarm's own options
// pass through; `value_options` names those that take a value (so that their value is not
// mistaken for PROGRAM). Tokens after PROGRAM belong to the guest and are never touched.
// *notes receives what the user should know (e.g. a -cpu other than the Cortex-A53).
std::vector<std::string> translate_qemu_options(const std::vector<std::string>& args,
                                                const std::set<std::string>& value_options,
                                                std::vector<std::string>* notes);

}  // namespace cuarm::cli
