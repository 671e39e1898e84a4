#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class suppression final : public check {
 public:
  static constexpr check_info metadata{"suppression", severity::warning, check_scope::plan,
                                       "an inline suppression without reason, one that suppressed nothing, or one past its `until` date",
                                       "een uitzondering in het plan zonder reden, een die niets onderdrukt, of een waarvan de `until`-datum is verstreken"};
  const check_info& info() const override { return metadata; }
  // Malformed suppression comments are reported by the plan reader; reasonless, unused and expired ones by
  // the engine (engine/check_plan.cpp), which applies the suppressions after every check has run.
};

}  // namespace akkoord::checks
