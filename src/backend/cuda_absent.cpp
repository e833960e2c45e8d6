// Linked when the CUDA backend is not built: Machine reports it clearly and `auto` uses the CPU.
#include "batch_store.hpp"
#include "engine.hpp"

namespace cuarm {
bool cuda_backend_built() { return false; }
std::unique_ptr<Engine> make_cuda_engine(const MachineOptions&) { return nullptr; }
std::unique_ptr<BatchStore> make_cuda_batch_store(int) { return nullptr; }
int cuda_device_count() { return 0; }
}  // namespace cuarm
