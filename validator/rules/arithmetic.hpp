// Exact arithmetic for rule evaluation, on top of exact.hpp. Every function returns nullopt on overflow; the
// caller checks for division by zero first (so that it can say which one it was).
//
// Precision, as documented in validator/rules/README.md:
// - money is integer cents; every money result is rounded half to even to the cent;
// - integers, decimals and percentages are exact under + - and ×, with up to 18 decimals;
// - a quotient of numbers (and a product needing more than 18 decimals) is rounded half to even to
//   10 decimals.
#pragma once

#include <cstdint>
#include <optional>

#include "akkoord/exact.hpp"

namespace akkoord::rules_detail {

inline constexpr int max_decimal_scale = 18;
inline constexpr int quotient_scale = 10;

std::optional<decimal> decimal_add(decimal a, decimal b);
std::optional<decimal> decimal_sub(decimal a, decimal b);
std::optional<decimal> decimal_mul(decimal a, decimal b);
std::optional<decimal> decimal_div(decimal a, decimal b);  // b != 0
std::optional<decimal> decimal_negate(decimal a);
bool decimal_is_zero(decimal a);

// percent × percent: 50% × 50% = 25% (the values are 50 and 50, the result 25).
std::optional<decimal> percent_times_percent(decimal a, decimal b);

std::optional<std::int64_t> cents_div_int(std::int64_t cents, std::int64_t n);  // n != 0
std::optional<std::int64_t> cents_div_decimal(std::int64_t cents, decimal d);   // d != 0
std::optional<std::int64_t> cents_div_percent(std::int64_t cents, decimal p);   // p != 0: EUR 300 / 1.5% = EUR 20,000
std::optional<decimal> cents_ratio(std::int64_t a, std::int64_t b);             // b != 0

// Half to even: round(2.5) = 2, round(3.5) = 4.
std::optional<std::int64_t> round_decimal(decimal d);
std::optional<std::int64_t> round_cents_to_euros(std::int64_t cents);

// Accumulators for sum and avg over activities.
class integer_sum {
 public:
  bool add(std::int64_t v);  // false on overflow
  std::int64_t total() const { return total_; }

 private:
  std::int64_t total_ = 0;
};

// Average of `count` values whose exact sum is `sum`: money half-even to the cent, numbers to 10 decimals.
std::optional<std::int64_t> average_cents(std::int64_t sum, std::int64_t count);
std::optional<decimal> average_decimal(decimal sum, std::int64_t count);

}  // namespace akkoord::rules_detail
