// The decoder table: every implemented encoding, in decode order. It is also the coverage list.
//
// Row format, in each isa/<class>.hpp:  X(NAME, "32-char pattern", handler, flags)
//   NAME     enum name of the row (Op::NAME)
//   pattern  the encoding as the Arm manual draws it, bit 31 first (see pattern.hpp)
//   handler  template <class C> Stop handler(C&, uint32_t word) in namespace cuarm::core
//   flags    what the translator and the differential generator need to know about the row's
//            words without running them (0 for none; tests/test_decoder.cpp checks them
//            against the encoding classes):
//            kCarveOut     a deliberate special case of a later, more general row (the decoder
//                          test accepts an overlap only in that case)
//            kBranch       writes the next pc (c.next); the next word may not run next
//            kDirect       a branch to pc + the signed word offset in field i
//            kConditional  a branch that may also go on to the next word
//            kLink         writes X30 = the next word's address (BL, BLR): the callee returns there
//            kMemory       may read or write guest memory (and so fault)
//            kStops        always stops the run (SVC, HLT, BRK)
//            kResumes      a stop the guest resumes after, at the next word (SVC)
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
constexpr uint32_t kCarveOut = 1u << 0;
constexpr uint32_t kBranch = 1u << 1;
constexpr uint32_t kDirect = 1u << 2;
constexpr uint32_t kConditional = 1u << 3;
constexpr uint32_t kLink = 1u << 4;
constexpr uint32_t kMemory = 1u << 5;
constexpr uint32_t kStops = 1u << 6;
constexpr uint32_t kResumes = 1u << 7;
constexpr uint32_t kAllRowFlags = (1u << 8) - 1;
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
