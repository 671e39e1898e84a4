#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class taakveld_succession final : public check {
 public:
  static constexpr check_info metadata{"taakveld-succession", severity::warning, check_scope::agreement,
                                       "a task stops listing a taakveld code while the next year's BBV list still has it (or its successors)",
                                       "een taak noemt een taakveldcode niet meer terwijl de BBV-lijst van het volgende jaar die code (of haar opvolgers) nog kent"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
