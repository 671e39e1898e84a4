#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

// Reports what the rule compiler (validator/rules) found when the agreement loaded: names that do not
// resolve and operators applied to the wrong types, each at the sub-expression concerned.
class rule_type_error final : public check {
 public:
  static constexpr check_info metadata{"rule-type-error", severity::error, check_scope::agreement,
                                       "a custom rule that does not type-check",
                                       "een eigen regel in de afspraken waarvan de typen niet kloppen, zodat hij niet kan worden uitgevoerd"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
