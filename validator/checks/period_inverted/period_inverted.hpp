#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class period_inverted final : public check {
 public:
  static constexpr check_info metadata{"period-inverted", severity::error, check_scope::agreement,
                                       "a period that ends before it starts",
                                       "een periode waarvan de einddatum vóór de begindatum ligt"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
