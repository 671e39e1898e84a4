#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class wrong_executor final : public check {
 public:
  static constexpr check_info metadata{"wrong-executor", severity::error, check_scope::plan,
                                       "the executor is not the task's executor on the activity's dates (at `executor`)",
                                       "de uitvoerder in het plan is volgens de afspraken niet de uitvoerder van de taak op de data van de activiteit (gemeld bij `executor`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
