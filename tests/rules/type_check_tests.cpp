// The type table of language.md, row by row: each rule body either type-checks or gives exactly one
// `rule-type-error` at the sub-expression that is wrong, with the message (and help) a user would read.
#include <gtest/gtest.h>

#include "rules_support.hpp"

namespace akkoord::testing {
namespace {

struct type_case {
  const char* body;               // inside `rule r "t" error { … }`
  const char* message = nullptr;  // nullptr: must type-check
  const char* at = nullptr;       // the text the error points at
  const char* help = nullptr;     // when given, the English help
};

std::ostream& operator<<(std::ostream& os, const type_case& c) { return os << c.body; }

class type_table : public ::testing::TestWithParam<type_case> {};

TEST_P(type_table, checks_as_the_table_says) {
  const type_case& c = GetParam();
  auto a = load_with_rules(std::string("rule r \"t\" error { ") + c.body + " }\n");
  ASSERT_TRUE(a->model) << render_short(a->load_findings, ".");
  ASSERT_TRUE(a->load_findings.empty()) << render_short(a->load_findings, ".");
  const diagnostics& errors = a->type_errors();
  if (c.message == nullptr) {
    EXPECT_TRUE(errors.empty()) << render_short(errors, ".");
    EXPECT_EQ(rules_of(*a->model)->runnable_count(), 1u);
    return;
  }
  ASSERT_EQ(errors.size(), 1u) << render_short(errors, ".");
  const diagnostic& d = errors.front();
  EXPECT_EQ(d.id, "rule-type-error");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.message.en, c.message);
  EXPECT_FALSE(d.message.nl.empty());
  EXPECT_NE(d.message.nl, d.message.en);
  EXPECT_EQ(d.primary.begin.line, first_rule_line);
  if (c.at) {
    EXPECT_EQ(text_of(d.primary), c.at);
  }
  if (c.help) {
    ASSERT_TRUE(d.help.has_value());
    EXPECT_EQ(d.help->en, c.help);
    EXPECT_FALSE(d.help->nl.empty());
  }
  EXPECT_EQ(rules_of(*a->model)->runnable_count(), 0u);
}

// ---- accepted: every row of the table, every name, function and aggregate --------------------------------
const type_case accepted[] = {
    // money ± money -> money; money × number|percent -> money (both orders); money / … ; date − date
    {"require contribution.total + EUR 1 > EUR 0"},
    {"require contribution.total - EUR 1 >= EUR 0"},
    {"require contribution.total * 2 > EUR 0"},
    {"require 2 * contribution.total > EUR 0"},
    {"require contribution.total * 1.5 > EUR 0"},
    {"require 1.5 * contribution.total > EUR 0"},
    {"require contribution.total * 25% > EUR 0"},
    {"require 25% * contribution.total > EUR 0"},
    {"require contribution.total / EUR 2 > 1.5"},
    {"require contribution.total / EUR 2 > 1"},
    {"require contribution.total / 2 > EUR 0"},
    {"require contribution.total / 1.5 > EUR 0"},
    {"require saving.besparing.amount / 1.5% == contribution.bijdrage[2024]"},
    {"require -contribution.total < EUR 0"},
    {"require plan.adopted - milestone.evaluatie.due < 30"},
    {"require plan.adopted + 30 > milestone.evaluatie.due"},
    {"require 30 + plan.adopted > milestone.evaluatie.due"},
    {"require plan.adopted - 30 < milestone.evaluatie.due"},
    // integer and decimal arithmetic; integer widens to decimal
    {"require plan.year + 1 - 2 * 3 > 0"},
    {"require plan.year / 4 > 1.5"},
    {"require plan.year * 1.5 + 0.5 - 1 > 2"},
    {"require 1.5 / 2 < 1"},
    {"require -plan.year < -1.5"},
    // percentages
    {"require 1.5% + 2% < 5%"},
    {"require 50% * 50% == 25%"},
    {"require 2 * 5% == 10%"},
    {"require 5% * 2.5 == 12.5%"},
    {"require 10% / 4 == 2.5%"},
    {"require 10% / 5% == 2"},
    {"require saving.besparing.rate <= agreement.tolerance"},
    // comparisons of each type
    {"require plan.municipality == \"gemeente\""},
    {"require plan.status != \"vastgesteld\""},
    {"require plan.adopted <= 2025-01-01"},
    {"require true == (not false)"},
    {"require plan.year >= 2025 and plan.year <= 2026 or plan.year == 2030"},
    // lists and `in`
    {"require plan.municipality in [\"gemeente\", \"centrum\"]"},
    {"require plan.year in [2024, 2025]"},
    {"require plan.year in [2024, 2025.5]"},
    {"require 1.5 in [1, 2]"},
    {"require plan.year in []"},
    {"let codes = [\"0.1\", \"0.4\"] require count(activity where activity.taakveld in codes) == 0"},
    // aggregates
    {"require sum(activity.budget) <= contribution.total"},
    {"require sum(activity.hours) > 0"},
    {"require sum(activity.fte) > 1.5"},
    {"require sum(activity.budget where activity.task == \"overhead\") <= 25% * contribution.total"},
    {"require count(activity) > 0"},
    {"require count(activity where activity.budget > EUR 5) > 0"},
    {"require count(activity.budget > EUR 5) > 0"},
    {"require count(activity.fte) >= 0"},
    {"require min(activity.budget) > EUR 0"},
    {"require max(activity.to) <= 2025-12-31"},
    {"require min(activity.fte) >= 0"},
    {"require avg(activity.budget) < EUR 1_000_000"},
    {"require avg(activity.hours) < 1.5"},
    {"require avg(activity.fte) < 8"},
    {"require sum(activity.budget where activity.budget > avg(activity.budget)) > EUR 0"},
    // functions
    {"require has(plan.adopted)"},
    {"require has(contribution.total) and has(contribution.id)"},
    {"require has(contribution.bijdrage[plan.year - 1])"},
    {"require has(milestone.evaluatie.completed)"},
    {"require year(plan.adopted) == plan.year - 1"},
    {"require days(period.basis.from, period.basis.to) > 365"},
    {"require round(1.5) == 2"},
    {"require round(contribution.total) == contribution.total"},
    {"require round(2.5%) == 2%"},
    // names of the agreement
    {"require agreement.hours_per_fte == 1536"},
    {"require agreement.since < period.basis.from"},
    {"require party.gemeente.inhabitants < party.centrum.inhabitants"},
    {"require saving.besparing.base < saving.besparing.from"},
    {"require contribution.bijdrage[2024] - saving.besparing.amount >= contribution.total"},
    {"require milestone.evaluatie.completed <= milestone.evaluatie.due"},
    // let, when, per-activity rules
    {"let overhead = sum(activity.budget where activity.taakveld == \"0.4\") "
     "let limit = 25% * contribution.total require overhead <= limit"},
    {"for activity a when a.budget > EUR 2_000_000 require has(a.description)"},
    {"for activity a let per_fte = a.budget / a.fte require per_fte <= EUR 150_000"},
    {"for activity a require a.from >= period.basis.from and a.to <= period.basis.to"},
    {"for activity a let share = a.budget / sum(activity.budget) require share < 50%  / 100%"},
    {"for activity a require a.hours <= a.fte * agreement.hours_per_fte * 1.05"},
    {"for activity a require a.id != \"\" and a.task != \"\" and a.executor != \"\" and has(a.responsible)"},
    {"for activity activity require activity.budget > EUR 0"},
    {"require plan.year > 2000 message \"total {contribution.total}, {plan.year}, {[1, 2]}, {{literal}}\""},
};
INSTANTIATE_TEST_SUITE_P(accepted, type_table, ::testing::ValuesIn(accepted));

// ---- rejected: what was found, what was expected, and where -----------------------------------------------
const type_case rejected[] = {
    // arithmetic against the table
    {"require contribution.total + 5 > EUR 0", "cannot add an integer to money", "5", "write `EUR 5`"},
    {"require contribution.total - 1.5 > EUR 0", "cannot subtract a decimal number from money", "1.5",
     "write `EUR 1.5`"},
    {"require contribution.total * contribution.total > EUR 0", "cannot multiply money by money", "contribution.total"},
    {"require 2 / contribution.total > 1", "cannot divide an integer by money", "contribution.total"},
    {"require 2 / 5% > 1", "cannot divide an integer by a percentage", "5%"},
    {"require \"x\" + 1 == 2", "cannot add an integer to a string", "\"x\""},
    {"require plan.adopted + plan.adopted > plan.adopted", "cannot add a date to a date", "plan.adopted"},
    {"require plan.adopted * 2 > plan.adopted", "cannot multiply a date by an integer", "plan.adopted"},
    {"require 5% + 1 > 5%", "cannot add an integer to a percentage", "1", "write `1%`"},
    {"require contribution.total + 5% > EUR 0", "cannot add a percentage to money", "5%"},
    {"require -\"x\" == \"x\"", "cannot negate a string", "\"x\""},
    {"require -plan.adopted == plan.adopted", "cannot negate a date", "plan.adopted"},
    // comparisons need the same type
    {"require contribution.total > 5", "cannot compare money with an integer", "5", "write `EUR 5`"},
    {"require 2_000_000 < contribution.total", "cannot compare money with an integer", "2_000_000",
     "write `EUR 2_000_000`"},
    {"require plan.adopted < 2025", "cannot compare a date with an integer", "2025",
     "compare the year: `year(plan.adopted) < 2025`"},
    {"require saving.besparing.rate < 2", "cannot compare a percentage with an integer", "2", "write `2%`"},
    {"for activity a require a.taakveld != 0.4", "cannot compare a string with a decimal number", "0.4",
     "write `\"0.4\"`: codes and ids are text"},
    {"require plan.municipality == plan.year", "cannot compare a string with an integer", "plan.year"},
    {"require plan.municipality < \"z\"", "a string cannot be ordered with `<`", "<", "compare with `==` or `!=`"},
    {"require true > false", "a condition (true or false) cannot be ordered with `>`", ">"},
    // in
    {"require plan.year in 2025", "`in` needs a list on the right, but this is an integer", "2025"},
    {"require plan.year in [\"2025\"]", "cannot look for an integer in a list of strings", "plan.year"},
    {"require plan.year in [2025, \"x\"]",
     "a list holds values of one type: this is a string, the list started with an integer", "\"x\""},
    {"require plan.year in [[1]]", "a list cannot hold a list of integers", "[1]"},
    // conditions
    {"require contribution.total", "`require` needs a condition (true or false), but this is money",
     "contribution.total", "to test whether it is given, write `has(contribution.total)`"},
    {"for activity a when a.description require true", "`when` needs a condition (true or false), but this is a string",
     "a.description", "to test whether it is given, write `has(a.description)`"},
    {"require not plan.year", "`not` needs a condition (true or false), but this is an integer", "plan.year"},
    {"require plan.year > 1 and plan.year", "`and` needs a condition (true or false), but this is an integer",
     "plan.year"},
    {"require count(activity where activity.budget) > 0",
     "`where` needs a condition (true or false), but this is money", "activity.budget"},
    // names
    {"require plna.year > 0", "unknown name `plna`", "plna", "did you mean `plan`?"},
    {"require plan.yaer > 0", "unknown field `yaer` of `plan`", "yaer", "did you mean `year`?"},
    {"require plan > 0", "`plan` needs a field: `year`, `municipality`, `status` or `adopted`", "plan"},
    {"require plan.year.x > 0", "`plan.year` has no field `x`", "x"},
    {"require plan.year[1] > 0", "`plan.year` cannot be indexed", "1"},
    {"for activity a require a.tsak == \"x\"", "unknown field `tsak`", "tsak", "did you mean `task`?"},
    {"for activity a require a == \"x\"", "`a` is an activity; name one of its fields", "a", "for example `a.budget`"},
    {"require a.budget > EUR 0", "unknown name `a`", "a"},
    {"require activity.budget > EUR 0", "`activity` is only known inside sum, count, min, max or avg", "activity"},
    {"for activity a require sum(activity.budget where activity.task == a.task) > EUR 0",
     "an aggregate cannot use the loop variable `a`", "a"},
    {"for activity a let mine = a.budget require sum(activity.budget where activity.budget > mine) > EUR 0",
     "an aggregate cannot use `mine`, which depends on the loop variable", "mine"},
    {"require milestone.evaluatei.due > 2025-01-01", "unknown milestone `evaluatei`", "evaluatei",
     "did you mean `evaluatie`?"},
    {"require milestone.evaluatie.dua > 2025-01-01", "unknown field `dua` of milestone `evaluatie`", "dua",
     "did you mean `due`?"},
    {"require milestone.evaluatie > 2025-01-01", "`milestone.evaluatie` needs a field: `due` or `completed`",
     "milestone.evaluatie"},
    {"require period.basis.end > 2025-01-01", "unknown field `end` of period `basis`", "end"},
    {"require period.bsis.from > 2025-01-01", "unknown period `bsis`", "bsis", "did you mean `basis`?"},
    {"require saving.besparing.amoutn > EUR 0", "unknown field `amoutn` of saving `besparing`", "amoutn",
     "did you mean `amount`?"},
    {"require party.gemeente.inwoners > 0", "unknown field `inwoners` of party `gemeente`", "inwoners"},
    {"require party.gemeent.inhabitants > 0", "unknown party `gemeent`", "gemeent", "did you mean `gemeente`?"},
    {"require agreement.hours > 0", "unknown field `hours` of `agreement`", "hours"},
    {"require contribution.totaal > EUR 0", "unknown field `totaal` of `contribution`", "totaal",
     "did you mean `total`?"},
    {"require contribution.bijdrage > EUR 0", "contribution `bijdrage` states an amount per year; say which year",
     "contribution.bijdrage", "write `contribution.bijdrage[2024]`"},
    {"require contribution.bijdrage[2023] > EUR 0", "contribution `bijdrage` states no amount for 2023", "2023",
     "it states amounts for 2024"},
    {"require contribution.bijdrage[\"2024\"] > EUR 0",
     "the year of a contribution must be an integer, but this is a string", "\"2024\""},
    {"require contribution.bijdraeg[2024] > EUR 0", "unknown contribution `bijdraeg`", "bijdraeg",
     "did you mean `bijdrage`?"},
    {"require plan.adopted > 2025-02-30", "date `2025-02-30` does not exist", "2025-02-30"},
    // functions and aggregates with the wrong argument
    {"require sum(activity.id) > 0", "`sum` needs numbers, money or percentages, but this is a string", "activity.id"},
    {"require min(activity.description) == \"\"",
     "`min` needs numbers, money, percentages or dates, but this is a string", "activity.description"},
    {"require avg(activity.from) > 2025-01-01", "`avg` needs numbers, money or percentages, but this is a date",
     "activity.from"},
    {"require sum(activity) > 0", "`activity` is an activity; name one of its fields", "activity"},
    {"require year(plan.year) > 0", "`year` needs a date, but this is an integer", "plan.year"},
    {"require days(plan.adopted, 5) > 0", "`days` needs a date, but this is an integer", "5"},
    {"require round(\"x\") > 0", "`round` needs a number, money or a percentage, but this is a string", "\"x\""},
    {"require has(period.basis.from)", "`period.basis.from` is always known: `has` asks whether the plan gives a field",
     "period.basis.from"},
    {"require has(agreement.hours_per_fte)",
     "`agreement.hours_per_fte` is always known: `has` asks whether the plan gives a field", "agreement.hours_per_fte"},
    // let
    {"let plan = 1 require true", "`let plan` hides the built-in name `plan`", "plan", "choose another name"},
    {"let x = 1 let x = 2 require true", "`x` is already defined by a `let` of this rule", "x"},
    {"let x = y let y = 1 require x > 0", "unknown name `y`", "y"},
    {"let x = 1 require x.y > 0", "`x` is an integer; it has no field `y`", "y"},
    {"for activity a let a = 1 require true", "`let a` hides the built-in name `a`", "a"},
    // messages: each `{EXPR}` is type-checked where it is written
    {"require true message \"total {contribution.totl}\"", "unknown field `totl` of `contribution`", "totl",
     "did you mean `total`?"},
    {"require true message \"a \\\"q\\\" {plna.year}\"", "unknown name `plna`", "plna"},
    // non-ASCII text before the expression: columns count code points
    {"require true message \"coördinatie € {plna.year}\"", "unknown name `plna`", "plna"},
};
INSTANTIATE_TEST_SUITE_P(rejected, type_table, ::testing::ValuesIn(rejected));

// A message with a `{EXPR}` of 110 KB after non-ASCII text: it compiles in linear time (positions used to
// be computed from the start of the line per character), and an error at its far end is reported at the
// exact place: the operand of the wrong type.
TEST(type_check, a_huge_expression_in_a_message_is_placed_exactly) {
  // 9,000 elements: a column near 100,000, and the rule still within max_rule_nodes (10,000).
  std::string list = "[";
  for (int i = 0; i < 9'000; ++i) list += "plan.year, ";
  const std::string prefix = "rule r \"t\" error { require true message \"co\xC3\xB6rdinatie \xE2\x82\xAC {";
  auto good = load_with_rules(prefix + list + "plan.year]}\" }\n");
  ASSERT_TRUE(good->model) << render_short(good->load_findings, ".");
  EXPECT_TRUE(good->type_errors().empty()) << render_short(good->type_errors(), ".");

  auto bad = load_with_rules(prefix + list + "plan.year + plan.status]}\" }\n");
  ASSERT_TRUE(bad->model);
  ASSERT_EQ(bad->type_errors().size(), 1u) << render_short(bad->type_errors(), ".");
  const diagnostic& d = bad->type_errors().front();
  EXPECT_EQ(text_of(d.primary), "plan.status");
  EXPECT_EQ(d.primary.begin.line, first_rule_line);
  EXPECT_EQ(d.primary.begin.column, count_code_points(prefix + list + "plan.year + ") + 1);
}

TEST(type_check, an_absent_agreement_value_is_a_type_error) {
  source_manager sources;
  diagnostics found;
  auto model =
      load_agreement_text("a.akkoord",
                          "agreement T \"t\" { since 2013-01-01 documents d hours_per_fte 1 }\n"
                          "party p \"P\" { roles r inhabitants 5 }\n"
                          "contribution c \"C\" { payer p payee e 2024: EUR 1 }\n"
                          "saving s \"S\" { on c base 2024 from 2025 rate 1% }\n"
                          "rule r \"t\" error { require saving.s.amount > EUR 0 and agreement.tolerance > 1% }\n",
                          sources, found);
  ASSERT_TRUE(model) << render_short(found, ".");
  const auto& errors = rules_of(*model)->type_errors();
  ASSERT_EQ(errors.size(), 2u) << render_short(errors, ".");
  EXPECT_EQ(errors[0].message.en, "saving `s` does not state `amount`");
  EXPECT_EQ(text_of(errors[0].primary), "amount");
  EXPECT_EQ(errors[1].message.en, "the agreement does not state `tolerance`");
}

TEST(type_check, a_long_flat_chain_type_checks) {
  std::string chain = "1";
  for (int i = 0; i < 150; ++i) chain += " + 1";
  auto a = load_with_rules("rule r \"t\" error { require " + chain + " == 151 }\n");
  ASSERT_TRUE(a->model) << render_short(a->load_findings, ".");
  EXPECT_TRUE(a->type_errors().empty()) << render_short(a->type_errors(), ".");
}

TEST(type_check, errors_in_separate_parts_are_all_reported_once) {
  auto a = load_with_rules(
      "rule r \"t\" error { let x = plna.year when contribution.total > 5 require x > 0 and a.budget > EUR 0 }\n");
  ASSERT_TRUE(a->model);
  // `plna`, `> 5` and `a`; the uses of the broken `x` add nothing.
  EXPECT_EQ(a->type_errors().size(), 3u) << render_short(a->type_errors(), ".");
}

TEST(type_check, deep_nesting_is_an_error_not_a_crash) {
  std::string deep = "1";
  for (int i = 0; i < 3000; ++i) deep += " + 1";
  auto a = load_with_rules("rule r \"t\" error { require " + deep + " > 0 }\n");
  if (!a->model || !a->model->broken.empty()) {  // the parser bounds nesting itself, with a finding
    ASSERT_FALSE(a->load_findings.empty());
    EXPECT_NE(a->load_findings.front().message.en.find("nested too deeply"), std::string::npos);
    return;
  }
  ASSERT_FALSE(a->type_errors().empty());
  EXPECT_NE(a->type_errors().front().message.en.find("nested too deeply"), std::string::npos);
}

// Trees deeper than the parser allows (a model built by hand) are refused by the compiler, not recursed into.
TEST(type_check, the_compiler_bounds_the_depth_of_a_tree_it_is_given) {
  agreement_model model;
  ast::file file;
  ast::rule_decl rule;
  rule.id.name = "deep";
  rule.severity.name = "error";
  ast::expr e;
  e.kind = ast::expr_kind::integer;
  e.value = std::int64_t{1};
  for (int i = 0; i < 5000; ++i) {
    ast::expr parent;
    parent.kind = ast::expr_kind::unary;
    parent.name = "-";
    parent.operands.push_back(std::move(e));
    e = std::move(parent);
  }
  ast::expr zero;
  zero.kind = ast::expr_kind::integer;
  zero.value = std::int64_t{0};
  rule.require.kind = ast::expr_kind::binary;
  rule.require.name = ">";
  rule.require.operands.push_back(std::move(e));
  rule.require.operands.push_back(std::move(zero));
  file.declarations.emplace_back(std::move(rule));
  model.files.push_back(std::move(file));
  const compiled_rules compiled = compile_rules(model);
  ASSERT_EQ(compiled.type_errors().size(), 1u);
  EXPECT_NE(compiled.type_errors()[0].message.en.find("nested too deeply"), std::string::npos);
  EXPECT_EQ(compiled.runnable_count(), 0u);
  // Taking the deep tree apart again is the syntax tree's business; keep the test about the compiler.
  ast::expr& root = std::get<ast::rule_decl>(model.files[0].declarations[0]).require;
  ast::expr current = std::move(root.operands[0]);
  root.operands.clear();
  while (!current.operands.empty()) {
    ast::expr next = std::move(current.operands[0]);
    current = std::move(next);
  }
}

TEST(type_check, long_chains_of_lets_are_bounded_too) {
  auto rules_with = [](int n) {
    std::string lets = "let x0 = 1 ";
    for (int i = 1; i < n; ++i) lets += "let x" + std::to_string(i) + " = x" + std::to_string(i - 1) + " + 1 ";
    return "rule r \"t\" warning { " + lets + "require x" + std::to_string(n - 1) + " < 0 message \"{x" +
           std::to_string(n - 1) + "}\" }\n";
  };
  auto fine = load_with_rules(rules_with(300));
  ASSERT_TRUE(fine->model);
  EXPECT_TRUE(fine->type_errors().empty()) << render_short(fine->type_errors(), ".");
  const auto found = run_on_plan(*fine, std::string(plan_head));
  ASSERT_EQ(found.size(), 1u);
  EXPECT_EQ(found[0].message.en, "300");

  auto too_deep = load_with_rules(rules_with(1500));
  ASSERT_TRUE(too_deep->model);
  ASSERT_EQ(too_deep->type_errors().size(), 1u);
  EXPECT_NE(too_deep->type_errors()[0].message.en.find("too deeply to evaluate"), std::string::npos);
}

TEST(type_check, the_reference_agreement_type_checks) {
  source_manager sources;
  diagnostics found;
  auto model = load_agreement((source_dir() / "rules" / "aa.akkoord").string(), sources, found);
  ASSERT_TRUE(model) << render_short(found, ".");
  const auto rules = rules_of(*model);
  EXPECT_TRUE(rules->type_errors().empty()) << render_short(rules->type_errors(), ".");
  EXPECT_EQ(rules->runnable_count(), 2u);
  EXPECT_EQ(rules->rule_ids(), (std::vector<std::string>{"rule:overhead_aandeel", "rule:grote_activiteit"}));
  // Compiled once, when the agreement loaded: asking again gives the same object.
  EXPECT_EQ(rules_of(*model).get(), rules.get());
}

// A rule of `elements` list elements: `plan.year in [2025, 2025, …]`, flat, so only its size can be too large.
std::unique_ptr<loaded_agreement> rule_with_list(std::size_t elements) {
  std::string list = "2025";
  for (std::size_t k = 1; k < elements; ++k) list += ", 2025";
  return load_with_rules("rule groot \"t\" error { require plan.year in [" + list + "] }\n");
}

// The node count a too-large rule reports ("… have N operators, …"); 0 when it is not reported.
std::size_t reported_size(const loaded_agreement& a) {
  for (const diagnostic& d : a.type_errors()) {
    const std::string& m = d.message.en;
    const std::size_t at = m.find(" is too large: its expressions have ");
    if (at != std::string::npos) return std::stoul(m.substr(at + 36));
  }
  return 0;
}

TEST(type_check, a_rule_of_more_than_ten_thousand_nodes_is_refused_at_its_id) {
  // The nodes besides the list's elements, read from the finding for a rule that is certainly too large.
  const auto large = rule_with_list(10'000);
  ASSERT_TRUE(large->model) << render_short(large->load_findings, ".");
  const std::size_t size = reported_size(*large);
  ASSERT_GT(size, 10'000u) << render_short(large->type_errors(), ".");
  const std::size_t other_nodes = size - 10'000;

  const auto just_over = rule_with_list(10'000 - other_nodes + 1);
  ASSERT_EQ(just_over->type_errors().size(), 1u) << render_short(just_over->type_errors(), ".");
  const diagnostic& d = just_over->type_errors().front();
  EXPECT_EQ(d.message.en, "rule `groot` is too large: its expressions have 10001 operators, names and values, more "
                          "than the 10000 a rule may have");
  EXPECT_EQ(d.message.nl, "regel `groot` is te groot: de expressies bevatten 10001 operatoren, namen en waarden, meer "
                          "dan de 10000 die een regel mag hebben");
  EXPECT_EQ(d.primary.begin.line, first_rule_line);
  EXPECT_EQ(d.primary.begin.column, 6u);  // at the id
  EXPECT_EQ(rules_of(*just_over->model)->runnable_count(), 0u);

  const auto just_under = rule_with_list(10'000 - other_nodes);
  EXPECT_TRUE(just_under->type_errors().empty()) << render_short(just_under->type_errors(), ".");
  EXPECT_EQ(rules_of(*just_under->model)->runnable_count(), 1u);
}

}  // namespace
}  // namespace akkoord::testing
