#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class executor_not_serving final : public check {
 public:
  static constexpr check_info metadata{"executor-not-serving", severity::error, check_scope::plan,
                                       "the executor neither serves the plan's municipality nor is part of it (at `executor`)",
                                       "de uitvoerder werkt niet voor de gemeente van het plan en is er geen onderdeel van (bij `executor`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
