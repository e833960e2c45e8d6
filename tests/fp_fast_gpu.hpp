// The GPU side of FpFastGpu (test_fp_fast.cpp): evaluates soft-float cases in a CUDA kernel,
// through the entry points (fast path, then soft path), the device soft path alone and the
// device fast path alone. Built only with the CUDA backend (fp_fast_gpu.cu, CUARM_TESTS_CUDA).
#pragma once
#include <cstddef>
#include <cstdint>
#include <string>

namespace cuarm::test::gpu {

// op: 0 add, 1 sub, 2 mul, 3 div, 4 sqrt, 5 fma (fma: c + a * b); n: 32 or 64.
struct FpCase {
  uint64_t a, b, c;
  uint32_t fpcr, fpsr0;
  int32_t op, n;
};

// FPSR values start at the case's fpsr0; fast/f_fast are meaningful only where taken != 0.
struct FpDeviceResult {
  uint64_t entry, soft, fast;
  uint32_t f_entry, f_soft, f_fast;
  uint32_t taken;
};

enum class GpuRun { Ok, NoDevice, Failed };

// Runs the cases on CUDA device 0; NoDevice or Failed with *why when it cannot.
GpuRun run_fp_cases(const FpCase* cases, size_t count, FpDeviceResult* out, std::string* why);

}  // namespace cuarm::test::gpu
