#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class missing_basic_service final : public check {
 public:
  static constexpr check_info metadata{"missing-basic-service", severity::error, check_scope::plan,
                                       "a basic task of a period covering the plan year has no activity (at the `[plan]` header)",
                                       "een taak van de basisdienstverlening in een periode die het planjaar omvat, heeft geen activiteit in het plan (gemeld bij de kop `[plan]`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
