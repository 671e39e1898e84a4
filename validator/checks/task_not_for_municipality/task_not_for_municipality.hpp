#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class task_not_for_municipality final : public check {
 public:
  static constexpr check_info metadata{"task-not-for-municipality", severity::error, check_scope::plan,
                                       "the task is not for the plan's municipality (at `task`)",
                                       "de taak hoort niet bij de gemeente van het plan (bij `task`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
