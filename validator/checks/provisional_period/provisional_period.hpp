#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class provisional_period final : public check {
 public:
  static constexpr check_info metadata{"provisional-period", severity::warning, check_scope::plan,
                                       "only a provisional period covers the plan year (at `year`)",
                                       "het planjaar valt alleen onder een voorlopige periode (gemeld bij `year`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
