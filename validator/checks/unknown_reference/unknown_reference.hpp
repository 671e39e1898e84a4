#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class unknown_reference final : public check {
 public:
  static constexpr check_info metadata{"unknown-reference", severity::error, check_scope::plan,
                                       "a task, executor, party, contribution or milestone id not declared, at the value, with did-you-mean",
                                       "een taak, uitvoerder, partij, bijdrage of mijlpaal die niet in de afspraken voorkomt (gemeld bij de waarde, met een suggestie)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
