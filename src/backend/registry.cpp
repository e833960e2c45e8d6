#include "registry.hpp"

#include <fmt/format.h>

#include <algorithm>
#include <thread>

namespace cuarm {
namespace {

bool always() { return true; }

std::unique_ptr<BatchStore> cpu_batch_store(const std::vector<int>&, std::vector<int>* used) {
  used->clear();
  return make_cpu_batch_store();
}

// One CUDA store per device (every visible one when none is named), sharded.
std::unique_ptr<BatchStore> cuda_batch_store(const std::vector<int>& devices, std::vector<int>* used) {
  *used = devices;
  if (used->empty())
    for (int d = 0; d < cuda_device_count(); ++d) used->push_back(d);
  if (used->empty()) throw Error("cuda: no CUDA device is available");
  std::vector<std::unique_ptr<BatchStore>> parts;
  for (int d : *used) parts.push_back(make_cuda_batch_store(d));
  return make_sharded_store(std::move(parts));
}

std::unique_ptr<Engine> cuda_engine(const MachineOptions& o) {
  auto e = make_cuda_engine(o);
  if (!e) throw Error("cuda: the CUDA backend is not built");
  return e;
}

}  // namespace

const std::vector<BackendEntry>& backend_registry() {
  static const std::vector<BackendEntry> entries = {
      {BackendKind::Cuda, "cuda", cuda_backend_built, cuda_engine, cuda_batch_store, false},
      {BackendKind::Cpu, "cpu", always, make_cpu_engine, cpu_batch_store, true},
  };
  return entries;
}

const BackendEntry& backend_entry(BackendKind kind) {
  for (const auto& e : backend_registry())
    if (kind == e.kind) return e;
  throw Error("backend_entry: auto is not a backend");
}

std::vector<BackendKind> auto_order_single() { return {BackendKind::Cpu}; }

std::vector<BackendKind> auto_order_batch(uint64_t lanes) {
  const uint64_t cores = std::max(1u, std::thread::hardware_concurrency());
  if (lanes >= kAutoGpuLanesPerCore * cores) return {BackendKind::Cuda, BackendKind::Cpu};
  return {BackendKind::Cpu};
}

std::vector<std::string> backend_names() {
  std::vector<std::string> names = {"auto"};
  for (auto it = backend_registry().rbegin(); it != backend_registry().rend(); ++it) names.push_back(it->name);
  return names;
}

BackendKind parse_backend(const std::string& name) {
  if (name == "auto") return BackendKind::Auto;
  for (const auto& e : backend_registry())
    if (name == e.name) return e.kind;
  std::string list;
  for (const auto& n : backend_names()) list += (list.empty() ? "" : ", ") + n;
  throw Error(fmt::format("unknown backend '{}' (expected {})", name, list));
}

}  // namespace cuarm
