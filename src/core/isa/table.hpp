// The decoder table: every implemented encoding, in decode order. It is also the coverage list.
//
// Row format, in each isa/<class>.hpp:  X(NAME, "32-char pattern", handler, flags)
//   NAME     enum name of the row (Op::NAME)
//   pattern  the encoding as the Arm manual draws it, bit 31 first (see pattern.hpp)
//   handler  template <class C> Stop handler(C&, uint32_t word) in namespace cuarm::core
//   flags    0, or kCarveOut: the row is a deliberate special case of a later, more general row
//            (the decoder test accepts an overlap only in that case)
// Words that match no row decode as UNDEFINED; handlers also return UNDEFINED for unallocated
// field combinations inside their row.
#pragma once
#include "core/pattern.hpp"
#include "branch.hpp"
#include "crypto.hpp"
#include "data_imm.hpp"
#include "data_reg.hpp"
#include "exception.hpp"
#include "fp_scalar.hpp"
#include "load_store.hpp"
#include "simd_fp.hpp"
#include "simd_int.hpp"
#include "simd_load_store.hpp"
#include "simd_permute.hpp"
#include "simd_shift_long.hpp"
#include "system.hpp"

namespace cuarm::core {
constexpr uint32_t kCarveOut = 1;
}

#define CUARM_ISA_ALL(X)   \
  CUARM_ISA_EXCEPTION(X)   \
  CUARM_ISA_SYSTEM(X)      \
  CUARM_ISA_BRANCH(X)      \
  CUARM_ISA_DATA_IMM(X)    \
  CUARM_ISA_DATA_REG(X)    \
  CUARM_ISA_LOAD_STORE(X)      \
  CUARM_ISA_SIMD_LOAD_STORE(X) \
  CUARM_ISA_FP_SCALAR(X)       \
  CUARM_ISA_SIMD_PERMUTE(X)    \
  CUARM_ISA_SIMD_INT(X)        \
  CUARM_ISA_SIMD_SHIFT_LONG(X) \
  CUARM_ISA_SIMD_FP(X)         \
  CUARM_ISA_CRYPTO(X)
