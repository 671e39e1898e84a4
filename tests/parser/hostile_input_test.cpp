// Input meant to break the parser: deep nesting, garbage, empty, not UTF-8, too large. Each must give a
// clean diagnostic (with line and column where there is one) and never crash, overflow the stack or hang.
#include <gtest/gtest.h>

#include <cstdint>
#include <random>
#include <string>
#include <vector>

#include "parse_helpers.hpp"

namespace akkoord::test {
namespace {

std::string repeat(const std::string& s, std::size_t n) {
  std::string out;
  out.reserve(s.size() * n);
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// `rule r "R" error { require EXPR }`: EXPR starts at column 28.
std::string rule_requiring(const std::string& expression) { return "rule r \"R\" error { require " + expression + " }"; }

void expect_error_at(const parsed& p, std::uint32_t line, std::uint32_t column, const std::string& message) {
  ASSERT_EQ(p.outcome.errors.size(), 1u);
  const diagnostic& d = p.outcome.errors.front();
  EXPECT_EQ(d.id, "dsl-syntax");
  EXPECT_EQ(d.message.en, message);
  EXPECT_EQ(d.primary.begin.line, line);
  EXPECT_EQ(d.primary.begin.column, column);
}

// Any outcome is fine as long as it says why a declaration is missing, stays within the error limit, and
// every position lies inside the file.
void expect_clean_outcome(const parsed& p) {
  if (p.outcome.tree) {
    EXPECT_EQ(p.outcome.errors.empty(), p.outcome.broken.empty()) << "a broken declaration has an error, and back";
  } else {
    ASSERT_EQ(p.outcome.errors.size(), 1u) << "nothing read: one whole-file error";
  }
  EXPECT_LE(p.outcome.errors.size(), parser::max_syntax_errors_per_file + 1);
  for (const auto& d : p.outcome.errors) {
    EXPECT_EQ(d.id, "dsl-syntax");
    EXPECT_FALSE(d.message.en.empty());
    EXPECT_FALSE(d.message.nl.empty());
    EXPECT_EQ(d.primary.file, p.file.get());
    EXPECT_LE(d.primary.begin.line, p.file->line_count());
    if (d.primary.begin.line != 0) {
      EXPECT_GE(d.primary.begin.column, 1u);
      EXPECT_LE(d.primary.begin.column, count_code_points(p.file->line_text(d.primary.begin.line)) + 1);
    }
  }
}

// ---- nesting -----------------------------------------------------------------------------------------------

TEST(HostileInput, HundredThousandNestedParentheses) {
  const std::size_t n = 100'000;
  const parsed p = parse_text(rule_requiring(repeat("(", n) + "a" + repeat(")", n)));
  // The 201st expression level starts after 200 '(' (the first is at column 28).
  expect_error_at(p, 1, 228, "expression nested too deeply");
  ASSERT_TRUE(p.error().help.has_value());
}

TEST(HostileInput, NestingJustBelowTheLimitParses) {
  const std::size_t levels = parser::max_nesting_depth - 1;  // plus the outer expression
  const parsed ok = parse_text(rule_requiring(repeat("(", levels) + "a" + repeat(")", levels)));
  EXPECT_TRUE(ok.ok()) << ok.first_error();
  const parsed too_deep = parse_text(rule_requiring(repeat("(", levels + 1) + "a" + repeat(")", levels + 1)));
  expect_error_at(too_deep, 1, 228, "expression nested too deeply");
}

TEST(HostileInput, HundredThousandNots) {
  const parsed p = parse_text(rule_requiring(repeat("not ", 100'000) + "a"));
  // The operand of the 200th `not` (at the 201st `not`) is the 201st level.
  expect_error_at(p, 1, 28 + 4 * 200, "expression nested too deeply");
}

TEST(HostileInput, NotChainAtTheLimitParsesAndStaysWithinTheAstDepth) {
  const std::size_t nots = parser::max_nesting_depth - 1;
  const parsed p = parse_text(rule_requiring(repeat("not ", nots) + "a"));
  ASSERT_TRUE(p.ok()) << p.first_error();
  const ast::expr* e = &std::get<ast::rule_decl>(p.tree().declarations[0]).require;
  std::size_t depth = 1;
  while (!e->operands.empty()) {
    e = &e->operands[0];
    ++depth;
  }
  EXPECT_EQ(depth, parser::max_nesting_depth);
}

TEST(HostileInput, HundredThousandUnaryMinuses) {
  const parsed p = parse_text(rule_requiring(repeat("- ", 100'000) + "1"));
  expect_error_at(p, 1, 28 + 2 * 200, "expression nested too deeply");
}

TEST(HostileInput, HundredThousandNestedLists) {
  const std::size_t n = 100'000;
  const parsed p = parse_text(rule_requiring(repeat("[", n) + "1" + repeat("]", n)));
  expect_error_at(p, 1, 228, "expression nested too deeply");
}

TEST(HostileInput, HundredThousandNestedCallsAndIndexes) {
  const std::size_t n = 100'000;
  expect_error_at(parse_text(rule_requiring(repeat("round(", n) + "1" + repeat(")", n))), 1, 28 + 6 * 200,
                  "expression nested too deeply");
  expect_error_at(parse_text(rule_requiring(repeat("a[", n) + "1" + repeat("]", n))), 1, 28 + 2 * 200,
                  "expression nested too deeply");
}

TEST(HostileInput, LongOperatorChainIsBoundedInTheSyntaxTree) {
  // Flat for the grammar, but a left-deep tree of 1,000 levels in the AST: refused, so that code walking the
  // AST recursively can rely on max_nesting_depth.
  const parsed p = parse_text(rule_requiring(repeat("a + ", 1000) + "a"));
  expect_error_at(p, 1, 28, "expression nested too deeply");
  const parsed fine = parse_text(rule_requiring(repeat("a + ", 150) + "a"));
  EXPECT_TRUE(fine.ok()) << fine.first_error();
}

TEST(HostileInput, ManyFlatListElementsAreFine) {
  const parsed p = parse_text(rule_requiring("x in [" + repeat("1, ", 10'000) + "1]"));
  ASSERT_TRUE(p.ok()) << p.first_error();
  EXPECT_EQ(std::get<ast::rule_decl>(p.tree().declarations[0]).require.operands[1].operands.size(), 10'001u);
}

// ---- empty, not UTF-8, too large -------------------------------------------------------------------------

TEST(HostileInput, EmptyFile) {
  for (const char* text : {"", "  \n\t\r\n", "\xEF\xBB\xBF"}) {
    const parsed p = parse_text(text);
    ASSERT_FALSE(p.outcome.tree.has_value());
    EXPECT_EQ(p.error().message.en, "the file is empty");
    EXPECT_EQ(p.error().primary.file, p.file.get());
    EXPECT_EQ(p.error().primary.begin.line, 0u) << "a whole-file message";
  }
}

TEST(HostileInput, OnlyComments) {
  const parsed p = parse_text("# nothing here yet\n   # really\n");
  ASSERT_FALSE(p.outcome.tree.has_value());
  EXPECT_EQ(p.error().message.en, "the file contains no declarations");
}

TEST(HostileInput, InvalidUtf8ReportsTheFirstBadByte) {
  {
    const parsed p = parse_text("party p \"a\xFF" "b\" {}");
    expect_error_at(p, 1, 11, "the file is not valid UTF-8 (byte 0xFF)");
    ASSERT_TRUE(p.error().help.has_value());
  }
  {
    // code points before it on the same line, a truncated sequence
    const parsed p = parse_text("# ok\nparty p \"\xC3\xB6\xE2\x82\xAC\xE2\x82\" {}");
    expect_error_at(p, 2, 12, "the file is not valid UTF-8 (byte 0xE2)");
  }
  {
    const parsed p = parse_text("period p \"t\" 2025-01-01 .. 2025-12-31\n\xC0\xAF");  // overlong '/'
    expect_error_at(p, 2, 1, "the file is not valid UTF-8 (byte 0xC0)");
  }
}

TEST(HostileInput, FiftyMegabytes) {
  std::string text = "milestone m \"M\" { due 2025-01-01 }\n";
  while (text.size() < 50u * 1024u * 1024u) text += text;
  ASSERT_GE(text.size(), 50u * 1024u * 1024u);
  const parsed p = parse_text(std::move(text));
  ASSERT_FALSE(p.outcome.tree.has_value());
  EXPECT_EQ(p.error().message.en.rfind("the file is too large", 0), 0u) << p.error().message.en;
  EXPECT_EQ(p.error().primary.begin.line, 0u);
}

TEST(HostileInput, NulBytesAndControlCharacters) {
  const parsed p = parse_text(std::string("period p \"t\" 2025-01-01 .. 2025-12-31\n") + std::string("\0\0\x01", 3));
  expect_error_at(p, 2, 1,
                  "expected a declaration: `agreement`, `party`, `executor`, `period`, `milestone`, `task`, `contribution`, "
                  "`saving`, `benchmark`, `rule` or `include`");
}

// ---- garbage ---------------------------------------------------------------------------------------------

TEST(HostileInput, RandomBinaryGarbage) {
  std::mt19937 random(20250701);
  std::uniform_int_distribution<int> byte(0, 255);
  std::uniform_int_distribution<std::size_t> length(1, 4096);
  for (int round = 0; round < 300; ++round) {
    std::string text(length(random), '\0');
    for (auto& c : text) c = static_cast<char>(byte(random));
    const parsed p = parse_text(std::move(text));
    expect_clean_outcome(p);
    EXPECT_FALSE(p.outcome.errors.empty());
  }
}

TEST(HostileInput, RandomTokenSoup) {
  // Valid UTF-8 made of the language's own pieces, so the grammar (not the UTF-8 check) has to cope.
  const std::vector<std::string> tokens = {
      "agreement", "party",  "executor", "period", "milestone", "task",   "contribution", "saving", "benchmark",
      "rule",      "include", "since",   "due",    "taakveld",  "from",   "until",        "require", "let",
      "when",      "for",     "activity", "not",   "and",       "or",     "in",           "sum",    "has",
      "days",      "round",   "where",   "EUR",    "\xE2\x82\xAC", "{",  "}",            "(",      ")",
      "[",         "]",       ",",       ":",      ".",         "..",     "=",            "==",     "<",
      "+",         "-",       "*",       "/",      "%",         "#",      "\n",           "\r\n",   " ",
      "\"",        "\\",      "\"x\"",   "a",      "b.c",       "0.2",    "6.71a",        "2025",   "2025-01-01",
      "1_000",     "1.5",     "25%",     "error",  "warning",   "\xC3\xB6", "\t"};
  std::mt19937 random(42);
  std::uniform_int_distribution<std::size_t> pick(0, tokens.size() - 1);
  std::uniform_int_distribution<std::size_t> length(1, 300);
  int parsed_ok = 0;
  for (int round = 0; round < 2000; ++round) {
    std::string text;
    const std::size_t n = length(random);
    for (std::size_t i = 0; i < n; ++i) {
      text += tokens[pick(random)];
      if (random() % 2) text += ' ';
    }
    const parsed p = parse_text(std::move(text));
    expect_clean_outcome(p);
    parsed_ok += p.ok() ? 1 : 0;
  }
  EXPECT_LT(parsed_ok, 2000);
}

// ---- size --------------------------------------------------------------------------------------------------

TEST(HostileInput, QuarterMegabyteOnOneLineWithMultiByteCharacters) {
  // Linear parsing and O(1) positions even when every node sits on the same long non-ASCII line (a
  // column counted from the line start for each node would take ~10^10 steps here).
  std::string text;
  int tasks = 0;
  while (text.size() < 256 * 1024) {
    text += "task t" + std::to_string(tasks++) +
            " \"Taak \xE2\x82\xAC \xC3\xB6\" { taakveld 0.2, 6.71a from 2023 responsible aalsmeer executed_by AA from 2013-01-01 } ";
  }
  text += "task broken \"x\" { taakveld }";
  const parsed p = parse_text(text);
  ASSERT_EQ(p.outcome.errors.size(), 1u);
  // The error's column counts code points: 4 per task line (€ is 3 bytes, ö 2) fewer than bytes.
  const std::size_t expected_column = count_code_points(text);  // at the final '}'
  EXPECT_EQ(p.error().primary.begin.line, 1u);
  EXPECT_EQ(p.error().primary.begin.column, expected_column);
  text.resize(text.size() - std::string("task broken \"x\" { taakveld }").size());
  const parsed good = parse_text(text);
  ASSERT_TRUE(good.ok()) << good.first_error();
  EXPECT_EQ(good.tree().declarations.size(), static_cast<std::size_t>(tasks));
  const auto& last = std::get<ast::task_decl>(good.tree().declarations.back());
  EXPECT_EQ(last.span.end.column, count_code_points(text));  // just after the final '}' (the text ends in a space)
}

}  // namespace
}  // namespace akkoord::test
