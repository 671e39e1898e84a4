#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class suppression final : public check {
 public:
  static constexpr check_info metadata{"suppression", severity::warning, check_scope::plan,
                                       "an inline suppression without reason, one that suppressed nothing, or one past its `until` date",
                                       "een inline uitzondering zonder reden, een die niets onderdrukte, of een na haar `until`-datum"};
  const check_info& info() const override { return metadata; }
  // Malformed suppression comments are reported by the plan reader; reasonless, unused and expired ones by
  // the engine (engine/check_plan.cpp), which applies the suppressions after every check has run.
};

}  // namespace akkoord::checks
