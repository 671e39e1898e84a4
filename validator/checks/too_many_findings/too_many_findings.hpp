#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class too_many_findings final : public check {
 public:
  static constexpr check_info metadata{"too-many-findings", severity::info, check_scope::both,
                                       "a file has more findings than akkoord lists (1,000); this one counts the rest",
                                       "een bestand heeft meer bevindingen dan akkoord toont (1.000); deze telt de rest"};
  const check_info& info() const override { return metadata; }
  // Made by the engine when it collects a file's findings (engine/run.cpp); nothing to run here.
};

}  // namespace akkoord::checks
