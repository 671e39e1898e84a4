#include "rule_type_error/rule_type_error.hpp"

#include "akkoord/validator/rules.hpp"

namespace akkoord::checks {

void rule_type_error::lint(const lint_context& context, diagnostics& out) const {
  // The rules were compiled once when the agreement loaded; their type errors are this check's findings.
  const auto rules = rules_of(context.agreement);
  for (const auto& d : rules->type_errors()) out.push_back(d);
}

}  // namespace akkoord::checks
