// The backend registry: every backend this build knows, with its name, its factories and what it
// can do. cuarm::Machine, cuarm::Batch, the OS layer, the command line and Python choose and name
// backends here and nowhere else (parse_backend, backend_names).
#pragma once
#include <cuarm/batch.hpp>
#include <cuarm/cuarm.hpp>

#include <functional>
#include <memory>
#include <vector>

#include "batch_store.hpp"
#include "engine.hpp"

namespace cuarm {

struct BackendEntry {
  BackendKind kind;
  const char* name;
  bool (*built)();  // whether this build has it
  // One guest (Machine). Throws Error when the backend is built but cannot run (no device).
  std::unique_ptr<Engine> (*make_engine)(const MachineOptions&);
  // The store of a Batch's lanes over `devices` (empty: all the backend has); *used gets the
  // devices it took. Throws Error when the backend cannot run.
  std::unique_ptr<BatchStore> (*make_batch_store)(const std::vector<int>& devices, std::vector<int>* used);
  // Machine::run() runs the guest on the calling thread (a syscall round trip is a function call).
  bool runs_on_caller_thread;
};

// The backends this build knows.
const std::vector<BackendEntry>& backend_registry();
// The entry of a backend (Cpu or Cuda).
const BackendEntry& backend_entry(BackendKind kind);

// What `auto` tries, in order (README, "Choosing a backend"). One guest: the CPU (a program on one
// GPU thread runs 30 to 100 times slower than on a CPU core, bench/RESULTS.md). A batch: the GPU
// from kAutoGpuLanesPerCore lanes per host core up (a lane on one GPU thread runs about as fast
// as 1/30 of a CPU core when the GPU is not full: 5M IPS interpreted against 1.5e8, so with
// fewer lanes than that the host's cores win), else the CPU.
constexpr uint64_t kAutoGpuLanesPerCore = 64;
std::vector<BackendKind> auto_order_single();
std::vector<BackendKind> auto_order_batch(uint64_t lanes);

// Makes a backend object with make(entry): the named kind (Error when it is not built), or for
// Auto the first kind of auto_order that is built and whose make() does not throw Error.
template <class T>
std::unique_ptr<T> make_backend(BackendKind kind, const std::vector<BackendKind>& auto_order,
                                const std::function<std::unique_ptr<T>(const BackendEntry&)>& make) {
  if (kind != BackendKind::Auto) {
    const BackendEntry& e = backend_entry(kind);
    if (!e.built()) throw Error(std::string("backend '") + e.name + "' is not built into this cuarm; use 'cpu' or 'auto'");
    return make(e);
  }
  for (BackendKind k : auto_order) {
    const BackendEntry& e = backend_entry(k);
    if (!e.built()) continue;
    try {
      return make(e);
    } catch (const Error&) {  // not usable here (no device): the next one
    }
  }
  throw Error("no backend can run here");
}

}  // namespace cuarm
