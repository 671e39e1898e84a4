#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class activity_dates final : public check {
 public:
  static constexpr check_info metadata{"activity-dates", severity::error, check_scope::plan,
                                       "`from` after `to` (at `to`), or a date outside the plan year (at that date)",
                                       "een activiteit met `from` na `to` (gemeld bij `to`), of met een datum buiten het planjaar (gemeld bij die datum)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
