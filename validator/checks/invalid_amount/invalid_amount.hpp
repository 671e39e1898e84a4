#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class invalid_amount final : public check {
 public:
  static constexpr check_info metadata{"invalid-amount", severity::error, check_scope::plan,
                                       "a negative amount, more than 2 decimals, or an overflow (at the value)",
                                       "een bedrag dat negatief is, meer dan twee decimalen heeft of niet in centen is uit te drukken (gemeld bij de waarde)"};
  const check_info& info() const override { return metadata; }
  // A value is judged by the plan reader (model/plan_reader.cpp), which sees the TOML; a sum that does not fit
  // is judged here, from the figures the engine computed.
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
