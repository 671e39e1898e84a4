#include "missing_basic_service/missing_basic_service.hpp"

#include <algorithm>
#include <unordered_set>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void missing_basic_service::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const auto periods = plan_support::periods_covering(context.agreement, *year);
  if (periods.empty()) return;
  // whose plan this is decides which basic tasks it must carry: unknown, it is `missing-field` or `unknown-reference`
  const std::string* municipality = plan_support::municipality_of(context.agreement, p);
  if (municipality == nullptr) return;

  std::unordered_set<std::string_view> planned;  // tasks with at least one activity: one pass, no search per task
  planned.reserve(p.activities.size());
  for (const auto& a : p.activities)
    if (a.task) planned.insert(a.task->value);

  for (const auto* task : context.agreement.all<ast::task_decl>()) {
    if (task->basic_during.empty() || planned.contains(task->id.name)) continue;
    if (!plan_support::task_is_for(*task, *municipality)) continue;  // basic in the plans of its own parties only
    const ast::period_decl* basic_in = nullptr;
    for (const auto& period_id : task->basic_during) {
      const auto covering = std::find_if(periods.begin(), periods.end(),
                                         [&](const ast::period_decl* period) { return period->id.name == period_id.name; });
      if (covering != periods.end()) {
        basic_in = *covering;
        break;
      }
    }
    if (basic_in == nullptr) continue;
    const std::string& task_id = task->id.name;
    auto d = finding(p.span(p.plan_header), {fmt::format("basic task `{}` has no activity in the {} plan", task_id, *year),
                                             fmt::format("basistaak `{}` heeft geen activiteit in het plan voor {}", task_id, *year)});
    const std::string from = plan_support::date(basic_in->from.value()), to = plan_support::date(basic_in->to.value());
    d.related.push_back({task->basic_span.valid() ? task->basic_span : task->id.span,
                         {fmt::format("basic during `{}` ({} .. {})", basic_in->id.name, from, to),
                          fmt::format("basistaak in periode `{}` ({} tot en met {})", basic_in->id.name,
                                      dutch_date(basic_in->from.value()), dutch_date(basic_in->to.value()))}});
    d.help = text{fmt::format("add an `[[activity]]` with `task = \"{}\"`", task_id),
                  fmt::format("voeg een `[[activity]]` toe met `task = \"{}\"`", task_id)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
