// `check --fix`, `lint --fix` and their `--diff`: the certain fixes of a run's findings applied to the files.
#pragma once

#include <functional>

#include "commands.hpp"

namespace akkoord::cli {

// Applies every certain fix of `run` to its file, atomically, then checks again (`rerun`) and repeats while fixes
// apply (a fix skipped for overlapping another applies on the next pass). Prints what changed; `run` becomes the
// last run, whose findings are what is left. Returns false when a file could not be written or a fix would break
// a file (trouble: exit code 2).
bool fix_until_clean(run_result& run, const std::function<run_result()>& rerun, const run_settings& settings);

// `--diff`: the unified diff of what `--fix` would change on stdout, nothing written. Exit code 1 when a file
// would change, 0 when none would, 2 on trouble.
int preview_fixes(const run_result& run, const run_settings& settings);

}  // namespace akkoord::cli
