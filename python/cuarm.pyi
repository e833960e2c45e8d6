"""Type stubs for the cuarm extension module (python/src/module.cpp, python/src/batch.cpp)."""

import enum
import os
from typing import Mapping, Optional, Sequence, Tuple, Union

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
        """'cpu', or 'cuda (<GPU name>)'."""
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

LaneInts = Union[int, Sequence[int], npt.NDArray[np.integer]]
"""An int for every lane alike, or one integer per lane (a sequence or 1-D array of `lanes` values)."""

class BatchStatus:
    """Progress of a batch while it runs, or its result once every lane has stopped."""

    @property
    def is_running(self) -> bool: ...
    @property
    def lanes(self) -> int: ...
    @property
    def lanes_stopped(self) -> int:
        """Lanes that have reached a stop (any reason)."""
    @property
    def cycles_executed(self) -> int:
        """Instructions retired by all lanes together since start()."""
    @property
    def elapsed_seconds(self) -> float: ...
    @property
    def ips(self) -> float: ...
    @property
    def by_signal(self) -> dict[Signal, int]:
        """{Signal: number of lanes} with every Signal as a key; all zero while running."""
    @property
    def pages_written(self) -> int:
        """After a run: the 4 KiB pages all lanes own (writable memory is copy-on-write)."""
    @property
    def out_of_pages(self) -> bool:
        """After a run: a lane's write found the page pool full (it stopped with FAULT)."""

class Batch:
    """Many AArch64 guests (lanes) running one program image at once, with per-lane registers and
    memory as NumPy arrays. Lanes do not service syscalls (an SVC stops a lane with SYSCALL)."""

    def __init__(
        self,
        program_or_elf: Union[BytesLike, PathLike],
        lanes: int,
        *,
        backend: str = "auto",
        deterministic: bool = False,
        regions: Optional[Sequence[tuple[int, int, Union[str, int]]]] = None,
        address: Optional[int] = None,
        page_pool_bytes: Optional[int] = None,
    ) -> None:
        """An ELF (bytes with the \\x7fELF magic, or a path), plus optional extra regions; or raw
        code bytes with address= (where it goes, pc) and regions= [(base, size, perms), ...].
        page_pool_bytes: memory for the pages lanes write, all lanes together (None: all there is)."""
    @property
    def lanes(self) -> int: ...
    @property
    def backend(self) -> str:
        """'cpu', or 'cuda (<GPU name>)'."""
    @property
    def memory_per_lane(self) -> int:
        """Bytes one lane costs on its backend: state, page tables, and the pages lanes wrote (average)."""
    @property
    def elf(self) -> Optional[ElfInfo]:
        """Where the ELF was loaded; None for raw code."""
    def set_x(self, n: int, value: LaneInts) -> None:
        """Sets Xn (0..30) of every lane."""
    def x(self, n: int) -> npt.NDArray[np.uint64]:
        """Xn of every lane, shape (lanes,)."""
    def registers(self) -> npt.NDArray[np.uint64]:
        """X0..X30 of every lane, shape (lanes, 31)."""
    def pc(self) -> npt.NDArray[np.uint64]:
        """pc of every lane, shape (lanes,)."""
    def sp(self) -> npt.NDArray[np.uint64]:
        """sp of every lane, shape (lanes,)."""
    def set_pc(self, value: LaneInts) -> None: ...
    def set_sp(self, value: LaneInts) -> None: ...
    def write_memory(self, address: int, data: Union[npt.NDArray[np.generic], BytesLike], stride: Optional[int] = None) -> None:
        """Lane i gets the bytes of data[i] (an array of shape (lanes, k)), or with stride=k the
        bytes [i*k, (i+1)*k) of a flat buffer of lanes * k bytes. Private (writable) regions only."""
    def read_memory(self, address: int, size: int) -> npt.NDArray[np.uint8]:
        """size bytes at address of every lane, shape (lanes, size)."""
    def write_lane_memory(self, lane: int, address: int, data: BytesLike) -> None: ...
    def read_lane_memory(self, lane: int, address: int, size: int) -> bytes: ...
    def signals(self) -> npt.NDArray[np.uint8]:
        """Why each lane stopped (Signal values), shape (lanes,)."""
    def cycles(self) -> npt.NDArray[np.uint64]:
        """Instructions each lane retired in the last run, shape (lanes,)."""
    def pcs(self) -> npt.NDArray[np.uint64]:
        """pc of each lane where it stopped, shape (lanes,) (same as pc())."""
    def fault_addresses(self) -> npt.NDArray[np.uint64]:
        """The faulting address of each FAULT lane, shape (lanes,)."""
    def lane_status(self, lane: int) -> Status: ...
    def start(self, max_cycles: Optional[int] = 100000000) -> None:
        """Starts every lane in the background; max_cycles applies to each lane (None: no limit)."""
    def poll(self) -> BatchStatus: ...
    def is_running(self) -> bool: ...
    def cancel(self) -> None: ...
    def wait(self, timeout: Optional[float] = None) -> Optional[BatchStatus]:
        """The final BatchStatus; None if timeout (seconds) passes first."""
    def run(self, max_cycles: Optional[int] = 100000000) -> BatchStatus:
        """Blocking run: start(max_cycles) then wait()."""

class ProcessBatchResult:
    """What run_elf_batch() and ProcessBatch.result() return: one RunResult a lane, plus NumPy figures."""
    def __len__(self) -> int: ...
    def __getitem__(self, lane: int) -> RunResult: ...
    @property
    def exit_codes(self) -> npt.NDArray[np.int64]:
        """Each lane's exit status as a shell sees it (-1 for a lane that stopped otherwise)."""
    @property
    def cycles(self) -> npt.NDArray[np.uint64]:
        """Instructions each lane retired."""
    @property
    def signals(self) -> npt.NDArray[np.uint8]:
        """Each lane's stop reason (Signal values)."""
    @property
    def stdout(self) -> list[bytes]:
        """What each lane wrote to fd 1."""
    @property
    def stderr(self) -> list[bytes]:
        """What each lane wrote to fd 2."""

class ProcessBatchStatus:
    """Progress of a ProcessBatch while it runs (poll()), or its final figures (wait())."""
    @property
    def lanes(self) -> int:
        """Number of lanes (processes)."""
    @property
    def lanes_ended(self) -> int:
        """Lanes whose process has ended (exit, signal, fault, limit, or cancel)."""
    @property
    def cycles_executed(self) -> int:
        """Instructions retired by all lanes together since start(), the round in progress included."""
    @property
    def rounds(self) -> int:
        """Rounds completed (every live lane to its next syscall, then the host services them)."""
    @property
    def elapsed_seconds(self) -> float:
        """Seconds since start() (until the end once stopped)."""
    @property
    def ips(self) -> float:
        """Instructions per second over all lanes."""
    @property
    def is_running(self) -> bool:
        """True while the rounds go on."""
    @property
    def cancelled(self) -> bool:
        """True when cancel() (or Ctrl-C in wait()) cut the run short."""

class ProcessBatch:
    """One static AArch64 Linux ELF run as many processes at once, in the background."""
    def __init__(
        self,
        path: PathLike,
        argv: Sequence[Sequence[str]],
        stdin: Optional[Sequence[bytes]] = None,
        max_cycles: Optional[int] = None,
        backend: str = "auto",
        *,
        mounts: Optional[Sequence[Union[str, Tuple[PathLike, str], Tuple[PathLike, str, bool]]]] = None,
        env: Optional[Mapping[str, str]] = None,
        cwd: str = "/",
        deterministic: bool = False,
    ) -> None: ...
    @property
    def lanes(self) -> int:
        """Number of lanes (processes)."""
    @property
    def backend(self) -> str:
        """The backend in use: 'cpu', or 'cuda (<GPU name>)'."""
    def start(self) -> None:
        """Starts the lanes in the background and returns at once (a ProcessBatch runs once)."""
    def poll(self) -> ProcessBatchStatus:
        """The live ProcessBatchStatus (never blocks for long)."""
    def is_running(self) -> bool:
        """True while the rounds go on."""
    def cancel(self) -> None:
        """Stops the run at the round in progress: lanes that had not ended stop with Signal.CANCELLED."""
    def wait(self, timeout: Optional[float] = None) -> Optional[ProcessBatchStatus]:
        """Waits for the end (None if timeout seconds pass first); GIL released; Ctrl-C cancels and re-raises."""
    def result(self) -> ProcessBatchResult:
        """The per-lane results once the run has ended (cuarm.Error while running or before start())."""

def run_elf_batch(
    path: PathLike,
    argv: Sequence[Sequence[str]],
    stdin: Optional[Sequence[bytes]] = None,
    max_cycles: Optional[int] = None,
    backend: str = "auto",
    *,
    mounts: Optional[Sequence[Union[str, Tuple[PathLike, str], Tuple[PathLike, str, bool]]]] = None,
    env: Optional[Mapping[str, str]] = None,
    cwd: str = "/",
    deterministic: bool = False,
) -> ProcessBatchResult:
    """Runs one static ELF as many processes at once: one argv (and stdin) a lane; output captured per lane.

    ProcessBatch(...) then start(), wait(), result(); Ctrl-C cancels and raises KeyboardInterrupt."""

def run_elf(
    path: PathLike,
    argv: Optional[Sequence[str]] = None,
    max_cycles: Optional[int] = None,
    backend: str = "auto",
    *,
    stdin: Optional[bytes] = None,
    mounts: Optional[Sequence[Union[str, Tuple[PathLike, str], Tuple[PathLike, str, bool]]]] = None,
    env: Optional[Mapping[str, str]] = None,
    cwd: str = "/",
    deterministic: bool = False,
) -> RunResult:
    """Runs a static AArch64 Linux ELF with its syscalls serviced; captures stdout and stderr.

    stdin: bytes for fd 0 (default: end of file). mounts: 'HOST:GUEST[:ro]' or (host, guest[, ro]);
    the guest sees no other host file. env: the guest's environment (default empty).
    """
