"""cuarm.Batch: many lanes of one program, per-lane inputs and results as NumPy arrays.

Results are checked lane by lane against an independent computation in NumPy, and against running
lanes one by one as single AsyncCPU guests. CUARM_TEST_BACKEND picks the backend, as elsewhere.
"""
import _thread
import struct
import threading
import time

import numpy as np
import pytest

import cuarm
from conftest import B_SELF, BACKEND, HLT_0, rss_kib, words

CODE, DATA = 0x10000, 0x100000
REGIONS = [(CODE, 0x1000, "rx"), (DATA, 0x2000, "rw")]

# x0 = number of iterations; counts x1 up x0 times, then HLT: 3*x0+1 instructions retired.
COUNTED_LOOP = words(
    0xB4000080,  # cbz x0, done          (+16)
    0x91000421,  # loop: add x1, x1, #1
    0xF1000400,  #       subs x0, x0, #1
    0x54FFFFC1,  #       b.ne loop
    HLT_0,       # done: hlt #0
)
LOOP_HLT = CODE + 16

# Sums the x0 bytes at [x2] into x1, stores the sum at [x4], then HLT.
BYTE_SUM = words(
    0xAA1F03E1,  # mov x1, xzr
    0xB40000A0,  # cbz x0, store         (+20)
    0x38401443,  # loop: ldrb w3, [x2], #1
    0x8B030021,  #       add x1, x1, x3
    0xF1000400,  #       subs x0, x0, #1
    0x54FFFFA1,  #       b.ne loop       (-12)
    0xF9000081,  # store: str x1, [x4]
    HLT_0,
)
SUM_STORE = CODE + 24  # the str

MRS_X5_CNTVCT = 0xD53BE045  # mrs x5, cntvct_el0

SIG = cuarm.Signal


def make(lanes, code=COUNTED_LOOP, **kw):
    kw.setdefault("backend", BACKEND)
    return cuarm.Batch(code, lanes, address=CODE, regions=REGIONS, **kw)


def interrupt_after(seconds):
    timer = threading.Timer(seconds, _thread.interrupt_main)
    timer.start()
    return timer


def byte_sums(inputs, lens):
    """What the byte-sum program computes, in NumPy: the sum of the first lens[i] bytes of row i."""
    k = inputs.shape[1]
    return np.where(np.arange(k)[None, :] < lens[:, None], inputs.astype(np.uint64), 0).sum(axis=1, dtype=np.uint64)


def minimal_elf(code: bytes, data: bytes = b"", code_at=0x400000, data_at=0x410000) -> bytes:
    """A static ET_EXEC AArch64 ELF: code in an R+X segment at code_at, data in an R+W one at data_at."""
    segs = [(code_at, code, 4 | 1, len(code))]
    if data:
        segs.append((data_at, data, 4 | 2, 0x1000))
    phoff, phentsize = 64, 56
    ehdr = b"\x7fELF" + bytes([2, 1, 1, 0]) + bytes(8)
    ehdr += struct.pack("<HHIQQQIHHHHHH", 2, 183, 1, code_at, phoff, 0, 0, 64, phentsize, len(segs), 0, 0, 0)
    phdrs, body, offset = b"", b"", 0x1000
    for vaddr, content, flags, memsz in segs:
        phdrs += struct.pack("<IIQQQQQQ", 1, flags, offset, vaddr, vaddr, len(content), memsz, 0x1000)
        body += content.ljust(0x1000, b"\0")
        offset += 0x1000
    return (ehdr + phdrs).ljust(0x1000, b"\0") + body


# --- construction and properties ----------------------------------------------------------------

def test_properties_and_repr():
    b = make(7)
    assert b.lanes == 7
    assert b.backend.split()[0] == BACKEND if BACKEND != "auto" else b.backend.split()[0] in ("cpu", "cuda")
    assert 0 < b.memory_per_lane < 0x1000  # state and page tables: pages come when written
    assert b.elf is None
    assert repr(b).startswith("<cuarm.Batch lanes=7 backend='")
    assert not b.is_running()
    assert (b.pc() == CODE).all() and (b.sp() == 0).all()
    assert (b.signals() == SIG.NONE).all() and (b.cycles() == 0).all()
    st = b.poll()
    assert isinstance(st, cuarm.BatchStatus) and st.lanes == 7 and not st.is_running


def test_lanes_is_keyword_or_positional_and_options_keyword_only():
    b = cuarm.Batch(program_or_elf=COUNTED_LOOP, lanes=2, backend=BACKEND, address=CODE, regions=REGIONS,
                    deterministic=True)
    assert b.lanes == 2
    with pytest.raises(TypeError):
        cuarm.Batch(COUNTED_LOOP, 2, BACKEND)  # backend etc. are keyword-only


# --- per-lane results against NumPy ---------------------------------------------------------------

def test_counted_loop_per_lane_counts():
    rng = np.random.default_rng(1)
    lanes = 500
    n = rng.integers(0, 2000, size=lanes, dtype=np.uint64)
    n[:3] = [0, 1, 2]
    b = make(lanes)
    b.set_x(0, n)
    st = b.run(None)
    assert not st.is_running and st.lanes == lanes and st.lanes_stopped == lanes
    assert st.by_signal[SIG.HALT] == lanes and sum(st.by_signal.values()) == lanes
    assert (b.signals() == SIG.HALT).all()
    assert b.cycles().dtype == np.uint64 and b.cycles().shape == (lanes,)
    np.testing.assert_array_equal(b.cycles(), 3 * n + 1)
    np.testing.assert_array_equal(b.x(1), n)
    np.testing.assert_array_equal(b.x(0), 0)
    np.testing.assert_array_equal(b.pcs(), LOOP_HLT)
    np.testing.assert_array_equal(b.pc(), b.pcs())
    assert st.cycles_executed == int((3 * n + 1).sum())
    regs = b.registers()
    assert regs.shape == (lanes, 31) and regs.dtype == np.uint64
    np.testing.assert_array_equal(regs[:, 1], n)
    for i in (0, 7, 30):
        np.testing.assert_array_equal(regs[:, i], b.x(i))
    s = b.lane_status(3)
    assert s.signal == SIG.HALT and s.cycles_executed == 3 * int(n[3]) + 1 and s.pc == LOOP_HLT and s.insn == HLT_0


def test_byte_sum_over_random_per_lane_inputs():
    rng = np.random.default_rng(2)
    lanes, k = 300, 64
    inputs = rng.integers(0, 256, size=(lanes, k), dtype=np.uint8)
    lens = rng.integers(0, k + 1, size=lanes, dtype=np.uint64)
    b = make(lanes, BYTE_SUM)
    b.write_memory(DATA + 8, inputs)
    b.set_x(0, lens)
    b.set_x(2, DATA + 8)
    b.set_x(4, DATA)
    st = b.run(100_000)
    assert st.by_signal[SIG.HALT] == lanes
    expect = byte_sums(inputs, lens)
    out = b.read_memory(DATA, 8)
    assert out.shape == (lanes, 8) and out.dtype == np.uint8
    np.testing.assert_array_equal(out.view("<u8")[:, 0], expect)
    np.testing.assert_array_equal(b.x(1), expect)
    np.testing.assert_array_equal(b.x(2), DATA + 8 + lens)
    np.testing.assert_array_equal(b.read_memory(DATA + 8, k), inputs)  # inputs untouched
    np.testing.assert_array_equal(b.cycles(), np.where(lens > 0, 4 * lens + 3, 3))


def test_write_memory_flat_buffer_with_stride():
    rng = np.random.default_rng(3)
    lanes, k = 33, 24
    inputs = rng.integers(0, 256, size=(lanes, k), dtype=np.uint8)
    b = make(lanes, BYTE_SUM)
    b.write_memory(DATA + 8, inputs.tobytes(), stride=k)
    np.testing.assert_array_equal(b.read_memory(DATA + 8, k), inputs)
    b.write_memory(DATA + 8, bytearray(inputs[::-1].tobytes()), stride=k)
    np.testing.assert_array_equal(b.read_memory(DATA + 8, k), inputs[::-1])
    b.write_memory(DATA + 8, memoryview(inputs.tobytes()), stride=k)
    b.set_x(0, k)
    b.set_x(2, DATA + 8)
    b.set_x(4, DATA)
    b.run(10_000)
    np.testing.assert_array_equal(b.x(1), inputs.sum(axis=1, dtype=np.uint64))


def test_write_memory_rows_of_any_dtype_and_layout():
    lanes = 16
    b = make(lanes, BYTE_SUM)
    vals = np.arange(lanes, dtype=np.uint64) * 0x0102030405060708
    b.write_memory(DATA, vals)  # (lanes,) uint64: 8 bytes per lane
    np.testing.assert_array_equal(b.read_memory(DATA, 8).view(np.uint64)[:, 0], vals)
    grid = np.arange(lanes * 6, dtype=np.uint16).reshape(lanes, 3, 2)  # 12 bytes per lane
    b.write_memory(DATA + 64, grid)
    np.testing.assert_array_equal(b.read_memory(DATA + 64, 12).view(np.uint16).reshape(lanes, 3, 2), grid)
    fortran = np.asfortranarray(np.arange(lanes * 5, dtype=np.uint8).reshape(lanes, 5))
    b.write_memory(DATA + 128, fortran)  # not C-contiguous: converted first
    np.testing.assert_array_equal(b.read_memory(DATA + 128, 5), fortran)
    b.write_memory(DATA + 256, fortran[::-1, ::2])  # a strided view
    np.testing.assert_array_equal(b.read_memory(DATA + 256, 3), fortran[::-1, ::2])


def test_single_lane_memory():
    lanes = 10
    b = make(lanes, BYTE_SUM)
    b.write_memory(DATA, np.zeros((lanes, 16), dtype=np.uint8))
    b.write_lane_memory(5, DATA + 4, b"\x01\x02\x03")
    b.write_lane_memory(-1, DATA, bytearray(b"\xff"))
    assert b.read_lane_memory(5, DATA, 8) == b"\0\0\0\0\x01\x02\x03\0"
    assert b.read_lane_memory(lanes - 1, DATA, 1) == b"\xff"
    assert isinstance(b.read_lane_memory(0, DATA, 4), bytes)
    whole = b.read_memory(DATA, 8)
    expect = np.zeros((lanes, 8), dtype=np.uint8)
    expect[5, 4:7] = [1, 2, 3]
    expect[-1, 0] = 0xFF
    np.testing.assert_array_equal(whole, expect)
    # Shared code reads the same from every lane.
    code = b.read_memory(CODE, len(BYTE_SUM))
    assert all(bytes(row) == BYTE_SUM for row in code)
    assert b.read_lane_memory(3, CODE, 4) == BYTE_SUM[:4]


def test_results_are_copies():
    b = make(4)
    b.set_x(0, [1, 2, 3, 4])
    x0 = b.x(0)
    x0[:] = 99
    assert x0.flags.writeable
    np.testing.assert_array_equal(b.x(0), [1, 2, 3, 4])
    inputs = np.ones((4, 8), dtype=np.uint8)
    b.write_memory(DATA, inputs)
    inputs[:] = 7  # the batch has its own copy
    np.testing.assert_array_equal(b.read_memory(DATA, 8), 1)


def test_register_values_scalars_lists_and_signed():
    b = make(4)
    b.set_x(3, -1)
    np.testing.assert_array_equal(b.x(3), np.uint64(2**64 - 1))
    b.set_x(3, [0, 1, 2**64 - 1, 2**63])
    np.testing.assert_array_equal(b.x(3), np.array([0, 1, 2**64 - 1, 2**63], dtype=np.uint64))
    b.set_x(3, np.array([-1, -2, 3, 4], dtype=np.int64))  # two's complement, like scalars
    np.testing.assert_array_equal(b.x(3), np.array([2**64 - 1, 2**64 - 2, 3, 4], dtype=np.uint64))
    b.set_x(3, np.int32(7))
    np.testing.assert_array_equal(b.x(3), 7)
    b.set_x(3, np.array(8))  # 0-d: every lane
    np.testing.assert_array_equal(b.x(3), 8)
    b.set_x(3, range(4))
    np.testing.assert_array_equal(b.x(3), [0, 1, 2, 3])
    b.set_x(3, (-1, np.uint64(5), True, 2**64 - 2))
    np.testing.assert_array_equal(b.x(3), np.array([2**64 - 1, 5, 1, 2**64 - 2], dtype=np.uint64))
    b.set_x(30, np.arange(4, dtype=np.uint8))
    np.testing.assert_array_equal(b.registers()[:, 30], [0, 1, 2, 3])
    b.set_sp(np.array([0x1000, 0x2000, 0x3000, 0x4000]))
    np.testing.assert_array_equal(b.sp(), [0x1000, 0x2000, 0x3000, 0x4000])
    b.set_sp(0x8000)
    np.testing.assert_array_equal(b.sp(), 0x8000)


# --- divergence and isolation ----------------------------------------------------------------------

def test_divergent_lanes_stop_for_different_reasons():
    lanes, k = 99, 32
    rng = np.random.default_rng(4)
    inputs = rng.integers(0, 256, size=(lanes, k), dtype=np.uint8)
    kind = np.arange(lanes) % 3  # 0: HALT, 1: FAULT (store to unmapped), 2: MAX_CYCLES (long input)
    lens = np.where(kind == 2, 10_000, rng.integers(0, k + 1, size=lanes)).astype(np.uint64)
    x4 = np.where(kind == 1, 0xDEAD0000 + 8 * np.arange(lanes), DATA).astype(np.uint64)
    b = make(lanes, BYTE_SUM)
    b.write_memory(DATA + 8, inputs)
    b.set_x(0, lens)
    b.set_x(2, DATA + 8)
    b.set_x(4, x4)
    limit = 1000
    st = b.run(limit)
    expect_sig = np.choose(kind, [SIG.HALT, SIG.FAULT, SIG.MAX_CYCLES]).astype(np.uint8)
    np.testing.assert_array_equal(b.signals(), expect_sig)
    assert st.by_signal[SIG.HALT] == st.by_signal[SIG.FAULT] == st.by_signal[SIG.MAX_CYCLES] == lanes // 3
    sums = byte_sums(inputs, lens)
    done = kind != 2
    np.testing.assert_array_equal(b.x(1)[done], sums[done])
    fault = kind == 1
    np.testing.assert_array_equal(b.fault_addresses()[fault], x4[fault])
    np.testing.assert_array_equal(b.pcs()[fault], SUM_STORE)
    np.testing.assert_array_equal(b.cycles()[kind == 2], limit)
    expect_cycles = np.where(lens > 0, 4 * lens + 3, 3) - fault  # a faulting store does not retire
    np.testing.assert_array_equal(b.cycles()[done], expect_cycles[done])
    out = b.read_memory(DATA, 8).view(np.uint64)[:, 0]
    np.testing.assert_array_equal(out[kind == 0], sums[kind == 0])
    np.testing.assert_array_equal(out[kind != 0], 0)  # faulted or unfinished lanes stored nothing
    assert st.cycles_executed == int(b.cycles().sum())


def test_one_faulting_lane_does_not_affect_the_others():
    lanes = 100
    b = make(lanes, BYTE_SUM)
    x4 = np.full(lanes, DATA, dtype=np.uint64)
    x4[17] = 0xDEAD0000  # stores to unmapped memory
    x4[60] = CODE        # stores into shared read-only code
    b.set_x(4, x4)
    b.set_x(0, 0)
    st = b.run(1000)
    assert st.by_signal[SIG.FAULT] == 2 and st.by_signal[SIG.HALT] == lanes - 2
    f = b.lane_status(17)
    assert f.signal == SIG.FAULT and f.fault_address == 0xDEAD0000 and f.fault_access == "write"
    assert f.pc == SUM_STORE
    assert b.lane_status(60).fault_address == CODE
    assert b.read_lane_memory(60, CODE, 4) == BYTE_SUM[:4]  # code intact
    others = np.ones(lanes, dtype=bool)
    others[[17, 60]] = False
    assert (b.signals()[others] == SIG.HALT).all()
    np.testing.assert_array_equal(b.pcs()[others], SUM_STORE + 4)


def test_writable_memory_is_copy_on_write_per_page():
    lanes = 64
    b = make(lanes, BYTE_SUM)
    before = b.memory_per_lane
    b.set_x(0, 0)
    x4 = np.full(lanes, DATA, dtype=np.uint64)
    x4[1::2] = DATA + 0x1000  # odd lanes write the second page
    b.set_x(4, x4)
    st = b.run(100)
    assert st.by_signal[SIG.HALT] == lanes and not st.out_of_pages
    assert st.pages_written == lanes  # one page each
    assert b.memory_per_lane == before + 0x1000
    # What a lane did not write still reads as the image (zeros here), page by page.
    b.write_lane_memory(0, DATA + 8, b"\x01" * 8)
    assert b.read_lane_memory(0, DATA, 16) == bytes(8) + b"\x01" * 8
    assert b.read_lane_memory(1, DATA, 16) == bytes(16)


def test_a_full_page_pool_stops_the_writing_lane():
    b = make(2, BYTE_SUM, page_pool_bytes=0x1000)  # one page for both lanes
    b.set_x(0, 0)
    b.set_x(4, [DATA, DATA + 0x1000])
    st = b.run(100)
    assert st.out_of_pages and st.pages_written == 1
    assert sorted(b.signals().tolist()) == sorted([SIG.HALT, SIG.FAULT])
    with pytest.raises(TypeError):
        make(2, page_pool_bytes=1.5)


def test_max_cycles_is_exact_per_lane():
    lanes = 64
    b = make(lanes)
    b.set_x(0, 1_000_000)
    st = b.run(1001)
    assert st.by_signal[SIG.MAX_CYCLES] == lanes
    np.testing.assert_array_equal(b.cycles(), 1001)
    np.testing.assert_array_equal(b.pcs(), CODE + 4 + 4 * ((1001 - 1) % 3))
    np.testing.assert_array_equal(b.x(1), 334)
    st = b.run(3)  # continues from where each lane stopped
    np.testing.assert_array_equal(b.x(1), 335)


def test_per_lane_pc():
    lanes = 8
    b = make(lanes)
    b.set_x(0, 5)
    b.set_pc(np.where(np.arange(lanes) % 2 == 0, CODE, LOOP_HLT))  # odd lanes start at the HLT
    b.run(None)
    np.testing.assert_array_equal(b.cycles(), np.where(np.arange(lanes) % 2 == 0, 16, 0))
    np.testing.assert_array_equal(b.x(1), np.where(np.arange(lanes) % 2 == 0, 5, 0))
    assert (b.signals() == SIG.HALT).all()


def test_many_lanes():
    lanes = 20_000
    b = make(lanes)
    n = np.arange(lanes, dtype=np.uint64) % 17
    b.set_x(0, n)
    st = b.run(None)
    assert st.by_signal[SIG.HALT] == lanes
    np.testing.assert_array_equal(b.x(1), n)
    np.testing.assert_array_equal(b.cycles(), 3 * n + 1)


# --- batch == one AsyncCPU per lane ---------------------------------------------------------------

def single_cpu_run(lane_regs, sp, data_row, code, limit, deterministic):
    cpu = cuarm.AsyncCPU(memory_size=0, backend=BACKEND, deterministic=deterministic)
    for base, size, perms in REGIONS:
        cpu.map(base, size, perms)
    cpu.load_program(code, CODE)
    cpu.write_memory(DATA, data_row.tobytes())
    for i, v in enumerate(lane_regs):
        cpu.set_register(i, int(v))
    cpu.set_register("sp", sp)
    cpu.set_pc(CODE)
    st = cpu.run(limit)
    return cpu, st


@pytest.mark.parametrize("deterministic", [False, True])
def test_batch_matches_single_guests(deterministic):
    lanes, k = 6, 48
    rng = np.random.default_rng(5)
    code = BYTE_SUM[:-4] + words(MRS_X5_CNTVCT, HLT_0)  # also reads the (deterministic) counter
    regs = rng.integers(0, 2**63, size=(lanes, 31), dtype=np.uint64)
    regs[:, 0] = rng.integers(1, k - 8, size=lanes)
    regs[:, 2] = DATA + 8
    regs[:, 4] = DATA
    regs[1, 4] = 0xBAD000       # FAULT on the store
    regs[2, 0] = 100            # reads past the region: FAULT on a load
    regs[2, 2] = DATA + 0x2000 - 10
    regs[3, 0] = 500            # MAX_CYCLES below
    sps = rng.integers(0, 2**40, size=lanes, dtype=np.uint64) & ~np.uint64(15)
    data = rng.integers(0, 256, size=(lanes, 0x2000), dtype=np.uint8)
    limit = 1500

    b = cuarm.Batch(code, lanes, backend=BACKEND, deterministic=deterministic, address=CODE, regions=REGIONS)
    b.write_memory(DATA, data)
    for i in range(31):
        b.set_x(i, regs[:, i])
    b.set_sp(sps)
    b.run(limit)
    sig = b.signals()
    assert {SIG.HALT, SIG.FAULT, SIG.MAX_CYCLES} <= set(sig.tolist())

    for lane in range(lanes):
        cpu, st = single_cpu_run(regs[lane], int(sps[lane]), data[lane], code, limit, deterministic)
        ls = b.lane_status(lane)
        assert ls.signal == st.signal == sig[lane], lane
        assert ls.cycles_executed == st.cycles_executed == b.cycles()[lane], lane
        assert ls.pc == st.pc == b.pcs()[lane], lane
        if st.signal == SIG.FAULT:
            assert ls.fault_address == st.fault_address == b.fault_addresses()[lane]
            assert ls.fault_access == st.fault_access
        got = [cpu.get_register(i) for i in range(31)]
        want = [int(v) for v in b.registers()[lane]]
        if not deterministic and st.signal == SIG.HALT:
            got[5] = want[5] = 0  # CNTVCT is host time
        assert got == want, lane
        assert cpu.get_register("sp") == b.sp()[lane]
        assert cpu.read_memory(DATA, 0x2000) == b.read_lane_memory(lane, DATA, 0x2000), lane
    if deterministic:
        halted = sig == SIG.HALT
        np.testing.assert_array_equal(b.x(5)[halted], b.cycles()[halted] - 1)  # the MRS saw its own count


# --- ELF programs --------------------------------------------------------------------------------

def test_elf_bytes_and_path(tmp_path):
    image = minimal_elf(COUNTED_LOOP, data=struct.pack("<Q", 0x1234))
    lanes = 12
    for source in (image, bytearray(image), tmp_path / "loop.elf", str(tmp_path / "loop.elf")):
        (tmp_path / "loop.elf").write_bytes(image)
        b = cuarm.Batch(source, lanes, backend=BACKEND)
        assert b.elf is not None and b.elf.entry == 0x400000
        np.testing.assert_array_equal(b.pc(), 0x400000)
        n = np.arange(lanes, dtype=np.uint64) * 3
        b.set_x(0, n)
        b.run(None)
        np.testing.assert_array_equal(b.x(1), n)
        np.testing.assert_array_equal(b.cycles(), 3 * n + 1)
        # The writable segment is private per lane, with the file's contents in every lane.
        np.testing.assert_array_equal(b.read_memory(0x410000, 8).view(np.uint64)[:, 0], 0x1234)
        b.write_lane_memory(2, 0x410000, b"\0" * 8)
        assert b.read_lane_memory(3, 0x410000, 8) == struct.pack("<Q", 0x1234)
        with pytest.raises(cuarm.Error):
            b.write_lane_memory(0, 0x400000, b"\0")  # code is shared


def test_elf_with_extra_regions():
    stack = 0x7F0000
    image = minimal_elf(words(0xF81F0FE0, HLT_0))  # str x0, [sp, #-16]!; hlt
    lanes = 5
    b = cuarm.Batch(image, lanes, backend=BACKEND, regions=[(stack, 0x10000, "rw")])
    b.set_sp(stack + 0x10000)
    b.set_x(0, np.arange(lanes) + 100)
    b.run(10)
    assert (b.signals() == SIG.HALT).all()
    np.testing.assert_array_equal(b.sp(), stack + 0x10000 - 16)
    np.testing.assert_array_equal(b.read_memory(stack + 0x10000 - 16, 8).view(np.uint64)[:, 0], np.arange(lanes) + 100)


def test_collatz_elf_matches_single_guest(collatz):
    """The bundled ELF stops at its first SVC in every lane (lanes do not service syscalls)."""
    stack = 0x7FFF0000
    lanes = 3
    b = cuarm.Batch(collatz, lanes, backend=BACKEND, regions=[(stack, 0x10000, "rw")])
    b.set_sp(stack + 0x8000)
    b.run(20_000)
    cpu = cuarm.AsyncCPU(memory_size=0, backend=BACKEND)
    cpu.load_elf(collatz)
    cpu.map(stack, 0x10000, "rw")
    cpu.set_register("sp", stack + 0x8000)
    st = cpu.run(20_000)
    assert (b.signals() == st.signal).all() and (b.cycles() == st.cycles_executed).all()
    assert (b.pcs() == st.pc).all()
    for i in range(31):
        assert (b.x(i) == cpu.get_register(i)).all()


# --- running in the background -------------------------------------------------------------------

def spinning(lanes=256):
    return make(lanes, words(B_SELF))


def test_cancel_stops_every_lane():
    lanes = 256
    b = spinning(lanes)
    b.start(None)
    assert b.is_running()
    with pytest.raises(cuarm.Error):
        b.x(0)
    with pytest.raises(cuarm.Error):
        b.write_memory(DATA, np.zeros((lanes, 1), dtype=np.uint8))
    with pytest.raises(cuarm.Error):
        b.start(10)
    assert b.wait(timeout=0.05) is None
    live = b.poll()
    assert live.is_running and live.lanes == lanes and sum(live.by_signal.values()) == 0
    b.cancel()
    st = b.wait()
    assert not st.is_running and st.by_signal[SIG.CANCELLED] == lanes and st.cycles_executed > 0
    assert (b.signals() == SIG.CANCELLED).all()
    assert int(b.cycles().sum()) == st.cycles_executed
    b.cancel()  # harmless when stopped
    assert b.run(10).by_signal[SIG.MAX_CYCLES] == lanes  # usable afterwards
    np.testing.assert_array_equal(b.cycles(), 10)


def test_wait_when_nothing_runs():
    b = make(3)
    st = b.wait()
    assert not st.is_running and st.by_signal[SIG.NONE] == 3
    assert b.wait(timeout=0).lanes == 3


def test_wait_timeout_validation():
    b = make(2)
    with pytest.raises(ValueError):
        b.wait(timeout=-1)


def test_poll_and_cancel_from_other_threads():
    b = spinning(64)
    b.start(None)
    seen = []

    def watcher():
        for _ in range(20):
            seen.append(b.poll().cycles_executed)
            time.sleep(0.005)
        b.cancel()

    t = threading.Thread(target=watcher)
    t.start()
    st = b.wait()  # the GIL is released while waiting, so the watcher runs
    t.join()
    assert st.by_signal[SIG.CANCELLED] == 64 and len(seen) == 20


def test_ctrl_c_during_wait_cancels_the_batch():
    b = spinning(64)
    b.start(None)
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        b.wait()
    timer.join()
    assert not b.is_running() and b.poll().by_signal[SIG.CANCELLED] == 64


def test_ctrl_c_during_run_cancels_the_batch():
    b = spinning(64)
    timer = interrupt_after(0.2)
    with pytest.raises(KeyboardInterrupt):
        b.run(None)
    timer.join()
    assert not b.is_running() and (b.signals() == SIG.CANCELLED).all()


def test_deleting_a_running_batch_cancels_it():
    b = spinning(64)
    b.start(None)
    t0 = time.monotonic()
    del b
    assert time.monotonic() - t0 < 10


def test_batch_status_repr():
    b = make(4)
    b.set_x(0, 2)
    st = b.run(None)
    r = repr(st)
    assert r.startswith("BatchStatus(is_running=False, lanes=4, lanes_stopped=4, cycles_executed=28")
    assert "by_signal={HALT: 4}" in r
    assert st.elapsed_seconds >= 0 and st.ips >= 0


# --- errors --------------------------------------------------------------------------------------

def test_lane_count_errors():
    with pytest.raises(ValueError, match="lanes"):
        make(0)
    with pytest.raises(ValueError, match="lanes"):
        make(-1)
    with pytest.raises(TypeError, match="lanes"):
        make("4")
    with pytest.raises(TypeError, match="lanes"):
        make(2.0)


def test_register_shape_and_type_errors():
    b = make(4)
    with pytest.raises(ValueError, match=r"shape \(4,\)"):
        b.set_x(0, [1, 2, 3])
    with pytest.raises(ValueError, match=r"shape \(4,\)"):
        b.set_x(0, np.zeros((4, 1), dtype=np.uint64))
    with pytest.raises(TypeError, match="float"):
        b.set_x(0, np.zeros(4))
    with pytest.raises(TypeError):
        b.set_x(0, 1.5)
    with pytest.raises(TypeError, match="float"):
        b.set_x(0, [1, 2, 3, 4.0])
    with pytest.raises(ValueError):
        b.set_x(0, [1, 2, 3, 2**64])
    with pytest.raises(TypeError):
        b.set_x(0, "1")
    with pytest.raises(ValueError):
        b.set_x(0, 2**64)
    with pytest.raises(ValueError, match="x0..x30"):
        b.set_x(31, 0)
    with pytest.raises(ValueError, match="x0..x30"):
        b.x(-1)
    with pytest.raises(TypeError):
        b.x("x1")
    with pytest.raises(ValueError):
        b.set_pc([1, 2])
    with pytest.raises(ValueError):
        b.set_sp(np.zeros(5, dtype=np.uint64))


def test_memory_shape_errors():
    lanes = 4
    b = make(lanes, BYTE_SUM)
    with pytest.raises(ValueError, match=r"shape \(4, k\)"):
        b.write_memory(DATA, np.zeros((lanes + 1, 8), dtype=np.uint8))
    with pytest.raises(ValueError):
        b.write_memory(DATA, np.zeros((lanes, 0), dtype=np.uint8))
    with pytest.raises(ValueError, match="stride"):
        b.write_memory(DATA, bytes(lanes * 8 - 1), stride=8)
    with pytest.raises(ValueError, match="stride"):
        b.write_memory(DATA, bytes(0), stride=0)
    with pytest.raises(TypeError, match="stride"):
        b.write_memory(DATA, bytes(lanes * 8))  # a flat buffer needs stride=
    with pytest.raises(TypeError):
        b.write_memory(DATA, [[0] * 8] * lanes)  # lists: make an array first
    with pytest.raises(TypeError):
        b.write_memory(DATA, np.array([object()] * lanes))


def test_shared_and_unmapped_memory_errors():
    lanes = 4
    b = make(lanes, BYTE_SUM)
    with pytest.raises(cuarm.Error, match="shared"):
        b.write_memory(CODE, np.zeros((lanes, 4), dtype=np.uint8))
    with pytest.raises(cuarm.Error, match="shared"):
        b.write_lane_memory(0, CODE, b"\0\0\0\0")
    with pytest.raises(cuarm.Error):
        b.write_memory(0xDEAD0000, np.zeros((lanes, 4), dtype=np.uint8))
    with pytest.raises(cuarm.Error):
        b.write_memory(DATA + 0x1FFE, np.zeros((lanes, 4), dtype=np.uint8))  # past the region's end
    with pytest.raises(cuarm.Error):
        b.read_memory(0xDEAD0000, 4)
    with pytest.raises(IndexError):
        b.write_lane_memory(lanes, DATA, b"\0")
    with pytest.raises(IndexError):
        b.read_lane_memory(-lanes - 1, DATA, 1)
    with pytest.raises(IndexError):
        b.lane_status(lanes)
    with pytest.raises(TypeError):
        b.write_lane_memory(0, DATA, "text")
    assert b.read_memory(CODE, 4).shape == (lanes, 4)  # reading shared memory is fine


def test_construction_errors(tmp_path):
    with pytest.raises(ValueError, match="address"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, regions=REGIONS)  # raw code, no address
    with pytest.raises(ValueError, match="regions"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE)  # raw code, no regions
    with pytest.raises(ValueError, match="regions"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=[])
    with pytest.raises(ValueError, match="executable"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=DATA, regions=REGIONS)  # code in rw memory
    with pytest.raises(ValueError, match="executable"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE + 0xFFC, regions=REGIONS)  # runs past it
    with pytest.raises(ValueError, match="empty"):
        cuarm.Batch(b"", 2, backend=BACKEND, address=CODE, regions=REGIONS)
    with pytest.raises(ValueError, match="address"):
        cuarm.Batch(minimal_elf(COUNTED_LOOP), 2, backend=BACKEND, address=CODE)  # ELF + address
    with pytest.raises(ValueError, match="regions"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=[(CODE, 0x1000)])
    with pytest.raises(TypeError, match="regions"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=5)
    with pytest.raises(ValueError, match="perms"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=[(CODE, 0x1000, "rq")])
    with pytest.raises(cuarm.Error, match="writable and executable"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=[(CODE, 0x1000, "rwx")])
    with pytest.raises(cuarm.Error, match="overlaps"):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=REGIONS + [(CODE, 0x1000, "r")])
    with pytest.raises(cuarm.Error):
        cuarm.Batch(COUNTED_LOOP, 2, backend=BACKEND, address=CODE, regions=[(CODE, 0x1000, "rx"), (DATA + 1, 0x1000, "rw")])
    with pytest.raises(cuarm.Error, match="overlaps"):  # an extra region over the ELF's segment
        cuarm.Batch(minimal_elf(COUNTED_LOOP), 2, backend=BACKEND, regions=[(0x400000, 0x1000, "rw")])
    with pytest.raises(cuarm.Error, match="ELF"):
        cuarm.Batch(minimal_elf(COUNTED_LOOP)[:100], 2, backend=BACKEND)  # truncated
    with pytest.raises(ValueError, match="backend"):
        cuarm.Batch(COUNTED_LOOP, 2, backend="gpu", address=CODE, regions=REGIONS)
    with pytest.raises(FileNotFoundError):
        cuarm.Batch(tmp_path / "missing.elf", 2, backend=BACKEND)
    (tmp_path / "raw.bin").write_bytes(COUNTED_LOOP)
    with pytest.raises(ValueError, match="not an ELF"):
        cuarm.Batch(tmp_path / "raw.bin", 2, backend=BACKEND)
    b = cuarm.Batch(tmp_path / "raw.bin", 2, backend=BACKEND, address=CODE, regions=REGIONS)  # raw code from a file
    assert b.run(100).by_signal[SIG.HALT] == 2
    with pytest.raises(TypeError):
        cuarm.Batch(12345, 2, backend=BACKEND)


# --- no leaks --------------------------------------------------------------------------------------

def test_result_arrays_and_batches_are_freed():
    lanes = 256
    b = cuarm.Batch(BYTE_SUM, lanes, backend=BACKEND, address=CODE, regions=[(CODE, 0x1000, "rx"), (DATA, 0x10000, "rw")])

    def cycle():
        b.write_memory(DATA, np.ones((lanes, 0x10000), dtype=np.uint8))  # 16 MiB in
        rows = b.read_memory(DATA, 0x10000)  # 16 MiB out (the array owns the C++ vector)
        assert rows[-1, -1] == 1
        b.registers(), b.x(3), b.pc(), b.signals(), b.cycles(), b.fault_addresses()
        small = make(4)
        small.set_x(0, [1, 2, 3, 4])
        small.run(100)
        small.read_memory(DATA, 64)

    for _ in range(3):
        cycle()
    import gc
    gc.collect()
    before = rss_kib()
    for _ in range(40):  # 640 MiB of results: a leak would show
        cycle()
    gc.collect()
    grown = rss_kib() - before
    assert grown < 64 * 1024, f"RSS grew by {grown} KiB"


def test_large_bss_costs_nothing_until_touched():
    # An ELF of 4 KiB with a 4 GiB .bss (p_filesz 0): the batch keeps only the bytes the file has
    # (it used to fill a host buffer of the whole segment).
    f = bytearray(0x1000) + words(HLT_0)
    f[0:8] = bytes([0x7F, ord("E"), ord("L"), ord("F"), 2, 1, 1, 0])
    struct.pack_into("<HHIQQ", f, 16, 2, 183, 1, 0x401000, 64)
    struct.pack_into("<HHH", f, 52, 64, 56, 2)
    struct.pack_into("<IIQQQQQQ", f, 64, 1, 5, 0, 0x400000, 0x400000, len(f), len(f), 0x1000)
    struct.pack_into("<IIQQQQQQ", f, 120, 1, 6, 0, 0x100000000, 0x100000000, 0, 4 << 30, 0x1000)
    before = rss_kib()
    b = cuarm.Batch(bytes(f), 2, backend=BACKEND)
    b.run()
    assert list(b.signals()) == [SIG.HALT, SIG.HALT]
    assert rss_kib() - before < 256 << 10, rss_kib() - before
