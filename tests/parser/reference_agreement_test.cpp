// rules/aa.akkoord, the reference agreement, parses without errors into the expected declarations;
// with a BOM and CRLF line ends it parses into the same.
#include <gtest/gtest.h>

#include <map>
#include <string>

#include "parse_helpers.hpp"

namespace akkoord::test {
namespace {

std::string reference_text() {
  read_error error;
  const auto text = read_whole_file(std::string(AKKOORD_SOURCE_DIR) + "/rules/aa.akkoord", error);
  EXPECT_TRUE(text.has_value()) << error.en;
  return text.value_or("");
}

std::map<std::string, int> count_kinds(const ast::file& file) {
  static const char* const names[] = {"agreement", "party", "executor", "period", "milestone", "task",
                                      "contribution", "saving", "benchmark", "rule", "include"};
  std::map<std::string, int> counts;
  for (const auto& d : file.declarations) ++counts[names[d.index()]];
  return counts;
}

const std::map<std::string, int> expected_counts = {
    {"agreement", 1}, {"party", 2},  {"executor", 2}, {"period", 3}, {"milestone", 1},
    {"task", 12},     {"contribution", 1}, {"saving", 1},   {"benchmark", 1}, {"rule", 2},
};

TEST(ReferenceAgreement, ParsesWithoutErrors) {
  const parsed p = parse_text(reference_text(), "rules/aa.akkoord");
  ASSERT_TRUE(p.ok()) << p.first_error();
  EXPECT_EQ(count_kinds(p.tree()), expected_counts);
  EXPECT_EQ(p.tree().source, p.file.get());

  // Spot checks against the text.
  const auto& agreement = std::get<ast::agreement_decl>(p.tree().declarations.front());
  EXPECT_EQ(agreement.id.name, "AA");
  EXPECT_EQ(agreement.hours_per_fte->value, 1536);
  expect_span(agreement.span, 5, 1, 10, 2, "agreement");
  const ast::task_decl* wmo = nullptr;
  for (const auto& d : p.tree().declarations)
    if (const auto* t = std::get_if<ast::task_decl>(&d); t && t->id.name == "wmo") wmo = t;
  ASSERT_NE(wmo, nullptr);
  ASSERT_EQ(wmo->taakvelden.size(), 3u);
  EXPECT_EQ(wmo->taakvelden[1].codes.front().code, "6.71a");
  const auto& saving = std::get<ast::saving_decl>(p.tree().declarations[p.tree().declarations.size() - 4]);
  EXPECT_EQ(saving.amount->cents, 30'000'000);
  const auto& rule = std::get<ast::rule_decl>(p.tree().declarations.back());
  EXPECT_EQ(rule.id.name, "grote_activiteit");
  EXPECT_EQ(rule.when->operands[1].kind, ast::expr_kind::money);
}

TEST(ReferenceAgreement, ByteOrderMarkAndCrlfAreAccepted) {
  std::string text = "\xEF\xBB\xBF";
  for (const char c : reference_text()) {
    if (c == '\n') text += '\r';
    text += c;
  }
  const parsed p = parse_text(text, "rules/aa.akkoord");
  ASSERT_TRUE(p.ok()) << p.first_error();
  EXPECT_EQ(count_kinds(p.tree()), expected_counts);
  const auto& agreement = std::get<ast::agreement_decl>(p.tree().declarations.front());
  expect_span(agreement.span, 5, 1, 10, 2, "agreement, CRLF");
}

}  // namespace
}  // namespace akkoord::test
