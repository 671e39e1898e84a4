#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class missing_field final : public check {
 public:
  static constexpr check_info metadata{"missing-field", severity::error, check_scope::plan,
                                       "a required field is absent (at the header of its table)",
                                       "een verplicht veld ontbreekt (gemeld bij de kop van de tabel waarin het hoort)"};
  const check_info& info() const override { return metadata; }
  // Reported by the plan reader (model/plan_reader.cpp), which sees the TOML; nothing to run here.
};

}  // namespace akkoord::checks
