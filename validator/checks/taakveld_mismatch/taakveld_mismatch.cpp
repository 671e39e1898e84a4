#include "taakveld_mismatch/taakveld_mismatch.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

using plan_support::applies_in;

void taakveld_mismatch::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const taakveld_list* list = context.taakvelden.for_year(*year);

  for (const auto& a : p.activities) {
    if (!a.taakveld) continue;
    const ast::task_decl* task = plan_support::task_of(context.agreement, a);
    if (task == nullptr) continue;
    // A code that is no taakveld at all this year is `unknown-taakveld`: one root cause, one finding.
    if (list != nullptr && !list->find(a.taakveld->value)) continue;

    // the common case first, without allocating: the code is one of the task's codes for this year
    bool any_clause = false, listed = false;
    for (const auto& clause : task->taakvelden) {
      if (!applies_in(clause, *year)) continue;
      any_clause = true;
      for (const auto& code : clause.codes) listed = listed || code.code == a.taakveld->value;
    }
    if (!any_clause || listed) continue;  // no taakveld stated for this year: nothing to compare with

    std::vector<const ast::taakveld_clause*> clauses;
    std::vector<std::string> codes;
    for (const auto& clause : task->taakvelden) {
      if (!applies_in(clause, *year)) continue;
      clauses.push_back(&clause);
      // advise only codes of this year's BBV list: any other would be `unknown-taakveld` once written
      for (const auto& code : clause.codes)
        if (list == nullptr || list->find(code.code)) codes.push_back(code.code);
    }

    const std::string& code = a.taakveld->value;
    const std::string& task_id = task->id.name;
    auto d = finding(p.span(a.taakveld->span),
                     {fmt::format("taakveld `{}` is not a taakveld of task `{}` in {}", code, task_id, *year),
                      fmt::format("taakveld `{}` hoort in {} niet bij taak `{}`", code, *year, task_id)});
    for (const auto* clause : clauses)
      d.related.push_back({clause->span, {fmt::format("the taakvelden of `{}`", task_id),
                                          fmt::format("de taakvelden van `{}`", task_id)}});
    const text allowed = plan_support::list_of(codes);
    if (codes.empty())
      d.help = text{fmt::format("none of the taakvelden of `{}` for {} is a BBV taakveld in {}: correct them in the "
                                "agreement (`akkoord lint` names them)",
                                task_id, *year, *year),
                    fmt::format("geen van de taakvelden van `{}` voor {} is een BBV-taakveld in {}: corrigeer ze in de "
                                "overeenkomst (`akkoord lint` noemt ze)",
                                task_id, *year, *year)};
    else if (codes.size() == 1)
      d.help = text{fmt::format("use {}, or plan the work under the task it belongs to", allowed.en),
                    fmt::format("gebruik {}, of breng het werk onder bij de taak waar het bij hoort", allowed.nl)};
    else
      d.help = text{fmt::format("use one of {}, or plan the work under the task it belongs to", allowed.en),
                    fmt::format("gebruik een van {}, of breng het werk onder bij de taak waar het bij hoort", allowed.nl)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
