#!/usr/bin/env bash
# GPU check in one call of the device tool (x86-64 machine with a CUDA GPU, no Debian dev
# packages, no network). Expects, carried from the build machine:
#   build/     a build made here with the CUDA backend (scripts/build.sh)
#   .devpack/  the shared libraries it links (libfmt.so.9, libunicorn.so.2, libcapstone.so.4)
#              and include/fmt (for building the Python module there)
#   or .gpupack/pack.tar.xz from scripts/device_pack.sh, which holds all of that and the corpus
#   programs and a static qemu-aarch64 (carry [".gpupack"]; needs the fmt headers from .devpack
#   only for the Python module)
# Runs the whole C++ test suite and the Python tests on the CUDA backend, then the benchmark.
# Logs go to $OUT. Usage: scripts/device_check.sh [bench args...]
# CUARM_CHECK_PARTS picks parts (default all): tests corpus batch python bench programs
# (one device call is at most 10 minutes: split the parts over two calls on a warm machine).
set -uo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=${OUT:-/tmp/cuarm-device}
mkdir -p "$out"
# The test binary has this checkout's absolute paths (snippets, example, CLI) compiled in.
mkdir -p /work && [ -e /work/main ] || ln -sfn "$root" /work/main
# A pack from scripts/device_pack.sh: unpack it; its libraries go where `env -i` children find
# them too (the OS and program tests run cuarm with an empty environment), and qemu on PATH.
# (Only on the GPU machine: on the build machine it would replace /usr/bin/qemu-aarch64.)
if [ -f .gpupack/pack.tar.xz ] && [ ! -e .gpupack/unpacked/.done ] && command -v nvidia-smi >/dev/null; then
  mkdir -p .gpupack/unpacked && tar -xJf .gpupack/pack.tar.xz -C .gpupack/unpacked
  (cd .gpupack/unpacked && tar -cf - build) | tar -xf -
  mkdir -p .devpack && cp .gpupack/unpacked/*.so.* .devpack/ && cp -r .gpupack/unpacked/include .devpack/
  cp .gpupack/unpacked/*.so.* /usr/local/lib/ 2>/dev/null && ldconfig 2>/dev/null || true
  cp .gpupack/unpacked/qemu-aarch64 /usr/bin/qemu-aarch64 2>/dev/null || true
  touch .gpupack/unpacked/.done
fi
export LD_LIBRARY_PATH="$root/.devpack:${LD_LIBRARY_PATH:-}"
export PATH="$PATH:/usr/local/cuda/bin"
parts=" ${CUARM_CHECK_PARTS:-tests corpus batch python bench programs} "
want() { [[ "$parts" == *" $1 "* ]]; }
nvidia-smi --query-gpu=name,driver_version,memory.total --format=csv,noheader | tee "$out/gpu.txt"

if want tests; then
echo "== C++ tests, CUDA backend (the corpus separately, below)"
# CUARM_TESTS_FILTER narrows it (a gtest filter; default: everything but the corpus).
CUARM_TEST_BACKEND=cuda CUARM_DIFF_COUNT=${CUARM_DIFF_COUNT:-60000} timeout ${CUARM_TESTS_TIMEOUT:-400} \
  ./build/tests/cuarm_tests --gtest_filter="${CUARM_TESTS_FILTER:--Programs*}" >"$out/gpu_tests.log" 2>&1
grep -E "^\[  (FAILED|PASSED|SKIPPED) |MISMATCH" "$out/gpu_tests.log" | head -20
fi

# The corpus programs as gtest cases, CUARM_CORPUS_JOBS processes at a time (default 8): one
# guest uses one GPU thread, qemu and the syscalls use the host's cores. Kernels of different
# processes on one GPU take turns (time slices), not side by side: on a machine with several GPUs,
# xargs' slot number spreads the cases over them (CUARM_CORPUS_GPUS="1 2 3" picks some; default
# all). Each case has its own timeout (120 s), and no case starts after CUARM_CORPUS_BUDGET
# seconds; one cut by the budget's end is CUT, not TIMEOUT. CUARM_CORPUS_CASES=FILE runs the test
# names in FILE (one a line) instead of the whole part (e.g. what an earlier call left).
# One line per case in $out/<log> (PASS (ms) / FAIL / TIMEOUT / CUT / SKIP / NOT RUN), a failure's
# output after its line. CUARM_JIT reaches ProgramsInBatch (in the test process; off is faster for
# these short programs) but not ProgramsVsQemu's `cuarm run`, which gets exactly the guest's
# environment: it runs in the default mode, where a program that has run 3 s compiles its
# translation with NVRTC on the host's cores. Host work (NVRTC, qemu, starting processes) is why
# more jobs than GPUs pay (one H200, 32 cases, before that 3 s rule: 1 job ran 12 in 100 s,
# 4 jobs all 32 in 93 s; with it, 8 jobs ran 593 of the 695 in 380 s).
one_case() {  # $1: results folder, $2: test name
  local left=$((CORPUS_DEADLINE - $(date +%s))) f=${2//\//_} gpus
  ((left <= 0)) && return 0
  ((left > 120)) && left=120
  read -ra gpus <<<"$CORPUS_GPUS"
  ((${#gpus[@]} > 1)) && export CUDA_VISIBLE_DEVICES=${gpus[CUARM_SLOT % ${#gpus[@]}]}
  ((${#gpus[@]} == 1)) && export CUDA_VISIBLE_DEVICES=${gpus[0]}
  if timeout "$left" ./build/tests/cuarm_tests --gtest_filter="$2" >"$1/$f.out" 2>&1; then
    if grep -q '^\[  SKIPPED \] 1 test' "$1/$f.out"; then echo SKIP >"$1/$f.res"
    elif grep -q '^\[  PASSED  \] 1 test' "$1/$f.out"; then
      echo PASS >"$1/$f.res"
      sed -n 's/^\[       OK \] .* (\([0-9]*\) ms)$/\1/p' "$1/$f.out" >"$1/$f.ms"
    else echo FAIL >"$1/$f.res"; fi  # (no such case: exit 0 without a test)
  elif [ $? -eq 124 ]; then
    if ((left < 120)); then echo CUT >"$1/$f.res"; else echo TIMEOUT >"$1/$f.res"; fi
  else echo FAIL >"$1/$f.res"; fi
}
export -f one_case
run_cases() {  # $1: log name, $2: label; test names on stdin
  local dir names pass=0 fail=0 slow=0 skipped=0 unrun=0 cut=0 begin=$SECONDS
  dir=$(mktemp -d); names=$(cat)
  [ -n "${CUARM_CORPUS_CASES:-}" ] && names=$(grep -xFf <(printf '%s\n' $names) "$CUARM_CORPUS_CASES")
  export CORPUS_DEADLINE=$(($(date +%s) + ${CUARM_CORPUS_BUDGET:-240}))
  export CORPUS_GPUS=${CUARM_CORPUS_GPUS:-$(seq -s ' ' 0 $(($(nvidia-smi -L | grep -c '^GPU') - 1)))}
  printf '%s\n' $names | CUARM_TEST_BACKEND=${CUARM_CHECK_BACKEND:-cuda} \
    xargs -P "${CUARM_CORPUS_JOBS:-8}" --process-slot-var=CUARM_SLOT -n 1 bash -c 'one_case "$0" "$1"' "$dir"
  : >"$out/$1"
  for t in $names; do
    local f=${t//\//_} r="NOT RUN" ms=""
    [ -f "$dir/$f.res" ] && r=$(cat "$dir/$f.res")
    [ -s "$dir/$f.ms" ] && ms=" ($(cat "$dir/$f.ms") ms)"
    echo "$r $t$ms" >>"$out/$1"
    case $r in
      PASS) pass=$((pass + 1)) ;;
      FAIL) fail=$((fail + 1)); cat "$dir/$f.out" >>"$out/$1" ;;
      TIMEOUT) slow=$((slow + 1)) ;;
      CUT) cut=$((cut + 1)) ;;
      SKIP) skipped=$((skipped + 1)) ;;
      *) unrun=$((unrun + 1)) ;;
    esac
  done
  rm -rf "$dir"
  echo "$2: $pass passed, $fail failed, $slow timed out, $skipped skipped (by the test), $cut cut and $unrun not run (budget), in $((SECONDS - begin)) s"
}
list_cases() {  # $1: gtest filter
  ./build/tests/cuarm_tests --gtest_list_tests --gtest_filter="$1" |
    awk '/^[^ ]/{suite=$1} /^  /{print suite $1}'
}

if want corpus; then
  echo "== Corpus against qemu-aarch64 (ProgramsVsQemu), variants ${CUARM_CORPUS_VARIANTS:-O2 musl_O2 pie_O2 O0 O3}"
  for variant in ${CUARM_CORPUS_VARIANTS:-O2 musl_O2 pie_O2 O0 O3}; do
    # (names end in _<variant>; "_O2" alone must not take the musl_O2 and pie_O2 ones)
    list_cases "ProgramsVsQemu.*_${variant}" | grep -vE "_(musl|pie)_${variant}\$"
  done | run_cases corpus.log "corpus (ProgramsVsQemu)"
fi

if want batch; then
  echo "== Corpus in two-lane batches (ProgramsInBatch: lanes equal to the program alone)"
  list_cases 'ProgramsInBatch.*' | run_cases corpus_batch.log "corpus in batches (ProgramsInBatch)"
fi

if want python; then
echo "== Python module against this machine's Python, CUDA backend"
py=${CUARM_DEVICE_PYTHON:-/opt/torch/.venv/bin/python3}
pydir=$root/build/python-device
mkdir -p "$pydir"
if g++ -O2 -shared -fPIC -std=c++20 -DFMT_HEADER_ONLY -DCUARM_VERSION="\"$(sed -n "s/^project(cuarm VERSION \([0-9.]*\).*/\1/p" CMakeLists.txt)\"" $("$py" -m pybind11 --includes) -Iinclude -Isrc \
     -I.devpack/include python/src/module.cpp python/src/batch.cpp build/libcuarm.a \
     -L/usr/local/cuda/lib64 -lcudart_static -ldl -lrt -lpthread \
     -o "$pydir/cuarm$("$py" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')" \
     >"$out/py_build.log" 2>&1; then
  cp python/cuarm.pyi "$pydir/" 2>/dev/null
  CUARM_TEST_BACKEND=cuda CUARM_TEST_LEAK_CYCLES=${CUARM_TEST_LEAK_CYCLES:-1000} \
    CUARM_EXAMPLES_DIR="$root/build/examples" PYTHONPATH="$pydir" \
    timeout ${CUARM_PY_TIMEOUT:-300} "$py" -m pytest -q python/tests >"$out/py_tests.log" 2>&1
  tail -3 "$out/py_tests.log"
else
  echo "python module build failed (see py_build.log)"; tail -5 "$out/py_build.log"
fi
fi

if want bench; then
echo "== Benchmark"
timeout ${CUARM_BENCH_TIMEOUT:-150} ./build/bench/cuarm-bench --backend cuda "$@" 2>&1 | tee "$out/bench.log"
fi
if want programs; then
echo "== Whole programs beside qemu-aarch64, syscall round trip"
timeout 120 ./build/bench/cuarm-bench --backend cuda --skip-loops --programs --repeat 1 --syscalls 2000 2>&1 |
  tee "$out/bench_programs.log"
fi
