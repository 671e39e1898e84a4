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
  const agreed_amount agreed = agreed_amount_for(*contribution->second, *year);
  const std::int64_t total = p.total->value;

  // Savings that share a base year add up: their ceiling is the base year's agreed amount minus all of them.
  for (const saving_group& group : savings_in_force(context.agreement, *contribution->second, *year)) {
    std::vector<std::string> ids;
    for (const auto* saving : group.savings) ids.push_back(saving->id.name);
    const text names = plan_support::list_of(ids);
    const bool several = group.savings.size() > 1;
    const text saving_word = several ? text{"savings", "besparingen"} : text{"saving", "besparing"};
    const auto base_year = group.base_year;

    if (group.state != saving_group::status::known) {
      // Not computable is said, never skipped: the ceiling the plan must stay under is unknown.
      const bool unknown = group.state == saving_group::status::base_unknown;
      auto d = finding(p.span(p.total->span),
                       {fmt::format("the total could not be compared with {} {}: {}", saving_word.en, names.en,
                                    unknown ? fmt::format("no amount of `{}` is agreed for the base year {}",
                                                          contribution->first, base_year)
                                            : std::string("the ceiling is more than EUR 92,233,720,368,547,758.07")),
                        fmt::format("het totaal kon niet worden getoetst aan {} {}: {}", saving_word.nl, names.nl,
                                    unknown ? fmt::format("voor het basisjaar {} is geen bedrag van `{}` afgesproken",
                                                          base_year, contribution->first)
                                            : std::string("het plafond is meer dan € 92.233.720.368.547.758,07"))});
      d.level = severity::warning;
      for (const auto* saving : group.savings)
        d.related.push_back({saving->base->span, {fmt::format("`{}` is based on {}", saving->id.name, base_year),
                                                  fmt::format("`{}` gaat uit van {}", saving->id.name, base_year)}});
      d.help = text{fmt::format("state the amount of `{}` for {} in the agreement", contribution->first, base_year),
                    fmt::format("leg het bedrag van `{}` voor {} vast in de overeenkomst", contribution->first, base_year)};
      out.push_back(std::move(d));
      continue;
    }
    if (total <= group.limit) continue;
    // One mistake, one finding: when the amount agreed for the plan year is the lower ceiling, contribution-agreed
    // reports the total against it.
    if (agreed.known() && agreed.cents < group.limit) continue;

    const text stated = plan_support::money(total), max = plan_support::money(group.limit);
    const text base_money = plan_support::money(group.base.cents);
    const text over = plan_support::money(total - group.limit);  // both non-negative: fits
    auto d = finding(p.span(p.total->span),
                     {fmt::format("the total {} exceeds {}, the {} amount minus {} {}", stated.en, max.en, base_year,
                                  saving_word.en, names.en),
                      fmt::format("het totaal {} is hoger dan {}, het bedrag van {} min {} {}", stated.nl, max.nl,
                                  base_year, saving_word.nl, names.nl)});
    text arithmetic{fmt::format("{} ({})", base_money.en, base_year), fmt::format("{} ({})", base_money.nl, base_year)};
    for (std::size_t i = 0; i < group.savings.size(); ++i) {
      const text cut = plan_support::money(group.cuts[i]);
      if (several) {
        const auto* saving = group.savings[i];
        arithmetic.en += fmt::format(" - {} (`{}`, from {})", cut.en, saving->id.name, saving->from->value);
        arithmetic.nl += fmt::format(" - {} (`{}`, vanaf {})", cut.nl, saving->id.name, saving->from->value);
      } else {
        arithmetic.en += " - " + cut.en;
        arithmetic.nl += " - " + cut.nl;
      }
    }
    arithmetic.en += " = " + max.en;
    arithmetic.nl += " = " + max.nl;
    if (!several) {
      arithmetic.en += fmt::format("; the saving applies from {}", group.savings.front()->from->value);
      arithmetic.nl += fmt::format("; de besparing geldt vanaf {}", group.savings.front()->from->value);
    }
    d.notes.push_back(std::move(arithmetic));
    if (!group.base.steps.empty()) {
      const text how = plan_support::derivation(group.base);
      d.notes.push_back({fmt::format("the {} amount: {}", base_year, how.en),
                         fmt::format("het bedrag van {}: {}", base_year, how.nl)});
    }
    for (std::size_t i = 0; i < group.savings.size(); ++i) {
      const auto* saving = group.savings[i];
      const text cut = plan_support::money(group.cuts[i]);
      d.related.push_back({saving->amount ? saving->amount->span : saving->span,
                           several ? text{fmt::format("saving `{}` of {} from {}", saving->id.name, cut.en, saving->from->value),
                                          fmt::format("besparing `{}` van {} vanaf {}", saving->id.name, cut.nl,
                                                      saving->from->value)}
                                   : text{fmt::format("saving of {} from {}", cut.en, saving->from->value),
                                          fmt::format("besparing van {} vanaf {}", cut.nl, saving->from->value)}});
    }
    d.help = text{fmt::format("lower the total by at least {}", over.en),
                  fmt::format("verlaag het totaal met minstens {}", over.nl)};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
