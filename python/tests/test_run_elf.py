"""run_elf: a static ELF with its syscalls serviced and its output captured."""
import pathlib

import numpy as np
import pytest

import cuarm
from conftest import examples_dir, words, BACKEND

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


def corpus_program(name: str) -> pathlib.Path:
    """A program of the C corpus (tests/programs, built -O2 next to the examples), or skip."""
    path = examples_dir().parent / "tests" / "programs" / "O2" / name
    if not path.exists():
        pytest.skip(f"{path} does not exist (the corpus is built with the C++ tests)")
    return path


def test_stdin_bytes_reach_the_guest():
    prog = corpus_program("stdin_wc")
    text = b"one two\nthree\n\nfour five six\n"
    r = cuarm.run_elf(prog, backend=BACKEND, stdin=text)
    assert r.exit_code == 0, r.stderr
    lines, words, nbytes = (int(v) for v in r.stdout.split()[:3])
    assert (lines, words, nbytes) == (text.count(b"\n"), len(text.split()), len(text))
    # Without stdin the guest reads end of file at once.
    empty = cuarm.run_elf(prog, backend=BACKEND)
    assert empty.stdout.split()[:3] == [b"0", b"0", b"0"]


def test_mounts_env_and_signals(tmp_path):
    prog = corpus_program("file_write_read")
    r = cuarm.run_elf(prog, ["file_write_read", "/work"], backend=BACKEND, mounts=[f"{tmp_path}:/work"])
    assert r.exit_code == 0, r.stderr
    assert (tmp_path / "notes.txt").read_text() == "line one\nline 2\nline three\n"
    # The same directory as a tuple, read-only: writes fail inside the guest, nothing appears.
    ro = tmp_path / "ro"
    ro.mkdir()
    r = cuarm.run_elf(prog, ["file_write_read", "/work"], backend=BACKEND, mounts=[(ro, "/work", True)])
    assert r.exit_code != 0 and not any(ro.iterdir())
    # Without a mount the guest sees no host files.
    r = cuarm.run_elf(prog, ["file_write_read", str(tmp_path)], backend=BACKEND)
    assert r.exit_code != 0
    env = cuarm.run_elf(corpus_program("getenv_vars"), backend=BACKEND, env={"CUARM_GREETING": "hello"})
    assert b"CUARM_GREETING=hello" in env.stdout and b"HOME=(unset)" in env.stdout
    aborted = cuarm.run_elf(corpus_program("abort_signal"), backend=BACKEND)
    assert aborted.signal == cuarm.Signal.EXIT and aborted.exit_code == 134
    with pytest.raises(cuarm.Error, match="mount"):
        cuarm.run_elf(prog, backend=BACKEND, mounts=["no-colon"])


def test_run_elf_batch_lanes_are_processes():
    prog = corpus_program("stdin_wc")
    texts = [b"", b"a\n", b"one two three\nfour\n", b"x" * 5000 + b"\n", b"\n\n\n"]
    batch = cuarm.run_elf_batch(prog, [["stdin_wc"]] * len(texts), stdin=texts, backend=BACKEND)
    assert len(batch) == len(texts)
    assert list(batch.exit_codes) == [0] * len(texts)
    assert batch.exit_codes.dtype == np.int64 and batch.cycles.dtype == np.uint64
    assert all(s == int(cuarm.Signal.EXIT) for s in batch.signals)
    for i, text in enumerate(texts):
        # Each lane is what the same program gives alone.
        alone = cuarm.run_elf(prog, ["stdin_wc"], backend=BACKEND, stdin=text)
        assert batch.stdout[i] == alone.stdout and batch[i].stdout == alone.stdout
        assert batch[i].exit_code == alone.exit_code == 0
    assert batch.stdout[2].split()[:3] == [b"2", b"4", b"19"]


def test_run_elf_batch_argv_and_errors():
    prog = corpus_program("argv_echo")
    batch = cuarm.run_elf_batch(prog, [["argv_echo", "a"], ["argv_echo", "b", "c d"]], backend=BACKEND)
    for i, args in enumerate([["argv_echo", "a"], ["argv_echo", "b", "c d"]]):
        assert batch[i].stdout == cuarm.run_elf(prog, args, backend=BACKEND).stdout
    assert batch[-1].stdout == batch[1].stdout
    with pytest.raises(IndexError):
        batch[2]
    with pytest.raises(ValueError, match="stdin"):
        cuarm.run_elf_batch(prog, [["x"], ["y"]], stdin=[b""], backend=BACKEND)
    with pytest.raises(ValueError, match="at least one lane"):
        cuarm.run_elf_batch(prog, [], backend=BACKEND)
    with pytest.raises(ValueError, match="empty"):
        cuarm.run_elf_batch(prog, [[]], backend=BACKEND)


def static_elf(code: bytes) -> bytes:
    """A minimal static AArch64 ELF: one R+X segment at 0x400000 with `code` at 0x401000."""
    import struct
    f = bytearray(0x1000) + code
    f[0:8] = bytes([0x7F, ord("E"), ord("L"), ord("F"), 2, 1, 1, 0])
    struct.pack_into("<HHIQQ", f, 16, 2, 183, 1, 0x401000, 64)  # ET_EXEC, EM_AARCH64, entry, e_phoff
    struct.pack_into("<HHH", f, 52, 64, 56, 1)
    struct.pack_into("<IIQQQQQQ", f, 64, 1, 5, 0, 0x400000, 0x400000, len(f), len(f), 0x1000)
    return bytes(f)


# mrs x1, cntvct_el0; str x1, [sp, #-16]!; write(1, sp, 8); exit_group(0)
CNTVCT_TO_STDOUT = words(0xD53BE041, 0xF81F0FE1, 0xD2800020, 0x910003E1, 0xD2800102, 0xD2800808, 0xD4000001,
                         0xD2800000, 0xD2800BC8, 0xD4000001)


def test_deterministic_sets_the_counter_too(tmp_path):
    # deterministic=True makes CNTVCT_EL0 count retired instructions, as `cuarm --deterministic`
    # does (it used to set only the process options: the counter stayed the host's clock).
    prog = tmp_path / "cntvct.elf"
    prog.write_bytes(static_elf(CNTVCT_TO_STDOUT))
    runs = [cuarm.run_elf(prog, backend=BACKEND, deterministic=True) for _ in range(2)]
    values = [int.from_bytes(r.stdout, "little") for r in runs]
    assert all(r.exit_code == 0 for r in runs)
    assert values[0] == values[1] and values[0] < 16, values
    host = int.from_bytes(cuarm.run_elf(prog, backend=BACKEND).stdout, "little")
    assert host > 1000  # the host's counter


def test_program_must_be_a_regular_file(tmp_path):
    with pytest.raises(cuarm.Error, match="is a directory"):
        cuarm.run_elf(tmp_path, backend=BACKEND)
    with pytest.raises(cuarm.Error, match="not a regular file"):
        cuarm.run_elf("/dev/zero", backend=BACKEND)
