#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

// One id, one unit: the agreement side (task and benchmark codes) is lint(); the plan side (an activity's
// taakveld against the plan's book year) is check_plan(), added with the plan checks.
class unknown_taakveld final : public check {
 public:
  static constexpr check_info metadata{"unknown-taakveld", severity::error, check_scope::both,
                                       "a taakveld code that is not in the BBV list of its book years",
                                       "een taakveldcode die niet voorkomt in de BBV-lijst van het boekjaar waarvoor zij geldt"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
  // The plan side: an activity's taakveld against the BBV list of the plan's year (unknown_taakveld_plan.cpp).
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
