#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

// One id for the agreed amount: the plan side holds `total` against the amount agreed for the plan's year
// (agreed_amount.hpp); the agreement side reports what makes that amount ambiguous or impossible to derive.
class contribution_agreed final : public check {
 public:
  static constexpr check_info metadata{"contribution-agreed", severity::error, check_scope::both,
                                       "`total` exceeds the contribution's amount agreed for the plan year (at `total`)",
                                       "`total` is hoger dan de voor het planjaar afgesproken bijdrage (bij `total`)"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
