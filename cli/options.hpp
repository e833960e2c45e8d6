// Checks that every cuarm command's options share.
#pragma once
#include <CLI/CLI.hpp>
#include <cuarm/cuarm.hpp>

#include <string>

namespace cuarm::cli {

// An unsigned number given with a sign ("-5"): CLI11 would wrap it to 2^64-5.
inline std::string refuse_negative(std::string& v) {
  const size_t first = v.find_first_not_of(" \t");
  return first < v.size() && v[first] == '-' ? "must not be negative" : "";
}
// A count that must be at least 1 (CLI::PositiveNumber names a 300-digit range when it fails).
inline std::string refuse_zero(std::string& v) {
  return v.find_first_not_of("0 \t") == std::string::npos ? "must be at least 1" : "";
}
inline const CLI::Validator kNotNegative{refuse_negative, "", "not negative"};
inline const CLI::Validator kAtLeastOne{refuse_zero, "", "at least 1"};

// --backend NAME, with the registry's names (auto, cpu, cuda).
inline CLI::Option* add_backend_option(CLI::App* app, std::string& backend) {
  std::string names;
  for (const auto& n : backend_names()) names += (names.empty() ? "" : " | ") + n;
  return app->add_option("--backend", backend, names)->check(CLI::IsMember(backend_names()));
}

}  // namespace cuarm::cli
