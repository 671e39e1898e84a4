#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class milestone_dates final : public check {
 public:
  static constexpr check_info metadata{"milestone-dates", severity::warning, check_scope::plan,
                                       "a milestone completed after its due date, or after the adoption of the plan that records it (at `completed`)",
                                       "een mijlpaal voltooid na de uiterste datum, of na de vaststelling van het plan dat haar registreert (bij `completed`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
