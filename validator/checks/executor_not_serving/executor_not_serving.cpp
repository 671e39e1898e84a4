#include "executor_not_serving/executor_not_serving.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "check_support.hpp"
#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

// Whether `executor` (an executor or a party id) works for `municipality`: the municipality itself (a party
// executing its own task serves itself), or an executor that is `part_of` it or `serves` it.
bool serves(const agreement_model& agreement, std::string_view executor, std::string_view municipality) {
  if (executor == municipality) return true;
  const auto it = agreement.executors.find(executor);
  if (it == agreement.executors.end()) return false;
  const ast::executor_decl& e = *it->second;
  if (e.kind == ast::executor_decl::relation::part_of && e.owner.name == municipality) return true;
  return std::any_of(e.serves.begin(), e.serves.end(), [&](const ast::identifier& id) { return id.name == municipality; });
}

// The timeline entry naming this executor on the activity's first day, when the task's timeline names it on
// every day of the activity. nullptr otherwise: then `wrong-executor` or `returned-competence` has the word, or
// there is no task or no usable range of days to judge by.
const ast::timeline_entry* agreed_entry(const agreement_model& agreement, const ast::task_decl& task,
                                        const plan_support::day_range& days, std::string_view executor) {
  const auto stretches = plan_support::executors_during(task, days);
  if (stretches.empty()) return nullptr;
  for (const auto& stretch : stretches)
    if (stretch.entry == nullptr || !plan_support::same_actor(agreement, executor, stretch.entry->who.name)) return nullptr;
  return stretches.front().entry;
}

// Why the agreement says the executor does not serve the municipality: its `serves`, its `part_of`, or that it
// is a party (which executes only its own tasks).
void add_relations(const agreement_model& agreement, std::string_view executor, diagnostic& d) {
  const auto it = agreement.executors.find(executor);
  if (it == agreement.executors.end()) {
    const auto party = agreement.parties.find(executor);
    if (party != agreement.parties.end())
      d.related.push_back({party->second->id.span,
                           {fmt::format("`{}` is a party: it executes only its own tasks", executor),
                            fmt::format("`{}` is een partij en voert alleen eigen taken uit", executor)}});
    return;
  }
  const ast::executor_decl& e = *it->second;
  if (e.kind == ast::executor_decl::relation::part_of)
    d.related.push_back({e.owner.span, {fmt::format("`{}` is part of `{}`", executor, e.owner.name),
                                        fmt::format("`{}` is onderdeel van `{}`", executor, e.owner.name)}});
  if (!e.serves.empty()) {
    std::vector<std::string> served;
    for (const auto& id : e.serves) served.push_back(id.name);
    const text whom = plan_support::list_of(served);
    d.related.push_back({join(e.serves.front().span, e.serves.back().span),
                         {fmt::format("`{}` serves {}", executor, whom.en),
                          fmt::format("`{}` werkt voor {}", executor, whom.nl)}});
  } else if (e.kind != ast::executor_decl::relation::part_of) {
    d.related.push_back({e.id.span, {fmt::format("`{}` serves no party", executor),
                                     fmt::format("`{}` werkt volgens de overeenkomst voor geen enkele partij", executor)}});
  }
}

}  // namespace

void executor_not_serving::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const agreement_model& agreement = context.agreement;
  const std::string* municipality = plan_support::municipality_of(agreement, p);
  if (municipality == nullptr) return;  // absent or undeclared: `missing-field`, `unknown-reference`
  const auto year = plan_support::plan_year(p);

  for (const auto& a : p.activities) {
    if (!a.executor) continue;
    const std::string& executor = a.executor->value;
    // an undeclared executor is `unknown-reference`
    if (!agreement.executors.contains(executor) && !agreement.parties.contains(executor)) continue;
    if (serves(agreement, executor, *municipality)) continue;

    // Precedence, so that one mistake gives one finding: a task that is not for this municipality is
    // `task-not-for-municipality`; an executor that is not the task's on the activity's days is
    // `wrong-executor` or `returned-competence`, whose fix names the agreed executor.
    const ast::task_decl* task = plan_support::task_of(agreement, a);
    if (task != nullptr && !plan_support::task_is_for(*task, *municipality)) continue;
    const auto days = plan_support::activity_days(a, year);
    const bool judged_by_timeline = task != nullptr && days && days->from <= days->to;
    const ast::timeline_entry* agreed = judged_by_timeline ? agreed_entry(agreement, *task, *days, executor) : nullptr;
    if (judged_by_timeline && agreed == nullptr) continue;

    auto d = finding(p.span(a.executor->span),
                     {fmt::format("executor `{}` does not serve `{}`", executor, *municipality),
                      fmt::format("uitvoerder `{}` werkt niet voor `{}`", executor, *municipality)});
    add_relations(agreement, executor, d);
    if (agreed != nullptr) {
      // The plan follows the agreement, and the agreement has the task executed by someone who does not work
      // for this municipality: the fix is in the agreement.
      const std::string& task_id = task->id.name;
      const civil_date since = agreed->from.value();
      d.related.push_back({agreed->span, {fmt::format("`{}` executes `{}` from {}", agreed->who.name, task_id,
                                                      plan_support::date(since)),
                                          fmt::format("`{}` voert `{}` uit vanaf {}", agreed->who.name, task_id,
                                                      dutch_date(since))}});
      if (agreement.executors.contains(executor))
        d.help = text{fmt::format("in the agreement, add `{}` to the `serves` of `{}`, or have task `{}` executed by "
                                  "an executor that serves `{}`",
                                  *municipality, executor, task_id, *municipality),
                      fmt::format("voeg in de overeenkomst `{}` toe aan `serves` van `{}`, of laat taak `{}` uitvoeren "
                                  "door een uitvoerder die voor `{}` werkt",
                                  *municipality, executor, task_id, *municipality)};
      else
        d.help = text{fmt::format("in the agreement, have task `{}` executed by an executor that serves `{}`", task_id,
                                  *municipality),
                      fmt::format("laat in de overeenkomst taak `{}` uitvoeren door een uitvoerder die voor `{}` werkt",
                                  task_id, *municipality)};
    } else {
      std::vector<std::string> serving;  // in id order
      for (const auto& [id, decl] : agreement.executors)
        if (serves(agreement, id, *municipality)) serving.push_back(id);
      if (serving.size() == 1) {
        d.help = text{fmt::format("write `executor = \"{}\"`, the executor that serves `{}`", serving.front(), *municipality),
                      fmt::format("schrijf `executor = \"{}\"`, de uitvoerder die voor `{}` werkt", serving.front(),
                                  *municipality)};
      } else if (!serving.empty()) {
        const text one_of = plan_support::list_of(serving);
        d.help = text{fmt::format("use one of {}, the executors that serve `{}`", one_of.en, *municipality),
                      fmt::format("gebruik een van {}, de uitvoerders die voor `{}` werken", one_of.nl, *municipality)};
      } else {
        d.notes.push_back({fmt::format("no executor of the agreement serves `{}`", *municipality),
                           fmt::format("geen uitvoerder in de overeenkomst werkt voor `{}`", *municipality)});
      }
    }
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
