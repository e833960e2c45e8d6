// The Python module `cuarm` (pybind11): AsyncCPU (one guest over cuarm::Machine), Status, Signal,
// ElfInfo, RunResult, run_elf, ProcessBatch (ProcessBatchStatus, ProcessBatchResult), run_elf_batch and
// the exception cuarm.Error. Batch and BatchStatus: batch.cpp.
//
// Threading: every call into the Machine is made with the GIL held, except Machine::wait_for(),
// which is thread-safe against poll()/is_running()/cancel() and is the only thing run while the
// GIL is released (in slices of 50 ms, so that Ctrl-C is seen: on KeyboardInterrupt the guest is
// cancelled, waited for, and the exception re-raised).
#include <fcntl.h>
#include <unistd.h>
#include <pybind11/numpy.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cuarm/cuarm.hpp>
#include <fmt/format.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <vector>

#include "common.hpp"
#include <cuarm/process.hpp>
#include <cuarm/process_batch.hpp>
#include <map>

namespace cuarm_py {

// cuarm.Signal (an enum.IntEnum built at import); one reference is kept for the process' life.
py::handle g_signal;

py::object to_signal(cuarm::StopReason r) { return g_signal(int(r)); }

// ---------------------------------------------------------------------------------------------
// Argument conversion (declared in common.hpp)

// Negative values are taken as two's complement when `allow_negative` (64-bit registers: x0 = -1
// is 2**64-1).
uint64_t to_unsigned(py::handle value, int bits, bool allow_negative, const std::string& what) {
  py::object idx = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
  if (!idx)
    throw py::type_error(fmt::format("{}: expected an int, got {}", what, std::string(py::str(py::type::of(value).attr("__name__")))));
  int overflow = 0;
  const long long sv = PyLong_AsLongLongAndOverflow(idx.ptr(), &overflow);
  if (sv == -1 && PyErr_Occurred()) throw py::error_already_set();
  const uint64_t mask = bits == 64 ? kNoLimit : (uint64_t(1) << bits) - 1;
  auto out_of_range = [&] {
    return py::value_error(fmt::format("{}: {} does not fit in {} bits", what, std::string(py::str(idx)), bits));
  };
  if (overflow == 0) {
    if (sv < 0) {
      if (!allow_negative || (bits < 64 && sv < -(int64_t(1) << (bits - 1)))) throw out_of_range();
      return uint64_t(sv) & mask;
    }
    if (uint64_t(sv) > mask) throw out_of_range();
    return uint64_t(sv);
  }
  if (overflow < 0 || bits < 64) throw out_of_range();
  const unsigned long long uv = PyLong_AsUnsignedLongLong(idx.ptr());
  if (uv == (unsigned long long)-1 && PyErr_Occurred()) {
    PyErr_Clear();
    throw out_of_range();
  }
  return uv;
}

uint64_t cycles_arg(const py::object& v) {
  if (v.is_none()) return kNoLimit;
  return to_unsigned(v, 64, false, "max_cycles");
}

ByteView::ByteView(py::handle obj, const char* what) {
  if (PyUnicode_Check(obj.ptr()))
    throw py::type_error(fmt::format("{}: expected a bytes-like object, got str (encode it first)", what));
  if (PyObject_GetBuffer(obj.ptr(), &view_, PyBUF_SIMPLE) != 0) {
    PyErr_Clear();
    throw py::type_error(fmt::format("{}: expected a contiguous bytes-like object (bytes, bytearray, memoryview, numpy array), got {}",
                                     what, std::string(py::str(py::type::of(obj).attr("__name__")))));
  }
}

bool is_bytes_like(py::handle obj) { return PyObject_CheckBuffer(obj.ptr()) && !PyUnicode_Check(obj.ptr()); }

std::vector<uint8_t> read_host_file(py::handle path_like) {
  py::object fs = py::reinterpret_steal<py::object>(PyOS_FSPath(path_like.ptr()));
  if (!fs) throw py::error_already_set();
  if (!PyUnicode_Check(fs.ptr())) throw py::type_error("expected a str or os.PathLike path");
  const std::string path = fs.cast<std::string>();
  // A path that cannot be opened is an OSError (FileNotFoundError, PermissionError) as for
  // open(); anything else unsuitable (a directory, a device, too large) is cuarm.Error.
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC | O_NONBLOCK);
  if (fd < 0) {
    PyErr_SetFromErrnoWithFilenameObject(PyExc_OSError, fs.ptr());
    throw py::error_already_set();
  }
  ::close(fd);
  return cuarm::read_input(path);
}

uint32_t perms_arg(py::handle perms) {
  if (PyUnicode_Check(perms.ptr())) {
    uint32_t p = 0;
    for (char c : perms.cast<std::string>()) {
      switch (c) {
        case 'r': case 'R': p |= cuarm::PermR; break;
        case 'w': case 'W': p |= cuarm::PermW; break;
        case 'x': case 'X': p |= cuarm::PermX; break;
        case '-': break;
        default:
          throw py::value_error(fmt::format("perms: '{}' is not made of r, w, x (and -)", perms.cast<std::string>()));
      }
    }
    return p;
  }
  const uint64_t p = to_unsigned(perms, 64, false, "perms");
  if (p > 7) throw py::value_error(fmt::format("perms: {} is not a combination of 1 (r), 2 (w), 4 (x)", p));
  return uint32_t(p);
}

std::string perms_str(uint32_t p) {
  std::string s = "---";
  if (p & cuarm::PermR) s[0] = 'r';
  if (p & cuarm::PermW) s[1] = 'w';
  if (p & cuarm::PermX) s[2] = 'x';
  return s;
}

cuarm::BackendKind backend_arg(const std::string& name) {
  try {
    return cuarm::parse_backend(name);  // the registry's names
  } catch (const cuarm::Error& e) {
    throw py::value_error(fmt::format("backend: {}", e.what()));
  }
}

// ---------------------------------------------------------------------------------------------
// Registers: names, and indices in GDB's AArch64 numbering.

enum class Reg { X, Sp, Pc, Nzcv, Fpcr, Fpsr, Tpidr, V };
struct RegId {
  Reg kind;
  int n = 0;
};

constexpr const char* kRegisterHelp =
    "x0..x30 (lr = x30, fp = x29), sp, pc, nzcv, fpcr, fpsr, tpidr_el0, v0..v31, or an index in GDB's "
    "AArch64 numbering (0..30 x0..x30, 31 sp, 32 pc, 33 nzcv, 34..65 v0..v31, 66 fpsr, 67 fpcr)";

// "x7" -> 7 when the text after the prefix is a plain decimal below `limit`, else -1.
int numbered(const std::string& name, char prefix, int limit) {
  if (name.size() < 2 || name.size() > 3 || name[0] != prefix) return -1;
  const std::string digits = name.substr(1);
  if (!std::all_of(digits.begin(), digits.end(), [](char c) { return c >= '0' && c <= '9'; })) return -1;
  const int n = std::stoi(digits);
  if (std::to_string(n) != digits || n >= limit) return -1;
  return n;
}

RegId parse_register(py::handle h) {
  if (PyUnicode_Check(h.ptr())) {
    std::string name = h.cast<std::string>();
    std::string lower = name;
    std::transform(lower.begin(), lower.end(), lower.begin(), [](unsigned char c) { return char(std::tolower(c)); });
    if (int n = numbered(lower, 'x', 31); n >= 0) return {Reg::X, n};
    if (int n = numbered(lower, 'v', 32); n >= 0) return {Reg::V, n};
    if (lower == "lr") return {Reg::X, 30};
    if (lower == "fp") return {Reg::X, 29};
    if (lower == "sp") return {Reg::Sp};
    if (lower == "pc") return {Reg::Pc};
    if (lower == "nzcv") return {Reg::Nzcv};
    if (lower == "fpcr") return {Reg::Fpcr};
    if (lower == "fpsr") return {Reg::Fpsr};
    if (lower == "tpidr_el0") return {Reg::Tpidr};
    throw py::value_error(fmt::format("unknown register '{}' (expected {})", name, kRegisterHelp));
  }
  if (PyBool_Check(h.ptr()) || !PyIndex_Check(h.ptr()))
    throw py::type_error(fmt::format("register: expected a name (str) or an index (int), got {}",
                                     std::string(py::str(py::type::of(h).attr("__name__")))));
  py::object idx = py::reinterpret_steal<py::object>(PyNumber_Index(h.ptr()));
  if (!idx) throw py::error_already_set();
  int overflow = 0;
  const long long i = PyLong_AsLongLongAndOverflow(idx.ptr(), &overflow);
  if (i == -1 && PyErr_Occurred()) throw py::error_already_set();
  if (overflow == 0) {
    if (i >= 0 && i <= 30) return {Reg::X, int(i)};
    if (i == 31) return {Reg::Sp};
    if (i == 32) return {Reg::Pc};
    if (i == 33) return {Reg::Nzcv};
    if (i >= 34 && i <= 65) return {Reg::V, int(i - 34)};
    if (i == 66) return {Reg::Fpsr};
    if (i == 67) return {Reg::Fpcr};
  }
  throw py::value_error(fmt::format("register index {} out of range (expected {})", std::string(py::str(idx)), kRegisterHelp));
}

std::string register_name(const RegId& r) {
  switch (r.kind) {
    case Reg::X: return fmt::format("x{}", r.n);
    case Reg::V: return fmt::format("v{}", r.n);
    case Reg::Sp: return "sp";
    case Reg::Pc: return "pc";
    case Reg::Nzcv: return "nzcv";
    case Reg::Fpcr: return "fpcr";
    case Reg::Fpsr: return "fpsr";
    case Reg::Tpidr: return "tpidr_el0";
  }
  return "?";
}

// A 128-bit value from an int (0 .. 2**128-1) or a contiguous 16-byte buffer (little-endian).
void vector_value(py::handle value, const std::string& what, uint64_t out[2]) {
  uint8_t bytes[16];
  if (is_bytes_like(value)) {
    ByteView v(value, what.c_str());
    if (v.span().size() != 16)
      throw py::value_error(fmt::format("{}: expected 16 bytes, got {}", what, v.span().size()));
    std::memcpy(bytes, v.span().data(), 16);
  } else if (PyIndex_Check(value.ptr()) && !PyBool_Check(value.ptr())) {
    py::object idx = py::reinterpret_steal<py::object>(PyNumber_Index(value.ptr()));
    if (!idx) throw py::error_already_set();
    if (idx < py::int_(0) || idx >= py::int_(1).attr("__lshift__")(128))
      throw py::value_error(fmt::format("{}: {} does not fit in 128 bits", what, std::string(py::str(idx))));
    const std::string b = idx.attr("to_bytes")(16, "little").cast<std::string>();
    std::memcpy(bytes, b.data(), 16);
  } else {
    throw py::type_error(fmt::format("{}: expected 16 bytes (bytes, bytearray, numpy uint8 array) or an int", what));
  }
  std::memcpy(out, bytes, 16);
}

// ---------------------------------------------------------------------------------------------
// Waiting with the GIL released, Ctrl-C aware.

// Waits until the guest stops or `timeout` seconds pass (common.hpp's wait_interruptible).
bool wait_interruptible(cuarm::Machine& m, double timeout) {
  return cuarm_py::wait_interruptible(m, timeout, [](cuarm::Machine&) {});
}

// ---------------------------------------------------------------------------------------------
// AsyncCPU

class AsyncCPU {
 public:
  AsyncCPU(uint64_t memory_size, const std::string& backend, bool deterministic) {
    cuarm::MachineOptions o;
    o.memory_size = memory_size;
    o.backend = backend_arg(backend);
    o.deterministic = deterministic;
    m_ = std::make_unique<cuarm::Machine>(o);
  }

  cuarm::Machine& machine() { return *m_; }
  std::string backend() const { return m_->backend_name(); }

  void load_program(py::handle program, uint64_t address) {
    ByteView v(program, "load_program");
    m_->load_program(v.span(), address);
  }
  void write_memory(uint64_t address, py::handle data) {
    ByteView v(data, "write_memory");
    m_->write_memory(address, v.span());
  }
  py::bytes read_memory(uint64_t address, uint64_t size) {
    if (size > uint64_t(std::numeric_limits<Py_ssize_t>::max())) throw py::value_error("read_memory: size too large");
    py::object out = py::reinterpret_steal<py::object>(PyBytes_FromStringAndSize(nullptr, Py_ssize_t(size)));
    if (!out) throw py::error_already_set();
    m_->read_memory(address, std::span(reinterpret_cast<uint8_t*>(PyBytes_AS_STRING(out.ptr())), size_t(size)));
    return py::reinterpret_steal<py::bytes>(out.release());
  }
  void map(uint64_t base, uint64_t size, py::handle perms) { m_->map(base, size, perms_arg(perms)); }
  void unmap(uint64_t base, uint64_t size) { m_->unmap(base, size); }
  py::list regions() const {
    py::list out;
    for (const auto& r : m_->regions()) out.append(py::make_tuple(r.base, r.size, perms_str(r.perms)));
    return out;
  }

  cuarm::ElfInfo load_elf(py::handle image, uint64_t pie_base) {
    if (is_bytes_like(image)) {
      ByteView v(image, "load_elf");
      return m_->load_elf(v.span(), pie_base);
    }
    const std::vector<uint8_t> bytes = read_host_file(image);
    return m_->load_elf(bytes, pie_base);
  }

  void set_pc(uint64_t pc) { m_->set_pc(pc); }

  py::object get_register(py::handle reg) {
    const RegId id = parse_register(reg);
    const cuarm::Registers r = m_->registers();
    switch (id.kind) {
      case Reg::X: return py::int_(r.x[id.n]);
      case Reg::Sp: return py::int_(r.sp);
      case Reg::Pc: return py::int_(r.pc);
      case Reg::Nzcv: return py::int_(r.nzcv);
      case Reg::Fpcr: return py::int_(r.fpcr);
      case Reg::Fpsr: return py::int_(r.fpsr);
      case Reg::Tpidr: return py::int_(r.tpidr_el0);
      case Reg::V: {
        py::array_t<uint8_t> a(16);
        std::memcpy(a.mutable_data(), &r.v[id.n][0], 16);
        return a;
      }
    }
    return py::none();
  }

  void set_register(py::handle reg, py::handle value) {
    const RegId id = parse_register(reg);
    const std::string what = fmt::format("set_register('{}')", register_name(id));
    cuarm::Registers r = m_->registers();
    switch (id.kind) {
      case Reg::X: r.x[id.n] = to_unsigned(value, 64, true, what); break;
      case Reg::Sp: r.sp = to_unsigned(value, 64, true, what); break;
      case Reg::Pc: r.pc = to_unsigned(value, 64, true, what); break;
      case Reg::Tpidr: r.tpidr_el0 = to_unsigned(value, 64, true, what); break;
      case Reg::Fpcr: r.fpcr = uint32_t(to_unsigned(value, 32, false, what)); break;
      case Reg::Fpsr: r.fpsr = uint32_t(to_unsigned(value, 32, false, what)); break;
      case Reg::Nzcv: {
        const uint64_t v = to_unsigned(value, 32, false, what);
        if (v & 0x0fffffffu)
          throw py::value_error(fmt::format("{}: 0x{:x} has bits outside N, Z, C, V (31:28)", what, v));
        r.nzcv = uint32_t(v);
        break;
      }
      case Reg::V: vector_value(value, what, r.v[id.n]); break;
    }
    m_->set_registers(r);
  }

  void start(const py::object& max_cycles) { m_->start(cycles_arg(max_cycles)); }
  cuarm::Status poll() const { return m_->poll(); }
  bool is_running() const { return m_->is_running(); }
  void cancel() { m_->cancel(); }

  py::object wait(std::optional<double> timeout) {
    if (timeout && !(*timeout >= 0)) throw py::value_error("wait: timeout must be >= 0 seconds (or None)");
    if (!wait_interruptible(*m_, timeout ? *timeout : -1)) return py::none();
    return py::cast(m_->poll());
  }

  cuarm::Status run(const py::object& max_cycles) {
    m_->start(cycles_arg(max_cycles));
    wait_interruptible(*m_, -1);
    return m_->poll();
  }

 private:
  std::unique_ptr<cuarm::Machine> m_;
};

// ---------------------------------------------------------------------------------------------
// run_elf

struct RunResult {
  std::string out, err;
  cuarm::Status status;
  int exit_code = 0;  // as a shell sees it (128 + signal when a signal killed the guest)
};

// mounts: "HOST:GUEST[:ro]" strings or (host, guest[, read_only]) tuples.
std::vector<cuarm::Mount> mounts_arg(const std::optional<std::vector<py::object>>& mounts) {
  std::vector<cuarm::Mount> out;
  if (!mounts) return out;
  for (const py::object& m : *mounts) {
    if (py::isinstance<py::str>(m)) {
      out.push_back(cuarm::parse_mount(m.cast<std::string>()));
      continue;
    }
    const auto t = m.cast<py::tuple>();
    if (t.size() < 2 || t.size() > 3)
      throw py::value_error("mounts: each entry is 'HOST:GUEST[:ro]' or a (host, guest[, read_only]) tuple");
    cuarm::Mount mount;
    mount.host = py::str(t[0]).cast<std::string>();  // str or os.PathLike
    mount.guest = t[1].cast<std::string>();
    mount.read_only = t.size() == 3 && t[2].cast<bool>();
    out.push_back(mount);
  }
  return out;
}

// What run_elf and run_elf_batch share: /proc/self/exe reads as the program's absolute host path
// (as under Linux and the cuarm command), the environment (empty unless given), mounts, cwd, and
// deterministic mode.
cuarm::ProcessOptions process_options(const py::object& path, const std::optional<std::vector<py::object>>& mounts,
                                      const std::optional<std::map<std::string, std::string>>& env,
                                      const std::string& cwd, bool deterministic) {
  cuarm::ProcessOptions po;
  po.exe_path = std::filesystem::absolute(py::str(path).cast<std::string>()).lexically_normal().string();
  if (env)
    for (const auto& [k, v] : *env) po.env.push_back(k + "=" + v);
  po.mounts = mounts_arg(mounts);
  po.cwd = cwd;
  po.deterministic = deterministic;
  return po;
}

RunResult run_elf(const py::object& path, const std::optional<std::vector<std::string>>& argv,
                  const py::object& max_cycles, const std::string& backend, const py::object& stdin_data,
                  const std::optional<std::vector<py::object>>& mounts,
                  const std::optional<std::map<std::string, std::string>>& env, const std::string& cwd,
                  bool deterministic) {
  const uint64_t limit = cycles_arg(max_cycles);
  const std::vector<uint8_t> image = read_host_file(path);
  cuarm::ProcessOptions po = process_options(path, mounts, env, cwd, deterministic);
  if (argv) {
    po.argv = *argv;
  } else {
    po.argv.push_back(py::str(path).cast<std::string>());
  }
  std::string input;
  if (!stdin_data.is_none()) input = py::bytes(stdin_data).cast<std::string>();
  size_t input_at = 0;
  // The guest's stdin is the given bytes (empty by default), never the host's.
  po.input = [&](uint8_t* buffer, size_t size) -> int64_t {
    const size_t n = std::min(size, input.size() - input_at);
    std::memcpy(buffer, input.data() + input_at, n);
    input_at += n;
    return int64_t(n);
  };
  RunResult result;
  po.output = [&](int fd, const uint8_t* data, size_t size) {
    (fd == 2 ? result.err : result.out).append(reinterpret_cast<const char*>(data), size);
  };
  cuarm::MachineOptions o;
  o.memory_size = 0;
  o.backend = backend_arg(backend);
  o.deterministic = deterministic;  // CNTVCT_EL0 counts instructions too, as under `cuarm --deterministic`
  cuarm::Machine m(o);
  cuarm::Process proc(m, image, po);

  // Ctrl-C: the progress callback (on this thread, every ~100 ms) sees the pending signal and
  // throws Interrupted, which stops the guest; the Python exception stays set until re-raised.
  struct Interrupted {};
  bool interrupted = false;
  {
    py::gil_scoped_release release;
    try {
      const cuarm::ProcessResult r = proc.run(limit, [&](const cuarm::Status&) {
        py::gil_scoped_acquire acquire;
        if (PyErr_CheckSignals() != 0) throw Interrupted{};
      });
      result.status = r.status;
      result.exit_code = r.exit_code;
    } catch (const Interrupted&) {
      interrupted = true;
    }
  }
  if (interrupted) throw py::error_already_set();
  return result;
}

// run_elf_batch: lanes that are processes of one program (cuarm::run_process_batch).
struct ProcessBatchResult {
  std::vector<RunResult> lanes;

  // One value a lane as a NumPy array of T.
  template <class T, class F>
  py::array_t<T> per_lane(F&& value) const {
    py::array_t<T> a(py::ssize_t(lanes.size()));
    auto v = a.template mutable_unchecked<1>();
    for (size_t i = 0; i < lanes.size(); ++i) v(py::ssize_t(i)) = T(value(lanes[i]));
    return a;
  }
};

// cuarm.ProcessBatch (over cuarm::ProcessBatch): the lanes, argv and stdin of one program; a run in
// the background. Threading as for AsyncCPU: every call into the ProcessBatch is made with the GIL
// held, except its constructor (lays out every lane) and wait_for(), which is thread-safe against
// poll()/is_running()/cancel(); the driver thread never needs the GIL.
class PyProcessBatch {
 public:
  PyProcessBatch(const py::object& path, const std::vector<std::vector<std::string>>& argv,
                 const std::optional<std::vector<py::bytes>>& stdin_data, const py::object& max_cycles,
                 const std::string& backend, const std::optional<std::vector<py::object>>& mounts,
                 const std::optional<std::map<std::string, std::string>>& env, const std::string& cwd, bool deterministic,
                 const char* what = "ProcessBatch")
      : max_cycles_(cycles_arg(max_cycles)) {
    const std::vector<uint8_t> image = read_host_file(path);
    if (argv.empty()) throw py::value_error(fmt::format("{}: argv must give at least one lane", what));
    if (stdin_data && stdin_data->size() != argv.size())
      throw py::value_error(fmt::format("{}: {} stdin entries for {} lanes", what, stdin_data->size(), argv.size()));
    std::vector<cuarm::LaneProcess> lanes(argv.size());
    for (size_t i = 0; i < lanes.size(); ++i) {
      if (argv[i].empty()) throw py::value_error(fmt::format("{}: argv of lane {} is empty", what, i));
      lanes[i].argv = argv[i];
      if (stdin_data) lanes[i].stdin_bytes = (*stdin_data)[i].cast<std::string>();
    }
    cuarm::ProcessBatchOptions o;
    o.batch.backend = backend_arg(backend);
    o.batch.deterministic = deterministic;
    o.common = process_options(path, mounts, env, cwd, deterministic);
    py::gil_scoped_release release;
    pb_ = std::make_unique<cuarm::ProcessBatch>(image, std::move(lanes), o);
  }

  ~PyProcessBatch() {
    if (pb_ && pb_->is_running()) {  // the lanes wind down without the GIL held
      pb_->cancel();
      py::gil_scoped_release release;
      pb_.reset();
    }
  }

  uint64_t lanes() const { return pb_->lanes(); }
  std::string backend() const { return pb_->backend_name(); }
  void start() { pb_->start(max_cycles_); }
  cuarm::ProcessBatchStatus poll() const { return pb_->poll(); }
  bool is_running() const { return pb_->is_running(); }
  void cancel() { pb_->cancel(); }

  py::object wait(std::optional<double> timeout) {
    if (timeout && !(*timeout >= 0)) throw py::value_error("wait: timeout must be >= 0 seconds (or None)");
    if (!wait_interruptible(timeout ? *timeout : -1)) return py::none();
    return py::cast(pb_->poll());
  }

  ProcessBatchResult result() const {
    const std::vector<cuarm::LaneResult>& results = pb_->results();
    ProcessBatchResult r;
    r.lanes.reserve(results.size());
    for (const auto& l : results) {
      RunResult one;
      one.out = l.out;
      one.err = l.err;
      one.status = l.result.status;
      one.status.cycles_executed = l.cycles;
      one.exit_code = l.result.exit_code;
      r.lanes.push_back(std::move(one));
    }
    return r;
  }

  std::string repr() const {
    const cuarm::ProcessBatchStatus st = pb_->poll();
    return fmt::format("<cuarm.ProcessBatch lanes={} backend='{}' running={} lanes_ended={}>", st.lanes, backend(),
                       st.is_running ? "True" : "False", st.lanes_ended);
  }

 private:
  // Waits until the run ends or `timeout` seconds pass (negative: no limit), with the GIL
  // released in slices. True once ended (an error of the driver thread is raised). On a Python
  // signal handler raising (KeyboardInterrupt), cancels the run, waits for it and re-raises.
  bool wait_interruptible(double timeout) {
    // wait() joins the finished driver at once and raises its error.
    return cuarm_py::wait_interruptible(*pb_, timeout, [](cuarm::ProcessBatch& pb) { pb.wait(); });
  }

  uint64_t max_cycles_;
  std::unique_ptr<cuarm::ProcessBatch> pb_;
};

// run_elf_batch: a ProcessBatch started and waited for.
ProcessBatchResult run_elf_batch(const py::object& path, const std::vector<std::vector<std::string>>& argv,
                                 const std::optional<std::vector<py::bytes>>& stdin_data, const py::object& max_cycles,
                                 const std::string& backend, const std::optional<std::vector<py::object>>& mounts,
                                 const std::optional<std::map<std::string, std::string>>& env, const std::string& cwd,
                                 bool deterministic) {
  PyProcessBatch pb(path, argv, stdin_data, max_cycles, backend, mounts, env, cwd, deterministic, "run_elf_batch");
  pb.start();
  pb.wait(std::nullopt);
  return pb.result();
}

std::string hex(uint64_t v) { return fmt::format("0x{:x}", v); }

std::string status_repr(const cuarm::Status& s) {
  std::string r = fmt::format("Status(signal=Signal.{}, is_running={}, cycles_executed={}, pc={}", s.signal_name(),
                              s.is_running ? "True" : "False", s.cycles_executed, hex(s.pc));
  switch (s.signal) {
    case cuarm::StopReason::Fault:
      r += fmt::format(", fault_address={}, fault_access='{}'", hex(s.fault_address), cuarm::access_kind_name(s.fault_access));
      break;
    case cuarm::StopReason::Undefined:
    case cuarm::StopReason::Halt:
    case cuarm::StopReason::Breakpoint: r += fmt::format(", insn=0x{:08x}", s.insn); break;
    case cuarm::StopReason::Syscall: r += fmt::format(", syscall={}", s.syscall); break;
    case cuarm::StopReason::Exit: r += fmt::format(", exit_status={}", s.exit_status); break;
    default: break;
  }
  return r + fmt::format(", elapsed_seconds={:.6f}, ips={:.4g})", s.elapsed_seconds, s.ips);
}

}  // namespace cuarm_py

PYBIND11_MODULE(cuarm, mod) {
  using namespace cuarm_py;
  mod.doc() =
      "cuarm: run AArch64 (ARM64) Linux user-mode code on the CPU or an NVIDIA GPU.\n\n"
      "AsyncCPU is one guest (memory, registers, a run that can go on in the background);\n"
      "run_elf runs a static AArch64 Linux ELF to completion and captures its output.\n"
      "Batch runs many guests (lanes) of one program at once, with per-lane registers and memory\n"
      "as NumPy arrays; ProcessBatch (and run_elf_batch) runs one ELF as many processes at once.\n"
      "Signal says why a run stopped; Status carries progress and the result; errors from the\n"
      "emulator raise cuarm.Error.";
  mod.attr("__version__") = CUARM_VERSION;

  // Signal: a real enum.IntEnum whose values are cuarm::StopReason's.
  {
    py::list members;
    for (int i = 0; i <= int(cuarm::StopReason::Cancelled); ++i)
      members.append(py::make_tuple(cuarm::stop_reason_name(cuarm::StopReason(i)), i));
    py::object signal = py::module_::import("enum").attr("IntEnum")("Signal", members, py::arg("module") = "cuarm",
                                                                     py::arg("qualname") = "Signal");
    signal.attr("__doc__") =
        "Why a run stopped (the values of cuarm::StopReason).\n\n"
        "NONE: not stopped (running, or never started). HALT: HLT #imm, pc = the HLT.\n"
        "SYSCALL: SVC (bare mode), pc = after the SVC, number in Status.syscall (x8).\n"
        "MAX_CYCLES: exactly max_cycles instructions retired, pc = the next instruction.\n"
        "BREAKPOINT: BRK #imm, pc = the BRK. FAULT: bad fetch/read/write, pc = the instruction,\n"
        "Status.fault_address / fault_access. UNDEFINED: unallocated or unimplemented encoding,\n"
        "Status.insn = the word. EXIT: the guest called exit/exit_group (run_elf), Status.exit_status.\n"
        "CANCELLED: cancel() (or Ctrl-C while waiting).";
    mod.attr("Signal") = signal;
    g_signal = signal.release();  // kept for the life of the process
  }

  // cuarm.Error (a RuntimeError) for every cuarm::Error, with the C++ message.
  py::register_exception<cuarm::Error>(mod, "Error", PyExc_RuntimeError).attr("__doc__") =
      "An error reported by the emulator (bad ELF, unmapped or overlapping memory, a call that needs "
      "the guest stopped while it runs, an unavailable backend, ...). str(e) is the C++ message.";

  py::class_<cuarm::Status>(mod, "Status",
                            "Progress while running, or the result once stopped (from poll(), wait(), run()).\n\n"
                            "While is_running is True only cycles_executed, elapsed_seconds and ips are live;\n"
                            "the other fields describe the stop and are set once the guest has stopped.")
      .def_readonly("is_running", &cuarm::Status::is_running, "True while the guest is still running.")
      .def_readonly("cycles_executed", &cuarm::Status::cycles_executed, "Instructions retired since start().")
      .def_property_readonly("signal", [](const cuarm::Status& s) { return to_signal(s.signal); },
                             "Why the run stopped (Signal); Signal.NONE while running or before any run.")
      .def_property_readonly("signal_name", [](const cuarm::Status& s) { return std::string(s.signal_name()); },
                             "The name of signal, e.g. 'HALT'.")
      .def_readonly("elapsed_seconds", &cuarm::Status::elapsed_seconds, "Seconds since start().")
      .def_readonly("ips", &cuarm::Status::ips, "Instructions per second: cycles_executed / elapsed_seconds.")
      .def_readonly("pc", &cuarm::Status::pc, "pc at the stop (see Signal for where it points).")
      .def_readonly("fault_address", &cuarm::Status::fault_address, "FAULT: the address that could not be accessed.")
      .def_property_readonly("fault_access",
                             [](const cuarm::Status& s) { return std::string(cuarm::access_kind_name(s.fault_access)); },
                             "FAULT: the kind of access, 'read', 'write' or 'fetch'.")
      .def_readonly("insn", &cuarm::Status::insn, "HALT, BREAKPOINT, SYSCALL, UNDEFINED: the instruction word.")
      .def_readonly("syscall", &cuarm::Status::syscall, "SYSCALL: the syscall number (x8 at the SVC).")
      .def_readonly("exit_status", &cuarm::Status::exit_status, "EXIT: the guest's exit status.")
      .def("__repr__", &status_repr);

  py::class_<cuarm::ElfInfo>(mod, "ElfInfo", "Where load_elf() put a static AArch64 ELF.")
      .def_readonly("entry", &cuarm::ElfInfo::entry, "Entry point (pc is set to it).")
      .def_readonly("load_bias", &cuarm::ElfInfo::load_bias,
                    "Added to the file's addresses: pie_base for ET_DYN (static-pie), 0 for ET_EXEC.")
      .def_readonly("image_start", &cuarm::ElfInfo::image_start, "Lowest mapped address (page aligned).")
      .def_readonly("image_end", &cuarm::ElfInfo::image_end, "End of the highest mapped page.")
      .def_readonly("phdr", &cuarm::ElfInfo::phdr, "Guest address of the program headers (AT_PHDR).")
      .def_readonly("phent", &cuarm::ElfInfo::phent, "Size of one program header (AT_PHENT).")
      .def_readonly("phnum", &cuarm::ElfInfo::phnum, "Number of program headers (AT_PHNUM).")
      .def("__repr__", [](const cuarm::ElfInfo& e) {
        return fmt::format("ElfInfo(entry={}, load_bias={}, image_start={}, image_end={}, phdr={}, phent={}, phnum={})",
                           hex(e.entry), hex(e.load_bias), hex(e.image_start), hex(e.image_end), hex(e.phdr), e.phent,
                           e.phnum);
      });

  py::class_<RunResult>(mod, "RunResult", "What run_elf() returns: the guest's output and how it stopped.")
      .def_property_readonly("stdout", [](const RunResult& r) { return py::bytes(r.out); },
                             "Everything the guest wrote to fd 1.")
      .def_property_readonly("stderr", [](const RunResult& r) { return py::bytes(r.err); },
                             "Everything the guest wrote to fd 2.")
      .def_property_readonly("exit_code",
                             [](const RunResult& r) -> py::object {
                               if (r.status.signal == cuarm::StopReason::Exit) return py::int_(r.exit_code);
                               return py::none();
                             },
                             "The guest's exit status when it ended (signal EXIT; 128 + the signal's number when a\n"
                             "signal killed it, e.g. 134 after abort()); None when it stopped otherwise.")
      .def_property_readonly("cycles", [](const RunResult& r) { return r.status.cycles_executed; },
                             "Instructions retired over the whole run.")
      .def_property_readonly("elapsed", [](const RunResult& r) { return r.status.elapsed_seconds; },
                             "Seconds the guest ran (time spent servicing syscalls not included).")
      .def_property_readonly("signal", [](const RunResult& r) { return to_signal(r.status.signal); },
                             "Why the run stopped: EXIT normally; MAX_CYCLES, FAULT, UNDEFINED, ... otherwise.")
      .def_property_readonly("status", [](const RunResult& r) { return r.status; },
                             "The final Status (pc, fault_address, insn, ... of the stop).")
      .def("__repr__", [](const RunResult& r) {
        return fmt::format("RunResult(signal=Signal.{}, exit_code={}, cycles={}, elapsed={:.6f}, stdout=<{} bytes>, stderr=<{} bytes>)",
                           r.status.signal_name(),
                           r.status.signal == cuarm::StopReason::Exit ? std::to_string(r.exit_code) : "None",
                           r.status.cycles_executed, r.status.elapsed_seconds, r.out.size(), r.err.size());
      });

  py::class_<AsyncCPU>(mod, "AsyncCPU",
                       "One AArch64 guest: its memory, registers, and a run that goes on in the background.\n\n"
                       "AsyncCPU(memory_size=4 MiB, backend='auto', deterministic=False)\n\n"
                       "memory_size bytes of RWX memory are mapped at address 0 (a multiple of 4096; 0 gives an\n"
                       "empty address space for map() and load_elf()). backend is 'auto' (one guest: the CPU,\n"
                       "the faster for real programs), 'cpu' or 'cuda'. deterministic\n"
                       "makes CNTVCT_EL0 count retired instructions instead of host time.\n\n"
                       "Syscalls are not serviced: an SVC stops the run with Signal.SYSCALL (use run_elf for\n"
                       "programs that need the OS). Memory and registers can only be read or written while the\n"
                       "guest is stopped (cuarm.Error otherwise). Destroying a running AsyncCPU cancels it.")
      .def(py::init<uint64_t, const std::string&, bool>(), py::arg("memory_size") = uint64_t(4 * 1024 * 1024),
           py::arg("backend") = "auto", py::arg("deterministic") = false,
           "Creates a stopped guest: memory_size bytes of RWX memory at 0 (0: none), pc and registers 0.\n"
           "backend: 'auto', 'cpu' or 'cuda' (ValueError for other names; cuarm.Error when 'cuda' is not\n"
           "usable). deterministic: CNTVCT_EL0 counts retired instructions instead of host time.")
      .def_property_readonly("backend", &AsyncCPU::backend, "The backend in use: 'cpu', or 'cuda (<GPU name>)'.")
      .def("load_program", &AsyncCPU::load_program, py::arg("program"), py::arg("address") = 0,
           "Copies a bytes-like program into mapped memory at address (permissions are not checked).\n"
           "Does not set pc: call set_pc().")
      .def("set_pc", &AsyncCPU::set_pc, py::arg("address"), "Sets the program counter.")
      .def("start", &AsyncCPU::start, py::arg("max_cycles") = kDefaultMaxCycles,
           "Starts running in the background and returns at once; the run stops after at most\n"
           "max_cycles instructions (Signal.MAX_CYCLES; None: no limit). Raises cuarm.Error if the\n"
           "guest is already running.")
      .def("poll", &AsyncCPU::poll, "Returns the live Status (never blocks).")
      .def("is_running", &AsyncCPU::is_running, "True while the guest runs.")
      .def("cancel", &AsyncCPU::cancel,
           "Asks a running guest to stop (Signal.CANCELLED, within about a millisecond); returns at once.\n"
           "Safe to call from any thread; does nothing when the guest is stopped.")
      .def("wait", &AsyncCPU::wait, py::arg("timeout") = py::none(),
           "Waits until the guest stops and returns its final Status. With timeout (seconds), returns\n"
           "None if the guest is still running by then. Releases the GIL while waiting; on Ctrl-C\n"
           "(KeyboardInterrupt) cancels the guest, waits for it to stop and re-raises. Returns the last\n"
           "Status at once when nothing is running (Signal.NONE if never started).")
      .def("run", &AsyncCPU::run, py::arg("max_cycles") = kDefaultMaxCycles,
           "Blocking run: start(max_cycles) then wait(). Releases the GIL; Ctrl-C cancels the guest\n"
           "and raises KeyboardInterrupt.")
      .def("get_register", &AsyncCPU::get_register, py::arg("register"),
           "Reads a register by name ('x0'..'x30', 'lr', 'fp', 'sp', 'pc', 'nzcv', 'fpcr', 'fpsr',\n"
           "'tpidr_el0', 'v0'..'v31') or GDB index (0..30 x, 31 sp, 32 pc, 33 nzcv, 34..65 v, 66 fpsr,\n"
           "67 fpcr). Returns an int, or for v registers a numpy uint8 array of 16 bytes (little-endian:\n"
           "element 0 is the lowest byte). ValueError for unknown names.")
      .def("set_register", &AsyncCPU::set_register, py::arg("register"), py::arg("value"),
           "Writes a register (names as get_register). 64-bit registers take -2**63 .. 2**64-1\n"
           "(negative values as two's complement); fpcr and fpsr 0 .. 2**32-1; nzcv only bits 31:28;\n"
           "v registers 16 bytes (bytes, bytearray, numpy array of 16 bytes) or an int 0 .. 2**128-1.\n"
           "ValueError for unknown names and values out of range.")
      .def("read_memory", &AsyncCPU::read_memory, py::arg("address"), py::arg("size"),
           "Returns size bytes from guest memory (permissions are not checked; every byte must be mapped,\n"
           "else cuarm.Error).")
      .def("write_memory", &AsyncCPU::write_memory, py::arg("address"), py::arg("data"),
           "Writes a bytes-like object into guest memory (permissions are not checked; every byte must be\n"
           "mapped, else cuarm.Error). Writes into code drop its decoded instructions.")
      .def("map", &AsyncCPU::map, py::arg("base"), py::arg("size"), py::arg("perms") = "rwx",
           "Maps size zeroed bytes at base (both multiples of 4096; regions may not overlap) with perms,\n"
           "a string of 'r', 'w', 'x' (e.g. 'rw', 'r-x') or an int mask (1 r, 2 w, 4 x).")
      .def("unmap", &AsyncCPU::unmap, py::arg("base"), py::arg("size"), "Removes exactly one mapped region.")
      .def("regions", &AsyncCPU::regions, "The mapped regions, as a list of (base, size, perms) tuples.")
      .def("load_elf", &AsyncCPU::load_elf, py::arg("image"), py::arg("pie_base") = uint64_t(0x555555554000ull),
           "Maps the PT_LOAD segments of a static AArch64 ELF and sets pc to its entry point. image is the\n"
           "file's content (bytes-like) or a path (str or os.PathLike). ET_DYN (static-pie) images go at\n"
           "pie_base. Returns an ElfInfo. Does not set up a stack or service syscalls (see run_elf).")
      .def("__repr__", [](AsyncCPU& c) {
        return fmt::format("<cuarm.AsyncCPU backend='{}' running={}>", c.backend(), c.is_running() ? "True" : "False");
      });

  mod.def("run_elf", &run_elf, py::arg("path"), py::arg("argv") = py::none(), py::arg("max_cycles") = py::none(),
          py::arg("backend") = "auto", py::kw_only(), py::arg("stdin") = py::none(), py::arg("mounts") = py::none(),
          py::arg("env") = py::none(), py::arg("cwd") = "/", py::arg("deterministic") = false,
          "Runs a static AArch64 Linux ELF to completion with its syscalls serviced (the same layer as the\n"
          "cuarm command, docs/os.md), and returns a RunResult with its stdout and stderr (bytes),\n"
          "exit_code, cycles, elapsed and signal.\n\n"
          "argv is the guest's full argument vector, argv[0] included (default: [path]). max_cycles bounds the\n"
          "instructions (None: no limit). backend: 'auto', 'cpu', 'cuda'.\n"
          "stdin: bytes the guest reads from fd 0 (default: none, reads see end of file).\n"
          "mounts: host paths the guest may see, as 'HOST:GUEST[:ro]' strings or (host, guest[, read_only])\n"
          "tuples; nothing else of the host file system is visible. env: a dict (default: empty environment).\n"
          "cwd: the guest's working directory (a guest path). deterministic: fixed clock, AT_RANDOM, ids.\n"
          "Releases the GIL while the guest runs; Ctrl-C cancels it and raises KeyboardInterrupt.");

  py::class_<ProcessBatchResult>(mod, "ProcessBatchResult",
                                 "What run_elf_batch() and ProcessBatch.result() return: one RunResult a lane, plus the lanes'\n"
                                 "figures as NumPy arrays.")
      .def("__len__", [](const ProcessBatchResult& r) { return r.lanes.size(); })
      .def("__getitem__",
           [](const ProcessBatchResult& r, py::ssize_t i) {
             const py::ssize_t n = py::ssize_t(r.lanes.size());
             if (i < 0) i += n;
             if (i < 0 || i >= n) throw py::index_error("lane out of range");
             return r.lanes[size_t(i)];
           })
      .def_property_readonly("exit_codes",
                             [](const ProcessBatchResult& r) {
                               return r.per_lane<int64_t>([](const RunResult& l) {
                                 return l.status.signal == cuarm::StopReason::Exit ? l.exit_code : -1;
                               });
                             },
                             "Each lane's exit status as a shell sees it (-1 for a lane that stopped otherwise).")
      .def_property_readonly(
          "cycles",
          [](const ProcessBatchResult& r) { return r.per_lane<uint64_t>([](const RunResult& l) { return l.status.cycles_executed; }); },
          "Instructions each lane retired.")
      .def_property_readonly(
          "signals",
          [](const ProcessBatchResult& r) { return r.per_lane<uint8_t>([](const RunResult& l) { return l.status.signal; }); },
          "Each lane's stop reason (Signal values: EXIT normally).")
      .def_property_readonly("stdout",
                             [](const ProcessBatchResult& r) {
                               py::list l;
                               for (const auto& one : r.lanes) l.append(py::bytes(one.out));
                               return l;
                             },
                             "What each lane wrote to fd 1 (a list of bytes).")
      .def_property_readonly("stderr",
                             [](const ProcessBatchResult& r) {
                               py::list l;
                               for (const auto& one : r.lanes) l.append(py::bytes(one.err));
                               return l;
                             },
                             "What each lane wrote to fd 2 (a list of bytes).");

  mod.def("run_elf_batch", &run_elf_batch, py::arg("path"), py::arg("argv"), py::arg("stdin") = py::none(),
          py::arg("max_cycles") = py::none(), py::arg("backend") = "auto", py::kw_only(), py::arg("mounts") = py::none(),
          py::arg("env") = py::none(), py::arg("cwd") = "/", py::arg("deterministic") = false,
          "Runs one static AArch64 Linux ELF as many processes at once (a Batch whose lanes are\n"
          "processes): argv is a list with one argument vector per lane (argv[0] included), stdin an\n"
          "optional list with the bytes each lane reads from fd 0. Every lane's output is captured.\n"
          "mounts, env, cwd and deterministic are shared by the lanes, as in run_elf. max_cycles bounds\n"
          "each lane's run between two of its syscalls (None: no limit). Returns a ProcessBatchResult.\n"
          "The same as ProcessBatch(...) then start(), wait(), result(): the lanes' syscalls are serviced\n"
          "between rounds on the host (docs/os.md). Releases the GIL while the lanes run; Ctrl-C cancels\n"
          "them and raises KeyboardInterrupt.");

  py::class_<cuarm::ProcessBatchStatus>(mod, "ProcessBatchStatus",
                                        "Progress of a ProcessBatch while it runs (poll()), or its final figures\n"
                                        "(wait()). All fields are live while is_running is True.")
      .def_readonly("lanes", &cuarm::ProcessBatchStatus::lanes, "Number of lanes (processes).")
      .def_readonly("lanes_ended", &cuarm::ProcessBatchStatus::lanes_ended,
                    "Lanes whose process has ended (exit, signal, fault, limit, or cancel).")
      .def_readonly("cycles_executed", &cuarm::ProcessBatchStatus::cycles_executed,
                    "Instructions retired by all lanes together since start(), the round in progress included.")
      .def_readonly("rounds", &cuarm::ProcessBatchStatus::rounds,
                    "Rounds completed: in a round every live lane runs to its next syscall (or end), then\n"
                    "the host services the syscalls.")
      .def_readonly("elapsed_seconds", &cuarm::ProcessBatchStatus::elapsed_seconds,
                    "Seconds since start() (until the end once stopped).")
      .def_property_readonly("ips",
                             [](const cuarm::ProcessBatchStatus& s) {
                               return s.elapsed_seconds > 0 ? double(s.cycles_executed) / s.elapsed_seconds : 0.0;
                             },
                             "Instructions per second over all lanes: cycles_executed / elapsed_seconds.")
      .def_readonly("is_running", &cuarm::ProcessBatchStatus::is_running, "True while the rounds go on.")
      .def_readonly("cancelled", &cuarm::ProcessBatchStatus::cancelled,
                    "True when cancel() (or Ctrl-C in wait()) cut the run short: the lanes that had not\n"
                    "ended then stopped with Signal.CANCELLED.")
      .def("__repr__", [](const cuarm::ProcessBatchStatus& s) {
        return fmt::format("ProcessBatchStatus(is_running={}, lanes={}, lanes_ended={}, cycles_executed={}, rounds={}, "
                           "elapsed_seconds={:.6f}, cancelled={})",
                           s.is_running ? "True" : "False", s.lanes, s.lanes_ended, s.cycles_executed, s.rounds,
                           s.elapsed_seconds, s.cancelled ? "True" : "False");
      });

  py::class_<PyProcessBatch>(
      mod, "ProcessBatch",
      "One static AArch64 Linux ELF run as many processes at once (the lanes of a Batch), in the\n"
      "background.\n\n"
      "ProcessBatch(path, argv, stdin=None, max_cycles=None, backend='auto', *, mounts=None, env=None,\n"
      "             cwd='/', deterministic=False)\n\n"
      "The arguments are run_elf_batch's: argv has one argument vector per lane (argv[0] included),\n"
      "stdin optionally the bytes each lane reads from fd 0; mounts, env, cwd and deterministic are\n"
      "shared by the lanes; max_cycles bounds each lane's run between two of its syscalls.\n\n"
      "start() runs the lanes on a host thread and returns at once; poll() shows progress\n"
      "(ProcessBatchStatus); wait() / wait(timeout) waits with the GIL released (Ctrl-C cancels);\n"
      "cancel() stops the run (lanes that had not ended stop with Signal.CANCELLED, the others keep\n"
      "their results); result() gives the ProcessBatchResult once the run has ended.\n"
      "Rounds: every live lane runs to its next syscall, the host services them, and again; so all\n"
      "lanes of a round wait for the slowest. A ProcessBatch runs once. Destroying a running one\n"
      "cancels it.")
      .def(py::init([](const py::object& path, const std::vector<std::vector<std::string>>& argv,
                       const std::optional<std::vector<py::bytes>>& stdin_data, const py::object& max_cycles,
                       const std::string& backend, const std::optional<std::vector<py::object>>& mounts,
                       const std::optional<std::map<std::string, std::string>>& env, const std::string& cwd,
                       bool deterministic) {
             return std::make_unique<PyProcessBatch>(path, argv, stdin_data, max_cycles, backend, mounts, env, cwd,
                                                     deterministic);
           }),
           py::arg("path"), py::arg("argv"), py::arg("stdin") = py::none(), py::arg("max_cycles") = py::none(),
           py::arg("backend") = "auto", py::kw_only(), py::arg("mounts") = py::none(), py::arg("env") = py::none(),
           py::arg("cwd") = "/", py::arg("deterministic") = false,
           "Lays out the lanes (stack, argv, environment of each process) without running them.\n"
           "ValueError for an empty argv list, a lane with an empty argv, or a stdin list of another\n"
           "length; OSError when path cannot be read; cuarm.Error for a bad ELF.")
      .def_property_readonly("lanes", &PyProcessBatch::lanes, "Number of lanes (processes).")
      .def_property_readonly("backend", &PyProcessBatch::backend, "The backend in use: 'cpu', or 'cuda (<GPU name>)'.")
      .def("start", &PyProcessBatch::start,
           "Starts the lanes in the background and returns at once. cuarm.Error when the batch has\n"
           "been started before (a ProcessBatch runs once).")
      .def("poll", &PyProcessBatch::poll, "Returns the live ProcessBatchStatus (never blocks for long).")
      .def("is_running", &PyProcessBatch::is_running, "True while the rounds go on.")
      .def("cancel", &PyProcessBatch::cancel,
           "Asks the run to stop at the round in progress: the lanes that had not ended stop with\n"
           "Signal.CANCELLED (exit_codes -1), the others keep their results. Returns at once; safe\n"
           "from any thread; does nothing once stopped.")
      .def("wait", &PyProcessBatch::wait, py::arg("timeout") = py::none(),
           "Waits until the run has ended and returns the final ProcessBatchStatus. With timeout\n"
           "(seconds), returns None if it is still running by then. Releases the GIL while waiting; on\n"
           "Ctrl-C (KeyboardInterrupt) cancels the run, waits for it to stop and re-raises. Returns the\n"
           "status at once when nothing is running.")
      .def("result", &PyProcessBatch::result,
           "The ProcessBatchResult (one RunResult a lane, NumPy figures) once the run has ended.\n"
           "cuarm.Error while running or before start().")
      .def("__repr__", &PyProcessBatch::repr);

  bind_batch(mod);
}
