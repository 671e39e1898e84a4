#include "saving_arithmetic/saving_arithmetic.hpp"

#include "check_support.hpp"
#include "plan_support.hpp"

namespace akkoord::checks {

namespace {

// English puts figures in backticks; Dutch writes them as running text ("1,5% van € 20.000.000,00").
std::string figure(std::string s, money_style style) { return style == money_style::en ? quoted(s) : s; }

std::string money(std::int64_t cents, money_style style) { return figure(format_cents(cents, style), style); }

std::string percent(decimal d, money_style style) { return figure(format_decimal(d, style) + "%", style); }

}  // namespace

void saving_arithmetic::lint(const lint_context& context, diagnostics& out) const {
  const auto& model = context.agreement;
  for (const auto* saving : model.all<ast::saving_decl>()) {
    // Without these there is nothing to compute; an unknown `on` is `undefined-reference`'s.
    if (!saving->on || !saving->base || !saving->rate || !saving->amount) continue;
    const auto contribution = model.contributions.find(saving->on->name);
    if (contribution == model.contributions.end()) continue;
    const std::string id = quoted(saving->id.name);
    const std::string base_year = quoted(std::to_string(saving->base->value));
    const std::string base_year_nl = std::to_string(saving->base->value);

    // The base year's agreed amount: stated, or indexed from a stated year (agreed_amount.hpp).
    const agreed_amount base = agreed_amount_for(*contribution->second, saving->base->value);
    if (base.state == agreed_amount::status::unknown) {
      const std::string on = quoted(saving->on->name);
      auto d = finding(saving->base->span,
                       {"saving " + id + " is based on " + base_year + ", but contribution " + on +
                            " states no amount for that year",
                        "besparing " + id + " gaat uit van basisjaar " + base_year_nl + ", maar bijdrage " + on +
                            " noemt geen bedrag voor dat jaar"});
      d.related.push_back({contribution->second->id.span, {"contribution " + on + " is declared here",
                                                           "bijdrage " + on + " is hier gedefinieerd"}});
      d.help = text{"add the base year's amount to the contribution, or correct `base`",
                    "neem het bedrag voor het basisjaar op in de bijdrage, of corrigeer `base`"};
      out.push_back(std::move(d));
      continue;
    }

    const decimal rate = saving->rate->value;
    const std::int64_t stated = saving->amount->cents;
    // An indexed base that does not fit is reported by contribution-agreed at the indexation.
    if (!base.known()) continue;
    const std::int64_t base_cents = base.cents;
    const auto computed = percent_of_cents(rate, base_cents);
    if (!computed) {
      auto d = finding(saving->rate->span,
                       {percent(rate, money_style::en) + " of " + money(base_cents, money_style::en) +
                            " is too large to compute",
                        percent(rate, money_style::nl) + " van " + money(base_cents, money_style::nl) +
                            " is te groot om te berekenen"});
      out.push_back(std::move(d));
      continue;
    }
    if (*computed == stated) continue;
    auto d = finding(saving->amount->span,
                     {percent(rate, money_style::en) + " of the base amount " +
                          money(base_cents, money_style::en) + " (" + base_year + ") is " +
                          money(*computed, money_style::en) + ", not the stated " + money(stated, money_style::en),
                      percent(rate, money_style::nl) + " van het basisbedrag " +
                          money(base_cents, money_style::nl) + " (" + base_year_nl + ") is " +
                          money(*computed, money_style::nl) + " en niet het opgegeven bedrag van " +
                          money(stated, money_style::nl)});
    d.related.push_back({saving->rate->span, {"the rate", "het percentage"}});
    if (base.steps.empty()) {
      d.related.push_back({base.stated->span, {"the base amount for " + base_year, "het basisbedrag voor " + base_year_nl}});
    } else {  // indexed: the stated amount and the indexations it rests on
      for (auto& clause : plan_support::derivation_clauses(base)) d.related.push_back(std::move(clause));
    }
    d.help = text{"set `amount` to " + money(*computed, money_style::en) + ", or correct `rate`",
                  "wijzig `amount` in " + money(*computed, money_style::nl) + ", of corrigeer `rate`"};
    out.push_back(std::move(d));
  }
}

}  // namespace akkoord::checks
