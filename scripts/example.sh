#!/usr/bin/env bash
# Installs what is missing, builds, and runs the bundled example program with --backend auto
# (one guest: the CPU; README "Choosing a backend"). Arguments go to the guest.
set -euo pipefail
cd "$(dirname "$0")/.."
./scripts/build.sh >/dev/null
exec ./build/cuarm run --stats --backend auto build/examples/collatz "$@"
