#include "wrong_executor/wrong_executor.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void wrong_executor::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const agreement_model& agreement = context.agreement;
  const auto year = plan_support::plan_year(p);

  for (const auto& a : p.activities) {
    if (!a.executor) continue;
    const std::string& executor = a.executor->value;
    // an undeclared executor is `unknown-reference`
    if (!agreement.executors.contains(executor) && !agreement.parties.contains(executor)) continue;
    const ast::task_decl* task = plan_support::task_of(agreement, a);
    const auto days = plan_support::activity_days(a, year);
    if (task == nullptr || !days || days->to < days->from) continue;
    if (!plan_support::belongs_in(agreement, p, *task)) continue;  // `task-not-for-municipality` has the word

    // Every day of from..to must have this executor; report the first stretch that does not.
    const auto stretches = plan_support::executors_during(*task, *days);
    for (std::size_t i = 0; i < stretches.size(); ++i) {
      const auto& stretch = stretches[i];
      const ast::timeline_entry* entry = stretch.entry;
      if (entry != nullptr && plan_support::same_actor(agreement, executor, entry->who.name)) continue;
      // work by the one a competence was returned from is `returned-competence`
      if (entry != nullptr && entry->what == ast::timeline_entry::kind::returned_to && stretch.previous != nullptr &&
          plan_support::returned_from(agreement, executor, stretch.previous->who.name))
        continue;

      const std::string& task_id = task->id.name;
      const bool whole = stretch.from == days->from && stretch.to == days->to;
      const std::string from = plan_support::date(stretch.from), to = plan_support::date(stretch.to);
      diagnostic d;
      if (entry == nullptr) {
        const std::string first = plan_support::date(next_day(stretch.to));
        d = finding(p.span(a.executor->span),
                    {fmt::format("task `{}` has no executor before {}", task_id, first),
                     fmt::format("taak `{}` heeft geen uitvoerder voor {}", task_id, first)});
        if (i + 1 < stretches.size() && stretches[i + 1].entry != nullptr) {
          const ast::timeline_entry& next = *stretches[i + 1].entry;
          d.related.push_back({next.span, {fmt::format("`{}` executes `{}` from {}", next.who.name, task_id, first),
                                           fmt::format("`{}` voert `{}` uit vanaf {}", next.who.name, task_id, first)}});
        }
        d.help = text{fmt::format("start the activity on or after {}", first),
                      fmt::format("laat de activiteit op of na {} beginnen", first)};
      } else {
        const std::string& who = entry->who.name;
        if (whole) {
          d = finding(p.span(a.executor->span),
                      {fmt::format("task `{}` is executed by `{}`, not by `{}`", task_id, who, executor),
                       fmt::format("taak `{}` wordt uitgevoerd door `{}`, niet door `{}`", task_id, who, executor)});
        } else if (stretch.from > days->from) {
          // the activity spans a change of executor: name the change date
          d = finding(p.span(a.executor->span),
                      {fmt::format("from {} task `{}` is executed by `{}`, not by `{}`", from, task_id, who, executor),
                       fmt::format("vanaf {} wordt taak `{}` uitgevoerd door `{}`, niet door `{}`", from, task_id, who, executor)});
        } else {
          d = finding(p.span(a.executor->span),
                      {fmt::format("until {} task `{}` is executed by `{}`, not by `{}`", to, task_id, who, executor),
                       fmt::format("tot en met {} wordt taak `{}` uitgevoerd door `{}`, niet door `{}`", to, task_id, who, executor)});
        }
        const std::string since = plan_support::date(entry->from.value());
        d.related.push_back({entry->span, {fmt::format("`{}` executes `{}` from {}", who, task_id, since),
                                           fmt::format("`{}` voert `{}` uit vanaf {}", who, task_id, since)}});
        if (whole)
          d.help = text{fmt::format("write `executor = \"{}\"`", who), fmt::format("schrijf `executor = \"{}\"`", who)};
        else
          d.help = text{fmt::format("split the activity at the change: `executor = \"{}\"` for {} .. {}", who, from, to),
                        fmt::format("splits de activiteit bij de wissel: `executor = \"{}\"` voor {} .. {}", who, from, to)};
      }
      if (!whole) {
        const std::string af = plan_support::date(days->from), at = plan_support::date(days->to);
        d.notes.push_back({fmt::format("the activity runs {} .. {}", af, at),
                           fmt::format("de activiteit loopt {} .. {}", af, at)});
      }
      out.push_back(std::move(d));
      break;
    }
  }
}

}  // namespace akkoord::checks
