"""Stop a guest that would run forever: from a watchdog thread with cancel(), and with Ctrl-C.

    PYTHONPATH=build/python /usr/bin/python3 python/examples/interruptible_execution.py
"""
import struct
import threading
import time

import cuarm

# An endless loop:  loop: add x0, x0, #1 ; b loop
PROGRAM = struct.pack("<2I", 0x91000400, 0x17FFFFFF)

cpu = cuarm.AsyncCPU(backend="auto")
cpu.load_program(PROGRAM, address=0)
cpu.set_pc(0)

# 1. start() with no limit, then cancel() from the host when we have seen enough.
cpu.start(max_cycles=None)
time.sleep(0.5)
print(f"running: {cpu.is_running()}, {cpu.poll().cycles_executed:,} instructions so far")
cpu.cancel()
result = cpu.wait()
print(f"after cancel(): {result.signal.name} at pc={result.pc:#x}, {result.cycles_executed:,} instructions")
assert result.signal == cuarm.Signal.CANCELLED

# 2. A blocking run() releases the GIL, so a watchdog thread can run and cancel it.
watchdog = threading.Timer(0.5, cpu.cancel)
watchdog.start()
result = cpu.run(max_cycles=None)
print(f"run() stopped by the watchdog: {result.signal.name}, x0 = {cpu.get_register('x0'):,}")
assert result.signal == cuarm.Signal.CANCELLED

# 3. wait() with a timeout returns None while the guest still runs.
cpu.start(max_cycles=None)
print(f"wait(timeout=0.2) -> {cpu.wait(timeout=0.2)}")
cpu.cancel()
print(f"wait() after cancel() -> {cpu.wait().signal.name}")

# 4. Ctrl-C during run() or wait() cancels the guest and raises KeyboardInterrupt.
print("running until Ctrl-C (or 2 s, when a timer sends the interrupt)...")
timer = threading.Timer(2.0, lambda: __import__("_thread").interrupt_main())
timer.start()
try:
    cpu.run(max_cycles=None)
except KeyboardInterrupt:
    status = cpu.poll()
    print(f"KeyboardInterrupt: the guest is {status.signal.name} "
          f"(is_running={status.is_running}) after {status.cycles_executed:,} instructions")
finally:
    timer.cancel()
