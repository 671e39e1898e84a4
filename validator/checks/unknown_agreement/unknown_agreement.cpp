#include "unknown_agreement/unknown_agreement.hpp"

#include <fmt/format.h>

namespace akkoord::checks {

void unknown_agreement::check_plan(const plan_context& context, diagnostics& out) const {
  const plan& p = context.plan;
  const ast::agreement_decl* agreement = context.agreement.agreement;
  if (!p.agreement || agreement == nullptr || p.agreement->value == agreement->id.name) return;
  const std::string& named = p.agreement->value;
  const std::string& loaded = agreement->id.name;
  auto d = finding(p.span(p.agreement->span),
                   {fmt::format("the plan is for agreement `{}`, but the agreement loaded is `{}`", named, loaded),
                    fmt::format("het plan hoort bij overeenkomst `{}`, maar er is getoetst aan overeenkomst `{}`", named, loaded)});
  d.related.push_back({agreement->id.span, {"the agreement checked against", "de overeenkomst waaraan is getoetst"}});
  d.help = text{fmt::format("write `agreement = \"{}\"`, or check the plan against its own agreement with `--rules`", loaded),
                fmt::format("schrijf `agreement = \"{}\"`, of toets het plan met `--rules` aan de eigen overeenkomst", loaded)};
  out.push_back(std::move(d));
}

}  // namespace akkoord::checks
