#pragma once

#include "akkoord/validator/check.hpp"

namespace akkoord::checks {

class undefined_reference final : public check {
 public:
  static constexpr check_info metadata{"undefined-reference", severity::error, check_scope::agreement,
                                       "a reference to an undeclared id, with did-you-mean",
                                       "een verwijzing naar een id dat in de afspraken niet is gedeclareerd, met een suggestie voor het bedoelde id"};
  const check_info& info() const override { return metadata; }
  void lint(const lint_context& context, diagnostics& out) const override;
};

}  // namespace akkoord::checks
