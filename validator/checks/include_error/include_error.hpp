#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class include_error final : public check {
 public:
  static constexpr check_info metadata{"include-error", severity::error, check_scope::agreement,
                                       "an include that is missing, cyclic, or leaves the including file's directory",
                                       "een include die ontbreekt, cyclisch is of de map van het invoegende bestand verlaat"};
  const check_info& info() const override { return metadata; }
  // Reported by the loader while it follows includes; nothing to run here.
};

}  // namespace akkoord::checks
