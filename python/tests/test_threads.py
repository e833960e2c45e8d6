"""The GIL is released while a guest runs; wait(timeout); Ctrl-C (KeyboardInterrupt) cancels."""
import _thread
import threading
import time

import pytest

import cuarm
from conftest import BACKEND


def counting_worker(cpu, result, target=200_000):
    """Waits for the guest to run, counts in Python while it runs, then cancels it."""
    while not cpu.is_running():
        time.sleep(0.001)
    n = 0
    while n < target:
        n += 1
    result["count"] = n
    result["guest_running_after_count"] = cpu.is_running()
    cpu.cancel()


@pytest.mark.parametrize("how", ["run", "wait", "wait_timeout"])
def test_gil_released_while_the_guest_runs(loop_cpu, how):
    result = {}
    t = threading.Thread(target=counting_worker, args=(loop_cpu, result))
    t.start()
    if how == "run":
        st = loop_cpu.run(None)  # only a thread that runs Python can stop it
    else:
        loop_cpu.start(None)
        st = loop_cpu.wait() if how == "wait" else loop_cpu.wait(timeout=600)
    t.join()
    assert result == {"count": 200_000, "guest_running_after_count": True}
    assert st.signal == cuarm.Signal.CANCELLED and st.cycles_executed > 0


def test_gil_released_during_run_elf(collatz):
    samples, stop = [], threading.Event()

    def ticker():
        while not stop.is_set():
            samples.append(time.perf_counter())
            time.sleep(0.001)

    t = threading.Thread(target=ticker)
    t.start()
    time.sleep(0.01)
    t0 = time.perf_counter()
    r = cuarm.run_elf(collatz, ["collatz", "100000000"], max_cycles=30_000_000, backend=BACKEND)
    t1 = time.perf_counter()
    stop.set()
    t.join()
    assert r.signal == cuarm.Signal.MAX_CYCLES and r.cycles == 30_000_000
    if t1 - t0 < 0.05:
        pytest.skip("the guest ran too briefly to tell")
    inside = [s for s in samples if t0 + 0.01 < s < t1 - 0.01]
    assert len(inside) > 3, f"no Python thread ran during a {t1 - t0:.3f} s run_elf"


def test_wait_timeout_returns_none_while_running(loop_cpu):
    loop_cpu.start(None)
    try:
        t0 = time.monotonic()
        assert loop_cpu.wait(timeout=0.2) is None
        assert 0.15 < time.monotonic() - t0 < 5
        assert loop_cpu.wait(timeout=0) is None
        assert loop_cpu.wait(0.01) is None
        assert loop_cpu.is_running()
    finally:
        loop_cpu.cancel()
    st = loop_cpu.wait(timeout=30)
    assert st is not None and st.signal == cuarm.Signal.CANCELLED


def test_wait_timeout_returns_the_status_when_done(loop_cpu):
    loop_cpu.start(1000)
    st = loop_cpu.wait(timeout=30)
    assert st.signal == cuarm.Signal.MAX_CYCLES and st.cycles_executed == 1000
    assert loop_cpu.wait(timeout=0).cycles_executed == 1000  # stays available


def test_wait_bad_timeout(loop_cpu):
    with pytest.raises(ValueError):
        loop_cpu.wait(timeout=-1)
    with pytest.raises(ValueError):
        loop_cpu.wait(timeout=float("nan"))
    with pytest.raises(TypeError):
        loop_cpu.wait(timeout="1")


def test_cancel_from_another_thread(loop_cpu):
    loop_cpu.start(None)
    threading.Timer(0.1, loop_cpu.cancel).start()
    assert loop_cpu.wait().signal == cuarm.Signal.CANCELLED


def test_many_threads_polling_while_one_waits(loop_cpu):
    loop_cpu.start(None)
    seen, errors = [], []

    def poller():
        try:
            for _ in range(200):
                st = loop_cpu.poll()
                seen.append(st.cycles_executed)
                loop_cpu.is_running()
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=poller) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    loop_cpu.cancel()
    assert loop_cpu.wait().signal == cuarm.Signal.CANCELLED
    assert not errors and len(seen) == 800


def interrupt_after(seconds):
    timer = threading.Timer(seconds, _thread.interrupt_main)
    timer.start()
    return timer


def test_ctrl_c_during_run_cancels(loop_cpu):
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        loop_cpu.run(None)
    timer.join()
    st = loop_cpu.poll()
    assert not loop_cpu.is_running() and st.signal == cuarm.Signal.CANCELLED and st.cycles_executed > 0
    assert loop_cpu.run(10).signal == cuarm.Signal.MAX_CYCLES  # usable afterwards


def test_ctrl_c_during_wait_cancels(loop_cpu):
    loop_cpu.start(None)
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        loop_cpu.wait()
    timer.join()
    assert not loop_cpu.is_running() and loop_cpu.poll().signal == cuarm.Signal.CANCELLED


def test_ctrl_c_during_wait_with_timeout_cancels(loop_cpu):
    loop_cpu.start(None)
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        loop_cpu.wait(timeout=600)
    timer.join()
    assert not loop_cpu.is_running() and loop_cpu.poll().signal == cuarm.Signal.CANCELLED


def test_ctrl_c_during_run_elf(collatz):
    timer = interrupt_after(0.3)
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        cuarm.run_elf(collatz, ["collatz", "1000000000000"], backend=BACKEND)  # hours without Ctrl-C
    timer.join()
    assert time.monotonic() - t0 < 30


def test_ctrl_c_during_run_elf_of_a_program_that_makes_syscalls_all_the_time():
    # spin writes a line every 1000 loop iterations: its guest code never runs 100 ms without a
    # syscall, and Ctrl-C must still be seen (the progress check spans syscalls).
    from test_process_batch import os_program

    spin = os_program("spin")
    timer = interrupt_after(0.3)
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        cuarm.run_elf(spin, ["spin", "1000000000", "1000"], backend=BACKEND)  # hours without Ctrl-C
    timer.join()
    assert time.monotonic() - t0 < 30
