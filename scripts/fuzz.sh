#!/usr/bin/env bash
# Builds the libFuzzer harnesses (fuzz/, docs/fuzzing.md) in build-fuzz/ with clang 14, ASan and
# UBSan, and runs each for SECONDS_EACH seconds (default 30) on a scratch copy of its seed corpus
# (fuzz/corpus/<name>/ is not modified). Exits non-zero when a harness crashes, leaks, times out
# or trips a sanitizer; the input that did it is kept as build-fuzz/artifacts/<name>-*.
# Usage: scripts/fuzz.sh [SECONDS_EACH] [HARNESS...]      harnesses: elf decode syscalls (default: all)
# Environment: CUARM_FUZZ_JOBS (build jobs, default nproc), CUARM_FUZZ_ARGS (more libFuzzer flags).
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${1:-30}
[ $# -gt 0 ] && shift
harnesses=("$@")
[ ${#harnesses[@]} -gt 0 ] || harnesses=(elf decode syscalls)

# What the fuzz build needs on Debian 12: the project's packages and clang's (only those missing).
"$(dirname "$0")/deps.sh" clang-14 libclang-rt-14-dev

build=build-fuzz
# -O1 -g without NDEBUG: the usual flags under ASan; no CUDA, tests, benchmark or Python module.
cmake -S . -B "$build" -G Ninja -DCMAKE_C_COMPILER=clang-14 -DCMAKE_CXX_COMPILER=clang++-14 \
  -DCMAKE_BUILD_TYPE=Fuzz -DCMAKE_CXX_FLAGS_FUZZ="-O1 -g" -DCMAKE_C_FLAGS_FUZZ="-O1 -g" \
  -DCUARM_FUZZ=ON -DCUARM_CUDA=OFF -DCUARM_NVCC_CHECK=OFF -DCUARM_TESTS=OFF -DCUARM_BENCH=OFF \
  -DCUARM_PYTHON=OFF >/dev/null
ninja -C "$build" -j "${CUARM_FUZZ_JOBS:-$(nproc)}" $(printf 'fuzz_%s ' "${harnesses[@]}")

declare -A max_len=([elf]=8192 [decode]=4096 [syscalls]=2048)
mkdir -p "$build/artifacts"
status=0
for h in "${harnesses[@]}"; do
  work="$build/run/$h"
  rm -rf "$work"
  mkdir -p "$work/corpus" "$work/tmp"
  cp fuzz/corpus/"$h"/* "$work/corpus/"
  echo "== fuzz_$h: ${seconds}s"
  # TMPDIR: fuzz_syscalls makes its directory tree there; gone with $work if a crash skips its cleanup.
  if ! TMPDIR="$PWD/$work/tmp" "$build/fuzz/fuzz_$h" "$work/corpus" -max_total_time="$seconds" -max_len="${max_len[$h]}" \
        -rss_limit_mb=4096 -timeout=10 -print_final_stats=1 -artifact_prefix="$build/artifacts/$h-" \
        ${CUARM_FUZZ_ARGS:-} 2>"$work/log"; then
    status=1
    echo "fuzz_$h FAILED: log $work/log, reproducer $(ls -t "$build"/artifacts/"$h"-* 2>/dev/null | head -1)"
    grep -E "^(==[0-9]+==ERROR|SUMMARY|fuzz_)|runtime error|#[0-9]+ 0x" "$work/log" | head -30 || true
  fi
  grep -E "^#[0-9]+[[:space:]]+DONE|stat::(number_of_executed_units|peak_rss_mb)" "$work/log" || true
done
exit $status
