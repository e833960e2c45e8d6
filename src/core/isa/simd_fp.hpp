// Advanced SIMD floating point: the FP opcodes of three same, two-register misc, across lanes and x indexed element (vector and scalar forms), scalar pairwise FP, and the fixed-point conversions of the shift-by-immediate class.
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_SIMD_FP(X)

namespace cuarm::core {}  // namespace cuarm::core
