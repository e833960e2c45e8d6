"""Type stubs for the cuarm extension module (python/src/module.cpp)."""

import enum
import os
from typing import Optional, Sequence, Union

import numpy as np
import numpy.typing as npt

__version__: str

BytesLike = Union[bytes, bytearray, memoryview, npt.NDArray[np.generic]]
PathLike = Union[str, os.PathLike[str]]
RegisterName = Union[str, int]

class Error(RuntimeError):
    """An error reported by the emulator; str(e) is the C++ message."""

class Signal(enum.IntEnum):
    """Why a run stopped (the values of cuarm::StopReason)."""

    NONE = 0
    HALT = 1
    SYSCALL = 2
    MAX_CYCLES = 3
    BREAKPOINT = 4
    FAULT = 5
    UNDEFINED = 6
    EXIT = 7
    CANCELLED = 8

class Status:
    """Progress while running, or the result once stopped."""

    @property
    def is_running(self) -> bool: ...
    @property
    def cycles_executed(self) -> int: ...
    @property
    def signal(self) -> Signal: ...
    @property
    def signal_name(self) -> str: ...
    @property
    def elapsed_seconds(self) -> float: ...
    @property
    def ips(self) -> float: ...
    @property
    def pc(self) -> int: ...
    @property
    def fault_address(self) -> int: ...
    @property
    def fault_access(self) -> str:
        """'read', 'write' or 'fetch'."""
    @property
    def insn(self) -> int: ...
    @property
    def syscall(self) -> int: ...
    @property
    def exit_status(self) -> int: ...

class ElfInfo:
    """Where load_elf() put a static AArch64 ELF."""

    @property
    def entry(self) -> int: ...
    @property
    def load_bias(self) -> int: ...
    @property
    def image_start(self) -> int: ...
    @property
    def image_end(self) -> int: ...
    @property
    def phdr(self) -> int: ...
    @property
    def phent(self) -> int: ...
    @property
    def phnum(self) -> int: ...

class RunResult:
    """What run_elf() returns."""

    @property
    def stdout(self) -> bytes: ...
    @property
    def stderr(self) -> bytes: ...
    @property
    def exit_code(self) -> Optional[int]:
        """The guest's exit status when signal is EXIT, else None."""
    @property
    def cycles(self) -> int: ...
    @property
    def elapsed(self) -> float: ...
    @property
    def signal(self) -> Signal: ...
    @property
    def status(self) -> Status: ...

class AsyncCPU:
    """One AArch64 guest: memory, registers, and a run that goes on in the background."""

    def __init__(self, memory_size: int = 4194304, backend: str = "auto", deterministic: bool = False) -> None: ...
    @property
    def backend(self) -> str:
        """'cpu' or 'cuda'."""
    def load_program(self, program: BytesLike, address: int = 0) -> None: ...
    def set_pc(self, address: int) -> None: ...
    def start(self, max_cycles: Optional[int] = 100000000) -> None:
        """Starts running in the background; returns at once."""
    def poll(self) -> Status: ...
    def is_running(self) -> bool: ...
    def cancel(self) -> None: ...
    def wait(self, timeout: Optional[float] = None) -> Optional[Status]:
        """The final Status; None if timeout (seconds) passes first."""
    def run(self, max_cycles: Optional[int] = 100000000) -> Status:
        """Blocking run: start(max_cycles) then wait()."""
    def get_register(self, register: RegisterName) -> Union[int, npt.NDArray[np.uint8]]:
        """An int, or a numpy uint8 array of 16 bytes for v0..v31."""
    def set_register(self, register: RegisterName, value: Union[int, BytesLike]) -> None: ...
    def read_memory(self, address: int, size: int) -> bytes: ...
    def write_memory(self, address: int, data: BytesLike) -> None: ...
    def map(self, base: int, size: int, perms: Union[str, int] = "rwx") -> None: ...
    def unmap(self, base: int, size: int) -> None: ...
    def regions(self) -> list[tuple[int, int, str]]: ...
    def load_elf(self, image: Union[BytesLike, PathLike], pie_base: int = 0x555555554000) -> ElfInfo: ...

def run_elf(
    path: PathLike,
    argv: Optional[Sequence[str]] = None,
    max_cycles: Optional[int] = None,
    backend: str = "auto",
) -> RunResult:
    """Runs a static AArch64 Linux ELF with its syscalls serviced; captures stdout and stderr."""
