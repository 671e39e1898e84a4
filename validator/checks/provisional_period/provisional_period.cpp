#include "provisional_period/provisional_period.hpp"

#include <algorithm>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void provisional_period::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const auto periods = plan_support::periods_covering(context.agreement, *year);
  if (periods.empty()) return;  // `year-outside-agreement`
  if (!std::all_of(periods.begin(), periods.end(),
                   [&](const ast::period_decl* period) { return plan_support::provisional_for(*period, p); }))
    return;

  const ast::period_decl& period = *periods.front();
  auto d = finding(p.span(p.year->span),
                   {fmt::format("{} is covered only by the provisional period `{}`", *year, period.id.name),
                    fmt::format("voor {} geldt alleen de voorlopige periode `{}`", *year, period.id.name)});
  if (period.until) {
    const std::string& milestone = period.until->name;
    d.related.push_back({period.span, {fmt::format("provisional until milestone `{}` is completed", milestone),
                                       fmt::format("voorlopig tot mijlpaal `{}` is afgerond", milestone)}});
    d.notes.push_back({fmt::format("the plan does not record milestone `{}` as completed", milestone),
                       fmt::format("het plan legt niet vast dat mijlpaal `{}` is afgerond", milestone)});
    d.help = text{fmt::format("once `{}` is done, record it: `[[milestone]]` with `id = \"{}\"` and `completed = YYYY-MM-DD`",
                              milestone, milestone),
                  fmt::format("leg `{}` vast zodra de mijlpaal is afgerond: `[[milestone]]` met `id = \"{}\"` en "
                              "`completed = JJJJ-MM-DD`",
                              milestone, milestone)};
  } else {
    d.related.push_back({period.span, {"declared provisional", "hier als voorlopig vastgelegd"}});
    d.help = text{"the terms for this year are not final: check the plan again when the agreement is",
                  "de afspraken voor dit jaar zijn nog niet definitief: controleer het plan opnieuw zodra de "
                  "overeenkomst dat wel is"};
  }
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
