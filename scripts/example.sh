#!/usr/bin/env bash
# Installs what is missing, builds, and runs the bundled example program on the best backend
# (the GPU when one is present and the CUDA backend is built, the CPU otherwise).
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
exec ./build/cuarm run --stats --backend auto build/examples/collatz "$@"
