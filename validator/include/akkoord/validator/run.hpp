// A whole run as one value (ruff's per-file diagnostics, rustc's session): the engine loads the agreement,
// reads each plan file once, computes its figures once, runs the checks, and returns this. Every renderer,
// `diff`, the baseline and the exit code read it; nothing downstream parses a file or adds up a budget again.
#pragma once

#include <cstddef>
#include <functional>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/figures.hpp"
#include "akkoord/validator/plan.hpp"

namespace akkoord {

// One check as the reports describe it: SARIF `rules`, JUnit testcases, the HTML page.
struct check_description {
  std::string id;
  severity default_level = severity::error;
  text summary;               // one line (`akkoord checks`); for a custom rule its title
  std::string documentation;  // the `akkoord explain` page (Markdown); empty for custom rules
};

enum class file_role { agreement, plan };

// One file the run looked at.
struct checked_file {
  checked_file(std::string path_, file_role role_, std::vector<std::string> checks_)
      : path(std::move(path_)), role(role_), checks(std::move(checks_)) {}

  std::string path;  // as given; the same string as in the findings' spans
  file_role role = file_role::plan;
  std::vector<std::string> checks;        // ids of the checks that ran on it, sorted (JUnit testcases)
  std::shared_ptr<const plan> typed;      // a plan that could be read (nullptr: unreadable, or not kept)
  std::optional<plan_figures> figures;    // its figures (they point into `typed` and the agreement)
  std::size_t first_finding = 0;          // its findings: run_result::findings[first, first + count)
  std::size_t finding_count = 0;
};

// The most findings a run lists per file, in their sorted order. The rest are replaced by one
// `too-many-findings` finding at the first of them that counts them per severity; its severity is the highest of
// the findings it stands for that are not suppressed, so the exit code and `fail_on` still see them.
inline constexpr std::size_t max_findings_per_file = 1'000;
// Applies that limit to one file's findings, sorted: every command that lists findings calls it per file.
void limit_findings_of_file(diagnostics& found);

struct run_result {
  std::shared_ptr<source_manager> sources = std::make_shared<source_manager>();  // spans point into it
  std::vector<std::shared_ptr<const agreement_model>> agreements;  // every agreement loaded (null: not loadable)
  diagnostics findings;             // every finding, file by file in the order of `files`, each file's sorted
  std::vector<checked_file> files;  // the agreement first (check), then the plans in input order
  std::vector<check_description> checks;  // every check that can occur in `findings`
  std::size_t subject_files = 0;    // what the summary counts: plans in a check run, agreement files in lint
  bool failed = false;              // an agreement could not be loaded, or an internal failure: exit code 2
  std::vector<text> failures;       // internal failures, for stderr (the findings say everything else)
  severity fail_on = severity::error;  // JUnit: findings at or above it are failures; the exit code
  std::string tool_version;            // SARIF `driver.version`, HTML footer; empty: left out

  // True when a finding that is not suppressed is at or above `fail_on`.
  bool fails() const;
};

struct run_options {
  check_settings checks;
  unsigned jobs = 1;           // plan files checked in parallel; the result is the same for any value
  bool keep_plans = true;      // keep each typed plan and its figures in the result (reports that chart them);
                               // without, they are dropped once every plan is checked (plans compare each other)
  severity fail_on = severity::error;
  std::string tool_version;
};

// `akkoord lint`: every file loaded and linted (a file named twice is linted once).
run_result lint_run(const std::vector<std::string>& files, const run_options& options);

// `akkoord check`: the agreement, then every plan against it (in parallel, results in input order). An
// agreement with errors is not used: its findings are the result, and `failed` is set.
run_result check_run(const std::string& agreement, const std::vector<std::string>& plans, const run_options& options);
// The same, with the plans chosen once the agreement is loaded (the pre-commit hook: a changed file may be one
// of its includes). `choose` is not called when the agreement cannot be used.
using plan_chooser = std::function<std::vector<std::string>(const agreement_model&)>;
run_result check_run(const std::string& agreement, const plan_chooser& choose, const run_options& options);

// Reads a plan file into `sources` (once) and checks it against each agreement: findings per agreement, in the
// order given. The figures are those against the last agreement. Used by `check` (one agreement) and `diff` (two).
struct plan_check {
  std::shared_ptr<const plan> typed;  // nullptr: the file could not be read
  std::vector<diagnostics> findings;  // per agreement; a file that cannot be read gets its finding in each
  std::optional<plan_figures> figures;
};
plan_check check_plan_against(const std::string& path, std::span<const agreement_model* const> agreements,
                              source_manager& sources, const check_settings& settings);
// The plans of a run, in three phases: (1, in parallel) each file read once and its figures computed; (2, on one
// thread, linear) the plans indexed by agreement, municipality and year, which finds each plan's earlier
// duplicate and its previous year (input order decides which plan is earlier); (3, in parallel) each plan
// checked with what its neighbours say (`duplicate-plan`, `budget-swing`, `previous(…)` in rules), per agreement
// with that agreement's figures. Results and `failures` (an internal failure per plan, in English; empty: none)
// are in input order and the same for any `jobs`. Every plan stays in memory until all are checked.
std::vector<plan_check> check_plans_against(const std::vector<std::string>& paths,
                                            std::span<const agreement_model* const> agreements,
                                            source_manager& sources, const check_settings& settings, unsigned jobs,
                                            std::vector<std::string>& failures);

// Runs `work(i)` for i in [0, count) on up to `jobs` threads (this one included). An exception escaping `work`
// is caught and returned, in English, per index (empty: no failure).
std::vector<std::string> run_in_parallel(std::size_t count, unsigned jobs, const std::function<void(std::size_t)>& work);

// Every check and custom rule, as the reports describe them.
std::vector<check_description> describe_checks(const agreement_model* agreement);
// The ids of the checks (and custom rules) that run on a file of `role`, without the ones switched off.
std::vector<std::string> checks_that_ran(file_role role, const agreement_model* agreement,
                                         const check_settings& settings);

}  // namespace akkoord
