#include "saving_not_realised/saving_not_realised.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void saving_not_realised::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  if (!year || !p.contribution_id || !p.total) return;
  const auto contribution = context.agreement.contributions.find(p.contribution_id->value);
  if (contribution == context.agreement.contributions.end()) return;

  for (const auto* saving : context.agreement.all<ast::saving_decl>()) {
    if (!saving->on || saving->on->name != p.contribution_id->value) continue;
    if (!saving->base || !saving->from || *year < saving->from->value) continue;
    // the base amount: the contribution's amount for the base year
    const ast::contribution_amount* base = nullptr;
    for (const auto& amount : contribution->second->amounts)
      if (amount.year.value == saving->base->value) {
        base = &amount;
        break;
      }
    if (base == nullptr) continue;  // lint's business
    std::optional<std::int64_t> cut;
    if (saving->amount)
      cut = saving->amount->cents;
    else if (saving->rate)
      cut = percent_of_cents(saving->rate->value, base->amount.cents);
    if (!cut) continue;
    const auto limit = checked_sub(base->amount.cents, *cut);
    if (!limit || p.total->value <= *limit) continue;

    const text total = plan_support::money(p.total->value), max = plan_support::money(*limit);
    const text base_money = plan_support::money(base->amount.cents), cut_money = plan_support::money(*cut);
    const text over = plan_support::money(p.total->value - *limit);
    const auto base_year = saving->base->value;
    auto d = finding(p.span(p.total->span),
                     {fmt::format("the total {} exceeds {}, the {} amount minus saving `{}`", total.en, max.en, base_year,
                                  saving->id.name),
                      fmt::format("het totaal {} is hoger dan {}, het bedrag van {} min besparing `{}`", total.nl, max.nl,
                                  base_year, saving->id.name)});
    d.notes.push_back({fmt::format("{} ({}) - {} = {}; the saving applies from {}", base_money.en, base_year, cut_money.en,
                                   max.en, saving->from->value),
                       fmt::format("{} ({}) - {} = {}; de besparing geldt vanaf {}", base_money.nl, base_year, cut_money.nl,
                                   max.nl, saving->from->value)});
    d.related.push_back({saving->amount ? saving->amount->span : saving->span,
                         {fmt::format("saving of {} from {}", cut_money.en, saving->from->value),
                          fmt::format("besparing van {} vanaf {}", cut_money.nl, saving->from->value)}});
    d.help = text{fmt::format("lower the total by at least {}", over.en),
                  fmt::format("verlaag het totaal met minstens {}", over.nl)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
