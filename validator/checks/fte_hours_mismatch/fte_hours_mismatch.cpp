#include "fte_hours_mismatch/fte_hours_mismatch.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

using plan_support::u128;

u128 pow10(int n) {
  u128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

// A decimal with trailing zeros removed ("12288.0" -> "12288"), for showing a computed value.
decimal trimmed(decimal d) {
  while (d.scale > 0 && d.units % 10 == 0) {
    d.units /= 10;
    --d.scale;
  }
  return d;
}

}  // namespace

void fte_hours_mismatch::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const ast::agreement_decl* agreement = context.agreement.agreement;
  if (agreement == nullptr || !agreement->hours_per_fte || agreement->hours_per_fte->value <= 0) return;
  const std::int64_t per_fte = agreement->hours_per_fte->value;
  const decimal tolerance = agreement->tolerance ? agreement->tolerance->value : decimal{0, 0};
  if (tolerance.units < 0 || tolerance.scale < 0 || tolerance.scale > 18) return;

  for (const auto& a : p.activities) {
    if (!a.fte || !a.hours) continue;
    const decimal fte = a.fte->value;
    if (fte.units < 0 || fte.scale < 0 || fte.scale > 18) continue;
    // everything scaled by 10^fte.scale: expected = fte × per_fte, actual = hours
    const u128 expected = static_cast<u128>(fte.units) * static_cast<u128>(per_fte);
    const u128 actual = static_cast<u128>(a.hours->value) * pow10(fte.scale);
    const u128 difference = actual > expected ? actual - expected : expected - actual;
    if (difference == 0) continue;
    // fire when difference / expected > tolerance / 100
    if (expected != 0 &&
        plan_support::compare_fractions(difference, expected, static_cast<u128>(tolerance.units), 100 * pow10(tolerance.scale)) <= 0)
      continue;

    const std::string hours = std::to_string(a.hours->value);
    const text fte_text = plan_support::number(fte);
    const text tolerance_text = plan_support::percent(tolerance);
    std::string expected_en = "?", expected_nl = "?", deviation_en, deviation_nl;
    std::optional<std::int64_t> rounded_hours;
    constexpr u128 displayable = u128{1} << 62;
    if (expected < displayable) {
      const decimal whole_or_not = trimmed(decimal{static_cast<std::int64_t>(expected), fte.scale});
      expected_en = plan_support::number(whole_or_not).en;
      // Dutch groups the thousands of a whole number of hours: 12.288
      expected_nl = whole_or_not.scale == 0 ? plan_support::count(whole_or_not.units).nl
                                            : plan_support::number(whole_or_not).nl;
      const u128 unit = pow10(fte.scale);
      rounded_hours = static_cast<std::int64_t>((expected + unit / 2) / unit);
      if (expected != 0 && difference < displayable) {
        // tenths of a percent, rounded up: a deviation just over the tolerance never shows as equal to it
        const u128 tenths = (difference * 1000 + expected - 1) / expected;
        const text pct = plan_support::percent(decimal{static_cast<std::int64_t>(tenths), 1});
        deviation_en = " by " + pct.en;
        deviation_nl = " " + pct.nl;
      }
    }
    auto d = finding(p.span(a.hours->span),
                     {fmt::format("`hours` {} differs{} from `fte` × hours per FTE ({} × {} = {})", hours, deviation_en,
                                  fte_text.en, per_fte, expected_en),
                      fmt::format("het aantal uren `hours` ({}) wijkt{} af van `fte` × uren per fte ({} × {} = {})",
                                  plan_support::count(a.hours->value).nl, deviation_nl, fte_text.nl,
                                  plan_support::count(per_fte).nl, expected_nl)});
    d.notes.push_back({fmt::format("the agreement allows a difference of {}", tolerance_text.en),
                       fmt::format("de overeenkomst staat een afwijking van ten hoogste {} toe", tolerance_text.nl)});
    d.related.push_back({agreement->hours_per_fte->span, {fmt::format("{} hours per FTE", per_fte),
                                                         fmt::format("{} uur per fte", plan_support::count(per_fte).nl)}});
    if (rounded_hours)
      d.help = text{fmt::format("set `hours = {}`, or correct `fte`", *rounded_hours),
                    fmt::format("wijzig dit in `hours = {}`, of corrigeer `fte`", *rounded_hours)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
