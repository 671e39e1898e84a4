#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class milestone_overdue final : public check {
 public:
  static constexpr check_info metadata{"milestone-overdue", severity::warning, check_scope::plan,
                                       "a milestone due in or before the plan year is not recorded as completed (error when the plan is `vastgesteld` after the due date)",
                                       "een mijlpaal die uiterlijk in het planjaar gereed moest zijn, staat niet als behaald in het plan (een fout als het plan na de uiterste datum is vastgesteld)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
