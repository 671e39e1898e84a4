#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class saving_not_realised final : public check {
 public:
  static constexpr check_info metadata{"saving-not-realised", severity::error, check_scope::plan,
                                       "`total` exceeds the base amount minus the saving, for years from `from` on (at `total`)",
                                       "`total` ligt boven het basisbedrag min de besparing, in de jaren vanaf `from` (gemeld bij `total`)"};
  const check_info& info() const override { return metadata; }
  void check_plan(const plan_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
