#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class executor_lifetime final : public check {
 public:
  static constexpr check_info metadata{"executor-lifetime", severity::error, check_scope::agreement,
                                       "a task's `executed_by` or `returned_to` names an executor before its `since` or after its `until`",
                                       "een `executed_by` of `returned_to` van een taak noemt een uitvoerder vóór diens `since` of na diens `until`"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
