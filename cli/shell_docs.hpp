// The man page and the bash/zsh completions, generated from the CLI11 definitions that --help
// prints (`cuarm --man`, `cuarm --completion bash|zsh`; the build writes and installs them).
#pragma once
#include <CLI/CLI.hpp>

#include <string>

namespace cuarm::cli {

std::string man_page(const CLI::App& app, const std::string& version);
std::string bash_completion(const CLI::App& app);
std::string zsh_completion(const CLI::App& app);

}  // namespace cuarm::cli
