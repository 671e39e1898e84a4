// The exact arithmetic under the rule evaluator: half to even, 10 decimals for quotients, overflow as nullopt.
#include <gtest/gtest.h>

#include <climits>

#include "arithmetic.hpp"

namespace akkoord::rules_detail {
namespace {

decimal d(std::int64_t units, int scale) { return {units, scale}; }

TEST(arithmetic, decimal_results_are_exact_and_normalised) {
  EXPECT_EQ(*decimal_add(d(1, 1), d(2, 1)), d(3, 1));
  EXPECT_EQ(decimal_add(d(1, 1), d(9, 1))->scale, 0);  // 1.0 -> 1
  EXPECT_EQ(*decimal_sub(d(1, 0), d(125, 3)), d(875, 3));
  EXPECT_EQ(*decimal_mul(d(15, 1), d(15, 1)), d(225, 2));
  EXPECT_EQ(*decimal_negate(d(5, 1)), d(-5, 1));
  EXPECT_FALSE(decimal_negate(d(INT64_MIN, 0)));
}

TEST(arithmetic, quotients_have_ten_decimals_rounded_half_to_even) {
  EXPECT_EQ(*decimal_div(d(1, 0), d(4, 0)), d(25, 2));
  EXPECT_EQ(*decimal_div(d(1, 0), d(3, 0)), d(3333333333, 10));
  EXPECT_EQ(*decimal_div(d(2, 0), d(3, 0)), d(6666666667, 10));
  EXPECT_EQ(*decimal_div(d(-2, 0), d(3, 0)), d(-6666666667, 10));
  EXPECT_EQ(*decimal_div(d(1, 0), d(-8, 0)), d(-125, 3));
  // 0.00000000005 is a tie at the 10th decimal: to even (0), 0.00000000015 to 0.0000000002.
  EXPECT_EQ(*decimal_div(d(5, 11), d(1, 0)), d(0, 0));
  EXPECT_EQ(*decimal_div(d(15, 11), d(1, 0)), d(2, 10));
  EXPECT_FALSE(decimal_div(d(INT64_MAX, 0), d(1, 18)));  // far beyond 64 bits
}

TEST(arithmetic, products_needing_more_than_18_decimals_are_rounded_once) {
  // 1e-9 × 3e-9 = 3e-18 fits 18 decimals: kept; 1e-9 × 1.5e-9 = 1.5e-18 needs 19: half to even, 2e-18.
  EXPECT_EQ(*decimal_mul(d(1, 9), d(3, 9)), d(3, 18));
  EXPECT_EQ(decimal_mul(d(1, 9), d(3, 9))->scale, 18);
  EXPECT_EQ(*decimal_mul(d(1, 9), d(15, 10)), d(2, 18));
  EXPECT_EQ(*decimal_mul(d(1, 9), d(25, 10)), d(2, 18));
  // 1e-10 × 1e-10 = 1e-20: rounds to 0 at 18 decimals.
  EXPECT_EQ(*decimal_mul(d(1, 10), d(1, 10)), d(0, 0));
  EXPECT_FALSE(decimal_mul(d(INT64_MAX, 0), d(INT64_MAX, 0)));
}

TEST(arithmetic, money_is_rounded_half_to_even_to_the_cent) {
  EXPECT_EQ(*cents_div_int(5, 2), 2);
  EXPECT_EQ(*cents_div_int(15, 2), 8);
  EXPECT_EQ(*cents_div_int(-5, 2), -2);
  EXPECT_EQ(*cents_div_int(-15, 2), -8);
  EXPECT_EQ(*cents_div_int(7, -2), -4);
  EXPECT_FALSE(cents_div_int(INT64_MIN, -1));
  EXPECT_EQ(*cents_div_decimal(100, d(3, 0)), 33);
  EXPECT_EQ(*cents_div_decimal(100, d(8, 1)), 125);                    // EUR 1 / 0.8
  EXPECT_EQ(*cents_div_percent(30'000'000, d(15, 1)), 2'000'000'000);  // EUR 300,000 / 1.5%
  EXPECT_EQ(*cents_ratio(100, 800), d(125, 3));
  EXPECT_EQ(*round_cents_to_euros(250), 200);
  EXPECT_EQ(*round_cents_to_euros(350), 400);
  EXPECT_EQ(*round_cents_to_euros(-250), -200);
  EXPECT_EQ(*round_decimal(d(25, 1)), 2);
  EXPECT_EQ(*round_decimal(d(-35, 1)), -4);
  EXPECT_EQ(*percent_times_percent(d(50, 0), d(50, 0)), d(25, 0));
}

TEST(arithmetic, averages_and_sums) {
  EXPECT_EQ(*average_cents(5, 2), 2);
  EXPECT_EQ(*average_decimal(d(3, 0), 2), d(15, 1));
  EXPECT_FALSE(average_cents(5, 0));
  integer_sum s;
  EXPECT_TRUE(s.add(INT64_MAX));
  EXPECT_FALSE(s.add(1));
  EXPECT_EQ(s.total(), INT64_MAX);
}

}  // namespace
}  // namespace akkoord::rules_detail
