#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class duplicate_plan final : public check {
 public:
  static constexpr check_info metadata{"duplicate-plan", severity::error, check_scope::plan,
                                       "a second plan for the same agreement, municipality and year in one run (at `year`)",
                                       "een tweede plan voor dezelfde overeenkomst, gemeente en hetzelfde jaar in één controle (bij `year`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
