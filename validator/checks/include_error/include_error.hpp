#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class include_error final : public check {
 public:
  static constexpr check_info metadata{"include-error", severity::error, check_scope::agreement,
                                       "an include that is missing, cyclic, or leaves the including file's directory",
                                       "een `include` die niet bestaat, naar zichzelf terugverwijst of buiten de map van het afsprakenbestand wijst"};
  const check_info& info() const override { return metadata; }
  // Reported by the loader while it follows includes; nothing to run here.
};

}  // namespace akkoord::checks
