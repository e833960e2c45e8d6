// Whole programs: each runs as a cuarm::Process (in this process, output captured) and under
// `qemu-aarch64 -cpu cortex-a53` (spawned, output through a pipe), both with an empty
// environment and empty stdin; stdout and exit status must agree. Wall time covers everything a
// user waits for: loading the ELF, the run, the syscalls (and on cuda the device setup of the
// Machine, not the CUDA context, which is created before the first row).
#include "program_rows.hpp"

#include <cuarm/process.hpp>
#include <fcntl.h>
#include <fmt/format.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <iterator>

namespace {

struct Run {
  std::string out;
  int exit_code = -1;
  uint64_t instructions = 0;  // cuarm only
  double seconds = 0;
};

double since(std::chrono::steady_clock::time_point t0) {
  return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

Run run_cuarm(const std::vector<uint8_t>& image, const std::vector<std::string>& argv, cuarm::BackendKind kind) {
  Run r;
  const auto t0 = std::chrono::steady_clock::now();
  cuarm::MachineOptions mo;
  mo.memory_size = 0;
  mo.backend = kind;
  cuarm::Machine m(mo);
  cuarm::ProcessOptions po;
  po.argv = argv;
  po.output = [&r](int fd, const uint8_t* d, size_t n) {
    if (fd == 1) r.out.append(reinterpret_cast<const char*>(d), n);
  };
  po.input = [](uint8_t*, size_t) -> int64_t { return 0; };
  cuarm::Process p(m, image, po);
  const cuarm::ProcessResult res = p.run();
  r.seconds = since(t0);
  r.exit_code = res.exit_code;
  r.instructions = res.status.cycles_executed;
  return r;
}

Run run_qemu(const std::vector<std::string>& argv) {
  std::vector<std::string> args = {"qemu-aarch64", "-cpu", "cortex-a53"};
  args.insert(args.end(), argv.begin(), argv.end());
  std::vector<char*> cargs;
  for (auto& a : args) cargs.push_back(a.data());
  cargs.push_back(nullptr);
  char* env[] = {nullptr};
  int out[2];
  if (pipe(out) != 0) throw cuarm::Error("pipe failed");
  posix_spawn_file_actions_t fa;
  posix_spawn_file_actions_init(&fa);
  posix_spawn_file_actions_addopen(&fa, 0, "/dev/null", O_RDONLY, 0);
  posix_spawn_file_actions_adddup2(&fa, out[1], 1);
  posix_spawn_file_actions_addclose(&fa, out[0]);
  posix_spawn_file_actions_addclose(&fa, out[1]);
  Run r;
  const auto t0 = std::chrono::steady_clock::now();
  pid_t pid = 0;
  const int err = posix_spawnp(&pid, "qemu-aarch64", &fa, nullptr, cargs.data(), env);
  posix_spawn_file_actions_destroy(&fa);
  close(out[1]);
  if (err != 0) {
    close(out[0]);
    throw cuarm::Error("cannot run qemu-aarch64 (apt install qemu-user)");
  }
  char buf[65536];
  for (ssize_t n; (n = read(out[0], buf, sizeof buf)) > 0;) r.out.append(buf, size_t(n));
  close(out[0]);
  int status = 0;
  waitpid(pid, &status, 0);
  r.seconds = since(t0);
  r.exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  return r;
}

template <class F>
Run median_of(int repeat, F&& run) {
  std::vector<Run> runs;
  for (int i = 0; i < std::max(1, repeat); ++i) runs.push_back(run());
  std::sort(runs.begin(), runs.end(), [](const Run& a, const Run& b) { return a.seconds < b.seconds; });
  return runs[runs.size() / 2];
}

std::vector<uint8_t> read_file(const std::string& path) {
  std::ifstream f(path, std::ios::binary);
  if (!f) throw cuarm::Error(fmt::format("cannot open {} (build the corpus: ninja cuarm_programs)", path));
  return {std::istreambuf_iterator<char>(f), {}};
}

// Both sides ran the same program to the same end.
void check_same(const std::string& what, const Run& ours, const Run& qemu) {
  if (ours.exit_code != qemu.exit_code || ours.out != qemu.out)
    throw cuarm::Error(fmt::format("{}: cuarm and qemu-aarch64 disagree (exit {} vs {}, {} vs {} bytes of stdout)", what,
                                   ours.exit_code, qemu.exit_code, ours.out.size(), qemu.out.size()));
}

}  // namespace

void run_program_rows(const ProgramBenchOptions& o) {
  std::string ours_name;
  {
    // Names the backend `auto` picks, and creates the CUDA context before the first timed row.
    cuarm::MachineOptions mo;
    mo.memory_size = 0;
    mo.backend = o.kind;
    ours_name = "cuarm " + cuarm::Machine(mo).backend_name();
  }
  fmt::print("\n{:<16} {:<16} {:>14} {:>10} {:>12} {:>10}\n", "program", "engine", "instructions", "seconds",
             "cuarm MIPS", "vs cuarm");
  for (const auto& name : o.names) {
    const std::string path = o.dir + "/" + name;
    const auto image = read_file(path);
    const Run ours = median_of(o.repeat, [&] { return run_cuarm(image, {path}, o.kind); });
    const Run qemu = median_of(o.repeat, [&] { return run_qemu({path}); });
    check_same(name, ours, qemu);
    fmt::print("{:<16} {:<16} {:>14} {:>10.4f} {:>12.1f} {:>9.2f}x\n", name, ours_name, ours.instructions, ours.seconds,
               ours.instructions / ours.seconds / 1e6, 1.0);
    fmt::print("{:<16} {:<16} {:>14} {:>10.4f} {:>12} {:>9.2f}x\n", name, "qemu-aarch64", "", qemu.seconds, "",
               qemu.seconds / ours.seconds);
  }
  if (o.syscalls == 0) return;
  // One round trip = (time with N calls - time with none) / N: startup and exit cancel out.
  const auto image = read_file(o.syscall_loop);
  const std::string n = std::to_string(o.syscalls);
  const Run ours0 = median_of(o.repeat, [&] { return run_cuarm(image, {o.syscall_loop, "0"}, o.kind); });
  const Run oursn = median_of(o.repeat, [&] { return run_cuarm(image, {o.syscall_loop, n}, o.kind); });
  const Run qemu0 = median_of(o.repeat, [&] { return run_qemu({o.syscall_loop, "0"}); });
  const Run qemun = median_of(o.repeat, [&] { return run_qemu({o.syscall_loop, n}); });
  check_same("syscall_loop", oursn, qemun);
  if (oursn.exit_code != 0) throw cuarm::Error(fmt::format("syscall_loop exited with {}", oursn.exit_code));
  const double per_ours = (oursn.seconds - ours0.seconds) / double(o.syscalls);
  const double per_qemu = (qemun.seconds - qemu0.seconds) / double(o.syscalls);
  fmt::print("syscall round trip (getppid, {} calls, {} instructions a call): {:<10} {:.3f} us, qemu-aarch64 {:.3f} us\n",
             o.syscalls, (oursn.instructions - ours0.instructions) / o.syscalls, ours_name, per_ours * 1e6,
             per_qemu * 1e6);
}
