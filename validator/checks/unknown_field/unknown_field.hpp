#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class unknown_field final : public check {
 public:
  static constexpr check_info metadata{"unknown-field", severity::warning, check_scope::plan,
                                       "a key the format does not know, at the key, with did-you-mean",
                                       "een sleutel die het planformaat niet kent (gemeld bij de sleutel, met een suggestie voor de bedoelde sleutel)"};
  const check_info& info() const override { return metadata; }
  // Reported by the plan reader (model/plan_reader.cpp), which sees the TOML; nothing to run here.
};

}  // namespace akkoord::checks
