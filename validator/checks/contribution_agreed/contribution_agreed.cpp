#include "contribution_agreed/contribution_agreed.hpp"

#include <algorithm>
#include <map>
#include <optional>

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

// The largest amount cents can hold, as messages write it.
const text largest_amount{"EUR 92,233,720,368,547,758.07", "€ 92.233.720.368.547.758,07"};

// "2024 and 2025" / "2024 en 2025"
text years_text(std::vector<std::int64_t> years) {
  std::sort(years.begin(), years.end());
  years.erase(std::unique(years.begin(), years.end()), years.end());
  text out;
  for (std::size_t i = 0; i < years.size(); ++i) {
    if (i > 0) {
      const bool last = i + 1 == years.size();
      out.en += last ? " and " : ", ";
      out.nl += last ? " en " : ", ";
    }
    out.en += std::to_string(years[i]);
    out.nl += std::to_string(years[i]);
  }
  return out;
}

}  // namespace

void contribution_agreed::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const auto year = plan_support::plan_year(p);
  // A missing or unreadable total or id has its own finding; an unknown contribution is unknown-reference's.
  if (!year || !p.contribution_id || !p.total) return;
  const auto found = context.agreement.contributions.find(p.contribution_id->value);
  if (found == context.agreement.contributions.end()) return;
  const ast::contribution_decl& contribution = *found->second;
  const std::string& id = contribution.id.name;
  const agreed_amount agreed = agreed_amount_for(contribution, *year);
  const auto savings = savings_in_force(context.agreement, contribution, *year);
  const std::int64_t total = p.total->value;

  if (agreed.state == agreed_amount::status::unknown) {
    // A saving in force gives the total a ceiling of its own (saving-not-realised compares it): nothing is skipped.
    if (std::any_of(savings.begin(), savings.end(),
                    [](const saving_group& g) { return g.state == saving_group::status::known; }))
      return;
    auto d = finding(p.span(p.total->span),
                     {fmt::format("no amount of `{}` is agreed for {}, so the total is not compared with one", id, *year),
                      fmt::format("voor {} is geen bedrag van `{}` afgesproken; het totaal is daarom niet getoetst", *year, id)});
    d.level = severity::info;
    std::vector<std::int64_t> stated, indexed;
    for (const auto& amount : contribution.amounts) stated.push_back(amount.year.value);
    for (const auto& indexation : contribution.indexations) indexed.push_back(indexation.year.value);
    const text stated_years = years_text(stated);
    text note = stated.empty() ? text{fmt::format("`{}` states no yearly amounts", id),
                                      fmt::format("`{}` legt geen jaarbedragen vast", id)}
                               : text{fmt::format("`{}` states amounts for {}", id, stated_years.en),
                                      fmt::format("`{}` legt bedragen vast voor {}", id, stated_years.nl)};
    if (!indexed.empty()) {
      const text indexed_years = years_text(indexed);
      note.en += fmt::format(" and indexations for {}", indexed_years.en);
      note.nl += fmt::format(" en indexeringen voor {}", indexed_years.nl);
    }
    d.notes.push_back(std::move(note));
    d.related.push_back({contribution.id.span, {"declared here", "hier gedefinieerd"}});
    d.help = text{fmt::format("state the amount for {0} (`{0}: EUR …`), or its indexation (`indexation {0}: …%`)", *year),
                  fmt::format("leg het bedrag voor {0} vast (`{0}: EUR …`), of de indexering (`indexation {0}: …%`)", *year)};
    out.push_back(std::move(d));
    return;
  }

  if (agreed.state == agreed_amount::status::too_large) {
    auto d = finding(p.span(p.total->span),
                     {fmt::format("the amount of `{}` agreed for {} could not be computed: it is more than {}", id, *year,
                                  largest_amount.en),
                      fmt::format("het voor {} afgesproken bedrag van `{}` kon niet worden berekend: het is meer dan {}",
                                  *year, id, largest_amount.nl)});
    d.level = severity::warning;
    const text how = plan_support::derivation(agreed);
    d.notes.push_back({"the agreed amount: " + how.en, "het afgesproken bedrag: " + how.nl});
    d.related = plan_support::derivation_clauses(agreed);
    d.help = text{"correct the contribution's amounts or indexations in the agreement",
                  "verbeter de bedragen of indexeringen van de bijdrage in de overeenkomst"};
    out.push_back(std::move(d));
    return;
  }

  if (total <= agreed.cents) return;
  // One mistake, one finding: a saving whose ceiling is at or below the agreed amount is the tighter bound, and
  // saving-not-realised reports the total against it.
  if (std::any_of(savings.begin(), savings.end(), [&](const saving_group& g) {
        return g.state == saving_group::status::known && g.limit <= agreed.cents && total > g.limit;
      }))
    return;
  const text stated = plan_support::money(total), allowed = plan_support::money(agreed.cents);
  const text over = plan_support::money(total - agreed.cents);  // both non-negative: fits
  auto d = finding(p.span(p.total->span),
                   {fmt::format("the total {} exceeds {}, the amount of `{}` agreed for {}", stated.en, allowed.en, id, *year),
                    fmt::format("het totaal van {} is hoger dan de voor {} afgesproken `{}` van {}", stated.nl, *year, id,
                                allowed.nl)});
  const text how = plan_support::derivation(agreed);
  d.notes.push_back({"the agreed amount: " + how.en, "het afgesproken bedrag: " + how.nl});
  d.related = plan_support::derivation_clauses(agreed);
  d.help = text{fmt::format("lower the total by at least {}", over.en),
                fmt::format("verlaag het totaal met ten minste {}", over.nl)};
  out.push_back(std::move(d));
}

void contribution_agreed::lint(const lint_context& context, diagnostics& out) const {
  for (const auto* contribution : context.agreement.all<ast::contribution_decl>()) {
    const std::string& id = contribution->id.name;

    // A year stated twice: the first counts (as agreed_amount_for and `contribution.ID[YEAR]` read it).
    std::map<std::int64_t, const ast::contribution_amount*> stated;
    for (const auto& amount : contribution->amounts) {
      const auto [first, inserted] = stated.emplace(amount.year.value, &amount);
      if (inserted) continue;
      const auto y = amount.year.value;
      auto d = finding(amount.year.span, {fmt::format("contribution `{}` states an amount for {} twice", id, y),
                                          fmt::format("bijdrage `{}` legt twee keer een bedrag voor {} vast", id, y)});
      d.related.push_back({first->second->span, {"stated first here; this amount counts",
                                                 "hier eerst vastgelegd; dit bedrag geldt"}});
      d.help = text{"state each year once", "leg elk jaar één keer vast"};
      out.push_back(std::move(d));
    }
    std::map<std::int64_t, const ast::contribution_indexation*> indexed;
    for (const auto& indexation : contribution->indexations) {
      const auto [first, inserted] = indexed.emplace(indexation.year.value, &indexation);
      if (inserted) continue;
      const auto y = indexation.year.value;
      auto d = finding(indexation.year.span,
                       {fmt::format("contribution `{}` states an indexation for {} twice", id, y),
                        fmt::format("bijdrage `{}` legt twee keer een indexering voor {} vast", id, y)});
      d.related.push_back({first->second->span, {"stated first here; this indexation counts",
                                                 "hier eerst vastgelegd; deze indexering geldt"}});
      d.help = text{"state each year's indexation once", "leg de indexering van elk jaar één keer vast"};
      out.push_back(std::move(d));
    }

    // One pass in year order: the agreed amount of the year before each indexation is the stated amount for it,
    // or the amount this pass computed for it, or unknown. (Linear: agreed_amount_for per year would not be.)
    struct computed_year {
      std::int64_t year = 0;
      agreed_amount::status state = agreed_amount::status::unknown;
      std::int64_t cents = 0;
    };
    std::optional<computed_year> last;
    for (const auto& [y, indexation] : indexed) {
      computed_year before{y - 1};
      if (const auto stated_before = stated.find(y - 1); stated_before != stated.end())
        before = {y - 1, agreed_amount::status::known, stated_before->second->amount.cents};
      else if (last && last->year == y - 1)
        before = *last;
      const text rate = plan_support::percent(indexation->rate.value);
      std::optional<std::int64_t> result;
      if (before.state == agreed_amount::status::known) result = indexed_cents(before.cents, indexation->rate.value);

      const auto own = stated.find(y);
      if (own != stated.end()) {
        // Both an amount and an indexation for one year: the amount counts; the two must tell the same story.
        const std::int64_t amount = own->second->amount.cents;
        last = computed_year{y, agreed_amount::status::known, amount};
        if (before.state == agreed_amount::status::known) {
          if (result && *result == amount) continue;
          const text outcome = result ? plan_support::money(*result) : largest_amount;
          const text written = plan_support::money(amount), base = plan_support::money(before.cents);
          auto d = finding(indexation->span,
                           {fmt::format("an indexation of {} for {} gives {}, but contribution `{}` states {} for {}",
                                        rate.en, y, outcome.en, id, written.en, y),
                            fmt::format("een indexering van {} voor {} geeft {}, maar bijdrage `{}` legt voor {} {} vast",
                                        rate.nl, y, outcome.nl, id, y, written.nl)});
          d.level = severity::warning;
          d.notes.push_back({fmt::format("the amount agreed for {} is {}", y - 1, base.en),
                             fmt::format("het voor {} afgesproken bedrag is {}", y - 1, base.nl)});
          d.notes.push_back({"the stated amount counts", "het vastgelegde bedrag geldt"});
          d.related.push_back({own->second->span, {fmt::format("{} stated for {}", written.en, y),
                                                   fmt::format("{} vastgelegd voor {}", written.nl, y)}});
          d.help = text{"correct the amount or the percentage, or remove the indexation",
                        "verbeter het bedrag of het percentage, of verwijder de indexering"};
          out.push_back(std::move(d));
        } else if (before.state == agreed_amount::status::unknown) {
          auto d = finding(indexation->span,
                           {fmt::format("the indexation for {} of contribution `{}` is not used: the contribution states "
                                        "its own amount for {} and none for {}",
                                        y, id, y, y - 1),
                            fmt::format("de indexering voor {} van bijdrage `{}` wordt niet gebruikt: de bijdrage legt een "
                                        "eigen bedrag vast voor {} en geen voor {}",
                                        y, id, y, y - 1)});
          d.level = severity::warning;
          d.help = text{"remove the indexation, or state the amount it applies to",
                        "verwijder de indexering, of leg het bedrag vast waarop ze van toepassing is"};
          out.push_back(std::move(d));
        }
        continue;
      }

      if (before.state == agreed_amount::status::too_large) {
        last = computed_year{y, agreed_amount::status::too_large};  // reported at the indexation that overflowed
        continue;
      }
      if (before.state == agreed_amount::status::unknown) {
        last = computed_year{y, agreed_amount::status::unknown};
        // Report the gap once, at the first indexation after it: the ones after that build on this one.
        if (indexed.count(y - 1)) continue;
        auto d = finding(indexation->span,
                         {fmt::format("the indexation for {} of contribution `{}` has no amount for {} to apply to", y, id,
                                      y - 1),
                          fmt::format("de indexering voor {} van bijdrage `{}` heeft geen bedrag voor {} om op toe te "
                                      "passen",
                                      y, id, y - 1)});
        d.level = severity::warning;
        d.notes.push_back({fmt::format("without it, no amount of `{}` is agreed for {}", id, y),
                           fmt::format("zonder dat bedrag is voor {} geen bedrag van `{}` afgesproken", y, id)});
        d.help = text{fmt::format("state the amount for {0} (`{0}: EUR …`), or an indexation for {0}", y - 1),
                      fmt::format("leg het bedrag voor {0} vast (`{0}: EUR …`), of een indexering voor {0}", y - 1)};
        out.push_back(std::move(d));
        continue;
      }
      if (result) {
        last = computed_year{y, agreed_amount::status::known, *result};
        continue;
      }
      // The amount stops fitting here: said once, with the derivation that led to it.
      last = computed_year{y, agreed_amount::status::too_large};
      auto d = finding(indexation->span,
                       {fmt::format("the indexation for {} makes the amount of contribution `{}` more than {}", y, id,
                                    largest_amount.en),
                        fmt::format("door de indexering voor {} wordt het bedrag van bijdrage `{}` meer dan {}", y, id,
                                    largest_amount.nl)});
      const text how = plan_support::derivation(agreed_amount_for(*contribution, y));
      d.notes.push_back({"the agreed amount: " + how.en, "het afgesproken bedrag: " + how.nl});
      d.help = text{"correct the amount or the percentage", "verbeter het bedrag of het percentage"};
      out.push_back(std::move(d));
    }
  }
}

}  // namespace akkoord::checks
