"""Shared fixtures for the cuarm Python tests.

CUARM_TEST_BACKEND picks the backend (cpu by default; cuda or auto on a GPU machine).
CUARM_EXAMPLES_DIR is the build's examples/ folder (the bundled ELF examples/collatz), set by CTest.
"""
import faulthandler
import os
import pathlib
import struct
import sys

import pytest

import cuarm

BACKEND = os.environ.get("CUARM_TEST_BACKEND", "cpu")
REPO = pathlib.Path(__file__).resolve().parents[2]

# Instruction words used across the tests.
ADD_X0_1 = 0x91000400   # add x0, x0, #1
B_BACK_1 = 0x17FFFFFF   # b .-4
B_SELF = 0x14000000     # b .
HLT_0 = 0xD4400000      # hlt #0
SVC_0 = 0xD4000001      # svc #0
BRK_0 = 0xD4200000      # brk #0
LDR_X1_X0 = 0xF9400001  # ldr x1, [x0]
STR_X1_X0 = 0xF9000001  # str x1, [x0]
NOP = 0xD503201F        # nop


def rss_kib() -> int:
    """Resident set size of this process in KiB (for the leak tests)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmRSS:"):
                return int(line.split()[1])
    pytest.skip("no VmRSS in /proc/self/status")


def words(*ws: int) -> bytes:
    return struct.pack(f"<{len(ws)}I", *ws)


def hlt(imm: int) -> int:
    return HLT_0 | (imm << 5)


def movz(reg: int, imm: int) -> int:
    return 0xD2800000 | (imm << 5) | reg


LOOP = words(ADD_X0_1, B_BACK_1)  # counts in x0 forever


@pytest.fixture
def backend() -> str:
    return BACKEND


@pytest.fixture
def cpu() -> cuarm.AsyncCPU:
    return cuarm.AsyncCPU(backend=BACKEND)


@pytest.fixture
def loop_cpu(cpu) -> cuarm.AsyncCPU:
    cpu.load_program(LOOP, 0)
    cpu.set_pc(0)
    return cpu


def examples_dir() -> pathlib.Path:
    return pathlib.Path(os.environ.get("CUARM_EXAMPLES_DIR", REPO / "build" / "examples"))


@pytest.fixture
def collatz() -> pathlib.Path:
    path = examples_dir() / "collatz"
    if not path.exists():
        pytest.skip(f"{path} does not exist (built with aarch64-linux-gnu-gcc; set CUARM_EXAMPLES_DIR)")
    return path


@pytest.fixture(autouse=True)
def hang_guard():
    """A test that blocks (e.g. a GIL that was not released) dumps its traceback and exits."""
    faulthandler.dump_traceback_later(120, exit=True, file=sys.stderr)
    yield
    faulthandler.cancel_dump_traceback_later()
