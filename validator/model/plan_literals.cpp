#include "plan_literals.hpp"

#include <limits>

namespace akkoord {
namespace {

constexpr int max_scale = 18;
constexpr int max_exponent = 10'000;  // far beyond anything that fits; keeps the arithmetic bounded

bool checked_times_ten(std::int64_t& v) {
  std::int64_t r;
  if (__builtin_mul_overflow(v, std::int64_t{10}, &r)) return false;
  v = r;
  return true;
}

// Parses a TOML float exponent: [+-]digits with single underscores between digits. Saturates at max_exponent.
std::optional<int> read_exponent(std::string_view s) {
  bool negative = false;
  std::size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) negative = s[i++] == '-';
  int value = 0;
  bool digit_seen = false, last_digit = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (value < max_exponent) value = value * 10 + (c - '0');
      digit_seen = last_digit = true;
    } else if (c == '_' && last_digit && i + 1 < s.size()) {
      last_digit = false;
    } else {
      return std::nullopt;
    }
  }
  if (!digit_seen || !last_digit) return std::nullopt;
  if (value > max_exponent) value = max_exponent;
  return negative ? -value : value;
}

}  // namespace

std::optional<decimal> read_number_literal(std::string_view literal, literal_problem& problem) {
  problem = literal_problem::none;
  std::string_view rest = literal;
  bool negative = false;
  if (!rest.empty() && (rest.front() == '+' || rest.front() == '-')) {
    negative = rest.front() == '-';
    rest.remove_prefix(1);
  }
  if (rest == "inf" || rest == "nan") {
    problem = literal_problem::not_finite;
    return std::nullopt;
  }
  std::string_view mantissa = rest;
  std::optional<int> exponent;
  if (const auto e = rest.find_first_of("eE"); e != std::string_view::npos) {
    mantissa = rest.substr(0, e);
    exponent = read_exponent(rest.substr(e + 1));
    if (!exponent) {
      problem = literal_problem::syntax;
      return std::nullopt;
    }
  }
  // parse_decimal takes the digits, underscores and the point; the sign is handled here.
  if (mantissa.empty() || mantissa.front() == '+' || mantissa.front() == '-') {
    problem = literal_problem::syntax;
    return std::nullopt;
  }
  number_error error = number_error::none;
  auto d = parse_decimal(mantissa, &error);
  if (!d) {
    problem = error == number_error::overflow            ? literal_problem::overflow
              : error == number_error::too_many_decimals ? literal_problem::too_many_decimals
                                                         : literal_problem::syntax;
    return std::nullopt;
  }
  if (exponent) {
    // value = units × 10^(exponent − scale): fold the exponent into the scale, exactly.
    int scale = d->scale - *exponent;
    std::int64_t units = d->units;
    while (scale < 0) {
      if (units != 0 && !checked_times_ten(units)) {
        problem = literal_problem::overflow;
        return std::nullopt;
      }
      ++scale;
    }
    // 1.5e-1 has scale 2; an exponent form's trailing zeros carry no precision (1.230e1 is 12.3).
    while (scale > 0 && units % 10 == 0) {
      units /= 10;
      --scale;
    }
    if (scale > max_scale) {
      problem = literal_problem::too_many_decimals;
      return std::nullopt;
    }
    d = decimal{units, scale};
  }
  if (negative) d->units = -d->units;  // units <= INT64_MAX, so the negation cannot overflow
  return d;
}

std::optional<std::int64_t> read_amount_literal(std::string_view literal, literal_problem& problem) {
  auto d = read_number_literal(literal, problem);
  if (!d) return std::nullopt;
  if (d->units < 0) {
    problem = literal_problem::negative;
    return std::nullopt;
  }
  if (d->scale > 2) {
    problem = literal_problem::too_many_decimals;
    return std::nullopt;
  }
  std::int64_t cents = d->units;
  for (int s = d->scale; s < 2; ++s) {
    if (!checked_times_ten(cents)) {
      problem = literal_problem::overflow;
      return std::nullopt;
    }
  }
  return cents;
}

std::optional<std::int64_t> whole_euros_to_cents(std::int64_t euros, literal_problem& problem) {
  problem = literal_problem::none;
  if (euros < 0) {
    problem = literal_problem::negative;
    return std::nullopt;
  }
  std::int64_t cents;
  if (__builtin_mul_overflow(euros, std::int64_t{100}, &cents)) {
    problem = literal_problem::overflow;
    return std::nullopt;
  }
  return cents;
}

}  // namespace akkoord
