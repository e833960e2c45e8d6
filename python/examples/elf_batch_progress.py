"""Run one ELF as many processes at once with a live progress line; Ctrl-C cancels cleanly.

    PYTHONPATH=build/python /usr/bin/python3 python/examples/elf_batch_progress.py [LANES] [COLLATZ_ELF]

Each lane runs the bundled Collatz program (build/examples/collatz) with its own limit, as its own
process: own argv, captured stdout, exit status. The batch runs in the background; this thread
polls its progress, waits with wait(timeout) (the GIL is released) and checks every lane's output
against the answer worked out here in Python. Ctrl-C stops the lanes still running; the lanes
that had ended keep their results.
"""
import os
import pathlib
import sys

import cuarm

LANES = int(sys.argv[1]) if len(sys.argv) > 1 else 16
REPO = pathlib.Path(__file__).resolve().parents[2]
ELF = pathlib.Path(sys.argv[2]) if len(sys.argv) > 2 else \
    pathlib.Path(os.environ.get("CUARM_EXAMPLES_DIR", REPO / "build" / "examples")) / "collatz"
if not ELF.exists():
    sys.exit(f"{ELF} not found: build the examples (cmake --build build --target cuarm_examples)")

limits = [4000 * (i + 1) for i in range(LANES)]


def longest_chain_below(n_max):
    """For every limit n: the start below n with the longest Collatz chain, and its steps."""
    steps = [0] * n_max
    best, answers = (1, 0), {}
    for start in range(2, n_max):
        n, k = start, 0
        while n >= start:  # until the chain drops below start, whose steps are known
            n = n // 2 if n % 2 == 0 else 3 * n + 1
            k += 1
        steps[start] = k + steps[n]
        if steps[start] > best[1]:
            best = (start, steps[start])
        answers[start + 1] = best
    return answers


batch = cuarm.ProcessBatch(ELF, [["collatz", str(n)] for n in limits], backend="auto")
print(f"{batch.lanes} lanes of {ELF.name} on {batch.backend}")
batch.start()
try:
    while batch.wait(timeout=0.1) is None:  # GIL released while waiting
        st = batch.poll()
        sys.stdout.write(f"\r{st.lanes_ended:>3}/{st.lanes} lanes ended  {st.cycles_executed:>15,} instr  "
                         f"{st.ips / 1e6:8.1f} MIPS  round {st.rounds}  {st.elapsed_seconds:6.2f} s")
        sys.stdout.flush()
except KeyboardInterrupt:  # wait() has cancelled the batch already; its results are there
    print("\ninterrupted: lanes not ended were cancelled")

st = batch.poll()
print(f"\rdone: {st.lanes_ended}/{st.lanes} lanes, {st.cycles_executed:,} instructions in {st.elapsed_seconds:.2f} s "
      f"({st.ips / 1e6:.1f} MIPS), {st.rounds} rounds, cancelled={st.cancelled}")
result = batch.result()
answers = longest_chain_below(max(limits))
cancelled = []
for i, n in enumerate(limits):
    lane = result[i]
    if lane.signal != cuarm.Signal.EXIT:
        assert lane.signal == cuarm.Signal.CANCELLED
        cancelled.append(i)
        continue
    start, steps = answers[n]
    assert lane.stdout == f"longest Collatz chain below {n} starts at {start} ({steps} steps)\n".encode(), lane.stdout
    assert lane.exit_code == 0
    if i < 3 or i == len(limits) - 1:
        print(f"  lane {i:>2}: {lane.stdout.decode().strip()}  [{lane.cycles:,} instructions]")
if cancelled:
    # A lane waiting at a syscall for the round's slowest lane counts as not ended: cancelled too.
    print(f"  {len(cancelled)} of {len(limits)} lanes cancelled; the {len(limits) - len(cancelled)} others match "
          "the answers computed in Python")
else:
    assert (result.exit_codes == 0).all()
    print(f"all {len(limits)} lanes match the answers computed in Python")
