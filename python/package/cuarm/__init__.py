"""cuarm: AArch64 (ARM64) user-mode emulation on the CPU and NVIDIA GPUs (docs/python.md).

This is the installed package (`pip install .`): the extension module is cuarm.cuarm, and
everything public in it is here. The GPU's translator compiles the core's headers at run time;
the package carries them in jit-include/.
"""
import os as _os

_include = _os.path.join(_os.path.dirname(__file__), "jit-include")
if _os.path.isdir(_include):
    _os.environ.setdefault("CUARM_JIT_INCLUDE", _include)

from .cuarm import *  # noqa: E402,F401,F403
from .cuarm import __version__  # noqa: E402,F401
