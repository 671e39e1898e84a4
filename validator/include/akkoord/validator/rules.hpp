// Custom rules (`rule … { for activity a  let …  when …  require …  message … }`): type-checked and compiled
// once per agreement, then evaluated exactly (integer cents, exact decimals) against each plan.
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/plan.hpp"

namespace akkoord {

namespace rules_detail {
struct program;
}

// The rules of one agreement in typed, compiled form. Immutable after compile_rules(), so one instance can
// serve any number of plans on any number of threads. It points into the agreement's syntax trees: the
// agreement_model must outlive it.
class compiled_rules {
 public:
  compiled_rules();
  ~compiled_rules();
  compiled_rules(compiled_rules&&) noexcept;
  compiled_rules& operator=(compiled_rules&&) noexcept;
  compiled_rules(const compiled_rules&) = delete;
  compiled_rules& operator=(const compiled_rules&) = delete;

  // `rule-type-error` findings met while compiling (names that do not resolve, operators applied to the
  // wrong types, messages whose `{…}` does not type-check). A rule with such an error is not evaluated.
  const diagnostics& type_errors() const;
  // "rule:ID" of every rule of the agreement (first declaration of each id), in source order, whether or
  // not it type-checked: what `akkoord test` measures coverage against.
  const std::vector<std::string>& rule_ids() const;
  // Number of rules that type-checked and will be evaluated.
  std::size_t runnable_count() const;

 private:
  std::unique_ptr<rules_detail::program> program_;
  friend compiled_rules compile_rules(const agreement_model&);
  friend void run_rules(const compiled_rules&, const plan&, const plan*, diagnostics&);
};

// Type-checks and compiles every rule of the agreement. Never throws for bad input: problems become
// type_errors(). Linear in the size of the rules.
compiled_rules compile_rules(const agreement_model& agreement);

// The compiled rules of an agreement, compiled once and kept with the model (agreement_model::compiled_rules,
// filled by the loader); when the model has none (a model built by hand), compiles them on the spot.
std::shared_ptr<const compiled_rules> rules_of(const agreement_model& agreement);

// Evaluates every runnable rule against one plan; findings `rule:ID` (the rule's severity) go to `out`.
// A plan-level rule reports at the `[plan]` header, a `for activity` rule at the activity's `id` (or its
// header). Linear in the number of activities. Overflow and division by zero become findings of the rule.
void run_rules(const compiled_rules& rules, const plan& plan, diagnostics& out);
// The same with the plan of the same municipality for the year before (nullptr: the run holds none), which
// `previous(EXPR)` reads; a rule that needs it says nothing without it.
void run_rules(const compiled_rules& rules, const plan& plan, const akkoord::plan* previous_year, diagnostics& out);

// ---- `akkoord test DIR…`: plans that state the findings they must produce ----------------------------

// One expectation or finding that did not match.
struct rule_test_mismatch {
  std::string id;
  std::uint32_t line = 0;  // 0: anywhere in the file (`# expect-anywhere:`) or a finding without a line
  text message;            // the finding's message for unexpected findings; empty for missing ones
};

struct rule_test_file_result {
  std::string path;
  bool passed = false;
  std::vector<rule_test_mismatch> missing;     // expected, not produced
  std::vector<rule_test_mismatch> unexpected;  // produced, not expected
  std::optional<text> error;                   // the file could not be read
};

struct rule_test_report {
  std::vector<rule_test_file_result> files;  // directory order given, files sorted by name within each
  std::size_t passed = 0;
  std::size_t failed = 0;
  std::vector<std::string> uncovered_rules;  // "rule:ID" of rules no test file made fire
  std::vector<text> errors;                  // a DIR that does not exist or holds no plans
  bool all_passed() const { return failed == 0 && errors.empty(); }
};

// Checks every `*.toml` in each DIR (sorted by name, hidden files skipped; a plain file is taken as it is)
// against the agreement with all checks and rules, and compares the findings with the file's markers:
// `# expect: ID[, ID…]` means a finding ID whose position is on that line, `# expect-anywhere: ID[, ID…]` a
// finding ID anywhere in the file; each marker takes one finding. A file without markers must produce no
// findings at all. Suppressed findings do not count. The files of all DIRs are checked as one run, so
// `previous(…)` and budget-swing see the file for the year before; duplicate-plan is off (a test suite holds
// variants of one plan).
rule_test_report run_rule_tests(const agreement_model& agreement, const std::vector<std::string>& dirs,
                                source_manager& sources, const check_settings& settings);

// The human-readable report: each failing file with what was missing or unexpected, the summary line
// (`N passed, N failed`) and the rules no test made fire.
std::string render_rule_test_report(const rule_test_report& report, language lang);

}  // namespace akkoord
