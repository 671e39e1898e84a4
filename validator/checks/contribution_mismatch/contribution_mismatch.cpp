#include "contribution_mismatch/contribution_mismatch.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void contribution_mismatch::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const plan_figures& figures = context.figures;
  if (!p.contribution_id || !p.total || figures.contribution == nullptr || figures.payee.empty()) return;
  const ast::contribution_decl& contribution = *figures.contribution;
  // another municipality's contribution is `wrong-payer`: its budgets are not this plan's to compare
  if (!plan_support::paid_by_municipality(context.agreement, p, contribution)) return;
  const std::string& payee = figures.payee;
  const label clause{contribution.payee->span, {fmt::format("`{}` is paid to `{}`", contribution.id.name, payee),
                                                fmt::format("`{}` wordt betaald aan `{}`", contribution.id.name, payee)}};
  // A budget that could not be read has its own finding; a sum without it would be a second, false one.
  if (!figures.payee_budget_complete) return;
  if (!figures.payee_budget_cents) {
    // The sum does not fit (its invalid-amount finding is at `total`): this check could not run, and says so.
    auto d = finding(p.span(p.total->span),
                     {fmt::format("the budgets of activities executed by `{}` could not be compared with the total: "
                                  "they add up to more than EUR 92,233,720,368,547,758.07",
                                  payee),
                      fmt::format("de begrotingen van de activiteiten die `{}` uitvoert, zijn niet met het totaal te "
                                  "vergelijken: samen zijn ze meer dan € 92.233.720.368.547.758,07",
                                  payee)});
    d.related.push_back(clause);
    d.help = text{"correct the budgets that are too large", "corrigeer de begrotingen die te groot zijn"};
    out.push_back(std::move(d));
    return;
  }
  const std::int64_t sum = *figures.payee_budget_cents;
  const std::int64_t total = p.total->value;
  if (sum == total) return;

  const text budgets = plan_support::money(sum), stated = plan_support::money(total);
  const bool lower = sum < total;
  // |sum - total| fits: both are non-negative int64
  const text difference = plan_support::money(lower ? total - sum : sum - total);
  auto d = finding(p.span(p.total->span),
                   {fmt::format("the budgets of activities executed by `{}` add up to {}, not to the total {}", payee,
                                budgets.en, stated.en),
                    fmt::format("de begrotingen van de activiteiten die `{}` uitvoert, sluiten niet aan op de `{}` van "
                                "{}; verschil {}",
                                payee, contribution.id.name, stated.nl, difference.nl)});
  d.notes.push_back({fmt::format("difference: {} ({})", difference.en, lower ? "the budgets are lower" : "the budgets are higher"),
                     fmt::format("de begrotingen tellen op tot {}; dat is {} {} dan `total`", budgets.nl, difference.nl,
                                 lower ? "minder" : "meer")});
  d.related.push_back(clause);
  d.help = text{"make the budgets add up to `total`, or correct `total`",
                "pas de begrotingen aan zodat ze optellen tot `total`, of corrigeer `total`"};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
