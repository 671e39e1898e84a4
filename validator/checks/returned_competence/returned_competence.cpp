#include "returned_competence/returned_competence.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

// Who took the competence back: the party it was returned to, or the municipality that executor belongs to
// (a kernorganisatie is part of its municipality). The Dutch message names it.
const std::string& taken_back_by(const agreement_model& agreement, const std::string& to) {
  const auto executor = agreement.executors.find(to);
  return executor == agreement.executors.end() ? to : executor->second->owner.name;
}

}  // namespace

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
      const std::string& taker = taken_back_by(agreement, to);
      const text on = plan_support::day(entry->from.value());
      // "per" is how Dutch decisions date a change; who took the task back is the municipality, not `to`.
      const std::string taken_back_nl =
          taker == to ? fmt::format("taak `{}` is per {} door `{}` teruggenomen van `{}`", task_id, on.nl, taker, executor)
                      : fmt::format("taak `{}` is per {} door `{}` teruggenomen van `{}` en belegd bij `{}`", task_id,
                                    on.nl, taker, executor, to);
      auto d = finding(p.span(a.executor->span),
                       {fmt::format("task `{}` was returned from `{}` to `{}` on {}", task_id, executor, to, on.en),
                        taken_back_nl});
      d.related.push_back({entry->span, {fmt::format("returned to `{}` here", to),
                                         fmt::format("hier is de taak teruggenomen en belegd bij `{}`", to)}});
      if (days->from < stretch.from) {
        const text from = plan_support::day(days->from), until = plan_support::day(days->to);
        d.notes.push_back({fmt::format("the activity runs {} .. {} and spans the return on {}", from.en, until.en, on.en),
                           fmt::format("de activiteit loopt van {} tot en met {} en valt dus deels na de terugname per {}",
                                       from.nl, until.nl, on.nl)});
        d.help = text{fmt::format("end this activity before {} and plan the rest for `{}`", on.en, to),
                      fmt::format("laat deze activiteit vóór {} eindigen en plan het werk daarna bij `{}`", on.nl, to)};
      } else {
        d.help = text{fmt::format("plan this work for `{}`: `executor = \"{}\"`", to, to),
                      fmt::format("plan dit werk bij `{}`: `executor = \"{}\"`", to, to)};
      }
      out.push_back(std::move(d));
      break;
    }
  }
}

}  // namespace akkoord::checks
