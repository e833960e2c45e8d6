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
# The man page and completions: present, and the completion script is valid bash that completes.
grep -q '^\.TH CUARM 1' "$prefix/share/man/man1/cuarm.1"
grep -qF 'max\-cycles' "$prefix/share/man/man1/cuarm.1"
test -f "$prefix/share/zsh/site-functions/_cuarm"
bash -n "$prefix/share/bash-completion/completions/cuarm"
got=$(bash -c 'source "$1"; COMP_WORDS=(cuarm run --max-c); COMP_CWORD=2; _cuarm; echo "${COMPREPLY[*]}"' _ \
  "$prefix/share/bash-completion/completions/cuarm")
[ "$got" = "--max-cycles" ] || { echo "install check: bash completion of 'cuarm run --max-c' gave '$got'" >&2; exit 1; }
test -f "$prefix/share/cuarm/jit-include/backend/jit/prelude.hpp"
cmake -S examples/cpp -B "$work/example" -DCMAKE_PREFIX_PATH="$prefix" -DCMAKE_BUILD_TYPE=Release >"$work/configure.log"
cmake --build "$work/example" >"$work/build.log"
"$work/example/sum_loop"
PKG_CONFIG_PATH="$prefix/lib/pkgconfig" c++ examples/cpp/sum_loop.cpp -o "$work/sum_loop_pc" \
  $(PKG_CONFIG_PATH="$prefix/lib/pkgconfig" pkg-config --cflags --libs cuarm)
"$work/sum_loop_pc"

# The Python package through pip, for Debian's interpreter (its pybind11 and setuptools), built
# in the same build folder (CUARM_PIP_BUILD_DIR: no second build of the library), installed
# into a scratch folder and imported from there.
if /usr/bin/python3 -c "import setuptools, wheel" 2>/dev/null && [ -f "$build/CMakeCache.txt" ] &&
   grep -q "^Python3_EXECUTABLE:FILEPATH=/usr/bin/python3$" "$build/CMakeCache.txt"; then
  CUARM_PIP_BUILD_DIR=$build /usr/bin/python3 -m pip install --no-build-isolation --no-deps --no-index \
    --target "$work/py" . >"$work/pip.log" 2>&1 || { tail -20 "$work/pip.log"; exit 1; }
  test -f "$work/py/cuarm/py.typed" && test -f "$work/py/cuarm/__init__.pyi"
  test -f "$work/py/cuarm/jit-include/core/config.hpp"
  (cd "$work" && PYTHONPATH="$work/py" /usr/bin/python3 - <<'PY'
import os, cuarm
cpu = cuarm.AsyncCPU(backend="cpu")
# add x0, x0, #1 ; b .-4  (100 instructions, then MAX_CYCLES)
cpu.load_program(bytes.fromhex("00040091ffffff17"), 0x1000)
cpu.set_pc(0x1000)
cpu.start(max_cycles=100)
st = cpu.wait()
assert st.cycles_executed == 100 and not st.is_running, st
assert os.environ["CUARM_JIT_INCLUDE"].endswith("jit-include"), os.environ.get("CUARM_JIT_INCLUDE")
print(f"pip package: cuarm {cuarm.__version__} from {os.path.dirname(cuarm.__file__)}, {st.cycles_executed} instructions")
PY
  )
else
  echo "install check: pip package skipped (needs /usr/bin/python3 with setuptools and wheel, and $build configured for it)"
fi
echo "install check: passed (prefix layout, find_package(cuarm), pkg-config, pip)"
