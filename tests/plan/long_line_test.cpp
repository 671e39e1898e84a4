// A plan written on one long line (inline tables, non-ASCII text before every value): every amount is read
// exactly from its literal, and every value and finding far into the line has its code-point column. Reading
// the literal used to walk the line from its start per value (minutes for a 1 MB line).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "akkoord/validator/plan.hpp"

namespace akkoord {
namespace {

constexpr std::size_t activity_count = 6000;

struct long_line_plan {
  std::string text;
  std::vector<std::uint32_t> budget_columns;  // where each `budget` value starts
  std::vector<std::uint32_t> budjet_columns;  // where each misspelt key starts
};

// `activity = [{…, description = "coördinatie €", budget = I.25, budjet = 1}, …]` on line 1.
long_line_plan make_plan() {
  long_line_plan p;
  std::uint32_t column = 1;  // where the next piece starts
  const auto add = [&](const std::string& piece) {
    p.text += piece;
    column += static_cast<std::uint32_t>(count_code_points(piece));
  };
  add("activity = [");
  for (std::size_t i = 0; i < activity_count; ++i) {
    if (i > 0) add(", ");
    add("{id = \"A-" + std::to_string(i) + "\", task = \"t\", executor = \"AA\", description = \"co\xC3\xB6rdinatie \xE2\x82\xAC\", budget = ");
    p.budget_columns.push_back(column);
    add(std::to_string(i) + ".25, ");
    p.budjet_columns.push_back(column);
    add("budjet = 1}");
  }
  p.text += "]\n\n[plan]\nagreement = \"AA\"\nmunicipality = \"aalsmeer\"\nyear = 2025\n";
  return p;
}

TEST(long_line, every_amount_and_position_far_into_one_line_is_exact) {
  const long_line_plan expected = make_plan();
  const source_file file("plan.toml", expected.text);
  diagnostics findings;
  const plan p = read_plan(file, findings);
  ASSERT_TRUE(p.readable);
  ASSERT_EQ(p.activities.size(), activity_count);
  for (std::size_t i = 0; i < activity_count; ++i) {
    const auto& budget = p.activities[i].budget;
    ASSERT_TRUE(budget.has_value()) << i;
    ASSERT_EQ(budget->value, static_cast<std::int64_t>(i) * 100 + 25) << i;
    ASSERT_EQ(budget->span.begin, (source_pos{1, expected.budget_columns[i]})) << i;
    ASSERT_EQ(budget->span.end.column, expected.budget_columns[i] + std::to_string(i).size() + 3) << i;
  }
  // One unknown-field warning per activity, at its misspelt key, in the order of the line.
  std::vector<std::uint32_t> columns;
  for (const auto& d : findings) {
    ASSERT_EQ(d.id, "unknown-field") << d.message.en;
    ASSERT_EQ(d.primary.begin.line, 1u);
    columns.push_back(d.primary.begin.column);
  }
  EXPECT_EQ(columns, expected.budjet_columns);
}

}  // namespace
}  // namespace akkoord
