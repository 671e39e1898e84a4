#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class year_outside_agreement final : public check {
 public:
  static constexpr check_info metadata{"year-outside-agreement", severity::error, check_scope::plan,
                                       "no period covers the plan year (at `year`)",
                                       "het planjaar valt in geen enkele periode van de afspraken (gemeld bij `year`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
