// SIMD&FP loads and stores: LDR/STR of B/H/S/D/Q registers (every addressing mode, literal), LDP/STP/LDNP/STNP of S/D/Q, and the Advanced SIMD structure loads/stores LD1-LD4/ST1-ST4 (multiple structures, single lane, replicate; post-index).
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_SIMD_LOAD_STORE(X)

namespace cuarm::core {}  // namespace cuarm::core
