#include "arithmetic.hpp"

namespace akkoord::rules_detail {
namespace {

__extension__ using i128 = __int128;

constexpr i128 int64_max = INT64_MAX;
constexpr i128 int64_min = INT64_MIN;

i128 pow10(int n) {
  i128 r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

bool fits(i128 v) { return v <= int64_max && v >= int64_min; }

i128 magnitude(i128 v) { return v < 0 ? -v : v; }

// num / den rounded half to even; den > 0.
i128 divide_half_even(i128 num, i128 den) {
  i128 q = num / den;
  i128 r = magnitude(num % den);
  const i128 twice = r * 2;
  if (twice > den || (twice == den && q % 2 != 0)) q += num < 0 ? -1 : 1;
  return q;
}

// round_half_even(num × 10^digits / den) for num >= 0, den > 0, num and den below 10^37; long division, so
// nothing overflows on the way. nullopt when the quotient leaves the int64 range by far.
std::optional<i128> scaled_quotient(i128 num, i128 den, int digits) {
  i128 q = num / den;
  i128 r = num % den;
  for (int i = 0; i < digits; ++i) {
    if (q > int64_max) return std::nullopt;
    r *= 10;
    q = q * 10 + r / den;
    r %= den;
  }
  const i128 twice = r * 2;
  if (twice > den || (twice == den && q % 2 != 0)) ++q;
  return q;
}

// Exact units/10^scale as a decimal: trailing zeros dropped; more than 18 decimals or more than 64 bits are
// rounded half to even once, to the most decimals (at least 10) that fit.
std::optional<decimal> fit(i128 units, int scale) {
  while (scale > 0 && units % 10 == 0) {
    units /= 10;
    --scale;
  }
  if (scale <= max_decimal_scale && fits(units)) return decimal{static_cast<std::int64_t>(units), scale};
  const int highest = scale - 1 < max_decimal_scale ? scale - 1 : max_decimal_scale;
  for (int target = highest; target >= quotient_scale; --target) {
    i128 rounded = divide_half_even(units, pow10(scale - target));
    if (!fits(rounded)) continue;
    int s = target;
    while (s > 0 && rounded % 10 == 0) {
      rounded /= 10;
      --s;
    }
    return decimal{static_cast<std::int64_t>(rounded), s};
  }
  return std::nullopt;
}

i128 aligned(decimal d, int scale) { return static_cast<i128>(d.units) * pow10(scale - d.scale); }

// a / b to `digits` decimals beyond... : round_half_even((a.units/10^a.scale) / (b.units/10^b.scale) × 10^digits)
std::optional<i128> quotient(decimal a, decimal b, int digits) {
  const bool negative = (a.units < 0) != (b.units < 0);
  const i128 num = magnitude(a.units) * pow10(b.scale);
  const i128 den = magnitude(b.units) * pow10(a.scale);
  auto q = scaled_quotient(num, den, digits);
  if (!q) return std::nullopt;
  return negative ? -*q : *q;
}

}  // namespace

bool decimal_is_zero(decimal a) { return a.units == 0; }

std::optional<decimal> decimal_add(decimal a, decimal b) {
  const int s = a.scale > b.scale ? a.scale : b.scale;
  return fit(aligned(a, s) + aligned(b, s), s);
}

std::optional<decimal> decimal_sub(decimal a, decimal b) {
  const int s = a.scale > b.scale ? a.scale : b.scale;
  return fit(aligned(a, s) - aligned(b, s), s);
}

std::optional<decimal> decimal_mul(decimal a, decimal b) {
  return fit(static_cast<i128>(a.units) * b.units, a.scale + b.scale);
}

std::optional<decimal> decimal_div(decimal a, decimal b) {
  auto q = quotient(a, b, quotient_scale);
  if (!q) return std::nullopt;
  return fit(*q, quotient_scale);
}

std::optional<decimal> decimal_negate(decimal a) {
  if (a.units == INT64_MIN) return std::nullopt;
  return decimal{-a.units, a.scale};
}

std::optional<decimal> percent_times_percent(decimal a, decimal b) {
  return fit(static_cast<i128>(a.units) * b.units, a.scale + b.scale + 2);
}

std::optional<std::int64_t> cents_div_int(std::int64_t cents, std::int64_t n) {
  const i128 q = divide_half_even(cents, n < 0 ? -static_cast<i128>(n) : static_cast<i128>(n));
  const i128 r = n < 0 ? -q : q;
  if (!fits(r)) return std::nullopt;
  return static_cast<std::int64_t>(r);
}

std::optional<std::int64_t> cents_div_decimal(std::int64_t cents, decimal d) {
  auto q = quotient(decimal{cents, 0}, d, 0);
  if (!q || !fits(*q)) return std::nullopt;
  return static_cast<std::int64_t>(*q);
}

std::optional<std::int64_t> cents_div_percent(std::int64_t cents, decimal p) {
  // cents / (p / 100) = cents × 100 / p: two more digits of the quotient.
  auto q = quotient(decimal{cents, 0}, p, 2);
  if (!q || !fits(*q)) return std::nullopt;
  return static_cast<std::int64_t>(*q);
}

std::optional<decimal> cents_ratio(std::int64_t a, std::int64_t b) { return decimal_div({a, 0}, {b, 0}); }

std::optional<std::int64_t> round_decimal(decimal d) {
  const i128 r = divide_half_even(d.units, pow10(d.scale));
  if (!fits(r)) return std::nullopt;
  return static_cast<std::int64_t>(r);
}

std::optional<std::int64_t> round_cents_to_euros(std::int64_t cents) {
  const i128 r = divide_half_even(cents, 100) * 100;
  if (!fits(r)) return std::nullopt;
  return static_cast<std::int64_t>(r);
}

bool integer_sum::add(std::int64_t v) {
  std::int64_t r;
  if (__builtin_add_overflow(total_, v, &r)) return false;
  total_ = r;
  return true;
}

std::optional<std::int64_t> average_cents(std::int64_t sum, std::int64_t count) {
  if (count <= 0) return std::nullopt;
  return cents_div_int(sum, count);
}

std::optional<decimal> average_decimal(decimal sum, std::int64_t count) {
  if (count <= 0) return std::nullopt;
  return decimal_div(sum, decimal{count, 0});
}

}  // namespace akkoord::rules_detail
