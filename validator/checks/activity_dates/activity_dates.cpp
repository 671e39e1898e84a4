#include "activity_dates/activity_dates.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void activity_dates::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);

  for (const auto& a : p.activities) {
    const auto outside = [&](const std::optional<spanned<civil_date>>& date, std::string_view key) {
      if (!date || !year) return;
      if (plan_support::first_day(*year) <= date->value && date->value <= plan_support::last_day(*year)) return;
      const std::string written = plan_support::date(date->value);
      auto d = finding(p.span(date->span), {fmt::format("`{}` {} is outside the plan year {}", key, written, *year),
                                            fmt::format("`{}` {} valt buiten het planjaar {}", key, written, *year)});
      d.related.push_back({p.span(p.year->span), {"the plan year", "het planjaar"}});
      d.help = text{fmt::format("plan work for {} in the {} plan; activities run within their plan's year", date->value.year, date->value.year),
                    fmt::format("plan werk voor {} in het plan voor {}; activiteiten vallen binnen het jaar van hun plan",
                                date->value.year, date->value.year)};
      out.push_back(std::move(d));
    };
    outside(a.from, "from");
    outside(a.to, "to");

    // with a default bound, an inversion is a date outside the year, reported above
    if (a.from && a.to && a.to->value < a.from->value) {
      const std::string from = plan_support::date(a.from->value), to = plan_support::date(a.to->value);
      auto d = finding(p.span(a.to->span), {fmt::format("`to` {} is before `from` {}", to, from),
                                            fmt::format("`to` {} ligt voor `from` {}", to, from)});
      d.related.push_back({p.span(a.from->span), {"the activity starts here", "hier begint de activiteit"}});
      d.help = text{"swap the dates, or correct the one that is wrong", "wissel de data om, of verbeter de verkeerde"};
      out.push_back(std::move(d));
    }
  }
}

}  // namespace akkoord::checks
