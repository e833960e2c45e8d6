#!/usr/bin/env bash
# Configures and builds cuarm into build/ (warnings are errors when CI is set).
set -euo pipefail
cd "$(dirname "$0")/.."
"$(dirname "$0")/deps.sh"
# nvcc is not on PATH by default on Debian's CUDA installs: let CMake find it.
[ -x /usr/local/cuda/bin/nvcc ] && export PATH="/usr/local/cuda/bin:$PATH"
werror=OFF
[ -n "${CI:-}" ] && werror=ON
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release -DCUARM_WERROR=$werror -DCUARM_CUDA=AUTO
cmake --build build
