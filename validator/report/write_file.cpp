// Writing a report to a file without ever leaving a half-written one: temporary file, fsync, rename. Only a
// regular file is ever replaced: rename() would turn a FIFO, a device node or a socket into a regular file,
// and a symbolic link into a file of its own instead of writing to the file it points to.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <optional>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "akkoord/validator/report.hpp"

namespace akkoord {

namespace {

text write_error(const std::string& path, const text& reason) {
  return {"cannot write the report to `" + path + "`: " + reason.en,
          "het rapport kan niet worden geschreven naar `" + path + "`: " + reason.nl};
}

// The system's reason, as the system words it (in English) in both languages.
text system_error(int err) {
  const std::string reason = std::strerror(err);
  return {reason, reason};
}

// What is at a path that is not a regular file, in words; nullopt for a regular file.
std::optional<text> not_a_regular_file(mode_t mode) {
  if (S_ISREG(mode)) return std::nullopt;
  if (S_ISDIR(mode)) return text{"a directory", "een map"};
  if (S_ISFIFO(mode)) return text{"a FIFO (named pipe)", "een FIFO (named pipe)"};
  if (S_ISCHR(mode) || S_ISBLK(mode)) return text{"a device", "een apparaatbestand"};
  if (S_ISSOCK(mode)) return text{"a socket", "een socket"};
  return text{"not a regular file", "geen gewoon bestand"};
}

text refusal(const std::string& path, const std::string& target, const text& what) {
  const std::string via_en = target == path ? std::string() : " (through the symbolic link to `" + target + "`)";
  const std::string via_nl = target == path ? std::string() : " (via de symbolische koppeling naar `" + target + "`)";
  return {"cannot write the report to `" + path + "`" + via_en + ": it is " + what.en +
              ", not a regular file; reports and baselines are only written to regular files",
          "het rapport kan niet worden geschreven naar `" + path + "`" + via_nl + ": het is " + what.nl +
              ", geen gewoon bestand; rapporten en baselines worden alleen naar gewone bestanden geschreven"};
}

// The file a write to `path` should replace: `path` itself, or where its chain of symbolic links ends (which
// need not exist yet: a dangling link gets its file created, as a shell's `>` does). Sets `err` on a loop.
std::string follow_links(const std::string& path, int& err) {
  std::string current = path;
  for (int hops = 0; hops < 40; ++hops) {  // 40: the kernel's own limit (MAXSYMLINKS)
    struct stat info {};
    if (::lstat(current.c_str(), &info) != 0 || !S_ISLNK(info.st_mode)) return current;
    std::string link(static_cast<std::size_t>(info.st_size > 0 ? info.st_size : 4096), '\0');
    const ssize_t n = ::readlink(current.c_str(), link.data(), link.size());
    if (n < 0) return current;  // it changed under us: the write itself reports what is wrong
    link.resize(static_cast<std::size_t>(n));
    if (link.empty() || link.front() != '/') {
      const std::size_t slash = current.rfind('/');
      if (slash != std::string::npos) link = current.substr(0, slash + 1) + link;
    }
    current = std::move(link);
  }
  err = ELOOP;
  return current;
}

bool write_all(int fd, std::string_view content) {
  while (!content.empty()) {
    const ssize_t n = ::write(fd, content.data(), content.size());
    if (n < 0) {
      if (errno == EINTR) continue;
      return false;
    }
    content.remove_prefix(static_cast<std::size_t>(n));
  }
  return true;
}

}  // namespace

bool write_file_atomically(const std::string& path, std::string_view content, text& error) {
  return write_file_atomically(
      path,
      [&](int fd, const std::string&, text& reason) {
        if (write_all(fd, content)) return true;
        reason = system_error(errno);
        return false;
      },
      error);
}

bool write_file_atomically(const std::string& path, const file_filler& fill, text& error) {
  int err = 0;
  const std::string target = follow_links(path, err);
  if (err != 0) {
    error = write_error(path, system_error(err));
    return false;
  }
  // The temporary file must be in the target's directory: rename() is only atomic within one file system.
  const std::size_t slash = target.rfind('/');
  const std::string directory = slash == std::string::npos ? std::string() : target.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? target : target.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") {
    error = refusal(path, target, *not_a_regular_file(S_IFDIR));
    return false;
  }
  struct stat existing {};
  const bool exists = ::stat(target.c_str(), &existing) == 0;
  if (exists) {
    if (const auto what = not_a_regular_file(existing.st_mode)) {
      error = refusal(path, target, *what);
      return false;
    }
  }
  std::string temporary = directory + "." + name + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    error = write_error(path, system_error(errno));
    return false;
  }
  // mkstemp creates the file 0600: a replaced report keeps its permissions (and, where allowed, its owner);
  // a new one gets the usual 0666 minus the umask.
  mode_t mode = existing.st_mode & 07777;
  if (!exists) {
    const mode_t mask = ::umask(0);
    ::umask(mask);
    mode = 0666 & ~mask;
  } else if (existing.st_uid != ::geteuid() || existing.st_gid != ::getegid()) {
    // Best effort: only root may give a file to another owner.
    [[maybe_unused]] const int ignored = ::fchown(fd, existing.st_uid, existing.st_gid);
  }
  text reason;
  bool ok = ::fchmod(fd, mode) == 0;
  if (!ok) reason = system_error(errno);
  ok = ok && fill(fd, temporary, reason);
  if (ok && ::fsync(fd) != 0) {
    ok = false;
    reason = system_error(errno);
  }
  if (::close(fd) != 0 && ok) {
    ok = false;
    reason = system_error(errno);
  }
  if (ok && ::rename(temporary.c_str(), target.c_str()) != 0) {
    ok = false;
    reason = system_error(errno);
  }
  if (!ok) {
    ::unlink(temporary.c_str());
    error = write_error(path, reason);
  }
  return ok;
}

}  // namespace akkoord
