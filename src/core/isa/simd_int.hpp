// Advanced SIMD integer: three same, two-register miscellaneous and across-lanes classes (integer opcodes), and their scalar forms (scalar three same, scalar two-register misc, scalar pairwise).
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_SIMD_INT(X)

namespace cuarm::core {}  // namespace cuarm::core
