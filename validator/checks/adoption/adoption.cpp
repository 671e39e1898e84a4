#include "adoption/adoption.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void adoption::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  if (p.status && p.status->value == "vastgesteld" && !p.adopted) {
    auto d = finding(p.span(p.status->span), {"the plan is `vastgesteld` but has no `adopted` date",
                                              "het plan is `vastgesteld` maar heeft geen datum `adopted`"});
    d.help = text{"add `adopted = YYYY-MM-DD`, the date of the council's decision",
                  "voeg `adopted = JJJJ-MM-DD` toe, de datum van het raadsbesluit"};
    out.push_back(std::move(d));
  }
  const auto year = plan_support::plan_year(p);
  if (p.adopted && year && plan_support::first_day(*year) <= p.adopted->value) {
    const std::string on = plan_support::date(p.adopted->value);
    auto d = finding(p.span(p.adopted->span), {fmt::format("the plan was adopted on {}, after its year {} began", on, *year),
                                               fmt::format("het plan is vastgesteld op {}, nadat het jaar {} begon", on, *year)});
    d.level = severity::warning;  // late, but adopted: a warning, not an error
    d.notes.push_back({"until a plan is adopted, the work of its year has no adopted basis",
                       "tot een plan is vastgesteld heeft het werk van dat jaar geen vastgestelde grondslag"});
    d.help = text{fmt::format("adopt the plan before {}-01-01, or check the date", *year),
                  fmt::format("stel het plan vast voor {}-01-01, of controleer de datum", *year)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
