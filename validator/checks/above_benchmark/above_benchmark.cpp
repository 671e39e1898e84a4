#include "above_benchmark/above_benchmark.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

using plan_support::u128;

void above_benchmark::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const plan_figures& figures = context.figures;
  if (!p.municipality || !figures.inhabitants || *figures.inhabitants <= 0) return;
  const std::int64_t inhabitants = *figures.inhabitants;

  for (const taakveld_spending& t : figures.taakvelden) {
    if (t.largest == nullptr) continue;
    const source_span where = p.span(t.largest->budget->span);
    for (const benchmark_comparison& c : t.benchmarks) {
      const std::string& code = t.code;
      const ast::benchmark_decl& benchmark = *c.benchmark;
      const label clause{c.entry->span, {fmt::format("benchmark `{}` for taakveld `{}`", benchmark.id.name, code),
                                         fmt::format("benchmark `{}` voor taakveld `{}`", benchmark.id.name, code)}};
      if (!c.computable) {
        // Not comparable because a figure does not fit (its invalid-amount finding names it): say so, never stay
        // silent. A negative amount or tolerance has its own finding elsewhere and nothing to compare.
        if (t.budget_cents && c.benchmark_cents) continue;
        if (t.budget_cents && c.per_inhabitant_cents < 0) continue;
        auto d = finding(where, {fmt::format("spending on taakveld `{}` could not be compared with benchmark `{}`: "
                                             "the amount does not fit in the calculation",
                                             code, benchmark.id.name),
                                 fmt::format("de uitgaven op taakveld `{}` zijn niet met benchmark `{}` te "
                                             "vergelijken: het bedrag is te groot voor de berekening",
                                             code, benchmark.id.name)});
        d.notes.push_back(t.budget_cents
                              ? text{"the benchmark per inhabitant times the inhabitants exceeds EUR 92,233,720,368,547,758.07",
                                     "de benchmark per inwoner maal het aantal inwoners is meer dan € 92.233.720.368.547.758,07"}
                              : text{"the budgets on this taakveld add up to more than EUR 92,233,720,368,547,758.07",
                                     "de begrotingen op dit taakveld tellen op tot meer dan € 92.233.720.368.547.758,07"});
        d.related.push_back(clause);
        out.push_back(std::move(d));
        continue;
      }
      if (!c.above) continue;
      const std::int64_t spent = *t.budget_cents;
      const std::int64_t allowed_base = *c.benchmark_cents;
      const text actual = plan_support::money(t.per_inhabitant_cents.value_or(0));
      const text norm = plan_support::money(c.per_inhabitant_cents);
      std::string above_en, above_nl;
      if (allowed_base != 0) {
        // tenths of a percent above the benchmark, rounded up: just over the tolerance never shows as equal
        const auto ratio_tenths = (static_cast<u128>(spent) * 1000 + static_cast<u128>(allowed_base) - 1) /
                                  static_cast<u128>(allowed_base);
        const text pct = plan_support::percent(decimal{static_cast<std::int64_t>(ratio_tenths) - 1000, 1});
        above_en = pct.en + " ";
        above_nl = pct.nl + " ";
      }
      auto d = finding(where,
                       {fmt::format("spending on taakveld `{}` is {} per inhabitant, {}above the benchmark of {}", code,
                                    actual.en, above_en, norm.en),
                        fmt::format("de uitgaven op taakveld `{}` bedragen {} per inwoner en liggen {}boven de "
                                    "benchmark van {}",
                                    code, actual.nl, above_nl, norm.nl)});
      const text total = plan_support::money(spent), how_many = plan_support::count(inhabitants);
      const text tolerance_text = plan_support::percent(c.tolerance);
      d.notes.push_back({fmt::format("{} in total for {} inhabitants of `{}`; the benchmark allows {} more", total.en,
                                     how_many.en, p.municipality->value, tolerance_text.en),
                         fmt::format("in totaal {} voor {} inwoners van `{}`; de benchmark laat {} ruimte",
                                     total.nl, how_many.nl, p.municipality->value, tolerance_text.nl)});
      d.related.push_back(clause);
      out.push_back(std::move(d));
    }
  }
}

}  // namespace akkoord::checks
