// Advanced SIMD moves and permutes: copy (DUP/INS/UMOV/SMOV), permute (ZIP/UZP/TRN), extract (EXT), table lookup (TBL/TBX), modified immediate (MOVI/MVNI/ORR/BIC/FMOV vector immediate), scalar copy (DUP element).
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_SIMD_PERMUTE(X)

namespace cuarm::core {}  // namespace cuarm::core
