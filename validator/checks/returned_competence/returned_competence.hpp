#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class returned_competence final : public check {
 public:
  static constexpr check_info metadata{"returned-competence", severity::error, check_scope::plan,
                                       "work planned for the party a competence was returned from (at `executor`)",
                                       "werk gepland bij de organisatie waarvan de gemeente de bevoegdheid heeft teruggenomen (gemeld bij `executor`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
