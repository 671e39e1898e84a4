// File name patterns, as `plans = [...]` in `.akkoord.toml` uses them (relative to the configuration's directory):
//   `*`   any characters within one path segment (never a `/`)
//   `?`   one character (a code point, not a byte)
//   `**`  as a whole segment: any number of directories, also none (`plans/**/*.toml`)
// Any other character stands for itself. A wildcard does not match a name that starts with `.` (`.git`,
// `.akkoord.toml`) unless the pattern's segment starts with `.` too, as in a shell; `**` does not descend into
// symbolic links to directories (no cycles). Matches are files or directories, sorted, each once.
#pragma once

#include <filesystem>
#include <string_view>
#include <vector>

#include "akkoord/diagnostic.hpp"

namespace akkoord::cli {

// How deep `**` and a directory named as an input are searched, counted from where the search starts. The trees
// are the user's; a deeper one is a link farm or a mistake, and each directory left out is a warning.
inline constexpr int max_directory_depth = 64;
// The warning for a directory that is not searched because it lies deeper than max_directory_depth.
text too_deep_directory(const std::filesystem::path& directory);

// Whether one path segment `name` matches one segment of a pattern (`*` and `?`; `**` acts as `*` here).
bool segment_matches(std::string_view pattern, std::string_view name);

struct glob_matches {
  std::vector<std::filesystem::path> paths;  // `base` joined with the matching relative path, lexically normal
  std::vector<text> warnings;                // a directory that could not be read while matching
};

// Every existing path that `pattern` matches. A relative pattern starts at `base`; an absolute one at `/`.
glob_matches expand_glob(std::string_view pattern, const std::filesystem::path& base);

}  // namespace akkoord::cli
