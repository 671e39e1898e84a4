// Recovery: every syntax error of a file in one run, each at its place; the declarations between them parse;
// a broken declaration is left out of the tree and named; missing and repeated clauses are all reported; the
// error limit; carets placed by data, never in a comment.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <vector>

#include "parse_helpers.hpp"

namespace akkoord::test {
namespace {

struct at {
  std::uint32_t line;
  std::uint32_t column;
  std::string message;
};

void expect_errors(const parsed& p, const std::vector<at>& expected) {
  ASSERT_EQ(p.outcome.errors.size(), expected.size()) << p.first_error();
  for (std::size_t i = 0; i < expected.size(); ++i) {
    const diagnostic& d = p.outcome.errors[i];
    EXPECT_EQ(d.id, "dsl-syntax");
    EXPECT_EQ(d.message.en, expected[i].message) << "error " << i;
    EXPECT_EQ(d.primary.begin.line, expected[i].line) << d.message.en;
    EXPECT_EQ(d.primary.begin.column, expected[i].column) << d.message.en;
    EXPECT_FALSE(d.message.nl.empty());
    EXPECT_NE(d.message.nl, d.message.en);
  }
}

std::vector<std::string> ids_of(const parsed& p) {
  std::vector<std::string> ids;
  for (const auto& d : p.tree().declarations)
    std::visit([&](const auto& decl) {
      if constexpr (requires { decl.id; }) ids.push_back(decl.id.name);
    }, d);
  return ids;
}

std::vector<std::string> broken_ids(const parsed& p) {
  std::vector<std::string> ids;
  for (const auto& b : p.outcome.broken) ids.push_back(b.keyword + " " + (b.id ? b.id->name : "(none)"));
  return ids;
}

TEST(Recovery, ThreeBrokenDeclarationsGiveThreeErrorsAndTheRestParses) {
  const parsed p = parse_text(
      "party a \"A\" { roles r inhabitants 1 }\n"          // 1
      "period basis \"B\" 2022-01-01 2026-12-31\n"         // 2: no '..'
      "party b \"B\" { roles r inhabitants 2 }\n"          // 3
      "agreemnt AA \"x\" { }\n"                            // 4: not a declaration
      "milestone m \"M\" { due 2025-1-01 }\n"              // 5: not a date
      "party c \"C\" { roles r inhabitants 3 }\n");        // 6
  expect_errors(p, {{2, 29, "expected '..' between the start and end date"},
                    {4, 1,
                     "expected a declaration: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, "
                     "`contribution`, `saving`, `benchmark`, `rule` or `include`"},
                    {5, 23, "expected a date (YYYY-MM-DD) after `due`"}});
  ASSERT_TRUE(p.outcome.tree.has_value());
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"a", "b", "c"}));
  EXPECT_EQ(broken_ids(p), (std::vector<std::string>{"period basis", "agreemnt AA", "milestone m"}));
  ASSERT_TRUE(p.outcome.broken[0].id.has_value());
  expect_span(p.outcome.broken[0].id->span, 2, 8, 2, 13, "the broken period's name");
}

TEST(Recovery, AfterAnErrorOnlyALineThatStartsADeclarationResumes) {
  // The unknown word on line 2 is skipped with the broken period: recovery looks for declaration keywords.
  const parsed p = parse_text("period basis \"B\" 2022-01-01 ..\nagreemnt AA \"x\" { }\nparty c \"C\" { roles r inhabitants 3 }\n");
  expect_errors(p, {{1, 31, "expected an end date (YYYY-MM-DD) after '..'"}});
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"c"}));
}

TEST(Recovery, InsideABlockEachBadClauseIsReportedAndTheBlockEndsAtItsBrace) {
  const parsed p = parse_text(
      "task t \"T\" {\n"
      "  taakveld\n"                          // 2: no code (the caret right after `taakveld`)
      "  responsible aalsmeer\n"
      "  sinse 2020\n"                        // 4: not a clause of a task
      "  executed_by AA from 2013-01-01\n"
      "}\n"
      "party p \"P\" { roles r inhabitants 1 }\n");
  expect_errors(p, {{2, 11, "expected a taakveld code like `0.2` or `6.71a` after `taakveld` or ','"},
                    {4, 3, "expected `taakveld`, `responsible`, `for`, `executed_by`, `returned_to`, `basic`, `article` or '}' in the task"}});
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"p"}));
  EXPECT_EQ(broken_ids(p), (std::vector<std::string>{"task t"}));
}

TEST(Recovery, ABlockWithoutItsBraceIsOneErrorAndTheNextDeclarationParses) {
  const parsed p = parse_text(
      "party a \"A\" {\n"
      "  roles r\n"
      "  inhabitants 1\n"
      "party b \"B\" { roles r inhabitants 2 }\n");
  expect_errors(p, {{4, 1, "expected `roles`, `inhabitants`, `article` or '}' in the party"}});
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"b"}));
}

TEST(Recovery, AnErrorInABlockThatNeverClosesGivesNoSecondError) {
  const parsed p = parse_text(
      "rule r \"R\" error {\n"
      "  require a < b < c\n"
      "task t \"T\" { taakveld 0.2 responsible a executed_by AA from 2013-01-01 }\n");
  expect_errors(p, {{2, 17, "a comparison cannot be compared again"}});
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"t"}));
  EXPECT_EQ(broken_ids(p), (std::vector<std::string>{"rule r"}));
}

TEST(Recovery, APathThatStartsWithADeclarationKeywordIsNoRecoveryPoint) {
  // `period.basis.to` starts a line after the error: an expression, not a declaration, so the block goes on.
  const parsed p = parse_text(
      "rule r \"R\" error {\n"
      "  require a < b < c and\n"
      "    period.basis.to > b\n"
      "  message \"x\"\n"
      "}\n"
      "party p \"P\" { roles r inhabitants 1 }\n");
  expect_errors(p, {{2, 17, "a comparison cannot be compared again"}});
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"p"}));
}

TEST(Recovery, MissingClausesAreAllReported) {
  const parsed p = parse_text("agreement AA \"x\" { tolerance 5% }\n");
  expect_errors(p, {{1, 11, "agreement `AA` has no `since` date"},
                    {1, 11, "agreement `AA` has no `documents`"},
                    {1, 11, "agreement `AA` has no `hours_per_fte`"}});
  EXPECT_EQ(broken_ids(p), (std::vector<std::string>{"agreement AA"}));
}

TEST(Recovery, RepeatedClausesAndBadValuesAreAllReported) {
  const parsed p = parse_text(
      "milestone m \"M\" {\n"
      "  due 2025-01-01\n"
      "  due 2025-02-01\n"
      "  due 2025-03-01\n"
      "}\n"
      "saving s \"S\" { on c base 2024 from 2025 rate 99999999999999999999% amount EUR 1.005 }\n");
  expect_errors(p, {{3, 3, "`due` is given twice in milestone `m`"},
                    {4, 3, "`due` is given twice in milestone `m`"},
                    {6, 46, "percentage `99999999999999999999%` is too large"},
                    {6, 75, "amount `EUR 1.005` has more than 2 decimals"}});
  EXPECT_EQ(broken_ids(p), (std::vector<std::string>{"milestone m", "saving s"}));
}

TEST(Recovery, IncludeErrorsRecoverToo) {
  const parsed p = parse_text("include rules.akkoord\ninclude \"a\\q.akkoord\"\ninclude \"b.akkoord\"\n");
  expect_errors(p, {{1, 9, "expected a file path as a string after `include`"},
                    {2, 12, "unknown escape sequence in a string"}});
  ASSERT_EQ(p.tree().declarations.size(), 1u);
  EXPECT_EQ(std::get<ast::include_decl>(p.tree().declarations[0]).path.value, "b.akkoord");
}

TEST(Recovery, TheCountOfTheRestIsGroupedAsEachLanguageWritesNumbers) {
  std::string text;
  const std::size_t broken = parser::max_syntax_errors_per_file + 1234;
  for (std::size_t i = 0; i < broken; ++i) text += "party p" + std::to_string(i) + " {\n";
  const parsed p = parse_text(text);
  const diagnostic& summary = p.outcome.errors.back();
  EXPECT_EQ(summary.message.en, "1,234 more syntax errors are not shown; the first of them is here");
  EXPECT_EQ(summary.message.nl, "nog 1.234 syntaxfouten worden niet getoond; de eerste daarvan staat hier");
}

TEST(Recovery, AfterTheLimitOneFindingCountsTheRest) {
  std::string text;
  const std::size_t broken = parser::max_syntax_errors_per_file + 12;
  for (std::size_t i = 0; i < broken; ++i) text += "party p" + std::to_string(i) + " {\n";
  const parsed p = parse_text(text);
  ASSERT_EQ(p.outcome.errors.size(), parser::max_syntax_errors_per_file + 1);
  EXPECT_EQ(p.outcome.broken.size(), broken);
  const diagnostic& last_shown = p.outcome.errors[parser::max_syntax_errors_per_file - 1];
  EXPECT_EQ(last_shown.message.en, "expected the party's name as a string after its id");
  EXPECT_EQ(last_shown.primary.begin.line, parser::max_syntax_errors_per_file);
  const diagnostic& summary = p.outcome.errors.back();
  EXPECT_EQ(summary.message.en, "12 more syntax errors are not shown; the first of them is here");
  EXPECT_EQ(summary.message.nl, "nog 12 syntaxfouten worden niet getoond; de eerste daarvan staat hier");
  EXPECT_EQ(summary.primary.begin.line, parser::max_syntax_errors_per_file + 1);
  ASSERT_TRUE(summary.help.has_value());
  EXPECT_NE(summary.help->nl.find("50"), std::string::npos);

  const parsed one_more = parse_text(text.substr(0, text.find("party p51 ")));
  ASSERT_EQ(one_more.outcome.errors.size(), parser::max_syntax_errors_per_file + 1);
  EXPECT_EQ(one_more.outcome.errors.back().message.en, "1 more syntax error is not shown; it is here");
}

TEST(Recovery, ThousandsOfErrorsStayLinear) {
  std::string text;
  for (int i = 0; i < 10'000; ++i) text += "task t" + std::to_string(i) + " \"T\" { taakveld }\n";
  const auto start = std::chrono::steady_clock::now();
  const parsed p = parse_text(text);
  const auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  EXPECT_EQ(p.outcome.broken.size(), 10'000u);
  EXPECT_EQ(p.outcome.errors.size(), parser::max_syntax_errors_per_file + 1);
  EXPECT_LT(seconds, 20.0) << "a quadratic scan would take minutes";
}

// ---- carets ----------------------------------------------------------------------------------------------

TEST(Caret, MissingEndDateGoesRightAfterTheDotsBeforeATrailingComment) {
  const parsed p = parse_text("period basis \"B\" 2022-01-01 ..   # einddatum volgt\nparty p \"P\" { roles r inhabitants 1 }\n");
  expect_errors(p, {{1, 31, "expected an end date (YYYY-MM-DD) after '..'"}});
  expect_span(p.outcome.errors[0].primary, 1, 31, 1, 32, "the blank after `..`");
  EXPECT_EQ(ids_of(p), (std::vector<std::string>{"p"}));
}

TEST(Caret, AtTheEndOfTheFileWithACommentAndCommentLinesBetween) {
  const parsed p = parse_text("period basis \"B\" 2022-01-01 .. # einddatum volgt\n# nog een opmerking\n   # en nog een");
  expect_errors(p, {{1, 31, "expected an end date (YYYY-MM-DD) after '..'"}});
}

TEST(Caret, AHashInAStringIsNoComment) {
  const parsed p = parse_text("party p \"Gemeente # Aalsmeer\"   # de naam\n  roles r\n");
  expect_errors(p, {{1, 30, "expected '{' after the party's name"}});
}

TEST(Caret, OnTheOffendingTokenWhenSomethingFollowsOnTheSameLine) {
  const parsed p = parse_text("period basis \"B\" 2022-01-01 .. eind\n");
  expect_errors(p, {{1, 32, "expected an end date (YYYY-MM-DD) after '..'"}});
}

TEST(Caret, AtTokenErrorsStayOnTheToken) {
  // `expected ... or '}' in the party` is at_token: the unknown word is the mistake, even on a later line.
  const parsed p = parse_text("party p \"P\" {\n  # rollen\n\n  rollen r\n}\n");
  expect_errors(p, {{4, 3, "expected `roles`, `inhabitants`, `article` or '}' in the party"}});
}

}  // namespace
}  // namespace akkoord::test
