// Every built-in check, registered explicitly: one line per check, sorted by id (a test keeps it so).
#include <algorithm>

#include "akkoord/embedded_text.hpp"
#include "akkoord/validator/check.hpp"
#include "above_benchmark/above_benchmark.hpp"
#include "activity_dates/activity_dates.hpp"
#include "adoption/adoption.hpp"
#include "budget_swing/budget_swing.hpp"
#include "contribution_agreed/contribution_agreed.hpp"
#include "contribution_mismatch/contribution_mismatch.hpp"
#include "dsl_syntax/dsl_syntax.hpp"
#include "duplicate_definition/duplicate_definition.hpp"
#include "duplicate_id/duplicate_id.hpp"
#include "duplicate_plan/duplicate_plan.hpp"
#include "executor_lifetime/executor_lifetime.hpp"
#include "executor_not_serving/executor_not_serving.hpp"
#include "fte_hours_mismatch/fte_hours_mismatch.hpp"
#include "include_error/include_error.hpp"
#include "invalid_amount/invalid_amount.hpp"
#include "invalid_date/invalid_date.hpp"
#include "invalid_type/invalid_type.hpp"
#include "milestone_dates/milestone_dates.hpp"
#include "milestone_overdue/milestone_overdue.hpp"
#include "missing_basic_service/missing_basic_service.hpp"
#include "missing_field/missing_field.hpp"
#include "period_inverted/period_inverted.hpp"
#include "period_overlap/period_overlap.hpp"
#include "provisional_period/provisional_period.hpp"
#include "returned_competence/returned_competence.hpp"
#include "rule_type_error/rule_type_error.hpp"
#include "saving_arithmetic/saving_arithmetic.hpp"
#include "saving_not_realised/saving_not_realised.hpp"
#include "suppression/suppression.hpp"
#include "task_not_for_municipality/task_not_for_municipality.hpp"
#include "taakveld_mismatch/taakveld_mismatch.hpp"
#include "taakveld_succession/taakveld_succession.hpp"
#include "timeline_order/timeline_order.hpp"
#include "toml_syntax/toml_syntax.hpp"
#include "too_many_findings/too_many_findings.hpp"
#include "undefined_reference/undefined_reference.hpp"
#include "unknown_agreement/unknown_agreement.hpp"
#include "unknown_field/unknown_field.hpp"
#include "unknown_reference/unknown_reference.hpp"
#include "unknown_taakveld/unknown_taakveld.hpp"
#include "unused_definition/unused_definition.hpp"
#include "wrong_executor/wrong_executor.hpp"
#include "wrong_payer/wrong_payer.hpp"
#include "wrong_responsible/wrong_responsible.hpp"
#include "year_outside_agreement/year_outside_agreement.hpp"

namespace akkoord {

namespace {

template <class Check>
const check* instance() {
  static const Check the_check;
  return &the_check;
}

}  // namespace

std::span<const check* const> all_checks() {
  static const check* const registry[] = {
      instance<checks::above_benchmark>(),
      instance<checks::activity_dates>(),
      instance<checks::adoption>(),
      instance<checks::budget_swing>(),
      instance<checks::contribution_agreed>(),
      instance<checks::contribution_mismatch>(),
      instance<checks::dsl_syntax>(),
      instance<checks::duplicate_definition>(),
      instance<checks::duplicate_id>(),
      instance<checks::duplicate_plan>(),
      instance<checks::executor_lifetime>(),
      instance<checks::executor_not_serving>(),
      instance<checks::fte_hours_mismatch>(),
      instance<checks::include_error>(),
      instance<checks::invalid_amount>(),
      instance<checks::invalid_date>(),
      instance<checks::invalid_type>(),
      instance<checks::milestone_dates>(),
      instance<checks::milestone_overdue>(),
      instance<checks::missing_basic_service>(),
      instance<checks::missing_field>(),
      instance<checks::period_inverted>(),
      instance<checks::period_overlap>(),
      instance<checks::provisional_period>(),
      instance<checks::returned_competence>(),
      instance<checks::rule_type_error>(),
      instance<checks::saving_arithmetic>(),
      instance<checks::saving_not_realised>(),
      instance<checks::suppression>(),
      instance<checks::taakveld_mismatch>(),
      instance<checks::taakveld_succession>(),
      instance<checks::task_not_for_municipality>(),
      instance<checks::timeline_order>(),
      instance<checks::toml_syntax>(),
      instance<checks::too_many_findings>(),
      instance<checks::undefined_reference>(),
      instance<checks::unknown_agreement>(),
      instance<checks::unknown_field>(),
      instance<checks::unknown_reference>(),
      instance<checks::unknown_taakveld>(),
      instance<checks::unused_definition>(),
      instance<checks::wrong_executor>(),
      instance<checks::wrong_payer>(),
      instance<checks::wrong_responsible>(),
      instance<checks::year_outside_agreement>(),
  };
  return registry;
}

const check* find_check(std::string_view id) {
  for (const check* c : all_checks())
    if (c->info().id == id) return c;
  return nullptr;
}

std::string_view check_documentation(std::string_view id, language lang) {
  for (const auto& doc : lang == language::nl ? embedded_check_docs_nl() : embedded_check_docs())
    if (doc.name == id) return doc.text;
  return {};
}

}  // namespace akkoord
