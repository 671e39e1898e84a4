// What the plan checks share: the plan year, periods covering it, who executes a task on which days, and
// money and numbers written the English or the Dutch way.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "akkoord/date.hpp"
#include "akkoord/diagnostic.hpp"
#include "akkoord/exact.hpp"
#include "akkoord/validator/agreed_amount.hpp"
#include "akkoord/validator/agreement.hpp"
#include "akkoord/validator/plan.hpp"

namespace akkoord::plan_support {

// ---- the plan year ------------------------------------------------------------------------------------

// The plan's year, when it was read (the reader only accepts four-digit years).
std::optional<int> plan_year(const plan& p);
inline civil_date first_day(int year) { return {year, 1, 1}; }
inline civil_date last_day(int year) { return {year, 12, 31}; }

// True when the period overlaps the calendar year.
bool covers(const ast::period_decl& period, int year);
// Every period overlapping the year, in source order.
std::vector<const ast::period_decl*> periods_covering(const agreement_model& agreement, int year);
// Whether the plan records the milestone as completed (an entry with this id and a `completed` date).
bool milestone_completed(const plan& p, std::string_view milestone_id);
// A period that counts as provisional for this plan: `provisional` and its `until` milestone (if any) not
// recorded as completed in the plan.
bool provisional_for(const ast::period_decl& period, const plan& p);

// ---- activities ---------------------------------------------------------------------------------------

// The days an activity runs: its `from`..`to`, defaulting to the plan year. nullopt when a bound is missing
// and there is no plan year to default to.
struct day_range {
  civil_date from;
  civil_date to;
};
std::optional<day_range> activity_days(const plan_activity& a, std::optional<int> year);

// The task an activity names, when it is declared.
const ast::task_decl* task_of(const agreement_model& agreement, const plan_activity& a);
// Whether a task's `taakveld` clause applies to a book year (`from`/`until` both included; absent: open).
inline bool applies_in(const ast::taakveld_clause& clause, int year) {
  return (!clause.from_year || clause.from_year->value <= year) && (!clause.until_year || year <= clause.until_year->value);
}

// ---- parties ------------------------------------------------------------------------------------------

// The plan's municipality when it is a declared party; nullptr when absent or undeclared (`missing-field`,
// `unknown-reference`).
const std::string* municipality_of(const agreement_model& agreement, const plan& p);
// Whether the task belongs in the plans of `party`: a party of its `for` clause; without `for`, its
// `responsible` party; with neither, every party.
bool task_is_for(const ast::task_decl& task, std::string_view party);
// Whether the task belongs in this plan (`task-not-for-municipality` otherwise, which the other checks of the
// activity's parties leave the word to). True when the municipality is unknown: nothing to judge by.
bool belongs_in(const agreement_model& agreement, const plan& p, const ast::task_decl& task);
// Whether the plan's municipality pays the contribution (`wrong-payer` otherwise, which the checks of the
// contribution's money leave the word to). True when the municipality or the payer is unknown.
bool paid_by_municipality(const agreement_model& agreement, const plan& p, const ast::contribution_decl& contribution);

// Whether an activity's `executor` (an executor or party id) is `who` of a timeline entry: the same id, or
// an executor that is `part_of` that party (a kernorganisatie is part of its municipality), either way.
bool same_actor(const agreement_model& agreement, std::string_view executor, std::string_view who);
// Whether `executor` is the one a competence was returned from (`who` of the entry before `returned_to`):
// the same actor, or the party employing that executor.
bool returned_from(const agreement_model& agreement, std::string_view executor, std::string_view previous_who);

// A stretch of days on which one timeline entry is in force (entry nullptr: before the task's first entry).
struct executor_stretch {
  civil_date from;
  civil_date to;
  const ast::timeline_entry* entry = nullptr;
  const ast::timeline_entry* previous = nullptr;  // the entry in force before `entry`
};
// The task's timeline in date order, cut to the days of `range`. Empty when a timeline date is not a real
// date (the lint check `invalid-date` reports that).
std::vector<executor_stretch> executors_during(const ast::task_decl& task, day_range range);

// ---- exact comparisons --------------------------------------------------------------------------------

__extension__ using u128 = unsigned __int128;
// Compares a/b with c/d exactly (all non-negative; b, d > 0) without overflow: -1, 0 or 1.
int compare_fractions(u128 a, u128 b, u128 c, u128 d);

// ---- writing numbers ----------------------------------------------------------------------------------

// "EUR 19,700,000.00" / "€ 19.700.000,00"
text money(std::int64_t cents);
// "31,991" / "31.991"
text count(std::int64_t n);
// "1.5" / "1,5"
text number(decimal d);
// "1.5%" / "1,5%"
text percent(decimal d);
// "2025-07-01" in both languages (inside backticks and ranges, as written in the files)
std::string date(civil_date d);
// "2025-07-01" / "1 juli 2025": a date in running text
text day(civil_date d);

// How an agreed amount was derived: "EUR 20,000,000.00 stated for 2024" or, indexed, "EUR 20,000,000.00 stated
// for 2024, indexed by 2% for 2025 to EUR 20,400,000.00, by 1.5% for 2026 to EUR 20,706,000.00".
text derivation(const agreed_amount& amount);
// The clauses an agreed amount rests on, as related locations: the stated amount, then each indexation.
std::vector<label> derivation_clauses(const agreed_amount& amount);

// "did you mean `x`?" over the candidates (a map's keys or strings), or nullopt.
template <class Range>
std::optional<text> did_you_mean_help(std::string_view word, const Range& candidates);

// "`a`, `b` and `c`" / "`a`, `b` en `c`"
text list_of(const std::vector<std::string>& items);

}  // namespace akkoord::plan_support

#include "akkoord/validator/suggest.hpp"

namespace akkoord::plan_support {

template <class Range>
std::optional<text> did_you_mean_help(std::string_view word, const Range& candidates) {
  const auto best = did_you_mean(word, candidates);
  if (!best) return std::nullopt;
  return did_you_mean_text(*best);
}

}  // namespace akkoord::plan_support
