"""Every stop reason, with the fields that come with it."""
import pytest

import cuarm
from conftest import (ADD_X0_1, B_BACK_1, B_SELF, BRK_0, HLT_0, LDR_X1_X0, LOOP, NOP, STR_X1_X0, SVC_0, hlt,
                      movz, words)


def test_signal_enum_matches_stop_reason():
    assert issubclass(cuarm.Signal, int)
    import enum
    assert issubclass(cuarm.Signal, enum.IntEnum)
    expected = ["NONE", "HALT", "SYSCALL", "MAX_CYCLES", "BREAKPOINT", "FAULT", "UNDEFINED", "EXIT", "CANCELLED"]
    assert [s.name for s in cuarm.Signal] == expected
    assert [int(s) for s in cuarm.Signal] == list(range(9))
    assert cuarm.Signal(5) is cuarm.Signal.FAULT
    assert cuarm.Signal.__module__ == "cuarm"


def test_halt(cpu):
    cpu.load_program(words(NOP, NOP, hlt(0x42)), 0x1000)
    cpu.set_pc(0x1000)
    st = cpu.run(100)
    assert st.signal == cuarm.Signal.HALT and st.signal_name == "HALT"
    assert st.pc == 0x1008 and st.insn == hlt(0x42) and st.cycles_executed == 2
    assert not st.is_running
    assert st.elapsed_seconds >= 0 and st.ips >= 0


def test_halt_word_from_the_brief(cpu):
    cpu.load_program(words(HLT_0), 0)
    cpu.set_pc(0)
    st = cpu.run(10)
    assert st.signal == cuarm.Signal.HALT and st.insn == 0xD4400000 and st.pc == 0


def test_syscall_bare(cpu):
    cpu.load_program(words(movz(8, 93), SVC_0, hlt(1)), 0)
    cpu.set_pc(0)
    st = cpu.run(100)
    assert st.signal == cuarm.Signal.SYSCALL
    assert st.syscall == 93 and cpu.get_register("x8") == 93
    assert st.pc == 8  # after the SVC
    assert st.insn == SVC_0
    # Service it by hand and resume.
    cpu.set_register("x0", 0)
    st = cpu.run(100)
    assert st.signal == cuarm.Signal.HALT and st.pc == 8


@pytest.mark.parametrize("n", [1, 2, 1001, 100_000])
def test_max_cycles_exact(loop_cpu, n):
    st = loop_cpu.run(n)
    assert st.signal == cuarm.Signal.MAX_CYCLES
    assert st.cycles_executed == n
    assert loop_cpu.get_register("x0") == (n + 1) // 2
    assert st.pc == (4 if n % 2 else 0) == loop_cpu.get_register("pc")


def test_max_cycles_zero(loop_cpu):
    st = loop_cpu.run(0)
    assert st.signal == cuarm.Signal.MAX_CYCLES and st.cycles_executed == 0 and st.pc == 0


def test_breakpoint(cpu):
    cpu.load_program(words(NOP, BRK_0 | (7 << 5)), 0x40)
    cpu.set_pc(0x40)
    st = cpu.run(100)
    assert st.signal == cuarm.Signal.BREAKPOINT and st.pc == 0x44 and st.insn == BRK_0 | (7 << 5)


def test_breakpoint_word_from_the_brief(cpu):
    cpu.load_program(words(BRK_0), 0)
    cpu.set_pc(0)
    assert cpu.run(10).signal == cuarm.Signal.BREAKPOINT


def test_fault_read(cpu):
    cpu.load_program(words(LDR_X1_X0), 0)
    cpu.set_register("x0", 0x10000000)  # beyond the 4 MiB of flat memory
    cpu.set_pc(0)
    st = cpu.run(10)
    assert st.signal == cuarm.Signal.FAULT
    assert st.fault_address == 0x10000000 and st.fault_access == "read"
    assert st.pc == 0 and st.cycles_executed == 0


def test_fault_write_to_read_only(cpu):
    cpu.map(0x800000, 0x1000, "r")
    cpu.load_program(words(STR_X1_X0), 0)
    cpu.set_register("x0", 0x800010)
    cpu.set_pc(0)
    st = cpu.run(10)
    assert st.signal == cuarm.Signal.FAULT
    assert st.fault_address == 0x800010 and st.fault_access == "write"


def test_fault_fetch(cpu):
    cpu.map(0x800000, 0x1000, "rw")  # not executable
    cpu.set_pc(0x800000)
    st = cpu.run(10)
    assert st.signal == cuarm.Signal.FAULT and st.fault_access == "fetch" and st.fault_address == 0x800000


def test_undefined(cpu):
    cpu.load_program(words(NOP, 0), 0)
    cpu.set_pc(0)
    st = cpu.run(10)
    assert st.signal == cuarm.Signal.UNDEFINED and st.insn == 0 and st.pc == 4 and st.cycles_executed == 1


def test_cancelled(loop_cpu):
    loop_cpu.start(None)
    assert loop_cpu.is_running()
    loop_cpu.cancel()
    st = loop_cpu.wait()
    assert st.signal == cuarm.Signal.CANCELLED and not st.is_running
    assert not loop_cpu.is_running()
    x0 = loop_cpu.get_register("x0")
    assert st.pc in (0, 4)
    assert x0 == (st.cycles_executed + 1) // 2


def test_cancel_on_a_tight_self_loop(cpu):
    cpu.load_program(words(B_SELF), 0)
    cpu.set_pc(0)
    cpu.start(None)
    cpu.cancel()
    assert cpu.wait(timeout=30).signal == cuarm.Signal.CANCELLED


def test_exit_via_run_elf(collatz, backend):
    r = cuarm.run_elf(str(collatz), ["collatz", "100"], backend=backend)
    assert r.signal == cuarm.Signal.EXIT and r.status.signal == cuarm.Signal.EXIT
    assert r.exit_code == 0 and r.status.exit_status == 0
    assert r.stdout == b"longest Collatz chain below 100 starts at 97 (118 steps)\n"


def test_status_before_any_run(cpu):
    st = cpu.poll()
    assert st.signal == cuarm.Signal.NONE and not st.is_running and st.cycles_executed == 0
    assert cpu.wait().signal == cuarm.Signal.NONE
    assert cpu.wait(timeout=0).signal == cuarm.Signal.NONE


def test_status_repr(cpu):
    cpu.load_program(words(LDR_X1_X0), 0)
    cpu.set_register("x0", 0x10000000)
    st = cpu.run(10)
    text = repr(st)
    assert "Signal.FAULT" in text and "fault_address=0x10000000" in text and "'read'" in text
    with pytest.raises(TypeError):
        cuarm.Status()
