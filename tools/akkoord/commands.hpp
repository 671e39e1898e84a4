// The subcommands, given settings already resolved from the command line and `.akkoord.toml`.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "akkoord/validator/baseline.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/report.hpp"
#include "inputs.hpp"
#include "plan_selection.hpp"

namespace akkoord::cli {

// cli.md's exit codes.
enum exit_code : int {
  exit_clean = 0,     // nothing at or above --fail-on
  exit_findings = 1,  // findings at or above --fail-on
  exit_trouble = 2,   // usage error, an agreement that cannot be loaded, an internal failure
};

// One report of the run (`--format FORMAT[:FILE]`): a format and where it goes.
struct report_target {
  report_format format = report_format::text;
  std::string path;  // empty or "-": stdout
  bool to_stdout() const { return path.empty() || path == "-"; }
};

struct run_settings {
  // At least one; `checks`, `explain` and `test` print only the first.
  std::vector<report_target> reports{report_target{}};
  report_options report;           // language, colour (for a text report on stdout), --quiet
  severity fail_on = severity::error;
  unsigned jobs = 1;
  check_settings checks;           // [checks] of the configuration: severities and `off`
  // `lint` and `check`: --baseline FILE (read up front by the command line) and --update-baseline (write it).
  std::optional<baseline> accepted;
  std::string baseline_path;
  bool update_baseline = false;
  // `lint` and `check`: --fix applies the certain fixes and reports what is left; --diff only shows them.
  enum class fix_mode { off, apply, preview } fix = fix_mode::off;
};

int run_lint(const std::vector<std::string>& files, const run_settings& settings);
// The plans are selected once the agreement is loaded (`check --changed` asks which files it includes).
int run_check(const std::string& rules, const plan_selector& plans, const run_settings& settings);
int run_checks(const run_settings& settings);
// `akkoord test DIR…`: 0 only when every plan produced exactly the findings its markers state.
int run_test(const std::string& rules, const std::vector<std::string>& dirs, const run_settings& settings);
int run_explain(const std::string& id, const run_settings& settings);
// `akkoord diff OLD NEW` or `akkoord diff --git REV FILE` (OLD is FILE at REV, NEW is FILE on disk).
struct diff_request {
  std::string before;                   // OLD, or FILE as it was at `revision`
  std::string after;                    // NEW
  std::optional<std::string> revision;  // --git REV
  std::vector<std::string> plans;       // --plans DIR|FILE…
  std::optional<plan_inputs> configured;  // without --plans: the `plans` of `.akkoord.toml`, when it has them
};
// What the edit changed; with plans, which of them it breaks or fixes.
int run_diff(const diff_request& request, const run_settings& settings);

}  // namespace akkoord::cli
