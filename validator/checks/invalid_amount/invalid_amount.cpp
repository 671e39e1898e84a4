#include "invalid_amount/invalid_amount.hpp"

#include "plan_support.hpp"

namespace akkoord::checks {

void invalid_amount::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const plan_figures& figures = context.figures;
  // A benchmark for the municipality (per inhabitant × inhabitants) that does not fit: at the benchmark entry.
  for (const taakveld_spending& t : figures.taakvelden) {
    for (const benchmark_comparison& c : t.benchmarks) {
      if (c.benchmark_cents || c.per_inhabitant_cents < 0 || !figures.inhabitants || *figures.inhabitants <= 0)
        continue;
      const std::string people = std::to_string(*figures.inhabitants);
      auto d = finding(c.entry->per_inhabitant.span,
                       {"benchmark `" + c.benchmark->id.name + "` for taakveld `" + t.code + "` times the " + people +
                            " inhabitants of `" + p.municipality->value + "` is more than EUR 92,233,720,368,547,758.07",
                        "benchmark `" + c.benchmark->id.name + "` voor taakveld `" + t.code + "` maal de " +
                            plan_support::count(*figures.inhabitants).nl + " inwoners van `" + p.municipality->value +
                            "` komt boven € 92.233.720.368.547.758,07 uit"});
      if (t.largest != nullptr)
        d.related.push_back({p.span(t.largest->budget->span), {"compared with this plan's spending here",
                                                               "hier vergeleken met de uitgaven in dit plan"}});
      out.push_back(std::move(d));
    }
  }
  if (!figures.overflow) return;
  // A sum belongs to `total` (what the budgets must add up to); without it, to the table that should hold it.
  const pos_span where = p.total ? p.total->span : p.has_contribution ? p.contribution_header : p.plan_header;
  auto d = finding(p.span(where), {"the budgets of this plan add up to more than EUR 92,233,720,368,547,758.07; "
                                   "the sum cannot be computed",
                                   "de begrotingen in dit plan tellen op tot meer dan € 92.233.720.368.547.758,07; "
                                   "het totaal is niet te berekenen"});
  d.notes.push_back({"the checks that need the sum report that they could not run",
                     "de controles die dit totaal nodig hebben, melden dat zij niet konden worden uitgevoerd"});
  d.help = text{"correct the budgets that are too large (amounts are in euros)",
                "corrigeer de begrotingen die te groot zijn (bedragen staan in euro's)"};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
