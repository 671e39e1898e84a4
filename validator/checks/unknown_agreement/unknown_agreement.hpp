#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class unknown_agreement final : public check {
 public:
  static constexpr check_info metadata{"unknown-agreement", severity::error, check_scope::plan,
                                       "`plan.agreement` is not the id of the loaded agreement (at the value)",
                                       "`agreement` in het plan is niet het id van de geladen afspraken (gemeld bij de waarde)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
