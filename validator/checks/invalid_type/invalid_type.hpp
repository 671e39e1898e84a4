#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class invalid_type final : public check {
 public:
  static constexpr check_info metadata{"invalid-type", severity::error, check_scope::plan,
                                       "a field has the wrong TOML type, at the value (a numeric taakveld: hint to quote it)",
                                       "een veld met een waarde van het verkeerde TOML-type (gemeld bij de waarde; een taakveld als getal krijgt het advies om aanhalingstekens te gebruiken)"};
  const check_info& info() const override { return metadata; }
  // Reported by the plan reader (model/plan_reader.cpp), which sees the TOML; nothing to run here.
};

}  // namespace akkoord::checks
