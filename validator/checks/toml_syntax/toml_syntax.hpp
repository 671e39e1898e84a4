#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class toml_syntax final : public check {
 public:
  static constexpr check_info metadata{"toml-syntax", severity::error, check_scope::plan,
                                       "the plan is not valid TOML (at the parser's position, with its message)",
                                       "het plan is geen geldige TOML (op de plek van de parser, met zijn melding)"};
  const check_info& info() const override { return metadata; }
  // Reported by the plan reader (model/plan_reader.cpp), which sees the TOML; nothing to run here.
};

}  // namespace akkoord::checks
