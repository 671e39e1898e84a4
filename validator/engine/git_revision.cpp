// `akkoord diff --git REV FILE`: the agreement as it was at a git revision, FILE and every file it includes read
// with `git show REV:./PATH`, so the old version keeps its includes (copying one file aside loses them).
#include <cerrno>
#include <filesystem>
#include <cstring>
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include "akkoord/validator/diff.hpp"

extern char** environ;

namespace akkoord {
namespace {

namespace fs = std::filesystem;

// Runs `git ARGS…` without a shell (a revision or path is never interpreted by one) and returns its standard
// output when it exits with 0. Standard error is discarded: the caller says in its own words what failed.
std::optional<std::string> run_git(const std::vector<std::string>& args) {
  int out_pipe[2];
  if (::pipe(out_pipe) != 0) return std::nullopt;
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_pipe[1], STDOUT_FILENO);
  posix_spawn_file_actions_addclose(&actions, out_pipe[0]);
  posix_spawn_file_actions_addclose(&actions, out_pipe[1]);
  posix_spawn_file_actions_addopen(&actions, STDERR_FILENO, "/dev/null", O_WRONLY, 0);
  posix_spawn_file_actions_addopen(&actions, STDIN_FILENO, "/dev/null", O_RDONLY, 0);
  std::vector<char*> argv;
  std::string git = "git";
  argv.push_back(git.data());
  std::vector<std::string> owned = args;
  for (std::string& a : owned) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  const int spawned = posix_spawnp(&pid, "git", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(out_pipe[1]);
  if (spawned != 0) {
    ::close(out_pipe[0]);
    return std::nullopt;
  }
  std::string output;
  char buffer[65536];
  for (;;) {
    const ssize_t n = ::read(out_pipe[0], buffer, sizeof buffer);
    if (n > 0) {
      output.append(buffer, static_cast<std::size_t>(n));
    } else if (n == 0 || errno != EINTR) {
      break;
    }
  }
  ::close(out_pipe[0]);
  int status = 0;
  while (::waitpid(pid, &status, 0) < 0 && errno == EINTR) {
  }
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) return std::nullopt;
  return output;
}

// Paths in the source manager are "REV:path" (what messages show); git is asked for "REV:./path".
class revision_files final : public agreement_files {
 public:
  explicit revision_files(std::string revision) : revision_(std::move(revision)), prefix_(revision_ + ":") {}

  std::optional<std::string> read(const std::string& shown, read_error& why) const override {
    const std::string path = shown.starts_with(prefix_) ? shown.substr(prefix_.size()) : shown;
    // `REV:./PATH` is relative to the working directory, as the path was given; an absolute path is made so.
    fs::path relative = fs::path(path).lexically_normal();
    if (relative.is_absolute()) relative = relative.lexically_relative(fs::current_path());
    auto content = run_git({"show", revision_ + ":./" + relative.generic_string()});
    if (!content) why = {"not found at revision `" + revision_ + "`", "het bestand komt niet voor in revisie `" + revision_ + "`"};
    return content;
  }
  // A revision has no symbolic links to follow here: the lexical form is the canonical one.
  std::string canonical(const std::string& path) const override { return fs::path(path).lexically_normal().string(); }

 private:
  std::string revision_;
  std::string prefix_;
};

}  // namespace

std::unique_ptr<agreement_model> load_agreement_at_revision(const std::string& revision, const std::string& path,
                                                           source_manager& sources, const check_settings& settings,
                                                           diagnostics& out, std::optional<text>& why) {
  if (revision.empty() || revision.starts_with("-") || !run_git({"rev-parse", "--verify", "--quiet", revision + "^{commit}"})) {
    why = text{"`" + revision + "` is not a revision of a git repository here (see `git log`)",
               "`" + revision + "` is geen revisie van de git-repository in deze map (zie `git log`)"};
    return nullptr;
  }
  const revision_files files(revision);
  return lint_agreement(revision + ":" + path, sources, settings, out, &files);
}

}  // namespace akkoord
