#!/usr/bin/env bash
# Installs the build (build/) into a scratch prefix with `cmake --install` and builds two
# consumers against it, as a user would: examples/cpp through find_package(cuarm CONFIG), and
# the same source through pkg-config; runs both, and the installed `cuarm --version`.
# Usage: scripts/install_check.sh [BUILD_DIR]   (scripts/test.sh runs it after the build)
set -euo pipefail
cd "$(dirname "$0")/.."
build=${1:-build}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
prefix=$work/prefix
cmake --install "$build" --prefix "$prefix" >"$work/install.log"
"$prefix/bin/cuarm" --version
# Self-contained: no libfmt, libcapstone or CUDA runtime library to find where it runs.
if ldd "$prefix/bin/cuarm" | grep -E "libfmt|libcapstone|libcudart"; then
  echo "install check: the installed cuarm needs the libraries above" >&2
  exit 1
fi
test -f "$prefix/share/cuarm/jit-include/core/config.hpp"
test -f "$prefix/share/cuarm/jit-include/backend/jit/prelude.hpp"
cmake -S examples/cpp -B "$work/example" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/example" >"$work/build.log"
"$work/example/sum_loop"
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" c++ examples/cpp/sum_loop.cpp -o "$work/sum_loop_pc" \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs cuarm)
"$work/sum_loop_pc"
echo "install check: passed (prefix layout, find_package(cuarm), pkg-config)"
