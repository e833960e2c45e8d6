// The kernel of FpFastGpu (see fp_fast_gpu.hpp): the soft-float library compiled by nvcc as
// device code, where fp_fast.hpp computes with the __dadd_rn, ... intrinsics.
#include <cuda_runtime.h>

#include "core/fp/fp.hpp"
#include "fp_fast_gpu.hpp"

namespace cuarm::test::gpu {
namespace {

namespace fp = cuarm::core::fp;

static_assert(CUARM_FP_FAST, "the fast path is always built for the device");

__global__ void fp_cases_kernel(const FpCase* cases, size_t count, FpDeviceResult* out) {
  for (size_t i = size_t(blockIdx.x) * blockDim.x + threadIdx.x; i < count; i += size_t(gridDim.x) * blockDim.x) {
    const FpCase k = cases[i];
    FpDeviceResult r{};
    r.f_entry = r.f_soft = r.f_fast = k.fpsr0;
    bool taken = false;
    switch (k.op) {
      case 0:
        r.entry = fp::add(k.a, k.b, k.n, k.fpcr, r.f_entry);
        r.soft = fp::soft_add(k.a, k.b, k.n, k.fpcr, r.f_soft);
        taken = fp::fast::add_sub(k.a, k.b, k.n, false, k.fpcr, r.f_fast, r.fast);
        break;
      case 1:
        r.entry = fp::sub(k.a, k.b, k.n, k.fpcr, r.f_entry);
        r.soft = fp::soft_sub(k.a, k.b, k.n, k.fpcr, r.f_soft);
        taken = fp::fast::add_sub(k.a, k.b, k.n, true, k.fpcr, r.f_fast, r.fast);
        break;
      case 2:
        r.entry = fp::mul(k.a, k.b, k.n, k.fpcr, r.f_entry);
        r.soft = fp::soft_mul(k.a, k.b, k.n, k.fpcr, r.f_soft);
        taken = fp::fast::mul(k.a, k.b, k.n, k.fpcr, r.f_fast, r.fast);
        break;
      case 3:
        r.entry = fp::div(k.a, k.b, k.n, k.fpcr, r.f_entry);
        r.soft = fp::soft_div(k.a, k.b, k.n, k.fpcr, r.f_soft);
        taken = fp::fast::div(k.a, k.b, k.n, k.fpcr, r.f_fast, r.fast);
        break;
      case 4:
        r.entry = fp::sqrt(k.a, k.n, k.fpcr, r.f_entry);
        r.soft = fp::soft_sqrt(k.a, k.n, k.fpcr, r.f_soft);
        taken = fp::fast::sqrt(k.a, k.n, k.fpcr, r.f_fast, r.fast);
        break;
      default:
        r.entry = fp::fma(k.c, k.a, k.b, k.n, k.fpcr, r.f_entry);
        r.soft = fp::soft_fma(k.c, k.a, k.b, k.n, k.fpcr, r.f_soft);
        taken = fp::fast::fma(k.c, k.a, k.b, k.n, k.fpcr, r.f_fast, r.fast);
        break;
    }
    r.taken = taken ? 1u : 0u;
    out[i] = r;
  }
}

// Frees the device buffers on every return path.
struct DeviceBuffers {
  FpCase* cases = nullptr;
  FpDeviceResult* results = nullptr;
  ~DeviceBuffers() {
    cudaFree(cases);
    cudaFree(results);
  }
};

GpuRun failed(cudaError_t e, const char* what, std::string* why) {
  *why = std::string(what) + ": " + cudaGetErrorString(e);
  return GpuRun::Failed;
}

}  // namespace

GpuRun run_fp_cases(const FpCase* cases, size_t count, FpDeviceResult* out, std::string* why) {
  int devices = 0;
  if (cudaError_t e = cudaGetDeviceCount(&devices); e != cudaSuccess || devices == 0) {
    *why = e != cudaSuccess ? std::string("cudaGetDeviceCount: ") + cudaGetErrorString(e) : "no CUDA device";
    cudaGetLastError();  // clear the sticky error, if any
    return GpuRun::NoDevice;
  }
  if (cudaError_t e = cudaSetDevice(0); e != cudaSuccess) return failed(e, "cudaSetDevice", why);
  DeviceBuffers d;
  if (cudaError_t e = cudaMalloc(&d.cases, count * sizeof(FpCase)); e != cudaSuccess)
    return failed(e, "cudaMalloc", why);
  if (cudaError_t e = cudaMalloc(&d.results, count * sizeof(FpDeviceResult)); e != cudaSuccess)
    return failed(e, "cudaMalloc", why);
  if (cudaError_t e = cudaMemcpy(d.cases, cases, count * sizeof(FpCase), cudaMemcpyHostToDevice); e != cudaSuccess)
    return failed(e, "cudaMemcpy to the device", why);
  fp_cases_kernel<<<264, 256>>>(d.cases, count, d.results);
  if (cudaError_t e = cudaGetLastError(); e != cudaSuccess) return failed(e, "kernel launch", why);
  if (cudaError_t e = cudaMemcpy(out, d.results, count * sizeof(FpDeviceResult), cudaMemcpyDeviceToHost);
      e != cudaSuccess)
    return failed(e, "cudaMemcpy from the device", why);
  return GpuRun::Ok;
}

}  // namespace cuarm::test::gpu
