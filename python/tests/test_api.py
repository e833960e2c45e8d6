"""AsyncCPU methods: construction, program loading, registers, memory, ELF loading, errors."""
import os
import pathlib
import struct

import numpy as np
import pytest

import cuarm
from conftest import BACKEND, HLT_0, LOOP, NOP, hlt, movz, words

CMP_X0_X0 = 0xEB00001F         # cmp x0, x0  (Z and C set)
MRS_X0_TPIDR = 0xD53BD040      # mrs x0, tpidr_el0
ADD_X2_X0_X1 = 0x8B010002      # add x2, x0, x1


# --- construction -------------------------------------------------------------------------------

def backend_kind(name):
    """'cpu', or 'cuda' for the CUDA backend's 'cuda (<device name>)'."""
    return "cuda" if name.startswith("cuda (") else name


def test_backend_property(cpu):
    kind = backend_kind(cpu.backend)
    assert kind == BACKEND if BACKEND != "auto" else kind in ("cpu", "cuda")
    assert repr(cpu).startswith("<cuarm.AsyncCPU backend='")


def test_default_memory_is_4mib_rwx(cpu):
    assert cpu.regions() == [(0, 4 * 1024 * 1024, "rwx")]


def test_memory_size_and_empty_address_space():
    c = cuarm.AsyncCPU(memory_size=64 * 1024, backend=BACKEND)
    assert c.regions() == [(0, 64 * 1024, "rwx")]
    empty = cuarm.AsyncCPU(memory_size=0, backend=BACKEND)
    assert empty.regions() == []
    with pytest.raises(cuarm.Error):
        empty.read_memory(0, 1)


def test_keyword_arguments():
    c = cuarm.AsyncCPU(memory_size=8192, backend=BACKEND, deterministic=True)
    c.load_program(program=words(hlt(0)), address=0x1000)
    c.set_pc(address=0x1000)
    assert c.run(max_cycles=10).signal == cuarm.Signal.HALT


def test_bad_backend_name():
    with pytest.raises(ValueError, match="backend"):
        cuarm.AsyncCPU(backend="gpu")


def test_cuda_backend_built_or_clear_error():
    try:
        c = cuarm.AsyncCPU(backend="cuda")
    except cuarm.Error as e:
        assert "cuda" in str(e).lower()
    else:
        assert backend_kind(c.backend) == "cuda"


def test_bad_memory_size():
    with pytest.raises(cuarm.Error):
        cuarm.AsyncCPU(memory_size=1000, backend=BACKEND)
    with pytest.raises(TypeError):
        cuarm.AsyncCPU(memory_size=-4096, backend=BACKEND)


def test_error_class():
    assert issubclass(cuarm.Error, RuntimeError)
    assert cuarm.Error.__module__ == "cuarm"


# --- programs and the program counter -----------------------------------------------------------

def test_load_program_accepts_bytes_like(cpu):
    prog = words(movz(0, 7), hlt(0))
    for i, data in enumerate([prog, bytearray(prog), memoryview(prog), np.frombuffer(prog, dtype=np.uint32)]):
        base = 0x1000 * (i + 1)
        cpu.load_program(data, base)
        cpu.set_pc(base)
        assert cpu.run(10).signal == cuarm.Signal.HALT
        assert cpu.get_register("x0") == 7
        assert cpu.read_memory(base, 8) == prog


def test_load_program_default_address_is_zero(cpu):
    cpu.load_program(words(HLT_0))
    cpu.set_pc(0)
    assert cpu.run(1).signal == cuarm.Signal.HALT


def test_load_program_rejects_str_and_unmapped(cpu):
    with pytest.raises(TypeError):
        cpu.load_program("hlt", 0)
    with pytest.raises(cuarm.Error, match="not mapped"):
        cpu.load_program(b"\0" * 8, 4 * 1024 * 1024 - 4)


def test_start_poll_wait(loop_cpu):
    loop_cpu.start(max_cycles=2_000_000)
    st = loop_cpu.wait()
    assert st.signal == cuarm.Signal.MAX_CYCLES and st.cycles_executed == 2_000_000
    assert loop_cpu.poll().cycles_executed == 2_000_000
    assert loop_cpu.get_register("x0") == 1_000_000


def test_poll_while_running_shows_progress(loop_cpu):
    loop_cpu.start(None)
    try:
        first = loop_cpu.poll()
        assert first.is_running and first.signal == cuarm.Signal.NONE
        import time
        deadline = time.monotonic() + 30
        while loop_cpu.poll().cycles_executed <= first.cycles_executed and time.monotonic() < deadline:
            time.sleep(0.01)
        later = loop_cpu.poll()
        assert later.is_running and later.cycles_executed > first.cycles_executed
        assert later.elapsed_seconds > 0 and later.ips > 0
    finally:
        loop_cpu.cancel()
        loop_cpu.wait()


def test_start_default_max_cycles(loop_cpu):
    loop_cpu.start()
    st = loop_cpu.wait()
    assert st.signal == cuarm.Signal.MAX_CYCLES and st.cycles_executed == 100_000_000


def test_run_default_max_cycles(loop_cpu):
    st = loop_cpu.run()
    assert st.signal == cuarm.Signal.MAX_CYCLES and st.cycles_executed == 100_000_000


def test_negative_max_cycles(loop_cpu):
    with pytest.raises(ValueError):
        loop_cpu.start(-1)
    with pytest.raises(TypeError):
        loop_cpu.run("10")


def test_run_continues_from_where_it_stopped(loop_cpu):
    loop_cpu.run(3)
    loop_cpu.run(3)
    assert loop_cpu.get_register("x0") == 3 and loop_cpu.get_register("pc") == 0


# --- registers ------------------------------------------------------------------------------------

def test_general_registers_by_name_and_index(cpu):
    for n in range(31):
        cpu.set_register(f"x{n}", 0x1000 + n)
    for n in range(31):
        assert cpu.get_register(f"x{n}") == 0x1000 + n
        assert cpu.get_register(n) == 0x1000 + n
        assert cpu.get_register(f"X{n}") == 0x1000 + n
    assert cpu.get_register("lr") == cpu.get_register("x30") == 0x1000 + 30
    assert cpu.get_register("fp") == cpu.get_register("x29")
    cpu.set_register(5, 55)
    assert cpu.get_register("x5") == 55
    cpu.set_register(np.int64(6), 66)
    assert cpu.get_register(6) == 66


def test_register_values_range(cpu):
    cpu.set_register("x0", 2**64 - 1)
    assert cpu.get_register("x0") == 2**64 - 1
    cpu.set_register("x0", -1)
    assert cpu.get_register("x0") == 2**64 - 1
    cpu.set_register("x0", -(2**63))
    assert cpu.get_register("x0") == 2**63
    cpu.set_register("x0", np.uint64(12))
    assert cpu.get_register("x0") == 12
    for bad in (2**64, -(2**63) - 1):
        with pytest.raises(ValueError):
            cpu.set_register("x0", bad)
    with pytest.raises(TypeError):
        cpu.set_register("x0", 1.5)
    with pytest.raises(TypeError):
        cpu.set_register("x0", "1")


def test_special_registers(cpu):
    cpu.set_register("sp", 0x3FFFF0)
    cpu.set_register("pc", 0x2000)
    cpu.set_register("tpidr_el0", 0xDEADBEEF12345678)
    cpu.set_register("fpcr", 0x03C00000)
    cpu.set_register("fpsr", 0x8000009F)
    cpu.set_register("nzcv", 0xF0000000)
    assert cpu.get_register("sp") == cpu.get_register(31) == 0x3FFFF0
    assert cpu.get_register("pc") == cpu.get_register(32) == 0x2000
    assert cpu.get_register("tpidr_el0") == 0xDEADBEEF12345678
    assert cpu.get_register("fpcr") == cpu.get_register(67) == 0x03C00000
    assert cpu.get_register("fpsr") == cpu.get_register(66) == 0x8000009F
    assert cpu.get_register("nzcv") == cpu.get_register(33) == 0xF0000000
    with pytest.raises(ValueError, match="31:28"):
        cpu.set_register("nzcv", 0x1)
    with pytest.raises(ValueError):
        cpu.set_register("fpcr", 2**32)
    with pytest.raises(ValueError):
        cpu.set_register("fpsr", -1)


def test_set_pc_matches_register(cpu):
    cpu.set_pc(0x1234)
    assert cpu.get_register("pc") == 0x1234


def test_registers_seen_and_written_by_the_guest(cpu):
    cpu.load_program(words(ADD_X2_X0_X1, CMP_X0_X0, MRS_X0_TPIDR, hlt(0)), 0)
    cpu.set_pc(0)
    cpu.set_register("x0", 40)
    cpu.set_register("x1", 2)
    cpu.set_register("tpidr_el0", 0xABCDEF)
    cpu.set_register("nzcv", 0)
    st = cpu.run(100)
    assert st.signal == cuarm.Signal.HALT
    assert cpu.get_register("x2") == 42
    assert cpu.get_register("nzcv") == 0x60000000  # Z and C
    assert cpu.get_register("x0") == 0xABCDEF


def test_vector_registers(cpu):
    for n in range(32):
        v = cpu.get_register(f"v{n}")
        assert isinstance(v, np.ndarray) and v.dtype == np.uint8 and v.shape == (16,)
        assert not v.any()
    data = bytes(range(16))
    cpu.set_register("v0", data)
    assert cpu.get_register("v0").tobytes() == data
    cpu.set_register("v31", np.arange(16, 32, dtype=np.uint8))
    assert cpu.get_register("v31").tolist() == list(range(16, 32))
    assert cpu.get_register(34 + 31).tolist() == list(range(16, 32))
    cpu.set_register("v7", bytearray(b"\xff" * 16))
    assert cpu.get_register(34 + 7).tobytes() == b"\xff" * 16
    cpu.set_register("v8", np.array([1, 2], dtype=np.uint64))  # any 16-byte buffer
    assert cpu.get_register("v8").tobytes() == struct.pack("<2Q", 1, 2)
    cpu.set_register("v9", 2**128 - 1)
    assert cpu.get_register("v9").tobytes() == b"\xff" * 16
    cpu.set_register("v9", 0x0102)
    assert cpu.get_register("v9")[:2].tolist() == [2, 1]
    with pytest.raises(ValueError, match="16 bytes"):
        cpu.set_register("v1", b"\0" * 15)
    with pytest.raises(ValueError):
        cpu.set_register("v1", 2**128)
    with pytest.raises(ValueError):
        cpu.set_register("v1", -1)
    with pytest.raises(TypeError):
        cpu.set_register("v1", "0123456789abcdef")
    # Other registers are untouched by a vector write.
    cpu.set_register("x3", 3)
    cpu.set_register("v3", b"\1" * 16)
    assert cpu.get_register("x3") == 3


def test_bad_register_names(cpu):
    for bad in ("x31", "x-1", "x01", "v32", "w0", "q0", "", "xzr", "sp_el0", "pc "):
        with pytest.raises(ValueError, match="register"):
            cpu.get_register(bad)
        with pytest.raises(ValueError):
            cpu.set_register(bad, 0)
    for bad in (-1, 68, 2**70):
        with pytest.raises(ValueError):
            cpu.get_register(bad)
    for bad in (1.0, None, b"x0", True):
        with pytest.raises(TypeError):
            cpu.get_register(bad)


# --- memory ----------------------------------------------------------------------------------------

def test_read_write_memory(cpu):
    cpu.write_memory(0x2000, b"hello, guest")
    assert cpu.read_memory(0x2000, 12) == b"hello, guest"
    assert isinstance(cpu.read_memory(0x2000, 0), bytes) and cpu.read_memory(0x2000, 0) == b""
    cpu.write_memory(0x3000, np.arange(256, dtype=np.uint8))
    assert cpu.read_memory(0x3000, 256) == bytes(range(256))
    cpu.write_memory(0x4000, memoryview(b"abc"))
    assert cpu.read_memory(0x4000, 3) == b"abc"
    top = 4 * 1024 * 1024
    cpu.write_memory(top - 4, b"1234")
    assert cpu.read_memory(top - 4, 4) == b"1234"
    with pytest.raises(cuarm.Error, match="not mapped"):
        cpu.read_memory(top - 4, 5)
    with pytest.raises(cuarm.Error, match="not mapped"):
        cpu.write_memory(top, b"x")
    with pytest.raises(TypeError):
        cpu.write_memory(0, "text")
    with pytest.raises(TypeError):
        cpu.write_memory(0, 5)
    with pytest.raises(TypeError):  # not contiguous
        cpu.write_memory(0, np.arange(16, dtype=np.uint8)[::2])


def test_guest_stores_are_visible(cpu):
    # str x0, [x1] with x0 = 0x1122334455667788
    cpu.load_program(words(0xF9000020, hlt(0)), 0)
    cpu.set_register("x0", 0x1122334455667788)
    cpu.set_register("x1", 0x5000)
    cpu.set_pc(0)
    assert cpu.run(10).signal == cuarm.Signal.HALT
    assert cpu.read_memory(0x5000, 8) == struct.pack("<Q", 0x1122334455667788)


def test_self_modifying_code_via_write_memory(cpu):
    cpu.load_program(words(movz(0, 1), hlt(0)), 0)
    cpu.set_pc(0)
    cpu.run(10)
    assert cpu.get_register("x0") == 1
    cpu.write_memory(0, words(movz(0, 2)))
    cpu.set_pc(0)
    cpu.run(10)
    assert cpu.get_register("x0") == 2


def test_map_and_unmap():
    c = cuarm.AsyncCPU(memory_size=0, backend=BACKEND)
    c.map(0x10000, 0x1000)
    c.map(0x20000, 0x2000, "rw")
    c.map(0x30000, 0x1000, "r-x")
    c.map(0x40000, 0x1000, 1)
    assert c.regions() == [(0x10000, 0x1000, "rwx"), (0x20000, 0x2000, "rw-"), (0x30000, 0x1000, "r-x"),
                           (0x40000, 0x1000, "r--")]
    c.load_program(words(movz(0, 9), hlt(0)), 0x30000)
    c.set_pc(0x30000)
    assert c.run(10).signal == cuarm.Signal.HALT and c.get_register("x0") == 9
    c.unmap(0x20000, 0x2000)
    assert [r[0] for r in c.regions()] == [0x10000, 0x30000, 0x40000]
    with pytest.raises(cuarm.Error):
        c.read_memory(0x20000, 1)
    with pytest.raises(cuarm.Error):  # overlap
        c.map(0x10000, 0x1000, "rw")
    with pytest.raises(cuarm.Error):  # not page aligned
        c.map(0x50001, 0x1000)
    with pytest.raises(ValueError, match="perms"):
        c.map(0x60000, 0x1000, "rwz")
    with pytest.raises(ValueError):
        c.map(0x60000, 0x1000, 8)
    with pytest.raises(cuarm.Error):
        c.unmap(0x70000, 0x1000)


# --- calls that need a stopped guest ---------------------------------------------------------------

def test_calls_while_running_raise(loop_cpu):
    loop_cpu.start(None)
    try:
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.start(10)
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.run(10)
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.get_register("x0")
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.set_register("x0", 1)
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.read_memory(0, 4)
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.write_memory(0, b"1234")
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.load_program(b"1234", 0)
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.map(0x800000, 0x1000)
        with pytest.raises(cuarm.Error, match="running"):
            loop_cpu.set_pc(0)
        assert loop_cpu.is_running()
    finally:
        loop_cpu.cancel()
    assert loop_cpu.wait().signal == cuarm.Signal.CANCELLED
    loop_cpu.get_register("x0")  # fine once stopped


def test_cancel_when_stopped_is_harmless(loop_cpu):
    loop_cpu.cancel()
    assert loop_cpu.run(10).signal == cuarm.Signal.MAX_CYCLES


def test_destroying_a_running_cpu():
    c = cuarm.AsyncCPU(backend=BACKEND)
    c.load_program(LOOP, 0)
    c.set_pc(0)
    c.start(None)
    del c  # cancels and joins; must not hang or crash


# --- ELF loading ----------------------------------------------------------------------------------

def test_load_elf_from_path_and_bytes(collatz):
    for image in (collatz, str(collatz), collatz.read_bytes(), bytearray(collatz.read_bytes())):
        c = cuarm.AsyncCPU(memory_size=0, backend=BACKEND)
        info = c.load_elf(image)
        assert isinstance(info, cuarm.ElfInfo)
        assert info.entry == c.get_register("pc") != 0
        assert info.load_bias == 0
        assert info.image_start <= info.entry < info.image_end
        assert info.phnum > 0 and info.phent == 56
        assert info.image_start % 4096 == 0 and info.image_end % 4096 == 0
        assert "entry=0x" in repr(info)
        assert c.regions()  # segments mapped


def test_load_elf_runs_to_the_first_syscall(collatz):
    c = cuarm.AsyncCPU(memory_size=0, backend=BACKEND)
    c.load_elf(collatz)
    c.map(0x7FF000000, 0x10000, "rw")  # a stack with argc = 0 (the program then uses its default)
    c.set_register("sp", 0x7FF00F000)
    st = c.run(None)
    assert st.signal == cuarm.Signal.SYSCALL and st.syscall == 64  # write
    assert c.get_register("x0") == 1


def test_load_elf_errors(tmp_path):
    c = cuarm.AsyncCPU(memory_size=0, backend=BACKEND)
    with pytest.raises(cuarm.Error, match="ELF"):
        c.load_elf(b"\x7fELF" + b"\0" * 10)
    with pytest.raises(cuarm.Error, match="ELF"):
        c.load_elf(b"not an elf at all" * 10)
    with pytest.raises(FileNotFoundError):
        c.load_elf(tmp_path / "missing")
    with pytest.raises(FileNotFoundError):
        c.load_elf(str(tmp_path / "missing"))
    with pytest.raises(TypeError):
        c.load_elf(12)
    assert c.regions() == []
