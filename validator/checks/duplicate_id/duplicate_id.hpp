#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class duplicate_id final : public check {
 public:
  static constexpr check_info metadata{"duplicate-id", severity::error, check_scope::plan,
                                       "two activities (or milestones) with the same id (at the second `id`, the first as related)",
                                       "twee activiteiten of mijlpalen in één plan met hetzelfde id (gemeld bij het tweede `id`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
