// Helpers shared by the parts of the Python module `cuarm` (module.cpp: AsyncCPU, run_elf, Status,
// Signal; batch.cpp: Batch, BatchStatus): argument conversion and the Signal enum.
#pragma once
#include <pybind11/pybind11.h>

#include <cuarm/cuarm.hpp>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace cuarm_py {

namespace py = pybind11;

inline constexpr uint64_t kDefaultMaxCycles = 100'000'000;
inline constexpr uint64_t kNoLimit = std::numeric_limits<uint64_t>::max();
inline constexpr double kSlice = 0.05;  // seconds between looks at Python signals while waiting

// cuarm.Signal member for a stop reason.
py::object to_signal(cuarm::StopReason r);

// A Python int (or anything with __index__) as an unsigned value of `bits` bits; negative values
// as two's complement when `allow_negative`. TypeError for non-integers, ValueError out of range.
uint64_t to_unsigned(py::handle value, int bits, bool allow_negative, const std::string& what);

// max_cycles: None is "no limit"; otherwise a non-negative int.
uint64_t cycles_arg(const py::object& v);

// A contiguous bytes-like object (bytes, bytearray, memoryview, numpy array, ...), read-only view.
class ByteView {
 public:
  ByteView(py::handle obj, const char* what);
  ~ByteView() { PyBuffer_Release(&view_); }
  ByteView(const ByteView&) = delete;
  ByteView& operator=(const ByteView&) = delete;
  std::span<const uint8_t> span() const { return {static_cast<const uint8_t*>(view_.buf), size_t(view_.len)}; }

 private:
  Py_buffer view_{};
};

bool is_bytes_like(py::handle obj);

// Reads a host file named by a str or os.PathLike; OSError (FileNotFoundError, ...) when it cannot.
std::vector<uint8_t> read_host_file(py::handle path_like);

// "rx", "rw", "r-x", ... or an int mask (1 r, 2 w, 4 x) -> cuarm::Perm bits; ValueError otherwise.
uint32_t perms_arg(py::handle perms);
std::string perms_str(uint32_t p);

// "auto" | "cpu" | "cuda"; ValueError otherwise.
cuarm::BackendKind backend_arg(const std::string& name);

std::string hex(uint64_t v);

// Waits until `runner` (a Machine, Batch or ProcessBatch: wait_for, is_running, cancel) has
// stopped or `timeout` seconds have passed (negative: no limit). Called with the GIL held; releases
// it while waiting. True once stopped, after `finish(runner)` (with the GIL: e.g. wait(), which
// joins a finished driver thread and raises its error). On a Python signal handler raising
// (KeyboardInterrupt on Ctrl-C): cancels, waits for the stop, runs `finish` with its errors
// swallowed (the KeyboardInterrupt is what the caller sees) and re-raises.
template <class Runner, class Finish>
bool wait_interruptible(Runner& r, double timeout, Finish&& finish) {
  using Clock = std::chrono::steady_clock;
  const auto deadline = Clock::now() + std::chrono::duration<double>(std::max(timeout, 0.0));
  while (true) {
    double slice = kSlice;
    if (timeout >= 0) slice = std::clamp(std::chrono::duration<double>(deadline - Clock::now()).count(), 0.0, kSlice);
    bool done;
    {
      py::gil_scoped_release release;
      done = r.wait_for(slice);
    }
    // With the GIL held no other Python thread can start a new run before `finish`, but one may
    // have started between wait_for and taking the GIL back: then keep waiting.
    if (done && !r.is_running()) {
      finish(r);
      return true;
    }
    if (PyErr_CheckSignals() != 0) {
      r.cancel();
      {
        py::gil_scoped_release release;
        while (!r.wait_for(kSlice)) {
        }
      }
      try {
        finish(r);
      } catch (const std::exception&) {
      }
      throw py::error_already_set();
    }
    if (timeout >= 0 && Clock::now() >= deadline) return false;
  }
}

// Registers cuarm.Batch and cuarm.BatchStatus (batch.cpp); Status and Signal must exist already.
void bind_batch(py::module_& mod);

}  // namespace cuarm_py
