// Writing a report to a file without ever leaving a half-written one: temporary file, fsync, rename.
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <fcntl.h>
#include <string>
#include <sys/stat.h>
#include <unistd.h>

#include "akkoord/validator/report.hpp"

namespace akkoord {

namespace {

text write_error(const std::string& path, int err) {
  const std::string reason = std::strerror(err);
  return {"cannot write the report to `" + path + "`: " + reason,
          "kan het rapport niet schrijven naar `" + path + "`: " + reason};
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
  // The temporary file must be in the target's directory: rename() is only atomic within one file system.
  const std::size_t slash = path.rfind('/');
  const std::string directory = slash == std::string::npos ? std::string() : path.substr(0, slash + 1);
  const std::string name = slash == std::string::npos ? path : path.substr(slash + 1);
  if (name.empty() || name == "." || name == "..") {
    error = write_error(path, EISDIR);
    return false;
  }
  struct stat target {};
  if (::stat(path.c_str(), &target) == 0 && S_ISDIR(target.st_mode)) {
    error = write_error(path, EISDIR);
    return false;
  }
  std::string temporary = directory + "." + name + ".tmp-XXXXXX";
  const int fd = ::mkstemp(temporary.data());
  if (fd < 0) {
    error = write_error(path, errno);
    return false;
  }
  // mkstemp creates the file 0600; a report gets the usual permissions (0666 minus the umask).
  const mode_t mask = ::umask(0);
  ::umask(mask);
  bool ok = ::fchmod(fd, 0666 & ~mask) == 0 && write_all(fd, content) && ::fsync(fd) == 0;
  int err = errno;
  if (::close(fd) != 0 && ok) {
    ok = false;
    err = errno;
  }
  if (ok && ::rename(temporary.c_str(), path.c_str()) != 0) {
    ok = false;
    err = errno;
  }
  if (!ok) {
    ::unlink(temporary.c_str());
    error = write_error(path, err);
  }
  return ok;
}

}  // namespace akkoord
