#include "glob.hpp"

#include <algorithm>
#include <system_error>

namespace akkoord::cli {

namespace fs = std::filesystem;

namespace {

// The byte after the UTF-8 sequence that starts at `at` (a stray continuation byte counts as one character).
std::size_t next_character(std::string_view s, std::size_t at) {
  ++at;
  while (at < s.size() && (static_cast<unsigned char>(s[at]) & 0xC0) == 0x80) ++at;
  return at;
}

bool has_wildcard(std::string_view segment) { return segment.find_first_of("*?") != std::string_view::npos; }

bool is_hidden(const fs::path& name) {
  const std::string s = name.filename().string();
  return !s.empty() && s.front() == '.';
}

bool is_real_directory(const fs::directory_entry& entry) {
  std::error_code ec;
  return !entry.is_symlink(ec) && entry.is_directory(ec);
}

// `directory` and every directory below it that is not hidden, for `**`.
void add_directories_below(const fs::path& directory, std::vector<fs::path>& out, std::vector<text>& warnings) {
  // An explicit stack instead of recursion: the depth of a directory tree is the user's.
  std::vector<std::pair<fs::path, int>> pending{{directory, 0}};
  while (!pending.empty()) {
    auto [current, depth] = pending.back();
    pending.pop_back();
    out.push_back(current);
    std::error_code ec;
    fs::directory_iterator it(current, ec);
    for (; !ec && it != fs::directory_iterator(); it.increment(ec)) {
      if (is_hidden(it->path()) || !is_real_directory(*it)) continue;
      if (depth + 1 < max_directory_depth) {
        pending.emplace_back(it->path(), depth + 1);
      } else {
        warnings.push_back(too_deep_directory(it->path()));
      }
    }
    if (ec && ec != std::errc::not_a_directory && ec != std::errc::no_such_file_or_directory)
      warnings.push_back({"cannot read directory `" + current.generic_string() + "`: " + ec.message(),
                          "map `" + current.generic_string() + "` is niet te lezen: " + ec.message()});
  }
}

}  // namespace

text too_deep_directory(const fs::path& directory) {
  const std::string shown = directory.generic_string();
  const std::string levels = std::to_string(max_directory_depth);
  return {"directory `" + shown + "` lies more than " + levels + " levels deep and was not searched",
          "map `" + shown + "` ligt meer dan " + levels + " niveaus diep en is niet doorzocht"};
}

bool segment_matches(std::string_view pattern, std::string_view name) {
  if (!name.empty() && name.front() == '.' && (pattern.empty() || pattern.front() != '.')) return false;
  // Greedy with one backtracking point (the last `*`): linear in practice, never exponential.
  std::size_t p = 0, n = 0;
  std::size_t star = std::string_view::npos, star_name = 0;
  while (n < name.size()) {
    if (p < pattern.size() && pattern[p] == '*') {
      star = ++p;
      star_name = n;
    } else if (p < pattern.size() && pattern[p] == '?') {
      ++p;
      n = next_character(name, n);
    } else if (p < pattern.size() && pattern[p] == name[n]) {
      ++p;
      ++n;
    } else if (star != std::string_view::npos) {
      p = star;  // let the last `*` take one more character
      n = star_name = next_character(name, star_name);
    } else {
      return false;
    }
  }
  while (p < pattern.size() && pattern[p] == '*') ++p;
  return p == pattern.size();
}

glob_matches expand_glob(std::string_view pattern, const fs::path& base) {
  glob_matches result;
  std::vector<std::string_view> segments;
  for (std::size_t start = 0; start <= pattern.size();) {
    const std::size_t slash = std::min(pattern.find('/', start), pattern.size());
    const std::string_view segment = pattern.substr(start, slash - start);
    if (!segment.empty() && segment != ".") segments.push_back(segment);
    start = slash + 1;
  }
  if (segments.empty()) return result;

  std::vector<fs::path> current{pattern.front() == '/' ? fs::path("/") : base};
  for (const std::string_view segment : segments) {
    std::vector<fs::path> next;
    for (const fs::path& directory : current) {
      std::error_code ec;
      if (segment == "**") {
        if (fs::is_directory(directory, ec)) add_directories_below(directory, next, result.warnings);
      } else if (!has_wildcard(segment)) {
        if (fs::exists(directory / segment, ec)) next.push_back(directory / segment);
      } else {
        fs::directory_iterator it(directory, ec);
        for (; !ec && it != fs::directory_iterator(); it.increment(ec))
          if (segment_matches(segment, it->path().filename().string())) next.push_back(it->path());
        if (ec && ec != std::errc::not_a_directory && ec != std::errc::no_such_file_or_directory)
          result.warnings.push_back({"cannot read directory `" + directory.generic_string() + "`: " + ec.message(),
                                     "map `" + directory.generic_string() + "` is niet te lezen: " + ec.message()});
      }
    }
    // `**/**` or `a/**/b/**` reach one directory along several ways: keep each once.
    std::sort(next.begin(), next.end());
    next.erase(std::unique(next.begin(), next.end()), next.end());
    current = std::move(next);
  }
  for (fs::path& path : current) path = path.lexically_normal();
  std::sort(current.begin(), current.end(),
            [](const fs::path& a, const fs::path& b) { return a.generic_string() < b.generic_string(); });
  current.erase(std::unique(current.begin(), current.end()), current.end());
  result.paths = std::move(current);
  return result;
}

}  // namespace akkoord::cli
