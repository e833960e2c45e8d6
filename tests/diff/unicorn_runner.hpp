// The two sides of the differential test: Unicorn 2 (Cortex-A53 model) and a cuarm::Machine,
// each turned into the same Outcome so that they can be compared field by field.
#pragma once
#include <cuarm/cuarm.hpp>

#include <memory>
#include <string>
#include <vector>

#include "generator.hpp"

struct uc_struct;

namespace cuarm::diff {

enum class End {
  Completed,  // every word of the stream retired
  Undefined,  // stopped on an UNDEFINED word (pc = the word)
  Fault,      // stopped on a memory fault (pc = the instruction)
  Other,      // anything else (an unexpected exception or stop): always reported
};
const char* end_name(End e);

struct Outcome {
  End end = End::Other;
  AccessKind access = AccessKind::Read;  // Fault only
  bool access_known = true;              // false for Unicorn's alignment data aborts
  uint64_t fault_addr = 0;               // Fault only; reported, not compared
  uint64_t executed = 0;                 // instructions retired
  std::string detail;                    // raw stop description for reports
  Registers regs;
};

// Why a case whose outcomes differ is set aside instead of failing (a documented Unicorn
// deviation from the Arm manual, or a choice the manual leaves to the implementation), or
// nullptr. Only ever consulted for cases that disagree.
const char* case_exclusion(const Case& c, const Outcome& unicorn, const Outcome& ours);

// Unicorn with UC_CPU_ARM64_A53: code region READ|EXEC, data region mapped over `data`
// (so the test reads and restores it in place).
class UnicornRunner {
 public:
  explicit UnicornRunner(uint8_t* data);
  ~UnicornRunner();
  UnicornRunner(const UnicornRunner&) = delete;
  UnicornRunner& operator=(const UnicornRunner&) = delete;

  Outcome run(const Case& c);
  void clrex();  // drops the exclusive monitor left by the previous case

  // Hook state (public for the C callbacks).
  uint64_t ncode = 0, last_addr = 0, bad_addr = 0;
  int intno = -1;

 private:
  uc_struct* uc_ = nullptr;
};

// cuarm::Machine with the same regions, on the test backend unless one is named.
class CuarmRunner {
 public:
  CuarmRunner();
  explicit CuarmRunner(BackendKind backend);
  Outcome run(const Case& c);
  void clrex();
  Machine& machine() { return *m_; }

 private:
  std::unique_ptr<Machine> m_;
};

}  // namespace cuarm::diff
