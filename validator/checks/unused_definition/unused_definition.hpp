#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class unused_definition final : public check {
 public:
  static constexpr check_info metadata{"unused-definition", severity::warning, check_scope::agreement,
                                       "a declared party, executor, period or milestone nothing refers to",
                                       "een gedeclareerde partij, uitvoerder, periode of mijlpaal waarnaar niets verwijst"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
