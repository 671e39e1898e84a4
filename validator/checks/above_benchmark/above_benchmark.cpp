#include "above_benchmark/above_benchmark.hpp"

#include <unordered_map>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

using plan_support::u128;

struct spending {
  std::int64_t cents = 0;
  const plan_activity* largest = nullptr;
  bool overflow = false;
};

u128 pow10(int n) {
  u128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

}  // namespace

void above_benchmark::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const agreement_model& agreement = context.agreement;
  const auto benchmarks = agreement.all<ast::benchmark_decl>();
  if (benchmarks.empty() || !p.municipality) return;
  const auto party = agreement.parties.find(p.municipality->value);
  if (party == agreement.parties.end() || !party->second->inhabitants || party->second->inhabitants->value <= 0) return;
  const std::int64_t inhabitants = party->second->inhabitants->value;

  // spending per taakveld in one pass
  std::unordered_map<std::string_view, spending> per_code;
  for (const auto& a : p.activities) {
    if (!a.taakveld || !a.budget) continue;
    spending& s = per_code[a.taakveld->value];
    const auto sum = checked_add(s.cents, a.budget->value);
    if (!sum) s.overflow = true;
    else s.cents = *sum;
    if (s.largest == nullptr || s.largest->budget->value < a.budget->value) s.largest = &a;
  }

  for (const auto* benchmark : benchmarks) {
    const decimal tolerance = benchmark->tolerance ? benchmark->tolerance->value : decimal{0, 0};
    if (tolerance.units < 0 || tolerance.scale < 0 || tolerance.scale > 18) continue;
    const u128 scale = 100 * pow10(tolerance.scale);
    for (const auto& entry : benchmark->entries) {
      const auto found = per_code.find(entry.code.code);
      if (found == per_code.end() || found->second.overflow || found->second.cents == 0) continue;
      const spending& s = found->second;
      const std::int64_t per_inhabitant = entry.per_inhabitant.cents;
      if (per_inhabitant < 0) continue;
      // above when spending / (benchmark × inhabitants) > (100% + tolerance) / 100%
      const u128 allowed_base = static_cast<u128>(per_inhabitant) * static_cast<u128>(inhabitants);
      if (allowed_base != 0 &&
          plan_support::compare_fractions(static_cast<u128>(s.cents), allowed_base,
                                          scale + static_cast<u128>(tolerance.units), scale) <= 0)
        continue;

      const auto people = static_cast<u128>(inhabitants);  // to whole cents, half up
      const auto spent_per_inhabitant =
          static_cast<std::int64_t>((static_cast<u128>(s.cents) * 2 + people) / (people * 2));
      const text actual = plan_support::money(spent_per_inhabitant), norm = plan_support::money(per_inhabitant);
      std::string above_en, above_nl;
      if (allowed_base != 0) {
        // tenths of a percent above the benchmark, rounded up: just over the tolerance never shows as equal
        const u128 ratio_tenths = (static_cast<u128>(s.cents) * 1000 + allowed_base - 1) / allowed_base;
        const text pct = plan_support::percent(decimal{static_cast<std::int64_t>(ratio_tenths) - 1000, 1});
        above_en = pct.en + " ";
        above_nl = pct.nl + " ";
      }
      const std::string& code = entry.code.code;
      auto d = finding(p.span(s.largest->budget->span),
                       {fmt::format("spending on taakveld `{}` is {} per inhabitant, {}above the benchmark of {}", code,
                                    actual.en, above_en, norm.en),
                        fmt::format("de uitgaven op taakveld `{}` zijn {} per inwoner, {}boven de benchmark van {}", code,
                                    actual.nl, above_nl, norm.nl)});
      const text total = plan_support::money(s.cents), how_many = plan_support::count(inhabitants);
      const text tolerance_text = plan_support::percent(tolerance);
      d.notes.push_back({fmt::format("{} in total for {} inhabitants of `{}`; the benchmark allows {} more", total.en,
                                     how_many.en, p.municipality->value, tolerance_text.en),
                         fmt::format("{} in totaal voor {} inwoners van `{}`; de benchmark staat {} meer toe", total.nl,
                                     how_many.nl, p.municipality->value, tolerance_text.nl)});
      d.related.push_back({entry.span, {fmt::format("benchmark `{}` for taakveld `{}`", benchmark->id.name, code),
                                        fmt::format("benchmark `{}` voor taakveld `{}`", benchmark->id.name, code)}});
      out.push_back(std::move(d));
    }
  }
}

}  // namespace akkoord::checks
