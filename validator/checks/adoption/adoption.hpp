#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class adoption final : public check {
 public:
  static constexpr check_info metadata{"adoption", severity::error, check_scope::plan,
                                       "`vastgesteld` without `adopted`, or an `adopted` date after the plan year began (warning)",
                                       "een plan met status `vastgesteld` zonder `adopted`-datum, of vastgesteld na het begin van het planjaar (waarschuwing)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
