#include "inputs.hpp"

#include "glob.hpp"

#include <algorithm>
#include <filesystem>
#include <set>
#include <system_error>

namespace akkoord::cli {

namespace fs = std::filesystem;

namespace {

// `dir` as given joined with a relative path: "plans/" + "2025/a.toml" -> "plans/2025/a.toml".
std::string join(std::string directory, const std::string& relative) {
  while (directory.size() > 1 && directory.back() == '/') directory.pop_back();
  if (directory == ".") return relative;
  return directory == "/" ? "/" + relative : directory + "/" + relative;
}

void walk(const std::string& argument, plan_inputs& out) {
  std::vector<std::string> found;  // relative paths
  // An explicit stack instead of recursion: the depth of a directory tree is the user's.
  std::vector<std::pair<fs::path, int>> pending{{fs::path(), 0}};
  const fs::path root(argument);
  while (!pending.empty()) {
    auto [relative, depth] = pending.back();
    pending.pop_back();
    std::error_code ec;
    fs::directory_iterator it(root / relative, ec);
    if (ec) {
      const std::string shown = join(argument, relative.generic_string());
      out.warnings.push_back({"cannot read directory `" + shown + "`: " + ec.message(),
                              "map `" + shown + "` is niet te lezen: " + ec.message()});
      continue;
    }
    for (; it != fs::directory_iterator(); it.increment(ec)) {
      const fs::directory_entry& entry = *it;
      const std::string name = entry.path().filename().string();
      if (name.empty() || name.front() == '.') continue;
      const fs::path child = relative / name;
      std::error_code type_ec;
      if (entry.is_symlink(type_ec) ? false : entry.is_directory(type_ec)) {
        if (depth + 1 < max_directory_depth) {
          pending.emplace_back(child, depth + 1);
        } else {
          out.warnings.push_back(too_deep_directory(join(argument, child.generic_string())));
        }
        continue;
      }
      if (child.extension() == ".toml" && !entry.is_directory(type_ec)) found.push_back(child.generic_string());
    }
    if (ec) {
      const std::string shown = join(argument, relative.generic_string());
      out.warnings.push_back({"could not read all of directory `" + shown + "`: " + ec.message(),
                              "map `" + shown + "` is niet volledig te lezen: " + ec.message()});
    }
  }
  if (found.empty())
    out.warnings.push_back({"no `*.toml` plans found in directory `" + argument + "`",
                            "geen `*.toml`-plannen gevonden in map `" + argument + "`"});
  std::sort(found.begin(), found.end());
  for (const std::string& relative : found) out.files.push_back(join(argument, relative));
}

}  // namespace

plan_inputs expand_plan_inputs(const std::vector<std::string>& arguments) {
  plan_inputs out;
  for (const std::string& argument : arguments) {
    std::error_code ec;
    if (!argument.empty() && fs::is_directory(argument, ec)) {
      walk(argument, out);
    } else {
      out.files.push_back(argument);
    }
  }
  // The same file named twice (or through its directory and by name) is checked once, where first named.
  std::set<std::string> seen;
  std::vector<std::string> unique;
  for (std::string& file : out.files)
    if (seen.insert(fs::path(file).lexically_normal().generic_string()).second) unique.push_back(std::move(file));
  out.files = std::move(unique);
  return out;
}

}  // namespace akkoord::cli
