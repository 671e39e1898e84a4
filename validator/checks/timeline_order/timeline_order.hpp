#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class timeline_order final : public check {
 public:
  static constexpr check_info metadata{"timeline-order", severity::error, check_scope::agreement,
                                       "a task's executed_by/returned_to dates not increasing, or a return before the first assignment",
                                       "de data van `executed_by` en `returned_to` van een taak lopen niet op, of een teruggenomen bevoegdheid vóór de eerste toewijzing"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
