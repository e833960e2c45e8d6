"""cuarm.ProcessBatch: one ELF as many processes, run in the background (start, poll, wait, cancel).

Lanes are checked against the same program run alone with run_elf, and against outputs worked out
here from what the guest programs are written to print (tests/programs_os/spin.c).
"""
import _thread
import threading
import time

import numpy as np
import pytest

import cuarm
from conftest import BACKEND, examples_dir
from test_run_elf import corpus_program

SIG = cuarm.Signal


def os_program(name: str):
    """A freestanding guest of tests/programs_os (built with the C++ tests), or skip."""
    path = examples_dir().parent / "tests" / "programs_os" / name
    if not path.exists():
        pytest.skip(f"{path} does not exist (tests/programs_os is built with the C++ tests)")
    return path


def spin_output(chunks: int, iters: int) -> bytes:
    """What `spin CHUNKS ITERS` prints: "K K*ITERS" for each chunk K from 1."""
    return b"".join(b"%d %d\n" % (k, k * iters) for k in range(1, chunks + 1))


def spin(chunks: int, iters: int):
    return ["spin", str(chunks), str(iters)]


# Three lanes that end within a few rounds, one that would run for hours (a write every 200000
# iterations, so rounds keep coming).
LONG_AND_SHORT = [spin(3, 1000), spin(10**9, 200000), spin(5, 10), ["spin"]]


def make(argv=LONG_AND_SHORT, **kw):
    kw.setdefault("backend", BACKEND)
    return cuarm.ProcessBatch(os_program("spin"), argv, **kw)


def poll_until(pb, pred, seconds=60):
    t0 = time.monotonic()
    st = pb.poll()
    while not pred(st) and time.monotonic() - t0 < seconds:
        time.sleep(0.005)
        st = pb.poll()
    return st


def interrupt_after(seconds):
    timer = threading.Timer(seconds, _thread.interrupt_main)
    timer.start()
    return timer


def test_start_poll_cancel_and_results():
    pb = make()
    assert pb.lanes == 4 and not pb.is_running()
    assert pb.backend.startswith("cpu") or BACKEND != "cpu"
    st = pb.poll()
    assert isinstance(st, cuarm.ProcessBatchStatus)
    assert (st.lanes, st.lanes_ended, st.cycles_executed, st.rounds, st.is_running) == (4, 0, 0, 0, False)
    with pytest.raises(cuarm.Error, match="start"):
        pb.result()
    t0 = time.monotonic()
    pb.start()
    assert time.monotonic() - t0 < 1.0 and pb.is_running()
    with pytest.raises(cuarm.Error, match="running"):
        pb.result()
    with pytest.raises(cuarm.Error, match="runs once"):
        pb.start()
    st = poll_until(pb, lambda s: s.lanes_ended == 3 and s.rounds >= 10)
    assert st.is_running and st.lanes_ended == 3 and st.rounds >= 10 and not st.cancelled
    assert st.cycles_executed > 10 * 200000 and st.elapsed_seconds > 0 and st.ips > 0
    assert pb.wait(timeout=0.05) is None  # still running
    pb.cancel()
    end = pb.wait()
    assert isinstance(end, cuarm.ProcessBatchStatus)
    assert not end.is_running and end.cancelled and end.lanes_ended == 4
    assert end.cycles_executed >= st.cycles_executed
    r = pb.result()
    assert isinstance(r, cuarm.ProcessBatchResult) and len(r) == 4
    assert list(r.exit_codes) == [3, -1, 5, 100]
    assert list(r.signals) == [SIG.EXIT, SIG.CANCELLED, SIG.EXIT, SIG.EXIT]
    assert r.stdout[0] == spin_output(3, 1000) and r.stdout[2] == spin_output(5, 10) and r.stdout[3] == b""
    # The cancelled lane's output so far is a prefix of its whole output.
    assert r[1].stdout and spin_output(2000, 200000).startswith(r[1].stdout)
    assert r[1].signal == SIG.CANCELLED and r[1].exit_code is None
    assert int(r.cycles.sum()) == end.cycles_executed
    pb.cancel()  # harmless once stopped
    assert pb.wait(timeout=0).lanes_ended == 4
    assert "ProcessBatchStatus(" in repr(end) and "cancelled=True" in repr(end)
    assert "lanes=4" in repr(pb)


def test_wait_timeout_semantics():
    pb = make([spin(2, 100), spin(3, 100)])
    assert pb.wait().rounds == 0  # nothing started: returns at once
    with pytest.raises(ValueError, match="timeout"):
        pb.wait(timeout=-1)
    pb.start()
    st = pb.wait(timeout=60)
    assert st is not None and not st.is_running and st.lanes_ended == 2 and not st.cancelled
    assert st.rounds == 3 * 4 + 1  # the longer lane: four writes a chunk, then exit
    assert pb.wait(timeout=0) is not None
    long = make([spin(1, 10**12)])  # one round of hours
    long.start()
    t0 = time.monotonic()
    assert long.wait(timeout=0.2) is None
    assert 0.15 < time.monotonic() - t0 < 30
    live = poll_until(long, lambda s: s.cycles_executed > 10**6)
    assert live.cycles_executed > 10**6 and live.rounds == 0  # live within the round
    long.cancel()
    assert long.wait(timeout=60).cancelled


def test_lanes_match_run_elf_alone():
    prog = corpus_program("stdin_wc")
    texts = [b"", b"a\n", b"one two three\nfour\n", b"x" * 5000 + b"\n", b"\n\n\n"]
    pb = cuarm.ProcessBatch(prog, [["stdin_wc"]] * len(texts), stdin=texts, backend=BACKEND, deterministic=True)
    pb.start()
    pb.wait()
    r = pb.result()
    for i, text in enumerate(texts):
        alone = cuarm.run_elf(prog, ["stdin_wc"], backend=BACKEND, stdin=text, deterministic=True)
        assert r[i].stdout == alone.stdout and r[i].stderr == alone.stderr
        assert r[i].exit_code == alone.exit_code == 0
        assert r[i].cycles == alone.cycles
    assert r.stdout[2].split()[:3] == [b"2", b"4", b"19"]
    # run_elf_batch is the same code path: the same results.
    again = cuarm.run_elf_batch(prog, [["stdin_wc"]] * len(texts), stdin=texts, backend=BACKEND, deterministic=True)
    assert again.stdout == r.stdout
    np.testing.assert_array_equal(again.cycles, r.cycles)
    np.testing.assert_array_equal(again.exit_codes, r.exit_codes)


def test_argv_per_lane_and_max_cycles():
    pb = make([spin(2, 10**9), spin(4, 7), spin(1, 0)], max_cycles=100000)
    pb.start()
    pb.wait()
    r = pb.result()
    assert r[0].signal == SIG.MAX_CYCLES and r[0].cycles == 100000 and r.exit_codes[0] == -1
    assert r.stdout[1] == spin_output(4, 7) and r.exit_codes[1] == 4
    assert r.stdout[2] == spin_output(1, 0) and r.exit_codes[2] == 1


def test_other_threads_run_while_the_batch_runs():
    pb = make()
    counter = [0]
    stop = threading.Event()

    def count():
        while not stop.is_set():
            counter[0] += 1

    t = threading.Thread(target=count)
    t.start()
    pb.start()
    # Python runs here while the lanes run (start returned), and the counter thread runs while
    # this one waits with the GIL released.
    seen = poll_until(pb, lambda s: s.rounds >= 5)
    assert seen.rounds >= 5
    before = counter[0]
    assert pb.wait(timeout=0.3) is None
    during_wait = counter[0] - before
    pb.cancel()
    pb.wait()
    stop.set()
    t.join()
    assert during_wait > 1000, during_wait


def test_cancel_from_another_thread_and_polling_threads():
    pb = make()
    pb.start()
    errors, polls = [], [0]

    def poller():
        last = 0
        try:
            while pb.is_running():
                st = pb.poll()
                assert st.cycles_executed >= last
                last = st.cycles_executed
                polls[0] += 1
        except Exception as e:  # pragma: no cover - reported below
            errors.append(e)

    def canceller():
        poll_until(pb, lambda s: s.rounds >= 5)
        pb.cancel()

    threads = [threading.Thread(target=poller) for _ in range(3)] + [threading.Thread(target=canceller)]
    for t in threads:
        t.start()
    st = pb.wait()
    for t in threads:
        t.join()
    assert not errors and polls[0] > 0 and st.cancelled


def test_ctrl_c_during_wait_cancels():
    pb = make()
    pb.start()
    poll_until(pb, lambda s: s.lanes_ended == 3)
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        pb.wait()
    timer.join()
    assert not pb.is_running()
    st = pb.poll()
    assert st.cancelled and st.lanes_ended == 4
    r = pb.result()
    assert list(r.signals) == [SIG.EXIT, SIG.CANCELLED, SIG.EXIT, SIG.EXIT]
    assert r.stdout[0] == spin_output(3, 1000)


def test_ctrl_c_during_wait_with_timeout_cancels():
    pb = make()
    pb.start()
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        pb.wait(timeout=600)
    timer.join()
    assert not pb.is_running() and pb.poll().cancelled


def test_ctrl_c_during_run_elf_batch(collatz):
    timer = interrupt_after(0.3)
    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        cuarm.run_elf_batch(collatz, [["collatz", "1000000000000"]] * 4, backend=BACKEND)  # hours
    timer.join()
    assert time.monotonic() - t0 < 30


def test_deleting_a_running_process_batch_cancels_it():
    pb = make()
    pb.start()
    poll_until(pb, lambda s: s.rounds >= 2)
    t0 = time.monotonic()
    del pb
    assert time.monotonic() - t0 < 10
    make().start()  # dropped at once


def test_errors(tmp_path):
    prog = os_program("spin")
    with pytest.raises(ValueError, match="at least one lane"):
        cuarm.ProcessBatch(prog, [], backend=BACKEND)
    with pytest.raises(ValueError, match="lane 1 is empty"):
        cuarm.ProcessBatch(prog, [["spin"], []], backend=BACKEND)
    with pytest.raises(ValueError, match="stdin"):
        cuarm.ProcessBatch(prog, [["spin"], ["spin"]], stdin=[b""], backend=BACKEND)
    with pytest.raises(FileNotFoundError):
        cuarm.ProcessBatch(tmp_path / "missing", [["x"]], backend=BACKEND)
    bad = tmp_path / "bad.elf"
    bad.write_bytes(b"\x7fELF garbage")
    with pytest.raises(cuarm.Error, match="ELF"):
        cuarm.ProcessBatch(bad, [["x"]], backend=BACKEND)
    with pytest.raises(ValueError, match="backend"):
        cuarm.ProcessBatch(prog, [["spin"]], backend="tpu")
    with pytest.raises(ValueError):
        cuarm.ProcessBatch(prog, [["spin"]], max_cycles=-1, backend=BACKEND)
    with pytest.raises(TypeError):
        cuarm.ProcessBatch(prog, [["spin"]], BACKEND, mounts=[])  # stdin must be a list of bytes
