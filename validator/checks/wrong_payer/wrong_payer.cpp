#include "wrong_payer/wrong_payer.hpp"

#include <fmt/format.h>

#include "plan_support.hpp"

namespace akkoord::checks {

void wrong_payer::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const agreement_model& agreement = context.agreement;
  if (!p.contribution_id) return;
  const auto it = agreement.contributions.find(p.contribution_id->value);
  if (it == agreement.contributions.end()) return;  // `unknown-reference`
  const ast::contribution_decl& contribution = *it->second;
  // an unknown municipality is `missing-field` or `unknown-reference`, a contribution without `payer` the agreement's error
  if (plan_support::paid_by_municipality(agreement, p, contribution)) return;
  const std::string* municipality = plan_support::municipality_of(agreement, p);

  const std::string& id = contribution.id.name;
  const std::string& payer = contribution.payer->name;
  auto d = finding(p.span(p.contribution_id->span),
                   {fmt::format("contribution `{}` is paid by `{}`, not by `{}`", id, payer, *municipality),
                    fmt::format("bijdrage `{}` wordt betaald door `{}`, niet door `{}`", id, payer, *municipality)});
  d.related.push_back({contribution.payer->span, {fmt::format("the payer of `{}`", id),
                                                  fmt::format("de betaler van `{}`", id)}});

  std::vector<std::string> paid;  // what this municipality does pay, in id order
  for (const auto& [other_id, other] : agreement.contributions)
    if (other->payer && other->payer->name == *municipality) paid.push_back(other_id);
  if (paid.size() == 1) {
    d.help = text{fmt::format("write `id = \"{}\"`, the contribution `{}` pays", paid.front(), *municipality),
                  fmt::format("schrijf `id = \"{}\"`, de bijdrage die `{}` betaalt", paid.front(), *municipality)};
  } else if (!paid.empty()) {
    const text one_of = plan_support::list_of(paid);
    d.help = text{fmt::format("use one of {}, the contributions `{}` pays", one_of.en, *municipality),
                  fmt::format("gebruik een van {}, de bijdragen die `{}` betaalt", one_of.nl, *municipality)};
  } else {
    d.notes.push_back({fmt::format("the agreement has no contribution paid by `{}`", *municipality),
                       fmt::format("volgens de overeenkomst betaalt `{}` geen bijdrage", *municipality)});
    d.help = text{"leave out `[contribution]`, or add the contribution to the agreement",
                  "laat `[contribution]` weg, of neem de bijdrage op in de overeenkomst"};
  }
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
