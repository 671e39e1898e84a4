#include "akkoord/validator/rules.hpp"

#include "compile.hpp"

namespace akkoord {

compiled_rules::compiled_rules() : program_(std::make_unique<rules_detail::program>()) {}
compiled_rules::~compiled_rules() = default;
compiled_rules::compiled_rules(compiled_rules&&) noexcept = default;
compiled_rules& compiled_rules::operator=(compiled_rules&&) noexcept = default;

const diagnostics& compiled_rules::type_errors() const {
  static const diagnostics none;
  return program_ ? program_->type_errors : none;
}

const std::vector<std::string>& compiled_rules::rule_ids() const {
  static const std::vector<std::string> none;
  return program_ ? program_->rule_ids : none;
}

std::size_t compiled_rules::runnable_count() const {
  std::size_t n = 0;
  if (program_)
    for (const auto& r : program_->rules) n += r.runnable ? 1 : 0;
  return n;
}

compiled_rules compile_rules(const agreement_model& agreement) {
  compiled_rules out;
  rules_detail::compile_program(agreement, *out.program_);
  return out;
}

std::shared_ptr<const compiled_rules> rules_of(const agreement_model& agreement) {
  if (agreement.compiled_rules_cache) return agreement.compiled_rules_cache;
  return std::make_shared<const compiled_rules>(compile_rules(agreement));
}

void run_rules(const compiled_rules& rules, const plan& plan, diagnostics& out) {
  run_rules(rules, plan, nullptr, out);
}

void run_rules(const compiled_rules& rules, const plan& plan, const akkoord::plan* previous_year, diagnostics& out) {
  if (rules.program_) rules_detail::run_program(*rules.program_, plan, previous_year, out);
}

}  // namespace akkoord
