// `akkoord fmt [--check] [--diff] FILE…`: agreement files in the canonical layout.
#pragma once

#include <string>
#include <vector>

#include "commands.hpp"

namespace akkoord::cli {

struct fmt_request {
  std::vector<std::string> files;  // `-`: standard input, formatted to standard output
  bool check = false;              // change nothing; name the files that would change
  bool diff = false;               // change nothing; print a unified diff
};

// 0 when every file is (or now is) formatted; 1 when a file has syntax errors or cannot be read, or, with
// --check or --diff, would change; 2 when a file cannot be written or the formatter fails its own checks.
int run_fmt(const fmt_request& request, const run_settings& settings);

}  // namespace akkoord::cli
