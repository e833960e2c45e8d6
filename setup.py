"""Builds the `cuarm` Python package with CMake (pyproject.toml has the metadata).

The package is python/package/cuarm (its __init__ re-exports the extension) plus, built here:
the extension module (CMake target cuarm_python, for the interpreter running this), its type
stubs (python/cuarm.pyi as __init__.pyi, with py.typed), and the core's headers that the GPU's
translator compiles at run time (jit-include/, found through CUARM_JIT_INCLUDE by __init__).
CUARM_CUDA=AUTO|ON|OFF (environment, default AUTO) chooses the CUDA backend, as in CMake.
CUARM_PIP_BUILD_DIR=DIR builds in DIR, and uses the configuration already there if any (e.g.
build/ from scripts/build.sh, for the same interpreter; scripts/install_check.sh does that).
"""
import os
import pathlib
import shutil
import subprocess
import sys

from setuptools import Extension, setup
from setuptools.command.build_ext import build_ext

ROOT = pathlib.Path(__file__).parent.resolve()


class CMakeBuild(build_ext):
    def build_extension(self, ext):
        target = pathlib.Path(self.get_ext_fullpath(ext.name)).resolve()
        given = os.environ.get("CUARM_PIP_BUILD_DIR")
        build = pathlib.Path(given).resolve() if given else pathlib.Path(self.build_temp).resolve() / "cmake"
        env = dict(os.environ)
        if shutil.which("nvcc", path=env.get("PATH")) is None and os.path.exists("/usr/local/cuda/bin/nvcc"):
            env["PATH"] = env.get("PATH", "") + os.pathsep + "/usr/local/cuda/bin"
        configure = [
            "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
            "-DCUARM_TESTS=OFF", "-DCUARM_BENCH=OFF", "-DCUARM_NVCC_CHECK=OFF", "-DCUARM_PYTHON=ON",
            f"-DPython3_EXECUTABLE={sys.executable}", f"-DCUARM_CUDA={env.get('CUARM_CUDA', 'AUTO')}",
        ]
        if shutil.which("ninja", path=env.get("PATH")):
            configure += ["-G", "Ninja"]
        if not (given and (build / "CMakeCache.txt").exists()):
            subprocess.check_call(configure, env=env)
        jobs = str(os.cpu_count() or 2)
        subprocess.check_call(["cmake", "--build", str(build), "--target", "cuarm_python", "-j", jobs], env=env)
        built = sorted((build / "python").glob("cuarm*.so"))
        if not built:
            raise RuntimeError("the CMake build made no cuarm extension module (is pybind11 installed?)")
        package = target.parent
        package.mkdir(parents=True, exist_ok=True)
        shutil.copy2(built[0], target)
        shutil.copy2(ROOT / "python" / "cuarm.pyi", package / "__init__.pyi")
        (package / "py.typed").write_text("")
        include = package / "jit-include"
        shutil.rmtree(include, ignore_errors=True)
        shutil.copytree(ROOT / "src" / "core", include / "core")
        shutil.copytree(ROOT / "src" / "backend" / "jit", include / "backend" / "jit",
                        ignore=shutil.ignore_patterns("*.cpp"))


setup(ext_modules=[Extension("cuarm.cuarm", sources=[])], cmdclass={"build_ext": CMakeBuild})
