// The agreed amount of a contribution per year (validator/agreed_amount.hpp): stated, indexed year by year,
// unknown across a gap, rounded half to even, and never a wrapped value.
#include <gtest/gtest.h>

#include "akkoord/validator/agreed_amount.hpp"
#include "akkoord/validator/agreement.hpp"

namespace akkoord::testing {
namespace {

ast::contribution_decl contribution(std::vector<std::pair<int, std::int64_t>> amounts,
                                    std::vector<std::pair<int, decimal>> indexations = {}) {
  ast::contribution_decl c;
  c.id.name = "bijdrage";
  for (const auto& [year, cents] : amounts) c.amounts.push_back({{year, {}}, {cents, {}}, {}});
  for (const auto& [year, rate] : indexations) c.indexations.push_back({{year, {}}, {rate, {}}, {}});
  return c;
}

constexpr std::int64_t million = 100'000'000;  // EUR 1,000,000.00 in cents

TEST(agreed_amount, a_stated_year_is_its_amount) {
  const auto c = contribution({{2024, 20 * million}, {2025, 197 * million / 10}});
  const auto a = agreed_amount_for(c, 2025);
  ASSERT_EQ(a.state, agreed_amount::status::known);
  EXPECT_EQ(a.cents, 1'970'000'000);
  EXPECT_EQ(a.stated, &c.amounts[1]);
  EXPECT_TRUE(a.steps.empty());
}

TEST(agreed_amount, a_year_stated_twice_is_its_first_amount) {
  const auto c = contribution({{2025, 1}, {2025, 2}});
  EXPECT_EQ(agreed_amount_for(c, 2025).cents, 1);
  EXPECT_EQ(agreed_amount_for(c, 2025).stated, &c.amounts[0]);
}

TEST(agreed_amount, a_stated_amount_wins_over_an_indexation_for_its_year) {
  const auto c = contribution({{2024, 20 * million}, {2025, 21 * million}}, {{2025, decimal{2, 0}}});
  const auto a = agreed_amount_for(c, 2025);
  EXPECT_EQ(a.cents, 21 * million);
  EXPECT_TRUE(a.steps.empty());
}

TEST(agreed_amount, indexed_year_by_year_from_the_stated_year) {
  // 20,000,000 × 1.02 = 20,400,000; × 1.015 = 20,706,000; × 1.031 = 21,347,886
  const auto c = contribution({{2024, 20 * million}},
                              {{2026, decimal{15, 1}}, {2025, decimal{2, 0}}, {2027, decimal{31, 1}}});
  const auto a = agreed_amount_for(c, 2027);
  ASSERT_EQ(a.state, agreed_amount::status::known);
  EXPECT_EQ(a.cents, 2'134'788'600);
  EXPECT_EQ(a.stated, &c.amounts[0]);
  ASSERT_EQ(a.steps.size(), 3u);
  EXPECT_EQ(a.steps[0].indexation, &c.indexations[1]);  // year order, not file order
  EXPECT_EQ(a.steps[0].cents, 2'040'000'000);
  EXPECT_EQ(a.steps[1].indexation, &c.indexations[0]);
  EXPECT_EQ(a.steps[1].cents, 2'070'600'000);
  EXPECT_EQ(a.steps[2].cents, 2'134'788'600);
  EXPECT_EQ(agreed_amount_for(c, 2025).cents, 2'040'000'000);
}

TEST(agreed_amount, a_later_stated_year_restarts_the_derivation) {
  const auto c = contribution({{2024, 20 * million}, {2025, 10 * million}}, {{2025, decimal{2, 0}}, {2026, decimal{10, 0}}});
  const auto a = agreed_amount_for(c, 2026);
  EXPECT_EQ(a.cents, 11 * million);
  EXPECT_EQ(a.stated, &c.amounts[1]);
  EXPECT_EQ(a.steps.size(), 1u);
}

TEST(agreed_amount, a_gap_makes_the_amount_unknown) {
  const auto c = contribution({{2024, 20 * million}}, {{2026, decimal{2, 0}}, {2027, decimal{2, 0}}});
  EXPECT_EQ(agreed_amount_for(c, 2025).state, agreed_amount::status::unknown);
  EXPECT_EQ(agreed_amount_for(c, 2026).state, agreed_amount::status::unknown);
  EXPECT_EQ(agreed_amount_for(c, 2027).state, agreed_amount::status::unknown);
  EXPECT_EQ(agreed_amount_for(c, 2027).stated, nullptr);
  EXPECT_TRUE(agreed_amount_for(c, 2027).steps.empty());
}

TEST(agreed_amount, an_indexation_without_an_earlier_amount_is_unknown) {
  const auto c = contribution({{2026, 20 * million}}, {{2025, decimal{2, 0}}});
  EXPECT_EQ(agreed_amount_for(c, 2025).state, agreed_amount::status::unknown);
  EXPECT_EQ(agreed_amount_for(c, 2023).state, agreed_amount::status::unknown);
  EXPECT_EQ(agreed_amount_for(c, 9999).state, agreed_amount::status::unknown);  // no indexations that far
}

TEST(agreed_amount, rounds_the_indexed_amount_half_to_even) {
  // 1,500.03 × 1.5 = 2,250.045: the half cent goes to the even cent, 2,250.04 (half up would say 2,250.05).
  EXPECT_EQ(agreed_amount_for(contribution({{2024, 150'003}}, {{2025, decimal{50, 0}}}), 2025).cents, 225'004);
  // 1,500.01 × 1.5 = 2,250.015 -> 2,250.02
  EXPECT_EQ(agreed_amount_for(contribution({{2024, 150'001}}, {{2025, decimal{50, 0}}}), 2025).cents, 225'002);
  // The product is rounded, not the increase alone: 0.01 × 1.5 = 0.015 -> 0.02 (0.01 + round(0.005) would be 0.01).
  EXPECT_EQ(agreed_amount_for(contribution({{2024, 1}}, {{2025, decimal{50, 0}}}), 2025).cents, 2);
  // Each year is rounded before the next is indexed: 0.01 -> 0.02 -> 0.03, not 0.01 × 2.25 = 0.0225 -> 0.02.
  EXPECT_EQ(agreed_amount_for(contribution({{2024, 1}}, {{2025, decimal{50, 0}}, {2026, decimal{50, 0}}}), 2026).cents, 3);
}

TEST(agreed_amount, indexed_cents_is_exact_for_any_percentage) {
  EXPECT_EQ(indexed_cents(2 * million * 10, decimal{2, 0}), 2'040'000'000);
  EXPECT_EQ(indexed_cents(3, decimal{-50, 0}), 2);  // 1.5 -> 2 (even)
  EXPECT_EQ(indexed_cents(5, decimal{-50, 0}), 2);  // 2.5 -> 2 (even)
  EXPECT_EQ(indexed_cents(100, decimal{1, 18}), 100);  // 18 decimals need no scale beyond int64
  EXPECT_EQ(indexed_cents(INT64_MAX, decimal{0, 0}), INT64_MAX);
  EXPECT_EQ(indexed_cents(INT64_MAX, decimal{1, 18}), INT64_MAX);
  EXPECT_EQ(indexed_cents(INT64_MAX, decimal{1, 0}), std::nullopt);
}

TEST(agreed_amount, an_amount_that_does_not_fit_is_said_never_wrapped) {
  // EUR 90,000,000,000,000,000 × 1.5 does not fit in 64-bit cents.
  const auto c = contribution({{2024, 9'000'000'000'000'000'000}}, {{2025, decimal{50, 0}}, {2026, decimal{1, 0}}});
  for (const int year : {2025, 2026}) {
    const auto a = agreed_amount_for(c, year);
    EXPECT_EQ(a.state, agreed_amount::status::too_large) << year;
    EXPECT_FALSE(a.known());
    EXPECT_EQ(a.stated, &c.amounts[0]);
    ASSERT_EQ(a.steps.size(), 1u);  // the derivation stops at the indexation that overflowed
    EXPECT_EQ(a.steps.back().indexation, &c.indexations[0]);
  }
  EXPECT_EQ(agreed_amount_for(c, 2024).cents, 9'000'000'000'000'000'000);
}

TEST(agreed_amount, linear_in_the_years) {
  // 100,000 yearly indexations of 0%: one pass, not one pass per year.
  ast::contribution_decl c = contribution({{1, 100}});
  for (int year = 2; year <= 100'001; ++year) c.indexations.push_back({{year, {}}, {decimal{0, 0}, {}}, {}});
  const auto a = agreed_amount_for(c, 100'001);
  EXPECT_EQ(a.cents, 100);
  EXPECT_EQ(a.steps.size(), 100'000u);
}

// ---- savings in force -----------------------------------------------------------------------------------

std::unique_ptr<agreement_model> load(const std::string& text, source_manager& sources) {
  diagnostics problems;
  auto model = load_agreement_text("agreement.akkoord", text, sources, problems);
  EXPECT_TRUE(problems.empty()) << problems.front().message.en;
  return model;
}

constexpr const char* savings_agreement = R"(
contribution bijdrage "Bijdrage" {
  payer aalsmeer
  payee AA
  2023: EUR 19_000_000
  2024: EUR 20_000_000
}
saving a "A" { on bijdrage base 2024 from 2025 amount EUR 300_000 }
saving b "B" { on bijdrage base 2024 from 2026 rate 1% }
saving c "C" { on bijdrage base 2023 from 2026 amount EUR 100_000 }
saving d "D" { on bijdrage base 2022 from 2025 amount EUR 100_000 }
saving e "E" { on iets_anders base 2024 from 2025 amount EUR 1 }
)";

TEST(savings_in_force, savings_sharing_a_base_year_add_up) {
  source_manager sources;
  const auto model = load(savings_agreement, sources);
  ASSERT_TRUE(model);
  const auto& c = *model->contributions.at("bijdrage");
  const auto groups = savings_in_force(*model, c, 2026);
  ASSERT_EQ(groups.size(), 3u);  // bases 2022, 2023, 2024, in that order
  EXPECT_EQ(groups[0].base_year, 2022);
  EXPECT_EQ(groups[0].state, saving_group::status::base_unknown);
  EXPECT_EQ(groups[1].base_year, 2023);
  EXPECT_EQ(groups[1].limit, 1'890'000'000);
  EXPECT_EQ(groups[2].base_year, 2024);
  ASSERT_EQ(groups[2].savings.size(), 2u);
  EXPECT_EQ(groups[2].cuts, (std::vector<std::int64_t>{30'000'000, 20'000'000}));  // b: 1% of the base
  EXPECT_EQ(groups[2].state, saving_group::status::known);
  EXPECT_EQ(groups[2].limit, 1'950'000'000);
}

TEST(savings_in_force, only_savings_from_the_plan_year_or_before_count) {
  source_manager sources;
  const auto model = load(savings_agreement, sources);
  ASSERT_TRUE(model);
  const auto groups = savings_in_force(*model, *model->contributions.at("bijdrage"), 2025);
  ASSERT_EQ(groups.size(), 2u);
  EXPECT_EQ(groups[1].savings.size(), 1u);
  EXPECT_EQ(groups[1].limit, 1'970'000'000);
  EXPECT_TRUE(savings_in_force(*model, *model->contributions.at("bijdrage"), 2024).empty());
}

}  // namespace
}  // namespace akkoord::testing
