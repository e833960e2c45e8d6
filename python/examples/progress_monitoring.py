"""Show a text progress bar from poll() while a guest runs.

    PYTHONPATH=build/python /usr/bin/python3 python/examples/progress_monitoring.py [CYCLES]
"""
import struct
import sys
import time

import cuarm

# A loop that also stores:  loop: add x0, x0, #1 ; str x0, [x1] ; b loop
PROGRAM = struct.pack("<3I", 0x91000400, 0xF9000020, 0x17FFFFFE)
TOTAL = int(sys.argv[1]) if len(sys.argv) > 1 else 150_000_000
WIDTH = 40


def bar(status: cuarm.Status) -> str:
    done = status.cycles_executed / TOTAL
    filled = int(done * WIDTH)
    return (f"\r[{'#' * filled}{'.' * (WIDTH - filled)}] {done:6.1%}  "
            f"{status.cycles_executed:>13,} instr  {status.ips / 1e6:7.1f} MIPS  {status.elapsed_seconds:5.2f} s")


cpu = cuarm.AsyncCPU(backend="auto")
cpu.load_program(PROGRAM, address=0)
cpu.set_register("x1", 0x10000)  # where the loop stores
cpu.set_pc(0)
cpu.start(max_cycles=TOTAL)
while True:
    status = cpu.poll()  # never blocks
    if not status.is_running:
        break
    sys.stdout.write(bar(status))
    sys.stdout.flush()
    time.sleep(0.05)
result = cpu.wait()
print(bar(result))
print(f"{result.signal.name} on {cpu.backend}; memory at 0x10000 holds "
      f"{int.from_bytes(cpu.read_memory(0x10000, 8), 'little'):,}")
assert result.signal == cuarm.Signal.MAX_CYCLES and result.cycles_executed == TOTAL
