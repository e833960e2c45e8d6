// Cryptographic extension of the Cortex-A53 profile: AESE/AESD/AESMC/AESIMC, SHA1C/P/M/H/SU0/SU1, SHA256H/H2/SU0/SU1.
// (Rows are added by issue 5's work; the macro is wired into table.hpp already.)
#pragma once
#include "../exec.hpp"

#define CUARM_ISA_CRYPTO(X)

namespace cuarm::core {}  // namespace cuarm::core
