#include "returned_competence/returned_competence.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void returned_competence::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const agreement_model& agreement = context.agreement;
  const auto year = plan_support::plan_year(p);

  for (const auto& a : p.activities) {
    if (!a.executor) continue;
    const ast::task_decl* task = plan_support::task_of(agreement, a);
    const auto days = plan_support::activity_days(a, year);
    if (task == nullptr || !days || days->to < days->from) continue;
    if (!plan_support::belongs_in(agreement, p, *task)) continue;  // `task-not-for-municipality` has the word
    const std::string& executor = a.executor->value;

    // The first stretch of the activity's days on which the task was returned from this executor.
    for (const auto& stretch : plan_support::executors_during(*task, *days)) {
      const ast::timeline_entry* entry = stretch.entry;
      if (entry == nullptr || entry->what != ast::timeline_entry::kind::returned_to || stretch.previous == nullptr) continue;
      if (plan_support::same_actor(agreement, executor, entry->who.name)) continue;
      if (!plan_support::returned_from(agreement, executor, stretch.previous->who.name)) continue;

      const std::string& task_id = task->id.name;
      const std::string& to = entry->who.name;
      const std::string on = plan_support::date(entry->from.value());
      auto d = finding(p.span(a.executor->span),
                       {fmt::format("task `{}` was returned from `{}` to `{}` on {}", task_id, executor, to, on),
                        fmt::format("taak `{}` is op {} van `{}` teruggenomen door `{}`", task_id, on, executor, to)});
      d.related.push_back({entry->span, {fmt::format("returned to `{}` here", to), fmt::format("hier teruggenomen door `{}`", to)}});
      if (days->from < stretch.from) {
        const std::string from = plan_support::date(days->from), until = plan_support::date(days->to);
        d.notes.push_back({fmt::format("the activity runs {} .. {} and spans the return on {}", from, until, on),
                           fmt::format("de activiteit loopt {} .. {} en overspant de teruggave op {}", from, until, on)});
        d.help = text{fmt::format("end this activity before {} and plan the rest for `{}`", on, to),
                      fmt::format("laat deze activiteit voor {} eindigen en plan de rest voor `{}`", on, to)};
      } else {
        d.help = text{fmt::format("plan this work for `{}`: `executor = \"{}\"`", to, to),
                      fmt::format("plan dit werk voor `{}`: `executor = \"{}\"`", to, to)};
      }
      out.push_back(std::move(d));
      break;
    }
  }
}

}  // namespace akkoord::checks
