#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class duplicate_definition final : public check {
 public:
  static constexpr check_info metadata{"duplicate-definition", severity::error, check_scope::agreement,
                                       "an id declared twice in its kind",
                                       "een id dat binnen dezelfde soort declaratie twee keer is vastgelegd"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
