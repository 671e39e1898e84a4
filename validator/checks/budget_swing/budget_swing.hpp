#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class budget_swing final : public check {
 public:
  static constexpr check_info metadata{
      "budget-swing", severity::info, check_scope::plan,
      "a task's budget differs from last year's plan in the same run by more than the threshold (default 25%)",
      "de begroting van een taak wijkt meer dan de drempel (standaard 25%) af van het plan van vorig jaar in dezelfde "
      "controle"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
