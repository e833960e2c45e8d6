// Scalar floating point (Arm manual C4.1.96 "Data Processing -- Scalar Floating-Point and Advanced SIMD", the FP classes): conversions between FP and fixed-point/integer, data-processing 1/2/3 source, compare, conditional compare, immediate, conditional select.
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_FP_SCALAR(X)

namespace cuarm::core {}  // namespace cuarm::core
