#!/usr/bin/env bash
# Packs what scripts/device_check.sh needs on the GPU machine into .gpupack/pack.tar.xz (the
# device tool carries at most 64 MiB; the corpus binaries alone are ~250 MB unpacked): the test
# binary with its snippets and corpus programs, the cuarm command, the benchmark, the examples,
# the shared libraries they link (there is no apt on that machine) and a static qemu-aarch64,
# the oracle of the program tests. Run after ./scripts/build.sh; then carry [".gpupack"].
set -euo pipefail
cd "$(dirname "$0")/.."
command -v qemu-aarch64-static >/dev/null || apt-get install -y -q qemu-user-static >/dev/null
mkdir -p .gpupack .gpupack/stage
cp "$(command -v qemu-aarch64-static)" .gpupack/stage/qemu-aarch64
mkdir -p .gpupack/stage/include && cp -r /usr/include/fmt .gpupack/stage/include/  # for the Python module
for lib in libfmt.so.9 libunicorn.so.2 libcapstone.so.4; do cp -L "/usr/lib/x86_64-linux-gnu/$lib" .gpupack/stage/; done
levels=${CUARM_PACK_LEVELS:-"O0 O2 O3 pie_O2 musl_O2"}
progs=()
for l in $levels; do [ -d "build/tests/programs/$l" ] && progs+=("build/tests/programs/$l"); done
tar -cf - build/tests/cuarm_tests build/tests/asm build/tests/programs_os "${progs[@]}" build/cuarm \
  build/bench/cuarm-bench build/bench/syscall_loop build/examples build/libcuarm.a -C .gpupack/stage . | xz -T2 -6 > .gpupack/pack.tar.xz
rm -rf .gpupack/stage
ls -la .gpupack/pack.tar.xz
