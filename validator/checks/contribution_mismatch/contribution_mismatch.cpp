#include "contribution_mismatch/contribution_mismatch.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void contribution_mismatch::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  if (!p.contribution_id || !p.total) return;
  const auto it = context.agreement.contributions.find(p.contribution_id->value);
  if (it == context.agreement.contributions.end() || !it->second->payee) return;
  const ast::contribution_decl& contribution = *it->second;
  const std::string& payee = contribution.payee->name;

  std::int64_t sum = 0;
  for (const auto& a : p.activities) {
    if (!a.executor || a.executor->value != payee) continue;
    // a budget that could not be read has its own finding; a sum without it would be a second, false one
    if (!a.budget) return;
    const auto next = checked_add(sum, a.budget->value);
    if (!next) return;  // beyond EUR 92 quadrillion: the amounts themselves are wrong
    sum = *next;
  }
  const std::int64_t total = p.total->value;
  if (sum == total) return;

  const text budgets = plan_support::money(sum), stated = plan_support::money(total);
  const bool lower = sum < total;
  // |sum - total| fits: both are non-negative int64
  const text difference = plan_support::money(lower ? total - sum : sum - total);
  auto d = finding(p.span(p.total->span),
                   {fmt::format("the budgets of activities executed by `{}` add up to {}, not to the total {}", payee,
                                budgets.en, stated.en),
                    fmt::format("de budgetten van activiteiten uitgevoerd door `{}` tellen op tot {}, niet tot het totaal {}",
                                payee, budgets.nl, stated.nl)});
  d.notes.push_back({fmt::format("difference: {} ({})", difference.en, lower ? "the budgets are lower" : "the budgets are higher"),
                     fmt::format("verschil: {} ({})", difference.nl, lower ? "de budgetten zijn lager" : "de budgetten zijn hoger")});
  d.related.push_back({contribution.payee->span, {fmt::format("`{}` is paid to `{}`", contribution.id.name, payee),
                                                  fmt::format("`{}` wordt betaald aan `{}`", contribution.id.name, payee)}});
  d.help = text{"make the budgets add up to `total`, or correct `total`",
                "laat de budgetten optellen tot `total`, of verbeter `total`"};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
