// Core configuration: integer types and the CUARM_HD marker.
// The core is header-only and must compile as host C++, as CUDA device code (nvcc) and under
// NVRTC, so it includes nothing beyond <cstdint>/<cstring> on the host and nothing under NVRTC.
#pragma once

#if defined(__CUDACC_RTC__)
typedef unsigned char uint8_t;
typedef signed char int8_t;
typedef unsigned short uint16_t;
typedef short int16_t;
typedef unsigned int uint32_t;
typedef int int32_t;
typedef unsigned long long uint64_t;
typedef long long int64_t;
typedef unsigned long long uintptr_t;
#else
#include <cstdint>
#include <cstring>
#endif

#if defined(__CUDACC__) || defined(__CUDACC_RTC__)
#define CUARM_HD __host__ __device__
#define CUARM_INLINE __forceinline__
#define CUARM_NOINLINE __noinline__
#else
#define CUARM_HD
#define CUARM_INLINE inline __attribute__((always_inline))
#define CUARM_NOINLINE __attribute__((noinline))
#endif
// CUARM_NOINLINE is for large, rarely hot helpers (soft-float arithmetic, crypto rounds): kept
// out of line so that they do not swell the interpreter's dispatch and its register budget on
// the GPU.

// True while compiling device code (nvcc device pass or NVRTC).
#if defined(__CUDA_ARCH__)
#define CUARM_DEVICE_CODE 1
#else
#define CUARM_DEVICE_CODE 0
#endif
