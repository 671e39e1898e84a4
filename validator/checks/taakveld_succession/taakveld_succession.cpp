#include "taakveld_succession/taakveld_succession.hpp"

#include <algorithm>
#include <climits>

#include <fmt/format.h>

#include "check_support.hpp"
#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

// The book years the agreement's periods touch, in order (the years a plan can be written for).
std::vector<int> agreement_years(const agreement_model& model) {
  std::vector<int> years;
  for (const auto* period : model.all<ast::period_decl>()) {
    if (!is_valid(period->from.value()) || !is_valid(period->to.value())) continue;
    for (int y = period->from.year; y <= period->to.year; ++y) years.push_back(y);
  }
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  return years;
}

// Whether a clause covers a book year: its own `from`/`until`; a missing bound is open (a clause without
// `from`/`until` applies to every year of the agreement's periods, and only those years are judged here).
bool clause_covers(const ast::taakveld_clause& clause, int year) {
  return (!clause.from_year || clause.from_year->value <= year) && (!clause.until_year || year <= clause.until_year->value);
}

bool lists(const ast::task_decl& task, int year, std::string_view code) {
  for (const auto& clause : task.taakvelden)
    if (clause_covers(clause, year))
      for (const auto& c : clause.codes)
        if (c.code == code) return true;
  return false;
}

std::string list_years(const taakveld_list& list) {
  return std::to_string(list.first_year) + "–" + std::to_string(list.last_year);
}

}  // namespace

void taakveld_succession::lint(const lint_context& context, diagnostics& out) const {
  const auto& catalog = context.taakvelden;
  const std::vector<int> years = agreement_years(context.agreement);

  for (const auto* task : context.agreement.all<ast::task_decl>()) {
    // Each change of year the agreement covers: a code listed for the year before and not for this one.
    for (std::size_t i = 1; i < years.size(); ++i) {
      const int year = years[i], before = years[i] - 1;
      if (years[i - 1] != before) continue;  // a gap between periods: no plan links the two years
      const taakveld_list* list = catalog.for_year(year);
      if (list == nullptr) continue;
      for (const auto& clause : task->taakvelden) {
        if (!clause_covers(clause, before)) continue;
        for (const auto& code : clause.codes) {
          if (lists(*task, year, code.code)) continue;
          // The first clause listing the code for the year before is where it is reported (once per change).
          const ast::taakveld_code* first = nullptr;
          for (const auto& other : task->taakvelden)
            if (clause_covers(other, before))
              for (const auto& c : other.codes)
                if (c.code == code.code && first == nullptr) first = &c;
          if (first != &code) continue;

          // What the BBV list of `year` has in its place: the code itself (with codes new there that extend it),
          // or the codes that replaced it. Nothing: the code was abolished, and dropping it is right.
          std::vector<std::string> successors;
          if (list->find(code.code)) successors.push_back(code.code);
          for (const auto* t : catalog.replacements(code.code, year))
            if (std::find(successors.begin(), successors.end(), t->code) == successors.end()) successors.push_back(t->code);
          if (successors.empty()) continue;
          if (std::any_of(successors.begin(), successors.end(),
                          [&](const std::string& s) { return lists(*task, year, s); }))
            continue;

          const std::string c = quoted(code.code), t = quoted(task->id.name), range = list_years(*list);
          const bool still = successors.front() == code.code;
          const text named = plan_support::list_of(successors);
          auto d = finding(code.span,
                           still ? text{fmt::format("task {} lists taakveld {} up to {}, but the BBV list of {} still has it",
                                                    t, c, before, range),
                                        fmt::format("taak {} noemt taakveld {} tot en met {}, maar de BBV-lijst van {} kent "
                                                    "die code nog",
                                                    t, c, before, range)}
                                 : text{fmt::format("task {} lists taakveld {} up to {}, and none of its successors in the "
                                                    "BBV list of {}",
                                                    t, c, before, range),
                                        fmt::format("taak {} noemt taakveld {} tot en met {}, en geen van zijn opvolgers in "
                                                    "de BBV-lijst van {}",
                                                    t, c, before, range)});
          if (still && successors.size() > 1)
            d.notes.push_back({fmt::format("the BBV list of {} has {} for it", range, named.en),
                               fmt::format("de BBV-lijst van {} kent daarvoor {}", range, named.nl)});
          else if (!still)
            d.notes.push_back({fmt::format("the BBV list of {} replaces it by {}", range, named.en),
                               fmt::format("de BBV-lijst van {} vervangt die door {}", range, named.nl)});
          const text where = still ? text{c, c} : named;
          d.notes.push_back({fmt::format("a plan for {} cannot book this task's work on {} (`taakveld-mismatch`)", year,
                                         where.en),
                             fmt::format("een plan voor {} kan het werk van deze taak niet op {} boeken "
                                         "(`taakveld-mismatch`)",
                                         year, where.nl)});
          for (const auto& other : task->taakvelden)
            if (clause_covers(other, year)) {
              d.related.push_back({other.span, {fmt::format("what the task lists for {}", year),
                                                fmt::format("wat de taak voor {} noemt", year)}});
              break;
            }
          d.help = still ? text{fmt::format("list {} for {} too, for example by ending its clause later", c, year),
                                fmt::format("noem {} ook voor {}, bijvoorbeeld door de regel later te laten eindigen", c,
                                            year)}
                         : text{fmt::format("list {} for {}", named.en, year), fmt::format("noem voor {} {}", year, named.nl)};
          out.push_back(std::move(d));
        }
      }
    }
  }
}

}  // namespace akkoord::checks
