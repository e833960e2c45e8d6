"""Run a guest in the background while Python keeps working, then collect the result.

    PYTHONPATH=build/python /usr/bin/python3 python/examples/background_processing.py
"""
import struct
import time

import cuarm

# A counting loop:  loop: add x0, x0, #1 ; b loop
PROGRAM = struct.pack("<2I", 0x91000400, 0x17FFFFFF)
CYCLES = 50_000_000

cpu = cuarm.AsyncCPU(backend="auto")
cpu.load_program(PROGRAM, address=0)
cpu.set_pc(0)
cpu.start(max_cycles=CYCLES)  # returns at once: the guest runs on its own thread (or the GPU)

# Meanwhile, the host does its own work (here: sums squares in small steps).
host_work, n = 0, 0
while cpu.is_running():
    for _ in range(10_000):
        host_work += n * n
        n += 1

result = cpu.wait()
print(f"backend: {cpu.backend}")
print(f"guest stopped with {result.signal.name} after {result.cycles_executed:,} instructions "
      f"({result.elapsed_seconds:.3f} s, {result.ips / 1e6:.1f} MIPS)")
print(f"guest x0 = {cpu.get_register('x0'):,}   (one add every two instructions)")
print(f"host meanwhile summed {n:,} squares")
assert result.signal == cuarm.Signal.MAX_CYCLES
assert cpu.get_register("x0") == CYCLES // 2
