// Batches of processes (prototype over the public Batch API): every lane is a process with its
// own kernel state (fds, brk, mmap pages, signals); rounds run all lanes until each stops, then
// the host services the lanes that stopped at a syscall and parks the lanes that ended on a HLT
// in the shared trampoline page, so that the next round leaves them stopped.
#include <cuarm/process_batch.hpp>
#include <fmt/format.h>

#include <cstring>

#include "kernel.hpp"

namespace cuarm {
namespace {

// One lane of a Batch as an os::Guest. Registers are cached while a syscall is serviced and
// written back by flush(); the region table is the batch's, fixed after setup.
class LaneGuest final : public os::Guest {
 public:
  LaneGuest(Batch& b, uint64_t lane, const std::vector<RegionInfo>& regions) : b_(b), lane_(lane), regions_(regions) {}
  void load() { r_ = b_.registers(lane_), dirty_ = false; }
  void flush() {
    if (dirty_) b_.set_registers(lane_, r_);
    dirty_ = false;
  }
  uint64_t x(int n) const override { return r_.x[n]; }
  void set_x(int n, uint64_t v) override { r_.x[n] = v, dirty_ = true; }
  Registers registers() const override { return r_; }
  void set_registers(const Registers& r) override { r_ = r, dirty_ = true; }
  void set_sp(uint64_t sp) override { r_.sp = sp, dirty_ = true; }
  using Guest::read_memory;
  void read_memory(uint64_t a, std::span<uint8_t> out) const override {
    const auto v = b_.read_memory(lane_, a, out.size());
    std::memcpy(out.data(), v.data(), v.size());
  }
  void write_memory(uint64_t a, std::span<const uint8_t> in) override { b_.write_memory(lane_, a, in); }
  std::vector<RegionInfo> regions() const override { return regions_; }
  void map(uint64_t, uint64_t, uint32_t) override { throw Error("a batch lane's regions are fixed"); }
  void unmap(uint64_t, uint64_t) override { throw Error("a batch lane's regions are fixed"); }
  bool fixed_regions() const override { return true; }

 private:
  Batch& b_;
  uint64_t lane_;
  const std::vector<RegionInfo>& regions_;
  Registers r_;
  bool dirty_ = false;
};

struct Lane {
  std::unique_ptr<LaneGuest> guest;
  std::unique_ptr<os::Kernel> k;
  size_t in_pos = 0;
  bool ended = false;
};

}  // namespace

std::vector<LaneResult> run_process_batch(std::span<const uint8_t> image, const std::vector<LaneProcess>& lanes,
                                          const ProcessBatchOptions& o, uint64_t max_cycles) {
  if (lanes.empty()) throw Error("run_process_batch: no lanes");
  for (const auto& l : lanes)
    if (l.argv.empty()) throw Error("run_process_batch: a lane has an empty argv");
  BatchOptions bo = o.batch;
  bo.lanes = lanes.size();
  Batch b(bo);
  const ElfInfo elf = b.load_elf(image, o.common.pie_base);
  const uint64_t stack_lo = os::kStackTop - o.stack_size;
  const uint64_t brk_base = os::AddressSpace::brk_start(elf.image_end);
  // The regions every lane has: image (loaded above), brk heap, mmap area, stack, trampoline.
  b.map(brk_base, (o.brk_size + os::kPage - 1) & ~(os::kPage - 1), PermRW);
  b.map(os::kMmapBase, (o.mmap_size + os::kPage - 1) & ~(os::kPage - 1), PermRW);
  b.map(stack_lo, o.stack_size, PermRW);
  b.map(os::kSigTramp, os::kPage, PermRX);
  b.load_program(std::span(reinterpret_cast<const uint8_t*>(os::kSigTrampCode), sizeof os::kSigTrampCode), os::kSigTramp);
  std::vector<RegionInfo> regions;
  {
    // The table as the lanes see it (the Batch API does not list it). The image is given as
    // its whole extent: a buffer in a gap between segments still faults (EFAULT) on access.
    regions.push_back({elf.image_start, elf.image_end - elf.image_start, PermRWX});
    regions.push_back({brk_base, o.brk_size, PermRW});
    regions.push_back({os::kMmapBase, o.mmap_size, PermRW});
    regions.push_back({stack_lo, o.stack_size, PermRW});
    regions.push_back({os::kSigTramp, os::kPage, PermRX});
  }

  std::vector<LaneResult> results(lanes.size());
  std::vector<Lane> ls(lanes.size());
  for (size_t i = 0; i < lanes.size(); ++i) {
    ProcessOptions po = o.common;
    po.argv = lanes[i].argv;
    po.random_seed = o.common.random_seed + i;
    po.stack_size = o.stack_size;
    po.strace = nullptr;
    LaneResult* res = &results[i];
    Lane* lane = &ls[i];
    const std::string* in = &lanes[i].stdin_bytes;
    po.output = [res](int fd, const uint8_t* d, size_t n) { (fd == 2 ? res->err : res->out).append(reinterpret_cast<const char*>(d), n); };
    po.input = [lane, in](uint8_t* d, size_t n) -> int64_t {
      const size_t c = std::min(n, in->size() - lane->in_pos);
      std::memcpy(d, in->data() + lane->in_pos, c);
      lane->in_pos += c;
      return int64_t(c);
    };
    ls[i].guest = std::make_unique<LaneGuest>(b, i, regions);
    ls[i].k = std::make_unique<os::Kernel>(*ls[i].guest, po);
    os::Kernel& k = *ls[i].k;
    k.elf = elf;
    k.sigtramp = os::kSigTramp;
    k.as = std::make_unique<os::AddressSpace>(*ls[i].guest, elf.image_end, o.brk_size, o.mmap_size, stack_lo, false);
    ls[i].guest->load();
    os::setup_stack(k, os::kStackTop);
    ls[i].guest->flush();
  }

  size_t live = lanes.size();
  while (live > 0) {
    b.run(max_cycles);
    const std::vector<StopReason> sig = b.lane_signals();
    const std::vector<uint64_t> cyc = b.lane_cycles();
    for (size_t i = 0; i < ls.size(); ++i) {
      Lane& l = ls[i];
      if (l.ended) continue;
      results[i].cycles += cyc[i];
      os::Kernel& k = *l.k;
      bool ended = false;
      Status st;
      if (sig[i] == StopReason::Syscall) {
        l.guest->load();
        k.cycles = results[i].cycles;
        os::service_syscall(k);
        if (k.ended) {
          ended = true;
          st = b.lane_status(i);
          st.signal = StopReason::Exit;
          st.exit_status = k.exit_status;
          results[i].result.term_signal = k.term_signal;
        }
      } else {
        ended = true;  // fault, undefined, limit, ...: the lane ends as a single process would
        st = b.lane_status(i);
        l.guest->load();
      }
      if (ended) {
        l.ended = true;
        --live;
        st.cycles_executed = results[i].cycles;
        results[i].result.status = st;
        results[i].result.exit_code = exit_code_for(st);
        Registers r = l.guest->registers();
        r.pc = os::kParkPc;  // later rounds stop it at once (one HLT)
        l.guest->set_registers(r);
      }
      l.guest->flush();
    }
  }
  return results;
}

}  // namespace cuarm
