#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class period_overlap final : public check {
 public:
  static constexpr check_info metadata{"period-overlap", severity::error, check_scope::agreement,
                                       "two non-provisional periods that overlap",
                                       "twee definitieve (niet voorlopige) periodes die elkaar overlappen"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
