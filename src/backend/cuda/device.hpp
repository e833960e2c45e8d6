// Host-side helpers shared by the CUDA backend's single-guest engine and batch store.
#pragma once
#include <cuda_runtime.h>
#include <cuarm/cuarm.hpp>
#include <fmt/format.h>

#include <string>

namespace cuarm::cuda {

// Throws cuarm::Error naming the failed step.
inline void check(cudaError_t e, const char* what) {
  if (e != cudaSuccess) throw Error(fmt::format("cuda: {}: {}", what, cudaGetErrorString(e)));
}

// Selects `device` and returns "cuda (<device name>)"; throws when it is not usable.
inline std::string open_device(int device = 0) {
  int count = 0;
  if (cudaGetDeviceCount(&count) != cudaSuccess || count == 0) {
    cudaGetLastError();  // clear the sticky error so later CUDA calls in this process are not poisoned
    throw Error("cuda: no CUDA device is available");
  }
  if (device < 0 || device >= count)
    throw Error(fmt::format("cuda: device {} does not exist ({} visible)", device, count));
  check(cudaSetDevice(device), "cudaSetDevice");
  cudaDeviceProp prop;
  check(cudaGetDeviceProperties(&prop, device), "cudaGetDeviceProperties");
  return fmt::format("cuda ({})", prop.name);
}

}  // namespace cuarm::cuda
