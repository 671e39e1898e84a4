// What the command line calls: load and lint an agreement; check a plan against it. Settings (severity
// overrides, `off`, a single check for fixtures) are applied here, in one place.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/taakvelden.hpp"

namespace akkoord {

struct check_settings {
  // id -> severity; nullopt switches the check off. Rule ids are "rule:ID".
  std::map<std::string, std::optional<severity>, std::less<>> overrides;
  // When set, only findings of this id are kept (fixture tests run one check at a time).
  std::optional<std::string> only;
  // The date "today" for expiring suppressions (tests pin it).
  std::optional<civil_date> today;
};

// Drops findings of switched-off checks and applies severity overrides.
void apply_settings(diagnostics& ds, const check_settings& settings);

// Loads the agreement at `path` (with includes) and runs every agreement check. Findings go to `out`.
// Returns the model even when it has findings; nullptr only when the root file could not be read or parsed.
std::unique_ptr<agreement_model> lint_agreement(const std::string& path, source_manager& sources,
                                                const check_settings& settings, diagnostics& out);

// Reads one plan (already registered in the source manager) and runs every plan check and custom rule
// against the agreement, then applies inline suppressions and settings. Thread-safe for distinct plans.
diagnostics check_plan_file(const agreement_model& agreement, const source_file& plan_file,
                            const check_settings& settings);

struct plan;  // validator/plan.hpp
// Same, and hands over the typed plan (for reports that chart it), so the file is parsed only once.
diagnostics check_plan_file(const agreement_model& agreement, const source_file& plan_file,
                            const check_settings& settings, plan& read);

}  // namespace akkoord
