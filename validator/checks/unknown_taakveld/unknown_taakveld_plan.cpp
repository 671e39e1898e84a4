// unknown-taakveld, plan side: an activity's `taakveld` must be a code of the BBV list of the plan's book
// year. The message names the years the code is valid in; the help names the codes to use instead: of the
// codes that replaced it, those its task lists for the year, else the task's codes for the year, so that
// following the advice never gives `taakveld-mismatch`.
#include <algorithm>

#include <fmt/format.h>

#include "akkoord/fix.hpp"
#include "plan_support.hpp"
#include "toml_errors.hpp"
#include "unknown_taakveld/unknown_taakveld.hpp"

namespace akkoord::checks {

namespace {

std::string years_of(const taakveld_list& list) { return fmt::format("{}–{}", list.first_year, list.last_year); }

// What the task lists for a book year: its clauses for the year and those of their codes that the year's BBV
// list has (a code it lacks would be this same finding once written).
struct task_codes {
  std::vector<const ast::taakveld_clause*> clauses;
  std::vector<const taakveld*> valid;
};

task_codes codes_of(const ast::task_decl& task, int year, const taakveld_list& list) {
  task_codes out;
  for (const auto& clause : task.taakvelden) {
    if (!plan_support::applies_in(clause, year)) continue;
    out.clauses.push_back(&clause);
    for (const auto& code : clause.codes) {
      const taakveld* t = list.find(code.code);
      if (t != nullptr && std::find(out.valid.begin(), out.valid.end(), t) == out.valid.end()) out.valid.push_back(t);
    }
  }
  return out;
}

// "in 2025 use `6.60` (Hulpmiddelen …)" / "in 2025 use one of `a` and `b`", with what the codes are.
text use_codes(const std::vector<const taakveld*>& codes, int year, const text& what) {
  if (codes.size() == 1) {
    const taakveld& t = *codes.front();
    return {fmt::format("in {} use `{}` ({}){}", year, t.code, t.name, what.en),
            fmt::format("gebruik in {} `{}` ({}){}", year, t.code, t.name, what.nl)};
  }
  std::vector<std::string> names;
  for (const auto* t : codes) names.push_back(t->code);
  const text one_of = plan_support::list_of(names);
  return {fmt::format("in {} use one of {}{}", year, one_of.en, what.en),
          fmt::format("gebruik in {} een van {}{}", year, one_of.nl, what.nl)};
}

// The one code that replaced a renumbered one (the BBV list's own succession, so certain).
suggested_fix successor_fix(const source_span& value, std::string_view code, const taakveld& successor) {
  return replacement_fix(value, code, successor.code, toml_string(successor.code));
}

}  // namespace

void unknown_taakveld::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const taakveld_list* list = context.taakvelden.for_year(*year);
  if (list == nullptr) return;  // before the first BBV list: nothing to check against

  for (const auto& a : p.activities) {
    if (!a.taakveld || list->find(a.taakveld->value)) continue;
    const std::string& code = a.taakveld->value;
    auto d = finding(p.span(a.taakveld->span), {fmt::format("taakveld `{}` is not a BBV taakveld in {}", code, *year),
                                                fmt::format("taakveld `{}` is geen BBV-taakveld in {}", code, *year)});
    const auto valid_in = context.taakvelden.lists_with(code);
    if (valid_in.empty()) {
      d.notes.push_back({fmt::format("`{}` is in none of the BBV lists", code),
                         fmt::format("`{}` staat in geen enkele BBV-lijst", code)});
    } else {
      std::vector<std::string> ranges;
      for (const auto* l : valid_in) ranges.push_back(years_of(*l));
      std::string en, nl;
      for (std::size_t i = 0; i < ranges.size(); ++i) {
        const bool last = i + 1 == ranges.size();
        en += (i == 0 ? "" : last ? " and " : ", ") + ranges[i];
        nl += (i == 0 ? "" : last ? " en " : ", ") + ranges[i];
      }
      d.notes.push_back({fmt::format("`{}` is a taakveld in {}", code, en),
                         fmt::format("`{}` is een taakveld in {}", code, nl)});
    }
    const auto replaced_by = context.taakvelden.replacements(code, *year);
    const ast::task_decl* task = plan_support::task_of(context.agreement, a);
    const task_codes of_task = task != nullptr ? codes_of(*task, *year, *list) : task_codes{};
    if (!of_task.clauses.empty()) {
      // The task states its codes for this year: advise only those (`taakveld-mismatch` judges any other).
      const std::string& task_id = task->id.name;
      for (const auto* clause : of_task.clauses)
        d.related.push_back({clause->span, {fmt::format("the taakvelden of `{}` in {}", task_id, *year),
                                            fmt::format("de taakvelden van `{}` in {}", task_id, *year)}});
      std::vector<const taakveld*> advice;
      for (const auto* t : replaced_by)
        if (std::find(of_task.valid.begin(), of_task.valid.end(), t) != of_task.valid.end()) advice.push_back(t);
      if (!advice.empty()) {
        d.help = use_codes(advice, *year, {});
        if (advice.size() == 1) d.fix = successor_fix(d.primary, code, *advice.front());
      } else if (!of_task.valid.empty()) {
        const bool one = of_task.valid.size() == 1;
        d.help = use_codes(of_task.valid, *year,
                           {fmt::format(", the {} of task `{}` that year", one ? "taakveld" : "taakvelden", task_id),
                            fmt::format(", {} van taak `{}` in dat jaar", one ? "het taakveld" : "de taakvelden", task_id)});
      } else {
        d.help = text{fmt::format("none of the taakvelden of `{}` for {} is a BBV taakveld in {}: correct them in the "
                                  "agreement (`akkoord lint` names them)",
                                  task_id, *year, *year),
                      fmt::format("geen van de taakvelden van `{}` voor {} is een BBV-taakveld in {}: corrigeer ze in "
                                  "de overeenkomst (`akkoord lint` noemt ze)",
                                  task_id, *year, *year)};
      }
    } else if (!replaced_by.empty()) {
      d.help = use_codes(replaced_by, *year, {});
      if (replaced_by.size() == 1) d.fix = successor_fix(d.primary, code, *replaced_by.front());
    } else {
      std::vector<std::string_view> codes;
      for (const auto& t : list->entries) codes.push_back(t.code);
      d.help = plan_support::did_you_mean_help(code, codes);
    }
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
