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

// The backends in the order `auto` prefers them: the GPU when one is usable, else the CPU.
const std::vector<BackendEntry>& backend_registry();
// The entry of a backend (Cpu or Cuda).
const BackendEntry& backend_entry(BackendKind kind);

// Makes a backend object with make(entry): the named kind (Error when it is not built), or for
// Auto the first entry that is built and whose make() does not throw Error.
template <class T>
std::unique_ptr<T> make_backend(BackendKind kind, const std::function<std::unique_ptr<T>(const BackendEntry&)>& make) {
  for (const BackendEntry& e : backend_registry()) {
    if (kind != BackendKind::Auto && kind != e.kind) continue;
    if (!e.built()) {
      if (kind == BackendKind::Auto) continue;
      throw Error(std::string("backend '") + e.name + "' is not built into this cuarm; use 'cpu' or 'auto'");
    }
    if (kind != BackendKind::Auto) return make(e);
    try {
      return make(e);
    } catch (const Error&) {  // not usable here (no device): the next one
    }
  }
  throw Error("no backend can run here");
}

}  // namespace cuarm
