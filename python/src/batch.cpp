// cuarm.Batch (over cuarm::Batch): many lanes of one program image, per-lane registers, memory and
// results as NumPy arrays, and a run that goes on in the background; cuarm.BatchStatus.
//
// Arrays cross the boundary in one copy: inputs are read in place from a C-contiguous array (one
// conversion when the dtype or layout differs), results are the C++ vectors themselves, handed to
// NumPy without a copy (the array owns the vector through a capsule). No loop over lanes runs in
// Python or here: the per-lane loops are inside cuarm::Batch.
//
// Threading is as for AsyncCPU (module.cpp): every call into the Batch is made with the GIL held,
// except Batch::wait_for(), which is thread-safe against poll()/is_running()/cancel() and runs
// with the GIL released, in slices of 50 ms so that Ctrl-C is seen (the batch is cancelled, waited
// for, and KeyboardInterrupt re-raised).
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cuarm/batch.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

#include "common.hpp"

namespace cuarm_py {
namespace {

std::string type_name(py::handle h) { return py::str(py::type::of(h).attr("__name__")); }

// A std::vector as a NumPy array of `shape`, without a copy: the array owns the vector.
template <class U, class T>
py::array_t<U> adopt(std::vector<T>&& v, std::vector<py::ssize_t> shape) {
  static_assert(sizeof(T) == sizeof(U), "element sizes must match");
  auto owned = std::make_unique<std::vector<T>>(std::move(v));
  const U* data = reinterpret_cast<const U*>(owned->data());
  py::capsule owner(owned.get(), [](void* p) { delete static_cast<std::vector<T>*>(p); });
  owned.release();  // the capsule deletes it
  return py::array_t<U>(shape, data, owner);
}

std::string shape_str(const py::array& a) { return py::str(a.attr("shape")); }

// One uint64 per lane: an int (the same for every lane), a sequence of `lanes` ints, or a 1-D
// array (any integer dtype) of `lanes` values. Negative values are taken as two's complement, like
// AsyncCPU.set_register.
struct LaneValues {
  bool scalar = true;
  uint64_t value = 0;
  py::array_t<uint64_t> array;  // C-contiguous, `lanes` elements, when !scalar
  std::span<const uint64_t> span() const { return {array.data(), size_t(array.size())}; }
};

LaneValues lane_values(py::handle v, uint64_t lanes, const std::string& what) {
  LaneValues out;
  if (PyIndex_Check(v.ptr()) && !py::isinstance<py::array>(v)) {  // an int, a numpy integer scalar
    out.value = to_unsigned(v, 64, true, what);
    return out;
  }
  if (PyUnicode_Check(v.ptr()) || PyBytes_Check(v.ptr()) || PyByteArray_Check(v.ptr()))
    throw py::type_error(fmt::format("{}: expected an int or an array of {} integers, got {}", what, lanes, type_name(v)));
  if (!py::isinstance<py::array>(v) && PySequence_Check(v.ptr()) && !PyObject_CheckBuffer(v.ptr())) {
    // A list, tuple, range, ...: element by element, exactly (numpy would turn a mix of negative
    // and >= 2**63 ints into float64).
    const py::sequence seq = py::reinterpret_borrow<py::sequence>(v);
    if (uint64_t(seq.size()) != lanes)
      throw py::value_error(fmt::format("{}: expected one value per lane, shape ({},), got {} values", what, lanes, seq.size()));
    out.scalar = false;
    out.array = py::array_t<uint64_t>(py::ssize_t(lanes));
    uint64_t* dst = out.array.mutable_data();
    for (size_t i = 0; i < seq.size(); ++i) {
      const py::object item = seq[i];
      if (!PyIndex_Check(item.ptr()))
        throw py::type_error(fmt::format("{}: expected integers, got {} at index {}", what, type_name(item), i));
      dst[i] = to_unsigned(item, 64, true, what);
    }
    return out;
  }
  py::module_ np = py::module_::import("numpy");
  py::array a = np.attr("asarray")(v);
  const char kind = a.dtype().kind();
  if (kind != 'i' && kind != 'u')
    throw py::type_error(fmt::format("{}: expected integers, got an array of {}", what, std::string(py::str(a.dtype()))));
  if (a.ndim() == 0) {
    out.value = to_unsigned(a.attr("item")(), 64, true, what);
    return out;
  }
  if (a.ndim() != 1 || uint64_t(a.shape(0)) != lanes)
    throw py::value_error(fmt::format("{}: expected one value per lane, shape ({},), got shape {}", what, lanes, shape_str(a)));
  out.scalar = false;
  // Signed values wrap to two's complement (astype's unsafe cast); no copy when already uint64.
  out.array = a.attr("astype")(np.attr("uint64"), py::arg("order") = "C", py::arg("copy") = false);
  return out;
}

int x_index(py::handle n) {
  if (PyBool_Check(n.ptr()) || !PyIndex_Check(n.ptr()))
    throw py::type_error(fmt::format("register number: expected an int 0..30, got {}", type_name(n)));
  const uint64_t i = to_unsigned(n, 64, true, "register number");
  if (i > 30) throw py::value_error(fmt::format("register number {} out of range (x0..x30)", std::string(py::str(n))));
  return int(i);
}

std::string by_signal_str(const cuarm::BatchStatus& s) {
  std::string r;
  for (int i = 0; i < 9; ++i) {
    if (!s.by_reason[i]) continue;
    r += fmt::format("{}{}: {}", r.empty() ? "" : ", ", cuarm::stop_reason_name(cuarm::StopReason(i)), s.by_reason[i]);
  }
  return "{" + r + "}";
}

py::dict by_signal(const cuarm::BatchStatus& s) {
  py::dict d;
  for (int i = 0; i < 9; ++i) d[to_signal(cuarm::StopReason(i))] = s.by_reason[i];
  return d;
}

// ---------------------------------------------------------------------------------------------

class PyBatch {
 public:
  PyBatch(py::handle program, py::handle lanes, const std::string& backend, bool deterministic, py::handle regions,
          py::handle address, py::handle page_pool_bytes) {
    if (PyBool_Check(lanes.ptr()) || !PyIndex_Check(lanes.ptr()))
      throw py::type_error(fmt::format("lanes: expected an int, got {}", type_name(lanes)));
    lanes_ = to_unsigned(lanes, 64, false, "lanes");
    if (lanes_ == 0) throw py::value_error("lanes: a batch needs at least 1 lane");

    // The program's bytes: given, or read from a path.
    std::optional<ByteView> view;
    std::vector<uint8_t> file;
    std::span<const uint8_t> bytes;
    const bool from_path = !is_bytes_like(program);
    if (!from_path) {
      view.emplace(program, "program_or_elf");
      bytes = view->span();
    } else if (PyUnicode_Check(program.ptr()) || py::hasattr(program, "__fspath__")) {
      file = read_host_file(program);
      bytes = file;
    } else {
      throw py::type_error(fmt::format(
          "program_or_elf: expected the bytes of an ELF or of raw code, or a path (str, os.PathLike), got {}",
          type_name(program)));
    }
    const bool is_elf = bytes.size() >= 4 && std::memcmp(bytes.data(), "\x7f" "ELF", 4) == 0;

    const std::vector<Region> extra = parse_regions(regions);
    if (is_elf) {
      if (!address.is_none())
        throw py::value_error("address: an ELF's load addresses and entry point come from the file; address= is for raw code");
    } else {
      if (address.is_none())
        throw py::value_error(from_path ? "program_or_elf: the file is not an ELF (no \\x7fELF magic); raw code needs "
                                          "address= and regions="
                                        : "program_or_elf: not an ELF (no \\x7fELF magic); raw code needs address= (where "
                                          "it goes and where pc starts) and regions= (the memory)");
      if (regions.is_none() || extra.empty())
        throw py::value_error("regions: raw code needs regions=[(base, size, perms), ...] describing the memory, "
                              "one of them executable ('rx') holding the code");
      if (bytes.empty()) throw py::value_error("program_or_elf: the code is empty");
    }
    const uint64_t code_at = is_elf ? 0 : to_unsigned(address, 64, false, "address");
    if (!is_elf) {
      const bool inside = std::any_of(extra.begin(), extra.end(), [&](const Region& r) {
        return (r.perms & cuarm::PermX) && code_at - r.base < r.size && r.size - (code_at - r.base) >= bytes.size();
      });
      if (!inside)
        throw py::value_error(fmt::format("address: the code [{}, {}) is not inside one executable region of regions",
                                          hex(code_at), hex(code_at + bytes.size())));
    }

    cuarm::BatchOptions o;
    o.lanes = lanes_;
    o.backend = backend_arg(backend);
    o.deterministic = deterministic;
    if (!page_pool_bytes.is_none()) {
      if (PyBool_Check(page_pool_bytes.ptr()) || !PyIndex_Check(page_pool_bytes.ptr()))
        throw py::type_error(fmt::format("page_pool_bytes: expected an int or None, got {}", type_name(page_pool_bytes)));
      o.page_pool_bytes = to_unsigned(page_pool_bytes, 64, false, "page_pool_bytes");
    }
    b_ = std::make_unique<cuarm::Batch>(o);
    if (is_elf) elf_ = b_->load_elf(bytes);
    for (const Region& r : extra) b_->map(r.base, r.size, r.perms);
    if (!is_elf) {
      b_->load_program(bytes, code_at);
      b_->set_pc(code_at);
    }
  }

  ~PyBatch() {
    if (b_ && b_->is_running()) {  // stop the lanes without holding the GIL while they wind down
      b_->cancel();
      py::gil_scoped_release release;
      b_.reset();
    }
  }

  uint64_t lanes() const { return lanes_; }
  std::string backend() const { return b_->backend_name(); }
  uint64_t memory_per_lane() const { return b_->memory_per_lane(); }
  py::object elf() const { return elf_ ? py::cast(*elf_) : py::none(); }
  std::vector<py::ssize_t> lanes_shape() const { return {py::ssize_t(lanes_)}; }

  // Registers

  void set_x(py::handle n, py::handle value) {
    const int i = x_index(n);
    const LaneValues v = lane_values(value, lanes_, fmt::format("set_x({})", i));
    if (v.scalar) b_->set_x(i, v.value);
    else b_->set_x(i, v.span());
  }
  void set_pc(py::handle value) {
    const LaneValues v = lane_values(value, lanes_, "set_pc");
    if (v.scalar) b_->set_pc(v.value);
    else b_->set_pc(v.span());
  }
  void set_sp(py::handle value) {
    const LaneValues v = lane_values(value, lanes_, "set_sp");
    if (v.scalar) b_->set_sp(v.value);
    else b_->set_sp(v.span());
  }
  py::array_t<uint64_t> x(py::handle n) const { return adopt<uint64_t>(b_->x(x_index(n)), lanes_shape()); }
  py::array_t<uint64_t> pc() const { return adopt<uint64_t>(b_->pc(), lanes_shape()); }
  py::array_t<uint64_t> sp() const { return adopt<uint64_t>(b_->sp(), lanes_shape()); }
  py::array_t<uint64_t> registers() const { return adopt<uint64_t>(b_->x_all(), {py::ssize_t(lanes_), 31}); }

  // Memory

  void write_memory(uint64_t address, py::handle data, py::handle stride) {
    if (!stride.is_none()) {
      const uint64_t k = to_unsigned(stride, 64, false, "write_memory: stride");
      if (k == 0) throw py::value_error("write_memory: stride must be at least 1 byte");
      ByteView v(data, "write_memory");
      if (v.span().size() != k * lanes_)
        throw py::value_error(fmt::format("write_memory: {} bytes given; stride {} x {} lanes needs {}", v.span().size(), k,
                                          lanes_, k * lanes_));
      b_->write_memory_lanes(address, v.span(), k);
      return;
    }
    if (!py::isinstance<py::array>(data))
      throw py::type_error(fmt::format("write_memory: expected a NumPy array of shape ({}, k), or a flat bytes-like object "
                                       "of {} * k bytes with stride=k; got {}",
                                       lanes_, lanes_, type_name(data)));
    py::array a = py::reinterpret_borrow<py::array>(data);
    if (a.dtype().kind() == 'O') throw py::type_error("write_memory: an array of Python objects has no bytes to write");
    if (a.ndim() < 1 || uint64_t(a.shape(0)) != lanes_)
      throw py::value_error(
          fmt::format("write_memory: expected one row per lane, shape ({}, k), got shape {}", lanes_, shape_str(a)));
    a = py::module_::import("numpy").attr("ascontiguousarray")(a);
    const size_t k = size_t(a.nbytes()) / lanes_;
    if (k == 0) throw py::value_error(fmt::format("write_memory: the rows are empty (shape {})", shape_str(a)));
    b_->write_memory_lanes(address, {static_cast<const uint8_t*>(a.data()), size_t(a.nbytes())}, k);
  }

  py::array_t<uint8_t> read_memory(uint64_t address, uint64_t size) const {
    return adopt<uint8_t>(b_->read_memory_lanes(address, size_t(size)), {py::ssize_t(lanes_), py::ssize_t(size)});
  }

  void write_lane_memory(py::handle lane, uint64_t address, py::handle data) {
    const uint64_t l = lane_arg(lane);
    ByteView v(data, "write_lane_memory");
    b_->write_memory(l, address, v.span());
  }

  py::bytes read_lane_memory(py::handle lane, uint64_t address, uint64_t size) const {
    const std::vector<uint8_t> out = b_->read_memory(lane_arg(lane), address, size_t(size));
    return py::bytes(reinterpret_cast<const char*>(out.data()), out.size());
  }

  // Results

  py::array_t<uint8_t> signals() const { return adopt<uint8_t>(b_->lane_signals(), lanes_shape()); }
  py::array_t<uint64_t> cycles() const { return adopt<uint64_t>(b_->lane_cycles(), lanes_shape()); }
  py::array_t<uint64_t> fault_addresses() const { return adopt<uint64_t>(b_->lane_fault_addresses(), lanes_shape()); }
  cuarm::Status lane_status(py::handle lane) const { return b_->lane_status(lane_arg(lane)); }

  // Running

  void start(const py::object& max_cycles) { b_->start(cycles_arg(max_cycles)); }
  cuarm::BatchStatus poll() const { return b_->poll(); }
  bool is_running() const { return b_->is_running(); }
  void cancel() { b_->cancel(); }

  py::object wait(std::optional<double> timeout) {
    if (timeout && !(*timeout >= 0)) throw py::value_error("wait: timeout must be >= 0 seconds (or None)");
    if (!wait_interruptible(timeout ? *timeout : -1)) return py::none();
    return py::cast(b_->poll());
  }

  cuarm::BatchStatus run(const py::object& max_cycles) {
    b_->start(cycles_arg(max_cycles));
    wait_interruptible(-1);
    return b_->poll();
  }

  std::string repr() const {
    return fmt::format("<cuarm.Batch lanes={} backend='{}' running={}>", lanes_, backend(), is_running() ? "True" : "False");
  }

 private:
  struct Region {
    uint64_t base, size;
    uint32_t perms;
  };

  static std::vector<Region> parse_regions(py::handle regions) {
    std::vector<Region> out;
    if (regions.is_none()) return out;
    if (PyUnicode_Check(regions.ptr()) || !PySequence_Check(regions.ptr()))
      throw py::type_error(fmt::format("regions: expected a list of (base, size, perms) tuples, got {}", type_name(regions)));
    const py::sequence seq = py::reinterpret_borrow<py::sequence>(regions);
    for (size_t i = 0; i < seq.size(); ++i) {
      const py::object item = seq[i];
      const std::string what = fmt::format("regions[{}]", i);
      if (PyUnicode_Check(item.ptr()) || !PySequence_Check(item.ptr()) || py::len(item) != 3)
        throw py::value_error(fmt::format("{}: expected a (base, size, perms) tuple, got {}", what, std::string(py::repr(item))));
      const py::sequence t = py::reinterpret_borrow<py::sequence>(item);
      out.push_back({to_unsigned(t[0], 64, false, what + " base"), to_unsigned(t[1], 64, false, what + " size"),
                     perms_arg(t[2])});
    }
    return out;
  }

  // A lane index; negative values count from the end as in Python sequences.
  uint64_t lane_arg(py::handle lane) const {
    if (PyBool_Check(lane.ptr()) || !PyIndex_Check(lane.ptr()))
      throw py::type_error(fmt::format("lane: expected an int, got {}", type_name(lane)));
    const py::int_ i = py::reinterpret_steal<py::int_>(PyNumber_Index(lane.ptr()));
    if (!i) throw py::error_already_set();
    const py::int_ n(lanes_);
    const py::object l = i < py::int_(0) ? py::object(i + n) : py::object(i);
    if (l < py::int_(0) || l >= n)
      throw py::index_error(fmt::format("lane {} out of range (the batch has {} lanes)", std::string(py::str(py::object(i))), lanes_));
    return l.cast<uint64_t>();
  }

  // Waits until the batch stops or `timeout` seconds pass (common.hpp's wait_interruptible);
  // wait() joins the finished driver and raises its errors as cuarm.Error.
  bool wait_interruptible(double timeout) {
    return cuarm_py::wait_interruptible(*b_, timeout, [](cuarm::Batch& b) { b.wait(); });
  }

  uint64_t lanes_ = 0;
  std::unique_ptr<cuarm::Batch> b_;
  std::optional<cuarm::ElfInfo> elf_;
};

}  // namespace

void bind_batch(py::module_& mod) {
  py::class_<cuarm::BatchStatus>(mod, "BatchStatus",
                                 "Progress of a batch while it runs, or its result once every lane has stopped\n"
                                 "(from Batch.poll(), wait(), run()).\n\n"
                                 "While is_running is True, lanes_stopped, cycles_executed, elapsed_seconds and ips are\n"
                                 "live and by_signal counts nothing yet; once stopped, by_signal says how many lanes\n"
                                 "stopped for each reason (per-lane details: Batch.signals(), Batch.lane_status()).")
      .def_readonly("is_running", &cuarm::BatchStatus::is_running, "True while any lane is still running.")
      .def_readonly("lanes", &cuarm::BatchStatus::lanes, "Number of lanes in the batch.")
      .def_readonly("lanes_stopped", &cuarm::BatchStatus::lanes_stopped, "Lanes that have reached a stop (any reason).")
      .def_readonly("cycles_executed", &cuarm::BatchStatus::cycles_executed,
                    "Instructions retired by all lanes together since start().")
      .def_readonly("elapsed_seconds", &cuarm::BatchStatus::elapsed_seconds, "Seconds since start().")
      .def_readonly("ips", &cuarm::BatchStatus::ips,
                    "Instructions per second over all lanes: cycles_executed / elapsed_seconds.")
      .def_property_readonly("by_signal", &by_signal,
                             "A dict {Signal: number of lanes} with every Signal as a key (0 for reasons no lane\n"
                             "stopped for); all zero while running.")
      .def_readonly("pages_written", &cuarm::BatchStatus::pages_written,
                    "After a run: the 4 KiB pages the lanes own, all lanes together (writable memory is\n"
                    "copy-on-write: a lane gets its own copy of a page when it first writes it).")
      .def_readonly("out_of_pages", &cuarm::BatchStatus::out_of_pages,
                    "After a run: True if a lane's write found the page pool full (that lane stopped with\n"
                    "Signal.FAULT at the address it wrote; give fewer lanes or a larger page_pool_bytes).")
      .def("__repr__", [](const cuarm::BatchStatus& s) {
        return fmt::format("BatchStatus(is_running={}, lanes={}, lanes_stopped={}, cycles_executed={}, elapsed_seconds={:.6f}, "
                           "ips={:.4g}, by_signal={})",
                           s.is_running ? "True" : "False", s.lanes, s.lanes_stopped, s.cycles_executed, s.elapsed_seconds,
                           s.ips, by_signal_str(s));
      });

  py::class_<PyBatch>(
      mod, "Batch",
      "Many AArch64 guests (lanes) running one program image at once: one GPU thread per lane on the\n"
      "CUDA backend, CPU threads on the CPU backend.\n\n"
      "Batch(program_or_elf, lanes, *, backend='auto', deterministic=False, regions=None, address=None,\n"
      "      page_pool_bytes=None)\n\n"
      "Every lane has its own registers and its own copy of the writable memory; code and read-only\n"
      "regions are shared (and may not be written per lane). Per-lane inputs and results are NumPy\n"
      "arrays indexed by lane: set_x(n, array), x(n), registers(), write_memory(address, rows),\n"
      "read_memory(address, k), signals(), cycles(), pcs(), fault_addresses().\n\n"
      "Lanes do not service syscalls: an SVC stops that lane with Signal.SYSCALL. So per-lane argv,\n"
      "stdin and stdout for ELF programs are not available yet; pass inputs in registers and memory.\n"
      "Registers and memory can only be read or written while the batch is stopped (cuarm.Error\n"
      "otherwise). Destroying a running Batch cancels it.")
      .def(py::init<py::handle, py::handle, const std::string&, bool, py::handle, py::handle, py::handle>(),
           py::arg("program_or_elf"), py::arg("lanes"), py::kw_only(), py::arg("backend") = "auto",
           py::arg("deterministic") = false, py::arg("regions") = py::none(), py::arg("address") = py::none(),
           py::arg("page_pool_bytes") = py::none(),
           "Creates a stopped batch of `lanes` lanes (at least 1) of one program.\n\n"
           "program_or_elf: the bytes of a static AArch64 ELF (recognised by its \\x7fELF magic) or a\n"
           "path to one (str or os.PathLike); or raw code bytes, which need address= and regions=.\n"
           "- ELF: its PT_LOAD segments are mapped (a segment may not be both writable and executable)\n"
           "  and pc is set to its entry point; ET_DYN (static-pie) images go at 0x555555554000. Extra\n"
           "  regions (a stack, a data area) may come from regions=. No stack is set up: set_sp().\n"
           "  address= is a ValueError.\n"
           "- Raw code: regions (required) is the memory, a list of (base, size, perms) tuples (base and\n"
           "  size multiples of 4096, perms a string like 'rx', 'rw', 'r' or an int mask 1 r, 2 w, 4 x;\n"
           "  at most 8 regions; none both writable and executable). The code is copied to address,\n"
           "  which must lie in an executable region, and pc is set to address.\n"
           "Writable regions are private to each lane (zeroed, except what the ELF puts there);\n"
           "the others are shared. A lane's writable memory is copy-on-write per 4 KiB page: a lane\n"
           "costs the pages it writes. page_pool_bytes: memory for those pages, all lanes together\n"
           "(None: as much as the backend has).\n\n"
           "backend: 'auto' (the GPU from 64 lanes per host core up when one is usable, else the CPU),\n"
           "'cpu' or 'cuda'. deterministic: CNTVCT_EL0 counts retired instructions instead of host time.\n"
           "ValueError for bad combinations (lanes 0, raw code without address or regions, ...);\n"
           "cuarm.Error for what the emulator rejects (overlapping or unaligned regions, a bad ELF).")
      .def_property_readonly("lanes", &PyBatch::lanes, "Number of lanes.")
      .def_property_readonly("backend", &PyBatch::backend, "The backend in use: 'cpu', or 'cuda (<GPU name>)'.")
      .def_property_readonly("memory_per_lane", &PyBatch::memory_per_lane,
                             "Bytes of memory one lane costs on its backend: its state, its page tables (4 bytes\n"
                             "per 4 KiB page of the writable regions) and, on average, the pages lanes wrote.\n"
                             "Lays the memory out if not done yet.")
      .def_property_readonly("elf", &PyBatch::elf, "The ElfInfo of the loaded ELF (entry, load_bias, ...); None for raw code.")
      // registers
      .def("set_x", &PyBatch::set_x, py::arg("n"), py::arg("value"),
           "Sets Xn (n = 0..30) of every lane: an int for all lanes alike, or an array-like of `lanes`\n"
           "integers (lane i gets value[i]). Negative values are taken as two's complement.\n"
           "TypeError for non-integers (floats included); ValueError for a wrong length or n.")
      .def("x", &PyBatch::x, py::arg("n"), "Xn (n = 0..30) of every lane: a numpy uint64 array of shape (lanes,).")
      .def("registers", &PyBatch::registers,
           "X0..X30 of every lane: a numpy uint64 array of shape (lanes, 31); row i is lane i\n"
           "(registers()[:, n] == x(n)). pc and sp: pc(), sp().")
      .def("pc", &PyBatch::pc, "pc of every lane: a numpy uint64 array of shape (lanes,).")
      .def("sp", &PyBatch::sp, "sp of every lane: a numpy uint64 array of shape (lanes,).")
      .def("set_pc", &PyBatch::set_pc, py::arg("value"),
           "Sets pc of every lane: an int for all lanes, or an array-like of `lanes` integers.")
      .def("set_sp", &PyBatch::set_sp, py::arg("value"),
           "Sets sp of every lane: an int for all lanes, or an array-like of `lanes` integers.")
      // memory
      .def("write_memory", &PyBatch::write_memory, py::arg("address"), py::arg("data"), py::arg("stride") = py::none(),
           "Writes per-lane bytes at address in one call: lane i gets the raw bytes of data[i].\n\n"
           "data is a NumPy array of shape (lanes, k) uint8 (any dtype and trailing shape works: lane i\n"
           "gets data[i]'s bytes in memory order, e.g. shape (lanes,) uint64 writes 8 bytes per lane),\n"
           "or, with stride=k, any flat bytes-like object of lanes * k bytes (lane i gets bytes\n"
           "[i*k, (i+1)*k)). The bytes must lie in one writable (private) region: cuarm.Error for\n"
           "shared (code, read-only) regions and unmapped memory. ValueError for wrong shapes.")
      .def("read_memory", &PyBatch::read_memory, py::arg("address"), py::arg("size"),
           "Reads size bytes at address from every lane: a numpy uint8 array of shape (lanes, size),\n"
           "row i from lane i (.view(numpy.uint64) etc. reinterprets it). The bytes must lie in one\n"
           "mapped region (shared regions read the same in every lane).")
      .def("write_lane_memory", &PyBatch::write_lane_memory, py::arg("lane"), py::arg("address"), py::arg("data"),
           "Writes a bytes-like object into one lane's private memory (negative lanes count from the end).\n"
           "IndexError for lanes out of range; cuarm.Error for shared regions and unmapped memory.")
      .def("read_lane_memory", &PyBatch::read_lane_memory, py::arg("lane"), py::arg("address"), py::arg("size"),
           "Returns size bytes at address of one lane's memory, as bytes.")
      // results
      .def("signals", &PyBatch::signals,
           "Why each lane stopped: a numpy uint8 array of shape (lanes,) of Signal values\n"
           "(e.g. signals() == cuarm.Signal.HALT); Signal.NONE for lanes that never ran.")
      .def("cycles", &PyBatch::cycles,
           "Instructions each lane retired in the last run: a numpy uint64 array of shape (lanes,).")
      .def("pcs", &PyBatch::pc,
           "pc of each lane where it stopped (see Signal for where it points): a numpy uint64 array of\n"
           "shape (lanes,), the same as pc().")
      .def("fault_addresses", &PyBatch::fault_addresses,
           "For lanes stopped with Signal.FAULT, the address they could not access: a numpy uint64 array\n"
           "of shape (lanes,) (meaningless for other lanes: mask with signals() == Signal.FAULT).")
      .def("lane_status", &PyBatch::lane_status, py::arg("lane"),
           "The Status of one lane after a run: signal, cycles_executed, pc, fault_address, fault_access,\n"
           "insn, syscall (x8), elapsed_seconds (the batch's). Negative lanes count from the end;\n"
           "IndexError out of range.")
      // running
      .def("start", &PyBatch::start, py::arg("max_cycles") = kDefaultMaxCycles,
           "Starts every lane in the background and returns at once; each lane stops after at most\n"
           "max_cycles instructions of its own (Signal.MAX_CYCLES; None: no limit). Lanes stopped by an\n"
           "earlier run start again from where they are. cuarm.Error if the batch is already running.")
      .def("poll", &PyBatch::poll, "Returns the live BatchStatus (never blocks).")
      .def("is_running", &PyBatch::is_running, "True while any lane runs.")
      .def("cancel", &PyBatch::cancel,
           "Asks a running batch to stop: lanes not stopped yet stop with Signal.CANCELLED. Returns at\n"
           "once; safe from any thread; does nothing when the batch is stopped.")
      .def("wait", &PyBatch::wait, py::arg("timeout") = py::none(),
           "Waits until every lane has stopped and returns the final BatchStatus. With timeout (seconds),\n"
           "returns None if the batch is still running by then. Releases the GIL while waiting; on\n"
           "Ctrl-C (KeyboardInterrupt) cancels the batch, waits for it to stop and re-raises. Returns\n"
           "the last BatchStatus at once when nothing is running.")
      .def("run", &PyBatch::run, py::arg("max_cycles") = kDefaultMaxCycles,
           "Blocking run: start(max_cycles) then wait(). Releases the GIL; Ctrl-C cancels the batch and\n"
           "raises KeyboardInterrupt.")
      .def("__repr__", &PyBatch::repr);
}

}  // namespace cuarm_py
