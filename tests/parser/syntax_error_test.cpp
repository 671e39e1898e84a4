// Table-driven syntax errors: input -> line, column (in code points) and the English message.
// Each case names what it covers; columns were counted by hand from the input.
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "parse_helpers.hpp"

namespace akkoord::test {
namespace {

struct error_case {
  const char* name;
  std::string input;
  std::uint32_t line;
  std::uint32_t column;
  std::string message;
};

void PrintTo(const error_case& c, std::ostream* os) { *os << c.name; }

const std::vector<error_case>& error_cases() {
  static const std::vector<error_case> cases = {
      // ---- top level ----
      {"unknown_declaration", "agreemnt AA \"x\" {}", 1, 1,
       "expected a declaration: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, `saving`, "
       "`benchmark`, `rule` or `include`"},
      {"include_without_string", "include rules.akkoord", 1, 9, "expected a file path as a string after `include`"},
      {"unknown_escape", "include \"a\\q.akkoord\"", 1, 12, "unknown escape sequence in a string"},
      {"unterminated_string", "include \"abc\nperiod", 1, 13, "expected a closing '\"' before the end of the line"},

      // ---- agreement ----
      {"agreement_without_since", "agreement AA \"x\" {\n  documents a\n  hours_per_fte 1_536\n}", 1, 11,
       "agreement `AA` has no `since` date"},
      {"agreement_hours_not_whole", "agreement AA \"x\" { since 2013-01-01 documents a hours_per_fte 1.5 }", 1, 63,
       "expected a whole number of hours after `hours_per_fte`"},
      {"agreement_tolerance_without_percent",
       "agreement AA \"x\" { since 2013-01-01 documents a hours_per_fte 1_536 tolerance 5 }", 1, 79,
       "expected a percentage like `5%` after `tolerance`"},
      {"agreement_documents_trailing_comma", "agreement AA \"x\" { documents a, }", 1, 33,
       "expected a document name after `documents` or ','"},
      {"agreement_unknown_clause", "agreement AA \"x\" {\n  sinse 2013-01-01\n}", 2, 3,
       "expected `since`, `documents`, `hours_per_fte`, `tolerance`, `article` or '}' in the agreement"},
      {"agreement_since_twice",
       "agreement AA \"x\" {\n  since 2013-01-01\n  documents a\n  hours_per_fte 1\n  since 2014-01-01\n}", 5, 3,
       "`since` is given twice in agreement `AA`"},

      // ---- party ----
      {"party_without_inhabitants", "party p \"P\" { roles r }", 1, 7, "party `p` has no `inhabitants` count"},
      {"party_inhabitants_after_umlaut", "party p \"Gemeente \xC3\x96lst\" { roles r inhabitants 1.5 }", 1, 47,
       "expected a whole number after `inhabitants`"},
      {"party_inhabitants_overflow", "party p \"P\" { roles r inhabitants 99999999999999999999 }", 1, 35,
       "number `99999999999999999999` is too large"},
      {"party_without_brace", "party p \"P\"\n  roles r", 1, 12, "expected '{' after the party's name"},

      // ---- executor ----
      {"executor_employer_and_part_of", "executor e \"E\" {\n employer a\n part_of b\n}", 3, 2,
       "executor `e` has both `employer` and `part_of`"},
      {"executor_without_relation", "executor e \"E\" { serves a }", 1, 10, "executor `e` has neither `employer` nor `part_of`"},
      {"executor_employer_twice", "executor e \"E\" { employer a employer b }", 1, 29, "`employer` is given twice in executor `e`"},

      // ---- period ----
      // a piece missing at the end of a line is shown where it was left out, not on the next line
      {"period_end_date_missing_at_line_end", "period p \"t\" 2025-01-01 ..\nmilestone m \"M\" { due 2025-07-01 }", 1, 27,
       "expected an end date (YYYY-MM-DD) after '..'"},
      {"period_bad_end_date", "period p \"t\" 2025-01-01 .. 2025-13", 1, 28, "expected an end date (YYYY-MM-DD) after '..'"},
      {"period_bad_end_after_euro_and_umlaut", "period p \"\xE2\x82\xAC\xC3\xB6\" 2025-01-01 .. x", 1, 29,
       "expected an end date (YYYY-MM-DD) after '..'"},
      {"period_without_dots", "period p \"t\" 2025-01-01 2025-12-31", 1, 25, "expected '..' between the start and end date"},
      {"period_without_title", "period p 2025-01-01 .. 2025-12-31", 1, 10, "expected the period's title as a string after its name"},
      {"period_until_without_milestone", "period p \"t\" 2027-01-01 .. 2030-12-31 provisional until }", 1, 57,
       "expected a milestone after `until`"},

      // ---- milestone ----
      {"milestone_without_name", "milestone \"x\" { due 2025-01-01 }", 1, 11, "expected a name for the milestone after `milestone`"},
      {"milestone_without_due", "milestone evaluatie \"E\" { }", 1, 11, "milestone `evaluatie` has no `due` date"},
      {"milestone_due_twice", "milestone m \"E\" {\n  due 2025-01-01\n  due 2025-02-01\n}", 3, 3, "`due` is given twice in milestone `m`"},
      {"milestone_bad_due_date", "milestone m \"E\" { due 2025-1-1 }", 1, 23, "expected a date (YYYY-MM-DD) after `due`"},
      {"milestone_unknown_clause", "milestone m \"E\" { dew 2025-01-01 }", 1, 19, "expected `due`, `article` or '}' in the milestone"},
      {"milestone_crlf_bad_date", "milestone m \"E\" {\r\n  due 2025-13-01x\r\n}", 2, 7, "expected a date (YYYY-MM-DD) after `due`"},

      // ---- task ----
      {"task_executed_by_without_from", "task t \"T\" {\n  executed_by AA 2013-01-01\n}", 2, 18,
       "expected `from` and a date after the executor"},
      {"task_quoted_taakveld", "task t \"T\" { taakveld \"0.2\" }", 1, 23,
       "expected a taakveld code like `0.2` or `6.71a` after `taakveld` or ','"},
      {"task_without_responsible", "task t \"T\" {\n  taakveld 0.2\n  executed_by AA from 2013-01-01\n}", 1, 6,
       "task `t` has no `responsible` party"},
      {"task_without_executed_by", "task t \"T\" {\n  taakveld 0.2\n  responsible a\n}", 1, 6, "task `t` has no `executed_by` clause"},
      {"task_ends_inside_block", "task t \"T\" {\n  taakveld 0.2\n", 3, 1,
       "expected `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` or '}' in the task"},
      {"task_basic_without_during", "task t \"T\" { basic basis }", 1, 20, "expected `during` after `basic`"},
      {"task_taakveld_year_not_four_digits", "task t \"T\" { taakveld 0.2 from 25 }", 1, 32, "expected a year (YYYY) after `from`"},

      // ---- contribution ----
      {"contribution_money_three_decimals", "contribution c \"C\" { payer a payee b 2024: EUR 1_250.505 }", 1, 44,
       "amount `EUR 1_250.505` has more than 2 decimals"},
      {"contribution_without_colon", "contribution c \"C\" { 2024 EUR 5 }", 1, 27, "expected ':' after the year"},
      {"contribution_without_currency", "contribution c \"C\" { 2024: 5 }", 1, 28,
       "expected an amount like `EUR 20_000_000` after the year's ':'"},
      {"contribution_without_amounts", "contribution c \"C\" { payer a payee b }", 1, 14, "contribution `c` has no yearly amounts"},

      // ---- saving ----
      {"saving_money_overflow", "saving s \"S\" { on c base 2024 from 2025 amount EUR 99_999_999_999_999_999_999 }", 1, 48,
       "amount `EUR 99_999_999_999_999_999_999` is too large"},
      {"saving_money_with_comma", "saving s \"S\" { on c base 2024 from 2025 amount EUR 300,000 }", 1, 52,
       "expected an amount after the currency, like `EUR 1_250.50`"},
      {"saving_euro_sign_three_decimals", "saving s \"S\" { on c base 2024 from 2025 amount \xE2\x82\xAC 0.001 }", 1, 48,
       "amount `\xE2\x82\xAC 0.001` has more than 2 decimals"},
      {"saving_without_rate_or_amount", "saving s \"S\" { on c base 2024 from 2025 }", 1, 8, "saving `s` has no `rate` and no `amount`"},

      // ---- benchmark ----
      {"benchmark_without_per_inhabitant", "benchmark b \"B\" { tolerance 10% taakveld 0.2: EUR 45 }", 1, 54,
       "expected `per inhabitant` after the amount"},
      {"benchmark_without_tolerance", "benchmark b \"B\" { taakveld 0.2: EUR 45 per inhabitant }", 1, 11,
       "benchmark `b` has no `tolerance`"},

      // ---- rule ----
      {"rule_bad_severity", "rule r \"R\" fatal { require true }", 1, 12,
       "expected the severity `error`, `warning` or `info` after the rule's title"},
      {"rule_without_require", "rule r \"R\" warning { when true }", 1, 6, "rule `r` has no `require` clause"},
      {"rule_when_twice", "rule r \"R\" info { when true when false require true }", 1, 29, "`when` is given twice in rule `r`"},
      {"rule_for_without_activity", "rule r \"R\" error { for a require true }", 1, 24, "expected `activity` after `for`"},
      {"rule_let_with_double_equals", "rule r \"R\" error { let x == 1 require x }", 1, 26, "expected '=' after the name in `let`"},

      // ---- the constructs of issue #8 ----
      {"indexation_without_colon", "contribution c \"C\" { indexation 2026 2% }", 1, 38, "expected ':' after the year of the indexation"},
      {"indexation_money_not_percent", "contribution c \"C\" { indexation 2026: EUR 5 }", 1, 39,
       "expected a percentage like `2.5%` after the indexation's ':'"},
      {"executor_until_year_only", "executor k \"K\" { part_of a until 2030 }", 1, 34, "expected a date (YYYY-MM-DD) after `until`"},
      {"task_for_trailing_comma", "task t \"T\" { for a, }", 1, 21, "expected a party after `for` or ','"},
      {"article_without_text", "saving s \"S\" { article regeling }", 1, 33,
       "expected the article as a string after the document, like `\"artikel 4 lid 2\"`"},
      {"article_without_document", "period p \"P\" 2022-01-01 .. 2026-12-31 article \"art. 1\"", 1, 47,
       "expected a document named in `documents` after `article`"},
      {"message_nl_without_string", "rule r \"R\" error { require true message nl }", 1, 44,
       "expected the Dutch message as a string after `message nl`"},
      {"message_unclosed_hole", "rule r \"R\" error { require true message \"open {plan.year\" }", 1, 57,
       "expected '}' after the expression in the message"},
      {"message_empty_hole", "rule r \"R\" error { require true message \"empty {} here\" }", 1, 49,
       "expected an expression after '{' in the message"},
      {"message_stray_brace", "rule r \"R\" error { require true message \"stray } here\" }", 1, 48, "'}' without '{' in the message"},
      {"message_hole_missing_operand", "rule r \"R\" error { require true message \"x {plan.year +} y\" }", 1, 56,
       "expected a value after the operator"},

      // ---- expressions ----
      {"expr_missing_operand", "rule r \"R\" error { require a + }", 1, 32, "expected a value after the operator"},
      {"expr_unclosed_paren", "rule r \"R\" error { require (a + b }", 1, 35, "expected ')' to close the parenthesis"},
      {"expr_chained_comparison", "rule r \"R\" error { require a < b < c }", 1, 34, "a comparison cannot be compared again"},
      {"expr_money_without_amount", "rule r \"R\" error { require a > EUR x }", 1, 36,
       "expected an amount after the currency, like `EUR 1_250.50`"},
      {"expr_where_without_condition", "rule r \"R\" error { require sum(a where) > 1 }", 1, 39, "expected a condition after `where`"},
      {"expr_days_one_argument", "rule r \"R\" error { require days(a) > 1 }", 1, 34,
       "expected ',' and a second argument: `days` takes two dates"},
      {"expr_has_not_a_path", "rule r \"R\" error { require has(1) }", 1, 32,
       "expected a path like `a.description` as the argument of `has`"},
      {"expr_path_trailing_dot", "rule r \"R\" error { require a. > 1 }", 1, 30, "expected a name after '.'"},
      {"expr_unclosed_list", "rule r \"R\" error { require a in [1, 2 }", 1, 39, "expected ',' or ']' in the list"},
      {"expr_not_without_operand", "rule r \"R\" error { require not }", 1, 32, "expected a condition after `not`"},
      {"expr_money_after_euro_sign", "rule r \"\xE2\x82\xAC\" error { require a > \xE2\x82\xAC 1.005 }", 1, 32,
       "amount `\xE2\x82\xAC 1.005` has more than 2 decimals"},
  };
  return cases;
}

class SyntaxError : public ::testing::TestWithParam<error_case> {};

TEST_P(SyntaxError, ReportsPositionAndMessage) {
  const error_case& c = GetParam();
  const parsed p = parse_text(c.input);
  ASSERT_EQ(p.outcome.errors.size(), 1u);
  const diagnostic& d = p.outcome.errors.front();
  // The declaration with the error is left out and named as broken; any after it still parse.
  ASSERT_TRUE(p.outcome.tree.has_value());
  ASSERT_EQ(p.outcome.broken.size(), 1u);
  for (const auto& declaration : p.tree().declarations)
    EXPECT_LT(d.primary.begin, std::visit([](const auto& decl) { return decl.span.begin; }, declaration));
  EXPECT_EQ(d.id, "dsl-syntax");
  EXPECT_EQ(d.level, severity::error);
  EXPECT_EQ(d.primary.file, p.file.get());
  EXPECT_EQ(d.message.en, c.message);
  EXPECT_EQ(d.primary.begin.line, c.line) << d.message.en;
  EXPECT_EQ(d.primary.begin.column, c.column) << d.message.en;
  EXPECT_FALSE(d.message.nl.empty());
  EXPECT_NE(d.message.nl, d.message.en);
  // Plain words: no C++ type names, no PEGTL wording.
  EXPECT_EQ(d.message.en.find("::"), std::string::npos);
  EXPECT_EQ(d.message.en.find("parse error matching"), std::string::npos);
}

INSTANTIATE_TEST_SUITE_P(Table, SyntaxError, ::testing::ValuesIn(error_cases()),
                         [](const ::testing::TestParamInfo<error_case>& param_info) { return std::string(param_info.param.name); });

TEST(SyntaxErrorDetails, DuplicateClausePointsAtTheFirstOne) {
  const parsed p = parse_text("milestone m \"E\" {\n  due 2025-01-01\n  due 2025-02-01\n}");
  const diagnostic& d = p.error();
  ASSERT_EQ(d.related.size(), 1u);
  expect_span(d.related[0].span, 2, 3, 2, 17, "first due");
  expect_span(d.primary, 3, 3, 3, 17, "second due");
  EXPECT_EQ(d.related[0].message.en, "first given here");
  ASSERT_TRUE(d.help.has_value());
  EXPECT_EQ(d.help->en, "keep one `due` clause");
}

TEST(SyntaxErrorDetails, GrammarErrorCaretCoversOneCharacter) {
  const parsed p = parse_text("period p \"\xE2\x82\xAC\" 2025-01-01 .. \xC3\xB6");
  const diagnostic& d = p.error();
  expect_span(d.primary, 1, 28, 1, 29, "caret under the `ö`");
}

TEST(SyntaxErrorDetails, MissingClauseHasHelpInBothLanguages) {
  const parsed p = parse_text("milestone evaluatie \"E\" { }");
  const diagnostic& d = p.error();
  EXPECT_EQ(d.message.nl, "mijlpaal `evaluatie` heeft geen `due`-datum");
  ASSERT_TRUE(d.help.has_value());
  EXPECT_EQ(d.help->en, "add `due YYYY-MM-DD` inside its braces");
  expect_span(d.primary, 1, 11, 1, 20, "the milestone's name");
}

}  // namespace
}  // namespace akkoord::test
