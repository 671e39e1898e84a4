// Amounts are read from the literal's characters, never through a double.
#include <gtest/gtest.h>

#include "plan_literals.hpp"

namespace akkoord {
namespace {

struct amount_case {
  const char* literal;
  std::optional<std::int64_t> cents;
  literal_problem problem;
};

class amount_literal : public testing::TestWithParam<amount_case> {};

TEST_P(amount_literal, reads_exactly) {
  const auto& c = GetParam();
  literal_problem problem = literal_problem::none;
  const auto cents = read_amount_literal(c.literal, problem);
  EXPECT_EQ(cents, c.cents) << c.literal;
  EXPECT_EQ(problem, c.problem) << c.literal;
}

INSTANTIATE_TEST_SUITE_P(
    cases, amount_literal,
    testing::Values(amount_case{"0.1", 10, literal_problem::none},     // 0.1 is not exact as a double
                    amount_case{"0.2", 20, literal_problem::none},     // and 0.1 + 0.2 != 0.3 there
                    amount_case{"0.3", 30, literal_problem::none},
                    amount_case{"850_000.5", 85'000'050, literal_problem::none},
                    amount_case{"19_700_000.00", 1'970'000'000, literal_problem::none},
                    amount_case{"+1.25", 125, literal_problem::none},
                    amount_case{"-0.0", 0, literal_problem::none},
                    amount_case{"1e3", 100'000, literal_problem::none},
                    amount_case{"8.5E5", 85'000'000, literal_problem::none},
                    amount_case{"12.5e-1", 125, literal_problem::none},
                    amount_case{"1.230e1", 1'230, literal_problem::none},
                    amount_case{"0.125", std::nullopt, literal_problem::too_many_decimals},
                    amount_case{"1.500", std::nullopt, literal_problem::too_many_decimals},
                    amount_case{"-5.0", std::nullopt, literal_problem::negative},
                    amount_case{"-0.125", std::nullopt, literal_problem::negative},
                    amount_case{"92233720368547758.07", INT64_MAX, literal_problem::none},
                    amount_case{"92233720368547758.08", std::nullopt, literal_problem::overflow},
                    amount_case{"9_223_372_036_854_775_807.0", std::nullopt, literal_problem::overflow},
                    amount_case{"1e30", std::nullopt, literal_problem::overflow},
                    amount_case{"1e99999999", std::nullopt, literal_problem::overflow},
                    amount_case{"inf", std::nullopt, literal_problem::not_finite},
                    amount_case{"-nan", std::nullopt, literal_problem::not_finite},
                    amount_case{"", std::nullopt, literal_problem::syntax},
                    amount_case{"1e", std::nullopt, literal_problem::syntax}));

TEST(amount_literal_exponent, three_decimals_after_the_exponent_are_too_many) {
  // 12.345 has three decimals: not an amount
  literal_problem problem = literal_problem::none;
  EXPECT_EQ(read_amount_literal("1234.5e-2", problem), std::nullopt);
  EXPECT_EQ(problem, literal_problem::too_many_decimals);
}

TEST(number_literal, keeps_all_decimals_of_fte) {
  literal_problem problem = literal_problem::none;
  const auto d = read_number_literal("0.333333", problem);
  ASSERT_TRUE(d.has_value());
  EXPECT_EQ(d->units, 333'333);
  EXPECT_EQ(d->scale, 6);
}

TEST(whole_euros, overflow_and_negative) {
  literal_problem problem = literal_problem::none;
  EXPECT_EQ(whole_euros_to_cents(850'000, problem), 85'000'000);
  EXPECT_EQ(whole_euros_to_cents(INT64_MAX, problem), std::nullopt);
  EXPECT_EQ(problem, literal_problem::overflow);
  EXPECT_EQ(whole_euros_to_cents(-1, problem), std::nullopt);
  EXPECT_EQ(problem, literal_problem::negative);
}

}  // namespace
}  // namespace akkoord
