#include "invalid_amount/invalid_amount.hpp"

namespace akkoord::checks {

void invalid_amount::check_plan(const plan_context& context, diagnostics& out) const {
  if (!context.figures.overflow) return;
  const plan& p = context.plan;
  // A sum belongs to `total` (what the budgets must add up to); without it, to the table that should hold it.
  const pos_span where = p.total ? p.total->span : p.has_contribution ? p.contribution_header : p.plan_header;
  auto d = finding(p.span(where), {"the budgets of this plan add up to more than EUR 92,233,720,368,547,758.07; "
                                   "the sum cannot be computed",
                                   "de budgetten van dit plan tellen op tot meer dan € 92.233.720.368.547.758,07; "
                                   "de som is niet te berekenen"});
  d.notes.push_back({"the checks that need the sum report that they could not run",
                     "de controles die de som nodig hebben, melden dat ze niet konden worden uitgevoerd"});
  d.help = text{"correct the budgets that are too large (amounts are in euros)",
                "verbeter de budgetten die te groot zijn (bedragen staan in euro's)"};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
