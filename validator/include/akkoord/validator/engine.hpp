// The engine's steps: load and lint an agreement; check a plan against it (run.hpp puts them together). Settings (severity
// overrides, `off`, a single check for fixtures) are applied here, in one place.
#pragma once

#include <map>
#include <memory>
#include <optional>
#include <string>

#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/taakvelden.hpp"

namespace akkoord {

// Settings of individual checks (`.akkoord.toml`).
struct check_parameters {
  decimal budget_swing_threshold{25, 0};  // percent: `[budget-swing] threshold = "25%"`
};

struct check_settings {
  // id -> severity; nullopt switches the check off. Rule ids are "rule:ID".
  std::map<std::string, std::optional<severity>, std::less<>> overrides;
  // When set, only findings of this id are kept (fixture tests run one check at a time).
  std::optional<std::string> only;
  // The date "today" for expiring suppressions (tests pin it).
  std::optional<civil_date> today;
  check_parameters parameters;
};

// Drops findings of switched-off checks and applies severity overrides.
void apply_settings(diagnostics& ds, const check_settings& settings);

// Adds the article to every related label that points into a declaration with an `article` clause:
// "… (centrumregeling, artikel 4 lid 2)". Every output format shows the label's message, so all cite it.
void cite_articles(const agreement_model& agreement, diagnostics& ds);

// Loads the agreement at `path` (with includes) and runs every agreement check. Findings go to `out`.
// Returns the model even when it has findings; nullptr only when the root file could not be read or parsed.
// `files` says where the files come from (default: the disk).
std::unique_ptr<agreement_model> lint_agreement(const std::string& path, source_manager& sources,
                                                const check_settings& settings, diagnostics& out,
                                                const agreement_files* files = nullptr);

struct plan;             // validator/plan.hpp
class plan_read_cache;   // validator/plan.hpp
struct plan_figures;     // validator/figures.hpp
struct plan_neighbours;  // validator/check.hpp

// Runs every plan check and custom rule on a plan already read (with `shape`, what reading it found), then
// applies inline suppressions and settings. Computes the plan's figures into `figures` first: the checks that
// judge money read them. Thread-safe for distinct plans; the run (run.hpp) calls it once per plan and agreement.
diagnostics check_read_plan(const agreement_model& agreement, const plan& p, const diagnostics& shape,
                            const check_settings& settings, plan_figures& figures);
// The same with the figures already computed (compute_figures) and what the other plans of the run say about
// this one (run.cpp finds them first).
diagnostics check_read_plan(const agreement_model& agreement, const plan& p, const diagnostics& shape,
                            const check_settings& settings, const plan_figures& figures,
                            const plan_neighbours& neighbours);

// Reads one plan (already registered in the source manager) and checks it (tests, fixture drivers).
diagnostics check_plan_file(const agreement_model& agreement, const source_file& plan_file,
                            const check_settings& settings);
// The same, reading the plan through `cache` (the language server: one cache per open plan).
diagnostics check_plan_file(const agreement_model& agreement, const source_file& plan_file,
                            const check_settings& settings, plan_read_cache& cache);

}  // namespace akkoord
