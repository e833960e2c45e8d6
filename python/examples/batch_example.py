"""Run one AArch64 program in thousands of lanes at once: the Collatz chain of a different start
value in every lane, inputs and results as NumPy arrays, checked against NumPy.

    PYTHONPATH=build/python /usr/bin/python3 python/examples/batch_example.py [LANES]
"""
import struct
import sys
import time

import numpy as np

import cuarm

# x0 = n: counts the steps to reach 1 in x1 and the peak value in x5, stores both at [x4], HLT.
PROGRAM = struct.pack(
    "<15I",
    0xAA1F03E1,  #       mov  x1, xzr
    0xAA0003E5,  #       mov  x5, x0
    0xF100041F,  # loop: cmp  x0, #1
    0x54000149,  #       b.ls done
    0x8B000402,  #       add  x2, x0, x0, lsl #1     3n
    0x91000442,  #       add  x2, x2, #1             3n + 1
    0xD341FC03,  #       lsr  x3, x0, #1             n / 2
    0xF240001F,  #       tst  x0, #1
    0x9A831040,  #       csel x0, x2, x3, ne         odd ? 3n + 1 : n / 2
    0xEB05001F,  #       cmp  x0, x5
    0x9A858005,  #       csel x5, x0, x5, hi         peak
    0x91000421,  #       add  x1, x1, #1
    0x17FFFFF6,  #       b    loop
    0xA9001481,  # done: stp  x1, x5, [x4]
    0xD4400000,  #       hlt  #0
)
CODE, DATA = 0x10000, 0x20000
LANES = int(sys.argv[1]) if len(sys.argv) > 1 else 20_000
BUDGET = 1_500  # instructions per lane in the first run: the longest chains do not finish


def collatz_numpy(starts):
    """The same computation in NumPy (all lanes at once), to check the emulator's results."""
    n, steps, peak = starts.copy(), np.zeros_like(starts), starts.copy()
    while (live := n > 1).any():
        n[live] = np.where(n[live] % 2 == 1, 3 * n[live] + 1, n[live] // 2)
        steps[live] += 1
        peak = np.maximum(peak, n)
    return steps, peak


starts = np.arange(1, LANES + 1, dtype=np.uint64)
batch = cuarm.Batch(PROGRAM, LANES, backend="auto", address=CODE,
                    regions=[(CODE, 0x1000, "rx"),    # code: shared by all lanes
                             (DATA, 0x1000, "rw")])   # data: a private copy per lane
print(f"{batch.lanes:,} lanes on {batch.backend}, {batch.memory_per_lane:,} bytes of memory per lane")
batch.set_x(0, starts)  # one start value per lane
batch.set_x(4, DATA)    # the same result address in every lane

# Run in the background with a per-lane budget, watching progress.
batch.start(max_cycles=BUDGET)
shown = None
while (status := batch.poll()).is_running:  # poll() never blocks
    line = f"  {status.lanes_stopped:,}/{status.lanes:,} lanes stopped, {status.cycles_executed:,} instructions"
    if line != shown:
        print(line)
        shown = line
    time.sleep(0.01)
status = batch.wait()
print(f"first run: {status.cycles_executed:,} instructions in {status.elapsed_seconds:.3f} s "
      f"({status.ips / 1e6:.1f} MIPS)")
print("  lanes by stop reason:", {s.name: n for s, n in status.by_signal.items() if n})

steps, peak = collatz_numpy(starts)
halted = batch.signals() == cuarm.Signal.HALT
results = batch.read_memory(DATA, 16).view(np.uint64)  # (lanes, 2): steps, peak as stored by each lane
assert (results[halted, 0] == steps[halted]).all() and (results[halted, 1] == peak[halted]).all()
assert (batch.x(1)[halted] == steps[halted]).all()
assert (batch.cycles()[~halted] == BUDGET).all()  # the rest ran out of budget exactly
print(f"  {halted.sum():,} lanes finished and agree with NumPy; {(~halted).sum():,} ran out of budget")

# Run again without a budget: the finished lanes stop at their HLT at once, the others go on.
status = batch.run(max_cycles=None)
assert status.by_signal[cuarm.Signal.HALT] == LANES
results = batch.read_memory(DATA, 16).view(np.uint64)
assert (results[:, 0] == steps).all() and (results[:, 1] == peak).all()
longest = int(np.argmax(batch.x(1)))
print(f"second run: all {LANES:,} lanes agree with NumPy; the longest chain starts at {starts[longest]} "
      f"({batch.x(1)[longest]} steps, peak {results[longest, 1]:,})")
print("  its lane:", batch.lane_status(longest))
