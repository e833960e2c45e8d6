#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test: a short run of each fuzzer
# (docs/fuzzing.md; its own sanitized clang build in build-fuzz/), `cmake --install` into a
# scratch prefix with programs built against it (scripts/install_check.sh), then CTest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
./scripts/fuzz.sh "${CUARM_FUZZ_SECONDS:-20}"
./scripts/install_check.sh build
ctest --test-dir build --output-on-failure -j "$(nproc)"
