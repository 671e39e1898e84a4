// The plan files of a `check` run: files as given, directories walked for `*.toml` (sorted, so the order is
// the same on every machine), duplicates dropped.
#pragma once

#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"

namespace akkoord::cli {

struct plan_inputs {
  std::vector<std::string> files;  // paths as given (or the directory as given joined with the relative path)
  std::vector<text> warnings;      // a directory without plans, a subdirectory that cannot be read
  bool nothing_changed = false;    // `check --changed`: no changed file is a plan or part of the agreement
};

// Arguments that do not exist are kept as files: reading them then gives a finding that names the path.
// Hidden entries (`.git`, `.akkoord.toml`) are skipped while walking; symbolic links to directories are
// not followed (no cycles).
plan_inputs expand_plan_inputs(const std::vector<std::string>& arguments);

}  // namespace akkoord::cli
