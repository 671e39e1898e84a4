#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class wrong_responsible final : public check {
 public:
  static constexpr check_info metadata{"wrong-responsible", severity::error, check_scope::plan,
                                       "`responsible` differs from the task's responsible party (at `responsible`)",
                                       "`responsible` wijkt af van de partij die volgens de afspraken verantwoordelijk is voor de taak (gemeld bij `responsible`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
