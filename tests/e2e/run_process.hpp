// Runs the built `akkoord` binary as a user would: arguments, working directory, environment; captures stdout,
// stderr and the exit code. A pseudo-terminal variant lets tests see what a terminal user sees (colour).
#pragma once

#include <cerrno>
#include <csignal>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <pty.h>
#include <sstream>
#include <string>
#include <sys/wait.h>
#include <unistd.h>
#include <vector>

namespace e2e {

inline std::filesystem::path source_dir() { return AKKOORD_SOURCE_DIR; }
inline std::string binary() { return AKKOORD_BINARY; }

struct run_options {
  std::filesystem::path cwd = source_dir();
  std::map<std::string, std::optional<std::string>> env{};  // nullopt: unset
  bool terminal = false;                                  // stdout on a pseudo-terminal
  std::filesystem::path stdin_file{};                     // standard input; empty: /dev/null
};

struct run_result {
  int exit_code = -1;  // -1: killed by a signal (a crash)
  int signal = 0;
  std::string out;
  std::string err;
};

inline std::string read_file(const std::filesystem::path& path) {
  std::ifstream in(path, std::ios::binary);
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

namespace detail {

// In the child, after fork: working directory, environment, a time limit (a hang fails instead of blocking ctest).
[[noreturn]] inline void exec_child(const std::vector<std::string>& args, const run_options& options) {
  if (::chdir(options.cwd.c_str()) != 0) ::_exit(127);
  for (const auto& [name, value] : options.env) {
    if (value)
      ::setenv(name.c_str(), value->c_str(), 1);
    else
      ::unsetenv(name.c_str());
  }
  ::alarm(120);
  std::vector<char*> argv;
  std::string program = binary();
  argv.push_back(program.data());
  std::vector<std::string> copies = args;
  for (std::string& a : copies) argv.push_back(a.data());
  argv.push_back(nullptr);
  ::execv(program.c_str(), argv.data());
  ::_exit(127);
}

inline void finish(run_result& result, int status) {
  if (WIFEXITED(status)) {
    result.exit_code = WEXITSTATUS(status);
  } else if (WIFSIGNALED(status)) {
    result.signal = WTERMSIG(status);
  }
}

}  // namespace detail

inline run_result run(const std::vector<std::string>& args, const run_options& options = {}) {
  run_result result;
  // Output goes to temporary files, not pipes: no deadlock however much the tool prints.
  char out_name[] = "/tmp/akkoord-e2e-out-XXXXXX";
  char err_name[] = "/tmp/akkoord-e2e-err-XXXXXX";
  const int out_fd = ::mkstemp(out_name);
  const int err_fd = ::mkstemp(err_name);
  if (out_fd < 0 || err_fd < 0) return result;

  if (options.terminal) {
    int master = -1;
    const pid_t pid = ::forkpty(&master, nullptr, nullptr, nullptr);
    if (pid == 0) {
      ::dup2(err_fd, STDERR_FILENO);
      detail::exec_child(args, options);
    }
    // Read the terminal until the child closes it (EIO on Linux once the slave side is gone).
    char buffer[4096];
    for (;;) {
      const ssize_t n = ::read(master, buffer, sizeof buffer);
      if (n > 0) {
        result.out.append(buffer, static_cast<std::size_t>(n));
      } else if (n < 0 && errno == EINTR) {
        continue;
      } else {
        break;
      }
    }
    ::close(master);
    int status = 0;
    ::waitpid(pid, &status, 0);
    detail::finish(result, status);
  } else {
    const pid_t pid = ::fork();
    if (pid == 0) {
      const int in_fd = ::open(options.stdin_file.empty() ? "/dev/null" : options.stdin_file.c_str(), O_RDONLY);
      ::dup2(in_fd, STDIN_FILENO);  // like CI: no input, unless the test gives some
      ::dup2(out_fd, STDOUT_FILENO);
      ::dup2(err_fd, STDERR_FILENO);
      detail::exec_child(args, options);
    }
    int status = 0;
    ::waitpid(pid, &status, 0);
    detail::finish(result, status);
    result.out = read_file(out_name);
  }
  result.err = read_file(err_name);
  ::close(out_fd);
  ::close(err_fd);
  ::unlink(out_name);
  ::unlink(err_name);
  return result;
}

// A fresh directory under /tmp, removed when the test ends.
class temp_dir {
 public:
  temp_dir() {
    char name[] = "/tmp/akkoord-e2e-XXXXXX";
    if (::mkdtemp(name) != nullptr) path_ = name;
  }
  ~temp_dir() {
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
  }
  temp_dir(const temp_dir&) = delete;
  temp_dir& operator=(const temp_dir&) = delete;
  const std::filesystem::path& path() const { return path_; }
  std::filesystem::path write(const std::string& relative, const std::string& content) const {
    const std::filesystem::path file = path_ / relative;
    std::filesystem::create_directories(file.parent_path());
    std::ofstream(file, std::ios::binary) << content;
    return file;
  }

 private:
  std::filesystem::path path_;
};

}  // namespace e2e
