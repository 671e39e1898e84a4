#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class toml_syntax final : public check {
 public:
  static constexpr check_info metadata{"toml-syntax", severity::error, check_scope::plan,
                                       "the plan is not valid TOML (at the parser's position, with its message)",
                                       "het plan is geen geldige TOML (gemeld op de plaats waar het lezen vastliep, met de melding van de TOML-lezer)"};
  const check_info& info() const override { return metadata; }
  // Reported by the plan reader (model/plan_reader.cpp), which sees the TOML; nothing to run here.
};

}  // namespace akkoord::checks
