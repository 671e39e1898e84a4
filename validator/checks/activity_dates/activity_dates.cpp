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
      const text written = plan_support::day(date->value);
      auto d = finding(p.span(date->span), {fmt::format("`{}` {} is outside the plan year {}", key, written.en, *year),
                                            fmt::format("`{}` ({}) valt buiten het planjaar {}", key, written.nl, *year)});
      d.related.push_back({p.span(p.year->span), {"the plan year", "het planjaar"}});
      d.help = text{fmt::format("plan work for {} in the {} plan; activities run within their plan's year", date->value.year, date->value.year),
                    fmt::format("neem werk voor {} op in het uitvoeringsplan {}; een activiteit valt binnen het jaar "
                                "van haar plan",
                                date->value.year, date->value.year)};
      out.push_back(std::move(d));
    };
    outside(a.from, "from");
    outside(a.to, "to");

    // with a default bound, an inversion is a date outside the year, reported above
    if (a.from && a.to && a.to->value < a.from->value) {
      const text from = plan_support::day(a.from->value), to = plan_support::day(a.to->value);
      auto d = finding(p.span(a.to->span), {fmt::format("`to` {} is before `from` {}", to.en, from.en),
                                            fmt::format("de einddatum `to` ({}) ligt vóór de begindatum `from` ({})", to.nl,
                                                        from.nl)});
      d.related.push_back({p.span(a.from->span), {"the activity starts here", "hier begint de activiteit"}});
      d.help = text{"swap the dates, or correct the one that is wrong",
                    "verwissel de twee datums, of corrigeer de datum die niet klopt"};
      out.push_back(std::move(d));
    }
  }
}

}  // namespace akkoord::checks
