#!/usr/bin/env bash
# Installs what is missing, builds, and runs every test (CTest).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh
ctest --test-dir build --output-on-failure -j "$(nproc)"
# A short run of each fuzzer (docs/fuzzing.md): its own sanitized clang build in build-fuzz/.
./scripts/fuzz.sh "${CUARM_FUZZ_SECONDS:-20}"
