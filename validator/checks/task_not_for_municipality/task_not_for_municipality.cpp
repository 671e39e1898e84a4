#include "task_not_for_municipality/task_not_for_municipality.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void task_not_for_municipality::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const std::string* municipality = plan_support::municipality_of(context.agreement, p);
  if (municipality == nullptr) return;  // absent or undeclared: `missing-field`, `unknown-reference`

  for (const auto& a : p.activities) {
    const ast::task_decl* task = plan_support::task_of(context.agreement, a);
    if (task == nullptr || plan_support::task_is_for(*task, *municipality)) continue;
    const std::string& task_id = task->id.name;
    const bool has_for = !task->for_parties.empty();  // else the responsible party (task_is_for)
    std::vector<std::string> parties;
    if (has_for)
      for (const auto& party : task->for_parties) parties.push_back(party.name);
    else
      parties.push_back(task->responsible->name);
    const text whose = plan_support::list_of(parties);
    const bool several = parties.size() > 1;
    const text plans_of = {fmt::format("{} of {}", several ? "plans" : "plan", whose.en),
                           fmt::format("{} van {}", several ? "de uitvoeringsplannen" : "het uitvoeringsplan", whose.nl)};

    auto d = finding(p.span(a.task->span),
                     {fmt::format("task `{}` is not for `{}`: it belongs in the {}", task_id, *municipality, plans_of.en),
                      fmt::format("taak `{}` is geen taak voor `{}`; zij hoort in {}", task_id, *municipality,
                                  plans_of.nl)});
    if (has_for)
      d.related.push_back({task->for_span, {fmt::format("`{}` is for {}", task_id, whose.en),
                                            fmt::format("`{}` is een taak voor {}", task_id, whose.nl)}});
    else
      d.related.push_back({task->responsible->span,
                           {fmt::format("without `for`, `{}` is for its responsible party only", task_id),
                            fmt::format("zonder `for` is `{}` alleen een taak voor de verantwoordelijke partij", task_id)}});
    // The fix in the agreement, written out: the task's parties with this municipality added.
    std::string shared = "for ";
    for (const auto& party : parties) shared += party + ", ";
    shared += *municipality;
    d.help = text{fmt::format("move this activity to the {}; if `{}` shares the task, write `{}` in the "
                              "agreement's task `{}`",
                              plans_of.en, *municipality, shared, task_id),
                  fmt::format("neem deze activiteit op in {}; neemt `{}` deel aan de taak, schrijf dan `{}` bij "
                              "taak `{}` in de overeenkomst",
                              plans_of.nl, *municipality, shared, task_id)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
