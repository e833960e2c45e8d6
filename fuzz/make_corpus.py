#!/usr/bin/env python3
"""Writes the seed corpora of the fuzz harnesses (fuzz/corpus/{elf,decode,syscalls}/).

The files are committed; run this again only to change them. Needs the AArch64 cross tools
(aarch64-linux-gnu-gcc, -as, -objcopy: scripts/deps.sh installs them).
  elf/       tiny static programs (ET_EXEC, static-pie, one RWX segment) built with -nostdlib
  decode/    fuzz_decode inputs: a 32-byte header, then instruction words (assembled below)
  syscalls/  fuzz_syscalls inputs: syscall records in the harness's encoding
"""
import os
import struct
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
CORPUS = os.path.join(HERE, "corpus")
CC, AS, OBJCOPY = "aarch64-linux-gnu-gcc", "aarch64-linux-gnu-as", "aarch64-linux-gnu-objcopy"


def write(kind, name, data):
    os.makedirs(os.path.join(CORPUS, kind), exist_ok=True)
    with open(os.path.join(CORPUS, kind, name), "wb") as f:
        f.write(data)


# --- elf ---------------------------------------------------------------------------------
EXIT_S = """
.globl _start
_start:
  mov x0, #0
  mov x8, #93
  svc #0
"""
HELLO_C = r"""
static long sys3(long n, long a, long b, long c) {
  register long x8 __asm__("x8") = n, x0 __asm__("x0") = a, x1 __asm__("x1") = b, x2 __asm__("x2") = c;
  __asm__ volatile("svc #0" : "+r"(x0) : "r"(x8), "r"(x1), "r"(x2) : "memory");
  return x0;
}
static char bss[8192];
static int counter = 3;
void _start(void) {
  static const char msg[] = "hello\n";
  for (int i = 0; i < counter; ++i) bss[i * 100] = msg[i];
  sys3(64, 1, (long)msg, 6);
  sys3(93, bss[0] == 'h' ? 0 : 1, 0, 0);
}
"""
FLAGS = ["-nostdlib", "-ffreestanding", "-O2", "-fno-stack-protector", "-Wl,--build-id=none", "-s",
         "-Wl,-z,noseparate-code", "-Wl,-z,norelro", "-Wl,-z,max-page-size=4096"]


def elf_seeds(tmp):
    with open(os.path.join(tmp, "exit.S"), "w") as f:
        f.write(EXIT_S)
    with open(os.path.join(tmp, "hello.c"), "w") as f:
        f.write(HELLO_C)
    builds = {"exit_static": ["-static", "exit.S"], "hello_static": ["-static", "hello.c"],
              "hello_pie": ["-static-pie", "-fPIE", "hello.c"], "hello_rwx": ["-static", "-Wl,-N", "hello.c"]}
    for name, args in builds.items():
        out = os.path.join(tmp, name)
        subprocess.run([CC, *FLAGS, "-o", out, *[os.path.join(tmp, a) if a.endswith((".c", ".S")) else a for a in args]],
                       check=True, stderr=subprocess.DEVNULL)
        write("elf", name, open(out, "rb").read())


# --- decode -------------------------------------------------------------------------------
SNIPPETS = {
    "int_alu": """
        movz x0, #0x1234, lsl #16
        movk x0, #0x5678
        add x1, x0, x2, lsl #3
        subs w3, w1, #17
        csel x4, x1, x3, ne
        madd x5, x1, x3, x4
        udiv x6, x5, x3
        sdiv w7, w5, w2
        ubfx x9, x5, #4, #12
        extr x10, x5, x6, #7
        clz x11, x10
        rbit w12, w11
        adds x13, x12, x13
        adcs x14, x13, x12
        ccmp x14, #3, #4, eq
        cbz x15, 1f
        add x15, x15, #1
    1:  tbnz x14, #3, 2f
        eor x16, x14, x15, ror #9
    2:  svc #0
        hlt #0
    """,
    "loads_stores": """
        ldr x1, [x4]
        str x1, [x4, #8]!
        ldp x2, x3, [x8, #16]
        stp x2, x3, [sp, #-16]!
        ldrsb w5, [x12, #1]
        strh w5, [x0, #100]
        ldr q0, [x4, #32]
        str q0, [sp]
        ldxr x6, [x4]
        stxr w7, x6, [x4]
        ldaxr w6, [x8]
        stlxr w9, w6, [x8]
        ldur x10, [x8, #-3]
        ldr x11, [x4, x2, lsl #3]
        prfm pldl1keep, [x4]
        ldp q1, q2, [sp], #32
        brk #1
    """,
    "fp_simd": """
        fmov d0, #1.5
        fmov s1, #-2.0
        fadd d2, d0, d3
        fmul s4, s1, s5
        fdiv d6, d2, d7
        fsqrt d8, d6
        fmadd d9, d0, d2, d8
        fcvtzs x0, d9
        scvtf d10, x0
        frintx s11, s4
        fcmp d10, d9
        fcsel d12, d10, d9, gt
        fcvt h13, s4
        add v0.4s, v1.4s, v2.4s
        mul v3.8h, v4.8h, v5.8h
        fmla v6.2d, v7.2d, v8.2d
        addv s9, v0.4s
        ext v10.16b, v0.16b, v1.16b, #3
        tbl v11.16b, {v0.16b, v1.16b}, v2.16b
        uzp1 v12.4s, v0.4s, v1.4s
        sshr v13.2d, v0.2d, #7
        ushll v14.8h, v0.8b, #2
        sqdmulh v15.4s, v1.4s, v2.4s
        cmeq v16.16b, v0.16b, #0
        fcvtzu v17.4s, v1.4s
        frecpe v18.2s, v1.2s
        fmaxnmv s19, v1.4s
        ld1 {v20.16b, v21.16b}, [x4]
        st1 {v20.4s}, [sp]
        ld4r {v0.8b, v1.8b, v2.8b, v3.8b}, [x8]
        hlt #0
    """,
    "crypto_system": """
        aese v0.16b, v1.16b
        aesmc v2.16b, v0.16b
        sha256h q3, q4, v5.4s
        sha1c q6, s7, v8.4s
        pmull v9.1q, v10.1d, v11.1d
        crc32cx w12, w13, x14
        mrs x0, nzcv
        msr nzcv, x1
        mrs x2, fpcr
        msr fpcr, x3
        mrs x4, fpsr
        mrs x5, tpidr_el0
        msr tpidr_el0, x6
        mrs x7, cntvct_el0
        mrs x8, cntfrq_el0
        mrs x9, midr_el1
        dmb ish
        isb
        clrex
        nop
        yield
        svc #0
        udf #0
    """,
    "self_modify": """
        adr x1, 1f
        ldr w2, 2f
        str w2, [x1]
    1:  nop
        b 3f
    2:  movz x0, #42
    3:  blr x0
        ret
    """,
}


def assemble(tmp, src):
    s, o, b = (os.path.join(tmp, n) for n in ("s.S", "s.o", "s.bin"))
    with open(s, "w") as f:
        f.write(".text\n" + src)
    subprocess.run([AS, "-march=armv8-a+crc+crypto+fp16", "-o", o, s], check=True)
    subprocess.run([OBJCOPY, "-O", "binary", "-j", ".text", o, b], check=True)
    return open(b, "rb").read()


def decode_seeds(tmp):
    header = bytes([0x60, 0x00, 0x10, 0x00, 0, 0, 0, 0]) + struct.pack("<QQQ", 0x10, 0x3ff0000000000000, 0xfffffffffffffff0)
    for name, src in SNIPPETS.items():
        write("decode", name, header + assemble(tmp, src))
    # A few bare words from across the encoding space.
    words = [0x00000000, 0xffffffff, 0x5ac00000, 0x1e6e1000, 0x4e211c00, 0xd503201f, 0xd65f03c0, 0x0e000000]
    write("decode", "words", header + b"".join(struct.pack("<I", w) for w in words))


# --- syscalls -----------------------------------------------------------------------------
NUMBERS = [17, 23, 24, 59, 25, 29, 34, 35, 38, 45, 46, 52, 53, 48, 49, 50, 56, 57, 61, 62, 63, 64, 65,
           66, 67, 68, 78, 79, 80, 82, 83, 93, 94, 96, 98, 99, 101, 113, 114, 115, 123, 124, 129, 130,
           131, 132, 134, 135, 136, 139, 153, 160, 163, 164, 165, 166, 169, 172, 173, 174, 175, 176, 177,
           178, 179, 214, 215, 216, 222, 226, 233, 261, 276, 278, 291, 293, 439,
           0, 220, 221, 260, 449, 450, 4096]
PATHS = ["/data", "/data/a", "/data/sub", "/data/sub/b", "/data/link", "/data/up", "/data/abs",
         "/data/loop", "/data/dirlink/b", "/data/esc", "/data/new", "/data/new/x", "/data/empty",
         "/ro", "/ro/f", "/ro/d", "/ro/d/g", "/ro/l", "/ro/new", "/one", "/one/x", "/",
         "..", ".", "a", "sub", "sub/../a", "../../..", "../../../tmp", "/data/../../outside/canary"]


# Argument constructors, in the harness's encoding (fuzz_syscalls.cpp, arg()).
def small(v): return bytes([0, v & 0xff])
def fd(v): return bytes([1, 11 if v == -100 else v])
def path(p): return bytes([2, PATHS.index(p)])
def buf(off=0): return bytes([3]) + struct.pack("<H", off)
def mm(off=0): return bytes([4]) + struct.pack("<H", off)
def raw(v): return bytes([5]) + struct.pack("<Q", v & (2**64 - 1))
def size(v): return bytes([6]) + struct.pack("<H", v)
def flags(v): return bytes([7]) + struct.pack("<I", v)
ZERO, PREV = bytes([9]), bytes([14])
def iov(i): return bytes([12, i])
def ts(i): return bytes([13, i])
def sigact(i): return bytes([15, 5 * i])
def rlim(i): return bytes([15, 5 * i + 1])
def stack_t(): return bytes([15, 3])


def call(nr, *args):
    args = list(args) + [ZERO] * (6 - len(args))
    return bytes([NUMBERS.index(nr)]) + b"".join(args)


def prog(*calls, strace=False, blob=b""):
    blob += b"\0" * (-len(blob) % 4)
    return bytes([1 if strace else 0, len(blob) // 4]) + blob + b"".join(calls)


O_CREAT, O_WRONLY, O_RDWR, O_DIRECTORY, O_TRUNC, O_APPEND = 0o100, 1, 2, 0o40000, 0o1000, 0o2000
AT_FDCWD, AT_REMOVEDIR = -100, 0x200


def syscall_seeds():
    files = {
        "read_file": prog(call(56, fd(AT_FDCWD), path("/data/a"), flags(0)), call(63, PREV, buf(), size(100)),
                          call(80, fd(3), buf(0x200)), call(62, fd(3), small(0), small(0)), call(57, fd(3))),
        "create_write": prog(call(56, fd(AT_FDCWD), path("/data/new"), flags(O_CREAT | O_WRONLY | O_TRUNC), flags(0o644)),
                             call(64, PREV, path("/data/a"), size(8)), call(66, fd(3), iov(0), small(4)),
                             call(46, fd(3), size(3)), call(68, fd(3), buf(), size(16), raw(1 << 20)), call(57, fd(3)),
                             strace=True),
        "dirs": prog(call(34, fd(AT_FDCWD), path("/data/new"), flags(0o755)), call(49, path("/data/new")),
                     call(17, buf(), size(256)), call(56, fd(AT_FDCWD), path("/data"), flags(O_DIRECTORY)),
                     call(61, PREV, buf(), size(4096)), call(35, fd(AT_FDCWD), path("/data/new"), flags(AT_REMOVEDIR))),
        "escape": prog(call(56, fd(AT_FDCWD), path("/data/../../outside/canary"), flags(O_RDWR)),
                       call(56, fd(AT_FDCWD), path("/data/esc"), flags(O_RDWR | O_TRUNC)),
                       call(56, fd(AT_FDCWD), path("/data/up"), flags(O_DIRECTORY)),
                       call(78, fd(AT_FDCWD), path("/data/link"), buf(), size(100)),
                       call(79, fd(AT_FDCWD), path("/data/loop"), buf(), small(0)),
                       call(56, fd(AT_FDCWD), path("/ro/f"), flags(O_RDWR)),
                       call(38, fd(AT_FDCWD), path("/data/a"), fd(AT_FDCWD), path("/ro/new")),
                       call(291, fd(AT_FDCWD), path("../../../tmp"), ZERO, flags(0xfff), buf())),
        "signals": prog(call(134, small(10), sigact(0), buf(), small(8)), call(129, ZERO, small(10)),
                        call(139), call(135, small(0), buf(0x100), buf(0x200), small(8)),
                        call(132, stack_t(), buf()), call(134, small(12), sigact(2), ZERO, small(8)), call(131, ZERO, ZERO, small(12))),
        "memory": prog(call(222, ZERO, size(0x2000), small(3), small(0x22), small(-1), ZERO),
                       call(226, PREV, size(0x1000), small(1)), call(216, mm(0xf000), size(0x1000), size(0x3000), small(1)),
                       call(215, mm(0xf000), size(0x1000)), call(214, ZERO), call(214, raw(0x500000)),
                       call(233, mm(0), size(0x2000), small(4)), call(222, ZERO, size(0x1000), small(7), small(0x22), small(-1), ZERO)),
        "pipe_misc": prog(call(59, buf(), ZERO), call(64, fd(4), path("/data/a"), size(5)), call(63, fd(3), buf(0x100), size(64)),
                          call(63, fd(3), buf(0x100), size(64)), call(25, fd(3), small(4), ZERO), call(24, fd(3), fd(0), ZERO),
                          call(63, fd(0), buf(), size(10)), call(64, fd(1), path("/data/a"), size(10)), call(160, buf()),
                          call(113, small(1), buf()), call(101, ts(0), ZERO), call(278, buf(), size(32), ZERO),
                          call(261, ZERO, small(7), rlim(0), buf()), call(94, small(3))),
        # Paths in the blob: a path index past the table picks blob offset 4*index % blob size.
        "blob_path": prog(call(56, fd(AT_FDCWD), bytes([2, 48]), flags(O_CREAT | O_RDWR), flags(0o600)),
                          call(56, fd(AT_FDCWD), bytes([2, 51]), flags(0)),
                          blob=b"/data/blob\0\0/one" + b"\0" * 8),
    }
    for name, data in files.items():
        write("syscalls", name, data)


def main():
    with tempfile.TemporaryDirectory() as tmp:
        elf_seeds(tmp)
        decode_seeds(tmp)
    syscall_seeds()
    return 0


if __name__ == "__main__":
    sys.exit(main())
