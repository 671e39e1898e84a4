#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class invalid_date final : public check {
 public:
  static constexpr check_info metadata{"invalid-date", severity::error, check_scope::agreement,
                                       "a date that does not exist",
                                       "een datum die niet bestaat (zoals 31 april)"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
