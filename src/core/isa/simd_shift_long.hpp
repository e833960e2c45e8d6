// Advanced SIMD three different (widening/narrowing, long multiply, PMULL), shift by immediate (vector and scalar, integer forms) and vector/scalar x indexed element (integer forms).
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_SIMD_SHIFT_LONG(X)

namespace cuarm::core {}  // namespace cuarm::core
