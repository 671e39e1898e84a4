// What the SARIF, JUnit and HTML reports need beyond the findings: the checks (ids, summaries, documentation),
// which of them ran on a file, and a plan's figures. Computed here, where the checks and the plan model are
// known, and handed to the renderers as plain data.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/check.hpp"
#include "akkoord/validator/engine.hpp"
#include "akkoord/validator/report.hpp"

namespace akkoord::cli {

// The ids of the checks that run on a file of `scope` with these settings, sorted: every built-in check of that
// scope that is not switched off and, for plans, the agreement's custom rules (`rule:ID`) that are not.
std::vector<std::string> checks_that_ran(check_scope scope, const agreement_model* agreement,
                                         const check_settings& settings);

// Every built-in check, and every custom rule of `agreement` (when given), as the reports describe them.
std::vector<check_description> describe_checks(const agreement_model* agreement);

// The figures of a plan for the HTML report: budgets per taakveld against the contribution and the benchmark,
// in exact cents. Reads the plan again (its findings are already known; only the numbers are wanted here).
// nullopt when the plan cannot be read as TOML.
std::optional<plan_figures> figures_of(const agreement_model& agreement, const source_file& plan_file);

}  // namespace akkoord::cli
