#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class fte_hours_mismatch final : public check {
 public:
  static constexpr check_info metadata{"fte-hours-mismatch", severity::warning, check_scope::plan,
                                       "`hours` and `fte × hours_per_fte` differ by more than the tolerance (at `hours`)",
                                       "`hours` wijkt meer dan de tolerantie af van `fte` × de afgesproken uren per fte (gemeld bij `hours`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
