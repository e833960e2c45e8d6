"""run_elf: a static ELF with its syscalls serviced and its output captured."""
import pathlib

import pytest

import cuarm
from conftest import BACKEND

EXPECTED_100 = b"longest Collatz chain below 100 starts at 97 (118 steps)\n"


def test_collatz_output_and_exit(collatz):
    r = cuarm.run_elf(str(collatz), argv=["collatz", "100"], backend=BACKEND)
    assert isinstance(r, cuarm.RunResult)
    assert r.stdout == EXPECTED_100
    assert r.stderr == b""
    assert r.exit_code == 0
    assert r.signal == cuarm.Signal.EXIT
    assert r.cycles > 1000 and r.cycles == r.status.cycles_executed
    assert r.elapsed > 0 and r.elapsed == r.status.elapsed_seconds
    assert "exit_code=0" in repr(r)


def test_path_like_and_default_argv(collatz):
    r = cuarm.run_elf(collatz, backend=BACKEND, max_cycles=10**9)  # argv = [path]: the default limit 300000
    assert r.stdout == b"longest Collatz chain below 300000 starts at 230631 (442 steps)\n"
    assert r.exit_code == 0


def test_output_is_captured_not_printed(collatz, capfd):
    r = cuarm.run_elf(collatz, ["collatz", "100"], backend=BACKEND)
    out, err = capfd.readouterr()
    assert out == "" and err == ""
    assert r.stdout == EXPECTED_100


def test_max_cycles(collatz):
    r = cuarm.run_elf(collatz, ["collatz", "100"], max_cycles=1000, backend=BACKEND)
    assert r.signal == cuarm.Signal.MAX_CYCLES and r.cycles == 1000
    assert r.exit_code is None and r.stdout == b""


def test_output_before_a_stop_is_kept(collatz):
    full = cuarm.run_elf(collatz, ["collatz", "100"], backend=BACKEND)
    # Stop a few instructions before the end: the first write happened already.
    r = cuarm.run_elf(collatz, ["collatz", "100"], max_cycles=full.cycles - 5, backend=BACKEND)
    assert r.signal == cuarm.Signal.MAX_CYCLES
    assert EXPECTED_100.startswith(r.stdout) and len(r.stdout) > 0


def test_errors(tmp_path, collatz):
    with pytest.raises(FileNotFoundError):
        cuarm.run_elf(tmp_path / "missing")
    bad = tmp_path / "bad.elf"
    bad.write_bytes(b"\x7fELF garbage")
    with pytest.raises(cuarm.Error, match="ELF"):
        cuarm.run_elf(bad, backend=BACKEND)
    with pytest.raises(ValueError, match="backend"):
        cuarm.run_elf(collatz, backend="tpu")
    with pytest.raises(TypeError):
        cuarm.run_elf(collatz, argv="collatz 100")
    with pytest.raises(ValueError):
        cuarm.run_elf(collatz, max_cycles=-5)


def test_no_stdin_or_mount_parameters_yet(collatz):
    with pytest.raises(TypeError):
        cuarm.run_elf(collatz, stdin=b"")
    with pytest.raises(TypeError):
        cuarm.run_elf(collatz, mounts={})
