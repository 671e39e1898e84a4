#include "taakveld_succession/taakveld_succession.hpp"

#include <algorithm>
#include <climits>
#include <set>

#include <fmt/format.h>

#include "check_support.hpp"
#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

// Whether a period with real dates touches the book year (the years a plan can be written for).
bool covered(const std::vector<const ast::period_decl*>& periods, std::int64_t year) {
  return std::any_of(periods.begin(), periods.end(), [&](const ast::period_decl* p) {
    return is_valid(p->from.value()) && is_valid(p->to.value()) && p->from.year <= year && year <= p->to.year;
  });
}

// Whether a clause covers a book year: its own `from`/`until`; a missing bound is open (a clause without
// `from`/`until` applies to every year of the agreement's periods, and only those years are judged here).
bool clause_covers(const ast::taakveld_clause& clause, std::int64_t year) {
  return (!clause.from_year || clause.from_year->value <= year) && (!clause.until_year || year <= clause.until_year->value);
}

// Every code a task lists for a book year.
std::set<std::string_view> codes_for(const ast::task_decl& task, std::int64_t year) {
  std::set<std::string_view> out;
  for (const auto& clause : task.taakvelden)
    if (clause_covers(clause, year))
      for (const auto& c : clause.codes) out.insert(c.code);
  return out;
}

std::string list_years(const taakveld_list& list) {
  return std::to_string(list.first_year) + "–" + std::to_string(list.last_year);
}

}  // namespace

void taakveld_succession::lint(const lint_context& context, diagnostics& out) const {
  const auto& catalog = context.taakvelden;
  const auto periods = context.agreement.all<ast::period_decl>();

  for (const auto* task : context.agreement.all<ast::task_decl>()) {
    // A code can only drop out where a clause ends: the year after each `until` is the one to look at (so the
    // work is linear in the clauses, whatever the years the periods span).
    std::set<std::int64_t> changes;
    for (const auto& clause : task->taakvelden)
      if (clause.until_year && clause.until_year->value < INT32_MAX) changes.insert(clause.until_year->value + 1);
    for (const std::int64_t year : changes) {
      const std::int64_t before = year - 1;
      // Both years must be ones a plan can be written for.
      if (!covered(periods, before) || !covered(periods, year)) continue;
      const taakveld_list* list = catalog.for_year(static_cast<int>(year));
      if (list == nullptr) continue;
      const auto listed = codes_for(*task, year);
      std::set<std::string_view> reported;  // once per code, at its first place for the year before
      for (const auto& clause : task->taakvelden) {
        if (!clause_covers(clause, before)) continue;
        for (const auto& code : clause.codes) {
          if (listed.count(code.code) || !reported.insert(code.code).second) continue;
          // What the BBV list of `year` has in its place: the code itself (with codes new there that extend it),
          // or the codes that replaced it. Nothing: the code was abolished, and dropping it is right.
          std::vector<std::string> successors;
          if (list->find(code.code)) {
            successors.push_back(code.code);
            // The letter sub-codes a list adds under it (6.72 -> 6.72a…6.72d in 2023) take its work over too.
            for (const auto* entry : list->letter_subcodes(code.code)) successors.push_back(entry->code);
          } else {
            for (const auto* t : catalog.replacements(code.code, static_cast<int>(year))) successors.push_back(t->code);
          }
          if (successors.empty()) continue;
          if (std::any_of(successors.begin(), successors.end(), [&](const std::string& s) { return listed.count(s) > 0; }))
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
