#include "adoption/adoption.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void adoption::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  if (p.status && p.status->value == "vastgesteld" && !p.adopted) {
    auto d = finding(p.span(p.status->span), {"the plan is `vastgesteld` but has no `adopted` date",
                                              "het plan heeft de status `vastgesteld`, maar geen vaststellingsdatum `adopted`"});
    d.help = text{"add `adopted = YYYY-MM-DD`, the date of the council's decision",
                  "vul `adopted = JJJJ-MM-DD` in met de datum van het raadsbesluit"};
    out.push_back(std::move(d));
  }
  const auto year = plan_support::plan_year(p);
  if (p.adopted && year && plan_support::first_day(*year) <= p.adopted->value) {
    const text on = plan_support::day(p.adopted->value);
    auto d = finding(p.span(p.adopted->span), {fmt::format("the plan was adopted on {}, after its year {} began", on.en, *year),
                                               fmt::format("het plan is op {} vastgesteld, na het begin van het planjaar {}",
                                                           on.nl, *year)});
    d.level = severity::warning;  // late, but adopted: a warning, not an error
    d.notes.push_back({"until a plan is adopted, the work of its year has no adopted basis",
                       "zolang het plan niet is vastgesteld, heeft het werk in dat jaar geen vastgestelde grondslag"});
    d.help = text{fmt::format("adopt the plan before {}-01-01, or check the date", *year),
                  fmt::format("laat het plan vóór 1 januari {} vaststellen, of controleer de datum", *year)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
