#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class invalid_amount final : public check {
 public:
  static constexpr check_info metadata{"invalid-amount", severity::error, check_scope::plan,
                                       "a negative amount, more than 2 decimals, or an overflow (at the value)",
                                       "een negatief bedrag, meer dan 2 decimalen of een overloop (bij de waarde)"};
  const check_info& info() const override { return metadata; }
  // Reported by the plan reader (model/plan_reader.cpp), which sees the TOML; nothing to run here.
};

}  // namespace akkoord::checks
