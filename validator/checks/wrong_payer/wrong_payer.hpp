#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class wrong_payer final : public check {
 public:
  static constexpr check_info metadata{"wrong-payer", severity::error, check_scope::plan,
                                       "the plan's municipality does not pay the contribution (at `[contribution] id`)",
                                       "de gemeente van het plan betaalt de bijdrage niet (bij `id` van `[contribution]`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
