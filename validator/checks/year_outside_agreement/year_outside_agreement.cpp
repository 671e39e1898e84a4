#include "year_outside_agreement/year_outside_agreement.hpp"

#include <cstdlib>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void year_outside_agreement::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year) return;
  const auto periods = context.agreement.all<ast::period_decl>();
  if (periods.empty()) return;  // an agreement without periods sets no bounds
  if (!plan_support::periods_covering(context.agreement, *year).empty()) return;

  auto d = finding(p.span(p.year->span), {fmt::format("no period of the agreement covers {}", *year),
                                          fmt::format("de overeenkomst heeft geen periode die {} omvat", *year)});
  // the nearest period, so the reader sees where the agreement does apply
  const ast::period_decl* nearest = nullptr;
  int nearest_gap = 0;
  for (const auto* period : periods) {
    const int gap = *year < period->from.year ? period->from.year - *year : *year - period->to.year;
    if (nearest == nullptr || gap < nearest_gap) {
      nearest = period;
      nearest_gap = gap;
    }
  }
  const text from = plan_support::day(nearest->from.value()), to = plan_support::day(nearest->to.value());
  d.related.push_back({nearest->span, {fmt::format("the nearest period, `{}`, runs {} .. {}", nearest->id.name, from.en, to.en),
                                       fmt::format("de dichtstbijzijnde periode, `{}`, loopt van {} tot en met {}",
                                                   nearest->id.name, from.nl, to.nl)}});
  d.help = text{"check `year`, or add a period for this year to the agreement",
                "controleer `year`, of neem een periode voor dit jaar op in de overeenkomst"};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
