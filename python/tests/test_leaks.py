"""No leaks across many create/use/destroy cycles (RSS from /proc/self/status)."""
import gc
import os
import struct

import pytest

import cuarm
from conftest import BACKEND, examples_dir, hlt, movz, rss_kib, words

CYCLES = int(os.environ.get("CUARM_TEST_LEAK_CYCLES", "10000"))
PROGRAM = words(movz(0, 5), 0x91000400, hlt(0))  # x0 = 5; x0 += 1; hlt


def one_cycle():
    c = cuarm.AsyncCPU(memory_size=64 * 1024, backend=BACKEND)
    c.load_program(PROGRAM, 0x1000)
    c.set_pc(0x1000)
    st = c.run(100)
    assert st.signal == cuarm.Signal.HALT
    assert c.get_register("x0") == 6
    c.get_register("v0")
    c.set_register("v1", b"\0" * 16)
    assert c.read_memory(0x1000, 12) == PROGRAM
    repr(st)


def test_no_leak_across_create_destroy_cycles():
    for _ in range(200):  # warm up allocator pools and numpy
        one_cycle()
    gc.collect()
    before = rss_kib()
    for _ in range(CYCLES):
        one_cycle()
    gc.collect()
    growth = rss_kib() - before
    # A leak of one 64 KiB memory per machine would be 640 MiB; allow allocator noise.
    assert growth < 16 * 1024, f"RSS grew by {growth} KiB over {CYCLES} cycles"


def test_no_leak_in_run_elf(collatz):
    for _ in range(20):
        cuarm.run_elf(collatz, ["collatz", "10"], backend=BACKEND)
    gc.collect()
    before = rss_kib()
    for _ in range(max(CYCLES // 20, 10)):
        r = cuarm.run_elf(collatz, ["collatz", "10"], backend=BACKEND)
        assert r.exit_code == 0
    gc.collect()
    growth = rss_kib() - before
    assert growth < 16 * 1024, f"RSS grew by {growth} KiB"


def test_no_leak_in_errors():
    c = cuarm.AsyncCPU(memory_size=4096, backend=BACKEND)
    def errors():
        for call in (lambda: c.read_memory(1 << 40, 4), lambda: c.get_register("bogus"),
                     lambda: c.set_register("v0", b"short")):
            try:
                call()
            except (cuarm.Error, ValueError):
                pass
    for _ in range(200):
        errors()
    before = rss_kib()
    for _ in range(CYCLES):
        errors()
    gc.collect()
    assert rss_kib() - before < 8 * 1024


def test_no_leak_in_process_batches():
    """ProcessBatch created and run, dropped unstarted, and dropped while running."""
    spin = examples_dir().parent / "tests" / "programs_os" / "spin"
    if not spin.exists():
        pytest.skip(f"{spin} does not exist (built with the C++ tests)")
    argv = [["spin", "2", "100"], ["spin", "3", "10"], ["spin"]]

    def one_cycle(i):
        pb = cuarm.ProcessBatch(spin, argv, stdin=[b"in"] * 3, backend=BACKEND)
        if i % 3 == 1:
            return  # never started
        pb.start()
        if i % 3 == 2:
            pb.cancel()  # may end before or after the lanes do
        pb.poll()
        pb.wait()
        r = pb.result()
        assert len(r) == 3 and len(r.stdout) == 3
        r.exit_codes, r.cycles, r[0].stdout

    for i in range(30):
        one_cycle(i)
    gc.collect()
    before = rss_kib()
    for i in range(max(CYCLES // 10, 30)):
        one_cycle(i)
    gc.collect()
    growth = rss_kib() - before
    # Each batch maps ~5.3 MiB of private memory a lane: a leaked batch would show at once.
    assert growth < 16 * 1024, f"RSS grew by {growth} KiB"
