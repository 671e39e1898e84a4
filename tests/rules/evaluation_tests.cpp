// Evaluation: each row is a set of rules and the activities of a plan (appended to plan_head, so the first
// activity header is line 10), and the findings the rules must give — id, line, English message — or none.
#include <gtest/gtest.h>

#include <chrono>

#include "rules_support.hpp"

namespace akkoord::testing {
namespace {

struct expected_finding {
  std::string id;
  std::uint32_t line;
  std::string message;
  severity level = severity::warning;
};

struct eval_case {
  const char* name;
  std::string rules;
  std::string activities;
  std::vector<expected_finding> findings;
};

std::ostream& operator<<(std::ostream& os, const eval_case& c) { return os << c.name; }

// An activity block: [[activity]], id, task, executor, budget, then `extra` (one line, or a blank line).
std::string activity(const std::string& id, const std::string& budget, const std::string& extra = "") {
  return "[[activity]]\nid = \"" + id + "\"\ntask = \"burgerzaken\"\nexecutor = \"org\"\nbudget = " + budget + "\n" +
         extra + "\n";
}

class evaluation : public ::testing::TestWithParam<eval_case> {};

TEST_P(evaluation, gives_the_expected_findings) {
  const eval_case& c = GetParam();
  auto a = load_with_rules(c.rules);
  ASSERT_TRUE(a->model) << render_short(a->load_findings, ".");
  ASSERT_TRUE(a->type_errors().empty()) << render_short(a->type_errors(), ".");
  diagnostics found = run_on_plan(*a, std::string(plan_head) + c.activities);
  sort_diagnostics(found);
  ASSERT_EQ(found.size(), c.findings.size()) << render_short(found, ".");
  for (std::size_t i = 0; i < found.size(); ++i) {
    const diagnostic& d = found[i];
    const expected_finding& e = c.findings[i];
    EXPECT_EQ(d.id, e.id);
    EXPECT_EQ(d.primary.begin.line, e.line) << d.message.en;
    EXPECT_EQ(d.message.en, e.message);
    EXPECT_FALSE(d.message.nl.empty());
    EXPECT_EQ(d.level, e.level);
    EXPECT_EQ(d.primary.file->path(), "plan.toml");
    // The related location is in the agreement: the rule's `require`, or the expression that failed.
    ASSERT_FALSE(d.related.empty());
    EXPECT_EQ(d.related.front().span.file->path(), "agreement.akkoord");
  }
}

const std::string aa_rules = R"(
rule overhead_aandeel "Overhead hoogstens 25% van de dienstverleningsbijdrage" warning {
  let overhead = sum(activity.budget where activity.taakveld == "0.4")
  require overhead <= 25% * contribution.total
  message "overhead {overhead} is more than 25% of the contribution {contribution.total}"
}
rule grote_activiteit "Activiteiten boven EUR 2 miljoen hebben een omschrijving" warning {
  for activity a
  when a.budget > EUR 2_000_000
  require has(a.description)
  message "activity {a.id} ({a.budget}) has no description"
}
)";

const eval_case cases[] = {
    // The two rules of rules/aa.akkoord. 25% of 19,700,000 is 4,925,000.
    {"overhead_above_a_quarter",
     aa_rules,
     activity("A-1", "4_925_000.01", "taakveld = \"0.4\"\ndescription = \"ICT\""),
     {{"rule:overhead_aandeel", 1,
       "overhead EUR 4,925,000.01 is more than 25% of the contribution EUR 19,700,000.00"}}},
    {"overhead_exactly_a_quarter",
     aa_rules,
     activity("A-1", "4_000_000", "taakveld = \"0.4\"\ndescription = \"ICT\"") +
         activity("A-2", "925_000", "taakveld = \"0.4\"") + activity("A-3", "9_000_000", "description = \"x\""),
     {}},
    {"large_activity_without_description",
     aa_rules,
     activity("A-1", "2_000_000.01") + activity("A-2", "3_000_000", "description = \"x\""),
     {{"rule:grote_activiteit", 11, "activity A-1 (EUR 2,000,000.01) has no description"}}},
    {"exactly_two_million_is_not_large", aa_rules, activity("A-1", "2_000_000"), {}},

    // An absent optional field skips the rule for that activity; has() sees it; and/or are three-valued.
    {"absent_field_skips_the_activity",
     "rule r \"r\" error { for activity a require a.fte > 0 }",
     activity("A-1", "1") + activity("A-2", "1", "fte = 0.0") + activity("A-3", "1", "fte = 1.5"),
     {{"rule:r", 17, "r", severity::error}}},
    {"has_is_false_for_an_absent_field",
     "rule r \"r\" info { for activity a require has(a.hours) }",
     activity("A-1", "1") + activity("A-2", "1", "hours = 10"),
     {{"rule:r", 11, "r", severity::info}}},
    {"or_with_an_absent_side",
     "rule r \"r\" warning { for activity a require not has(a.fte) or a.fte > 0 }",
     activity("A-1", "1") + activity("A-2", "1", "fte = 0.0"),
     {{"rule:r", 17, "r"}}},
    {"when_false_skips",
     "rule r \"r\" warning { for activity a when a.task == \"overhead\" require false }",
     activity("A-1", "1"),
     {}},
    {"when_absent_skips",
     "rule r \"r\" warning { for activity a when a.hours > 5 require false }",
     activity("A-1", "1"),
     {}},
    {"plan_rule_when_true",
     "rule r \"r\" warning { when plan.year == 2025 require count(activity) >= 2 }",
     activity("A-1", "1"),
     {{"rule:r", 1, "r"}}},

    // Aggregates with where; an empty set sums to zero and has no minimum (the rule is skipped).
    {"aggregates",
     "rule s \"s\" warning { require sum(activity.budget where activity.budget > EUR 1) == EUR 5 }\n"
     "rule c \"c\" warning { require count(activity where has(activity.fte)) == 1 }\n"
     "rule mn \"mn\" warning { require min(activity.budget) == EUR 1 }\n"
     "rule mx \"mx\" warning { require max(activity.to) == 2025-12-31 }\n"
     "rule av \"av\" warning { require avg(activity.budget) == EUR 2 }\n"
     "rule ah \"ah\" warning { require avg(activity.hours) == 1.5 }\n"
     "rule cb \"cb\" warning { require count(activity.budget > EUR 1) == 2 }\n"
     "rule no \"no\" warning { require min(activity.budget where activity.task == \"overhead\") > EUR 9 }\n"
     "rule ze \"ze\" warning { require sum(activity.budget where activity.task == \"overhead\") == EUR 0 }\n",
     activity("A-1", "1", "hours = 1\nto = 2025-06-30") + activity("A-2", "2", "fte = 1.0\nhours = 2") +
         activity("A-3", "3", "to = 2025-03-01"),
     {}},
    {"aggregate_mismatch_fires",
     "rule s \"s\" warning { require sum(activity.budget) == EUR 7 }",
     activity("A-1", "1") + activity("A-2", "2"),
     {{"rule:s", 1, "s"}}},

    // Dates: defaults from the plan year, days() counts both ends, year(), date arithmetic.
    {"dates",
     "rule d \"d\" warning { for activity a require days(a.from, a.to) == 365 and year(a.to) == plan.year }\n"
     "rule e \"e\" warning { require milestone.evaluatie.due - period.basis.from == 1277 }\n"
     "rule f \"f\" warning { require milestone.evaluatie.due + 184 == 2026-01-01 }\n",
     activity("A-1", "1") + activity("A-2", "1", "from = 2025-02-01"),
     {{"rule:d", 17, "d"}}},

    // Lists, `in`, lets, the agreement's values, plan fields.
    {"lists_and_lets",
     "rule l \"l\" warning { for activity a let codes = [\"0.1\", \"0.4\"] require not (a.taakveld in codes) }\n"
     "rule y \"y\" warning { require plan.year in [2024, 2025.0] and plan.status == \"concept\" }\n"
     "rule p \"p\" warning { require contribution.bijdrage[plan.year - 1] - saving.besparing.amount == "
     "contribution.total }\n",
     activity("A-1", "1", "taakveld = \"0.4\"") + activity("A-2", "1", "taakveld = \"0.2\""),
     {{"rule:l", 11, "l"}}},
    {"has_of_a_year_without_amount",
     "rule p \"p\" warning { require has(contribution.bijdrage[plan.year + 5]) }",
     "",
     {{"rule:p", 1, "p"}}},
    {"milestone_completed",
     "rule m \"m\" warning { require has(milestone.evaluatie.completed) }\n"
     "rule n \"n\" warning { require milestone.evaluatie.completed <= milestone.evaluatie.due }\n",
     "[[milestone]]\nid = \"evaluatie\"\ncompleted = 2025-08-01\n",
     {{"rule:n", 1, "n"}}},

    // Faults: findings of the rule, severity error, never a crash.
    {"division_by_zero_per_activity",
     "rule r \"r\" warning { for activity a require a.budget / a.hours > EUR 0 }",
     activity("A-1", "1", "hours = 0") + activity("A-2", "1", "hours = 2"),
     {{"rule:r", 11, "rule `r` cannot be evaluated: division by zero", severity::error}}},
    {"division_by_zero_once_per_plan",
     "rule r \"r\" warning { for activity a require a.budget < contribution.total / (plan.year - 2025) }",
     activity("A-1", "1") + activity("A-2", "1"),
     {{"rule:r", 1, "rule `r` cannot be evaluated: division by zero", severity::error}}},
    {"division_by_zero_inside_an_aggregate",
     "rule r \"r\" warning { require sum(activity.budget / activity.hours) > EUR 0 }",
     activity("A-1", "1", "hours = 1") + activity("A-2", "1", "hours = 0"),
     {{"rule:r", 17, "rule `r` cannot be evaluated: division by zero", severity::error}}},
    {"overflow",
     "rule r \"r\" info { require contribution.total * 1_000_000_000_000 > EUR 0 }",
     "",
     {{"rule:r", 1, "rule `r` cannot be evaluated: a result is too large (overflow)", severity::error}}},
    {"overflow_of_a_sum",
     "rule r \"r\" info { require sum(activity.budget * 10_000_000) > EUR 0 }",
     activity("A-1", "9_000_000_000") + activity("A-2", "9_000_000_000"),
     {{"rule:r", 1, "rule `r` cannot be evaluated: a result is too large (overflow)", severity::error}}},
    {"integer_overflow",
     "rule r \"r\" info { require plan.year * 9_000_000_000_000_000 > 0 }",
     "",
     {{"rule:r", 1, "rule `r` cannot be evaluated: a result is too large (overflow)", severity::error}}},

    // Money is rounded half to even to the cent; round() rounds half to even too.
    {"half_even_rounding",
     "rule r \"r\" warning { require false message \"{EUR 0.05 / 2} {EUR 0.15 / 2} {EUR 0.10 * 25%} "
     "{EUR 0.30 * 0.25} {EUR 0.01 / 3} {EUR 0.02 / 3} {round(2.5)} {round(3.5)} {round(-2.5)} "
     "{round(EUR 2.50)} {round(EUR 3.50)} {EUR 1 / 3%} {1 / 3} {2 / 3}\" }",
     "",
     {{"rule:r", 1,
       "EUR 0.02 EUR 0.08 EUR 0.02 EUR 0.08 EUR 0.00 EUR 0.01 2 4 -2 EUR 2.00 EUR 4.00 EUR 33.33 0.3333333333 "
       "0.6666666667"}}},
    {"exact_decimals",
     "rule r \"r\" warning { require false message \"{0.1 + 0.2} {1.5 * 1.5} {50% * 50%} {10% / 4} {10% / 5%} "
     "{EUR 20_000_000 * 1.5%} {EUR 300_000 / 1.5%} {EUR 1 / EUR 8}\" }",
     "",
     {{"rule:r", 1, "0.3 2.25 25% 2.5% 2 EUR 300,000.00 EUR 20,000,000.00 0.125"}}},
};
std::string row_name(const ::testing::TestParamInfo<eval_case>& row) {
  std::string name;
  for (const char* p = row.param.name; *p; ++p)
    if (*p != '_') name += *p;
  return name;
}

INSTANTIATE_TEST_SUITE_P(rows, evaluation, ::testing::ValuesIn(cases), row_name);

// ---- messages in both languages ----------------------------------------------------------------------------

TEST(messages, values_are_formatted_per_language) {
  auto a = load_with_rules(
      "rule r \"Titel\" warning { for activity a require false message \"{a.budget} {a.fte} {12.5%} {a.to} "
      "{a.id} {true} {a.hours} {[1.5, 2]} {a.description} {{x}}\" }\n");
  ASSERT_TRUE(a->type_errors().empty()) << render_short(a->type_errors(), ".");
  const auto found = run_on_plan(*a, std::string(plan_head) + activity("A-1", "19_700_000", "fte = 1.5"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message.en, "EUR 19,700,000.00 1.5 12.5% 2025-12-31 A-1 true (none) [1.5, 2] (none) {x}");
  EXPECT_EQ(found[0].message.nl, "€ 19.700.000,00 1,5 12,5% 31 december 2025 A-1 waar (geen) [1,5, 2] (geen) {x}");
  // The title is a note when there is a message.
  ASSERT_EQ(found[0].notes.size(), 1u);
  EXPECT_EQ(found[0].notes[0].en, "Titel");
}

TEST(messages, the_title_is_the_message_without_one) {
  auto a = load_with_rules(
      "rule r \"Activiteiten hebben een omschrijving\" error { for activity a require has(a.description) }\n");
  const auto found = run_on_plan(*a, std::string(plan_head) + activity("A-1", "1"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message.en, "Activiteiten hebben een omschrijving");
  EXPECT_EQ(found[0].message.nl, "Activiteiten hebben een omschrijving");
  EXPECT_TRUE(found[0].notes.empty());
}

TEST(findings, point_at_the_activity_id_and_relate_to_the_require_expression) {
  auto a = load_with_rules("rule r \"t\" warning { for activity a require a.budget < EUR 5 }\n");
  const auto found = run_on_plan(*a, std::string(plan_head) + activity("A-1", "10"));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].primary.begin.line, 11u);
  EXPECT_EQ(text_of(found[0].primary), "\"A-1\"");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(text_of(found[0].related[0].span), "a.budget < EUR 5");
  EXPECT_EQ(found[0].related[0].message.en, "required here");
  EXPECT_EQ(found[0].related[0].message.nl, "de eis staat hier");
}

TEST(findings, an_activity_without_id_is_reported_at_its_header) {
  auto a = load_with_rules("rule r \"t\" warning { for activity a require a.budget < EUR 5 }\n");
  const auto found = run_on_plan(*a, std::string(plan_head) + "[[activity]]\ntask = \"burgerzaken\"\nbudget = 10\n");
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].primary.begin.line, 10u);
  EXPECT_EQ(text_of(found[0].primary).rfind("[[activity]]", 0), 0u);
}

TEST(findings, a_fault_names_the_expression_that_failed) {
  auto a = load_with_rules("rule r \"t\" warning { require EUR 1 / (plan.year - 2025) > EUR 0 }\n");
  const auto found = run_on_plan(*a, std::string(plan_head));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].level, severity::error);
  EXPECT_EQ(found[0].message.nl, "regel `r` is niet te berekenen: er wordt door nul gedeeld");
  ASSERT_EQ(found[0].related.size(), 1u);
  EXPECT_EQ(text_of(found[0].related[0].span), "EUR 1 / (plan.year - 2025)");
}

TEST(findings, a_rule_with_a_type_error_is_not_evaluated) {
  auto a = load_with_rules("rule r \"t\" warning { require contribution.total > 5 }\n");
  EXPECT_EQ(a->type_errors().size(), 1u);
  EXPECT_TRUE(run_on_plan(*a, std::string(plan_head)).empty());
}

TEST(findings, an_unreadable_plan_runs_no_rules) {
  auto a = load_with_rules("rule r \"t\" warning { require false }\n");
  EXPECT_TRUE(run_on_plan(*a, "[plan\nyear = ").empty());
}

TEST(performance, per_activity_rules_with_aggregates_are_linear) {
  auto a = load_with_rules(
      "rule r \"t\" warning { for activity a let total = sum(activity.budget) "
      "require a.budget * 1000 <= total and a.budget >= avg(activity.budget) / 2 }\n");
  ASSERT_TRUE(a->type_errors().empty()) << render_short(a->type_errors(), ".");
  std::string plan_text(plan_head);
  constexpr int n = 50'000;
  for (int i = 0; i < n; ++i)
    plan_text += "[[activity]]\nid = \"A-" + std::to_string(i) +
                 "\"\ntask = \"burgerzaken\"\nexecutor = \"org\"\nbudget = " + std::to_string(i % 10 == 0 ? 1 : 100) +
                 "\n";
  const source_file& file = a->sources.add("big.toml", std::move(plan_text));
  diagnostics shape;
  const plan p = read_plan(file, shape);
  ASSERT_EQ(p.activities.size(), static_cast<std::size_t>(n));
  const auto start = std::chrono::steady_clock::now();
  diagnostics out;
  run_rules(*rules_of(*a->model), p, out);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(out.size(), static_cast<std::size_t>(n / 10));  // the budget-1 activities are below half the average
  EXPECT_LT(seconds, 5.0);                                  // quadratic would be 2.5e9 steps
}

}  // namespace
}  // namespace akkoord::testing
