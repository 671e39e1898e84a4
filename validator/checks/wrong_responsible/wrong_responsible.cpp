#include "wrong_responsible/wrong_responsible.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void wrong_responsible::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  for (const auto& a : p.activities) {
    if (!a.responsible) continue;
    const ast::task_decl* task = plan_support::task_of(context.agreement, a);
    if (task == nullptr || !task->responsible || task->responsible->name == a.responsible->value) continue;
    // an undeclared party is `unknown-reference`: one root cause, one finding
    if (!context.agreement.parties.contains(a.responsible->value)) continue;
    if (!plan_support::belongs_in(context.agreement, p, *task)) continue;  // `task-not-for-municipality` has the word
    const std::string& task_id = task->id.name;
    const std::string& agreed = task->responsible->name;
    const std::string& written = a.responsible->value;
    auto d = finding(p.span(a.responsible->span),
                     {fmt::format("`{}` is responsible for task `{}`, not `{}`", agreed, task_id, written),
                      fmt::format("`{}` is verantwoordelijk voor taak `{}`, niet `{}`", agreed, task_id, written)});
    d.related.push_back({task->responsible->span, {fmt::format("the responsible party of `{}`", task_id),
                                                   fmt::format("de verantwoordelijke partij van `{}`", task_id)}});
    d.help = text{fmt::format("write `responsible = \"{}\"`, or leave `responsible` out", agreed),
                  fmt::format("schrijf `responsible = \"{}\"`, of laat `responsible` weg", agreed)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
