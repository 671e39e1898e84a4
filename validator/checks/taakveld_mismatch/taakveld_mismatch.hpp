#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class taakveld_mismatch final : public check {
 public:
  static constexpr check_info metadata{"taakveld-mismatch", severity::warning, check_scope::plan,
                                       "the activity's taakveld is not among its task's taakvelden (at `taakveld`)",
                                       "het taakveld van een activiteit hoort niet bij de taakvelden van haar taak in het planjaar (gemeld bij `taakveld`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
