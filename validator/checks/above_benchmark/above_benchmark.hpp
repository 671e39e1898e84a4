#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class above_benchmark final : public check {
 public:
  static constexpr check_info metadata{"above-benchmark", severity::info, check_scope::plan,
                                       "spending per inhabitant on a taakveld above the benchmark by more than its tolerance (at the budget of the largest activity on that taakveld)",
                                       "de lasten per inwoner op een taakveld liggen meer dan de tolerantie boven de benchmark (gemeld bij het budget van de grootste activiteit op dat taakveld)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
