#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class dsl_syntax final : public check {
 public:
  static constexpr check_info metadata{"dsl-syntax", severity::error, check_scope::agreement,
                                       "not valid agreement language: position, what was expected, a caret under the place",
                                       "de tekst van het afsprakenbestand voldoet niet aan de afsprakentaal (met de plaats en wat daar werd verwacht)"};
  const check_info& info() const override { return metadata; }
  // Reported by the parser (and by the loader for a file it cannot read); nothing to run here.
};

}  // namespace akkoord::checks
