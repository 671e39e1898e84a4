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
      const text from_day = plan_support::day(stretch.from), to_day = plan_support::day(stretch.to);
      diagnostic d;
      if (entry == nullptr) {
        const text first = plan_support::day(next_day(stretch.to));
        d = finding(p.span(a.executor->span),
                    {fmt::format("task `{}` has no executor before {}", task_id, first.en),
                     fmt::format("taak `{}` heeft vóór {} geen uitvoerder", task_id, first.nl)});
        if (i + 1 < stretches.size() && stretches[i + 1].entry != nullptr) {
          const ast::timeline_entry& next = *stretches[i + 1].entry;
          d.related.push_back({next.span, {fmt::format("`{}` executes `{}` from {}", next.who.name, task_id, first.en),
                                           fmt::format("`{}` voert `{}` uit met ingang van {}", next.who.name, task_id,
                                                       first.nl)}});
        }
        d.help = text{fmt::format("start the activity on or after {}", first.en),
                      fmt::format("laat de activiteit niet vóór {} beginnen", first.nl)};
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
                       fmt::format("met ingang van {} wordt taak `{}` uitgevoerd door `{}`, niet door `{}`", from_day.nl, task_id,
                                   who, executor)});
        } else {
          d = finding(p.span(a.executor->span),
                      {fmt::format("until {} task `{}` is executed by `{}`, not by `{}`", to, task_id, who, executor),
                       fmt::format("tot en met {} wordt taak `{}` uitgevoerd door `{}`, niet door `{}`", to_day.nl, task_id, who,
                                   executor)});
        }
        const text since = plan_support::day(entry->from.value());
        d.related.push_back({entry->span, {fmt::format("`{}` executes `{}` from {}", who, task_id, since.en),
                                           fmt::format("`{}` voert `{}` uit met ingang van {}", who, task_id, since.nl)}});
        if (whole)
          d.help = text{fmt::format("write `executor = \"{}\"`", who), fmt::format("schrijf `executor = \"{}\"`", who)};
        else
          d.help = text{fmt::format("split the activity at the change: `executor = \"{}\"` for {} .. {}", who, from, to),
                        fmt::format("splits de activiteit bij de wisseling van uitvoerder: `executor = \"{}\"` van {} tot en met {}",
                                    who, from_day.nl, to_day.nl)};
      }
      if (!whole) {
        const text af = plan_support::day(days->from), at = plan_support::day(days->to);
        d.notes.push_back({fmt::format("the activity runs {} .. {}", af.en, at.en),
                           fmt::format("de activiteit loopt van {} tot en met {}", af.nl, at.nl)});
      }
      out.push_back(std::move(d));
      break;
    }
  }
}

}  // namespace akkoord::checks
