#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class contribution_mismatch final : public check {
 public:
  static constexpr check_info metadata{"contribution-mismatch", severity::error, check_scope::plan,
                                       "the budgets of activities executed by the contribution's payee do not add up to `total` (at `total`; shows both sums and the difference)",
                                       "de begrotingen van de activiteiten die de ontvanger van de bijdrage uitvoert, sluiten niet aan op `total` (gemeld bij `total`, met beide bedragen en het verschil)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
