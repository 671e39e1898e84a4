#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class saving_arithmetic final : public check {
 public:
  static constexpr check_info metadata{"saving-arithmetic", severity::error, check_scope::agreement,
                                       "rate × base amount ≠ amount",
                                       "het percentage van een besparing maal het basisbedrag is niet gelijk aan het vastgelegde besparingsbedrag"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
