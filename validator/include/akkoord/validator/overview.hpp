// What the reports for policy staff show of a run (the HTML page, the spreadsheet), computed once from the run's
// result: one row per plan, the plans of each municipality in year order, the status of each plan at a glance,
// names beside codes, and the facts of the run. Renderers only lay this out; every figure comes from the engine
// (`plan_figures`, agreed_amount.hpp) and is copied here, never recomputed. Linear in the run; money in cents.
#pragma once

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/date.hpp"
#include "akkoord/diagnostic.hpp"
#include "akkoord/validator/agreed_amount.hpp"
#include "akkoord/validator/run.hpp"
#include "akkoord/validator/taakvelden.hpp"

namespace akkoord {

struct finding_counts {
  std::size_t errors = 0, warnings = 0, infos = 0;  // not suppressed
  std::size_t suppressed = 0;                       // counted apart, not per severity
};

enum class plan_verdict {
  clean,       // no finding that is not suppressed
  remarks,     // findings, none at or above the run's `fail_on`
  fails,       // a finding at or above `fail_on`
  unreadable,  // the file could not be read as a plan
};

// The verdict in words, the same in every report: "complies", "complies, with remarks", "does not comply",
// "cannot be read" (Dutch: "voldoet", …).
text verdict_words(plan_verdict verdict);

// One clause of the agreement behind a status item: a basic task, a task with a returned competence, a
// milestone due, a saving in force. `met` is false when the item's check reported a finding (not suppressed) in
// this plan that points into the clause.
struct status_clause {
  std::string id;
  std::string title;
  source_span where;                          // the declaration in the agreement
  const ast::article_ref* article = nullptr;  // its article, when it states one
  bool met = true;
  std::optional<civil_date> due;       // milestones: the due date
  std::optional<civil_date> recorded;  // milestones: `completed` in the plan
  std::optional<std::int64_t> ceiling_cents;  // savings: the ceiling of its group, when known
};

enum class status_kind { basic_services, returned_competences, milestones, savings };

struct status_item {
  status_kind kind = status_kind::basic_services;
  std::string_view check_id;  // the check that judges it (`missing-basic-service`, …)
  std::size_t findings = 0;   // that check's findings in the plan, not suppressed
  std::vector<status_clause> clauses;  // what applies in the plan's year (empty: nothing applies)
  bool met() const { return findings == 0; }
};

struct overview_plan {
  const checked_file* file = nullptr;  // never null: its path, typed plan and figures
  std::string municipality_id;
  std::string municipality_name;  // the party's name; empty when the id is not a declared party
  std::optional<int> year;
  std::string status;  // "concept" | "vastgesteld" as written; empty when absent
  std::optional<civil_date> adopted;
  std::string title;
  std::string contribution_id;
  std::string contribution_title;  // empty when not declared
  std::optional<std::int64_t> total_cents;
  std::optional<agreed_amount> agreed;  // the contribution's agreed amount for the year (contribution and year known)
  // The lowest ceiling of the savings in force on the contribution in the year; nullopt: none in force, or
  // none whose ceiling is known (`savings_unknown` then says whether one could not be computed).
  std::optional<std::int64_t> saving_ceiling_cents;
  bool savings_unknown = false;
  finding_counts findings;
  plan_verdict verdict = plan_verdict::clean;
  std::vector<status_item> at_a_glance;  // basic services, returned competences, milestones, savings (readable plans)
  const taakveld_list* bbv = nullptr;  // the BBV list of its book year (nullptr: no year, or before every list)
  bool bbv_newest_applied = false;     // the year is after the newest list, which was used

  const plan* typed() const { return file->typed.get(); }
  const plan_figures* figures() const { return file->figures ? &*file->figures : nullptr; }
};

// A task's budget in each year of a municipality (for the across-years view).
struct task_years {
  std::string id;
  std::vector<std::optional<std::int64_t>> budget_cents;  // per plan of the municipality; nullopt: none planned
};

struct overview_municipality {
  std::string id;    // empty: plans that name no municipality
  std::string name;  // the party's name; empty when not declared
  std::vector<std::size_t> plans;  // indexes into overview::plans: years in order, then plans without a year
  std::vector<task_years> tasks;   // every task planned in any of its years, sorted by id
};

struct run_facts {
  std::int64_t generated_seconds = 0;  // Unix time: SOURCE_DATE_EPOCH when set and valid, else the clock
  bool from_source_date_epoch = false;
  std::string invalid_source_date_epoch;  // SOURCE_DATE_EPOCH as set when it is not a valid time (then unused)
  std::string tool_version;
  std::string agreement_file;  // empty in a run without an agreement
  std::string agreement_id;
  std::string agreement_title;
  std::vector<const taakveld_list*> bbv_lists;  // the BBV lists the plans' book years use, oldest first
  severity fail_on = severity::error;
};

struct taakveld_naming {
  std::string_view name;  // the BBV name in the list of the book year; empty when unknown
  bool known = false;     // false: not in that list (or no list for the year)
};

// What a report says beside a code that is not in the book year's list: "not a taakveld of the BBV list of 2025".
text unknown_taakveld_words(std::optional<int> year);

struct overview {
  run_facts facts;
  std::vector<overview_plan> plans;                   // every plan file, in input order
  std::vector<overview_municipality> municipalities;  // sorted by id; plans without a municipality last
  const agreement_model* agreement = nullptr;         // names; nullptr in a run without a usable agreement

  // Names beside codes; empty when the id is not declared (or there is no agreement).
  std::string_view party_name(std::string_view id) const;
  std::string_view executor_name(std::string_view id) const;  // an executor, else a party (plans name either)
  std::string_view task_title(std::string_view id) const;
  std::string_view contribution_title(std::string_view id) const;
  std::string_view saving_title(std::string_view id) const;
  // The BBV name of a taakveld code in the list of a book year.
  static taakveld_naming taakveld_name(std::string_view code, std::optional<int> year);
};

// The report time: SOURCE_DATE_EPOCH (seconds since 1970, reproducible builds) when set; otherwise `now`.
void set_generated_time(run_facts& facts, const char* source_date_epoch, std::int64_t now);

// The overview of a run. Reads SOURCE_DATE_EPOCH from the environment and the clock only for `facts`.
overview build_overview(const run_result& run);

// "2026-12-01 09:30 UTC" / "1 december 2026, 09:30 UTC".
std::string generated_time_text(std::int64_t seconds, language lang);

}  // namespace akkoord
