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
if [ -f .gpupack/pack.tar.xz ] && [ ! -e .gpupack/unpacked/.done ]; then  # once per machine
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
CUARM_TEST_BACKEND=cuda CUARM_DIFF_COUNT=${CUARM_DIFF_COUNT:-60000} timeout 400 \
  ./build/tests/cuarm_tests --gtest_filter='-Programs*' >"$out/gpu_tests.log" 2>&1
grep -E "^\[  (FAILED|PASSED|SKIPPED) |MISMATCH" "$out/gpu_tests.log" | head -20
fi

# The corpus against qemu, one program at a time (a printf-heavy program takes seconds to a
# minute on one GPU thread), each under its own timeout, the whole under CUARM_CORPUS_BUDGET
# seconds; variants in order of CUARM_CORPUS_VARIANTS. CUARM_JIT is passed through (try off).
if want corpus; then
echo "== Corpus on the CUDA backend (ProgramsVsQemu), budget ${CUARM_CORPUS_BUDGET:-240} s"
budget=${CUARM_CORPUS_BUDGET:-240}
start=$SECONDS
pass=0; fail=0; slow=0
: >"$out/corpus.log"
for variant in ${CUARM_CORPUS_VARIANTS:-O2 musl_O2 pie_O2 O0 O3}; do
  # (names end in _<variant>; "_O2" alone must not take the musl_O2 and pie_O2 ones)
  for t in $(./build/tests/cuarm_tests --gtest_list_tests --gtest_filter="ProgramsVsQemu.*_${variant}" |
             awk '/^  /{print $1}' | grep -vE "_(musl|pie)_${variant}\$"); do
    ((SECONDS - start > budget)) && break 2
    if CUARM_TEST_BACKEND=cuda timeout 90 ./build/tests/cuarm_tests --gtest_filter="ProgramsVsQemu.$t" \
         >"$out/corpus_one.log" 2>&1; then
      pass=$((pass + 1)); echo "PASS $t" >>"$out/corpus.log"
    elif [ $? -eq 124 ]; then
      slow=$((slow + 1)); echo "TIMEOUT $t" >>"$out/corpus.log"
    else
      fail=$((fail + 1)); echo "FAIL $t" >>"$out/corpus.log"; cat "$out/corpus_one.log" >>"$out/corpus.log"
    fi
  done
done
echo "corpus on CUDA: $pass passed, $fail failed, $slow timed out (90 s), in $((SECONDS - start)) s"
fi

if want batch; then
echo "== Corpus in batches on the CUDA backend (ProgramsInBatch: lanes equal to the program alone)"
CUARM_TEST_BACKEND=cuda timeout ${CUARM_BATCH_CORPUS_TIMEOUT:-200} ./build/tests/cuarm_tests \
  --gtest_filter='ProgramsInBatch.*' >"$out/corpus_batch.log" 2>&1
grep -E "^\[  (FAILED|PASSED) |^\[       OK" "$out/corpus_batch.log" | tail -5
echo "ProgramsInBatch OK: $(grep -c '^\[       OK' "$out/corpus_batch.log")"
fi

if want python; then
echo "== Python module against this machine's Python, CUDA backend"
py=${CUARM_DEVICE_PYTHON:-/opt/torch/.venv/bin/python3}
pydir=$root/build/python-device
mkdir -p "$pydir"
if g++ -O2 -shared -fPIC -std=c++20 -DFMT_SHARED -DCUARM_VERSION="\"$(sed -n "s/^project(cuarm VERSION \([0-9.]*\).*/\1/p" CMakeLists.txt)\"" $("$py" -m pybind11 --includes) -Iinclude -Isrc \
     -I.devpack/include python/src/module.cpp python/src/batch.cpp build/libcuarm.a -L.devpack -l:libfmt.so.9 \
     -L/usr/local/cuda/lib64 -lcudart_static -ldl -lrt -lpthread \
     -o "$pydir/cuarm$("$py" -c 'import sysconfig; print(sysconfig.get_config_var("EXT_SUFFIX"))')" \
     >"$out/py_build.log" 2>&1; then
  cp python/cuarm.pyi "$pydir/" 2>/dev/null
  CUARM_TEST_BACKEND=cuda CUARM_TEST_LEAK_CYCLES=${CUARM_TEST_LEAK_CYCLES:-1000} \
    CUARM_EXAMPLES_DIR="$root/build/examples" PYTHONPATH="$pydir" \
    timeout 300 "$py" -m pytest -q python/tests >"$out/py_tests.log" 2>&1
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
