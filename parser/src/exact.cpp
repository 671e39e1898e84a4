#include "akkoord/exact.hpp"

#include <cstdlib>

namespace akkoord {
namespace {

__extension__ using i128 = __int128;
__extension__ using u128 = unsigned __int128;

constexpr std::int64_t pow10(int n) {
  std::int64_t r = 1;
  for (int i = 0; i < n; ++i) r *= 10;
  return r;
}

i128 scaled(decimal d, int scale) {
  i128 v = d.units;
  for (int i = d.scale; i < scale; ++i) v *= 10;
  return v;
}

std::optional<std::int64_t> narrow(i128 v) {
  if (v > INT64_MAX || v < INT64_MIN) return std::nullopt;
  return static_cast<std::int64_t>(v);
}

// num / den rounded half to even; den > 0
i128 divide_half_even(i128 num, i128 den) {
  i128 q = num / den;
  i128 r = num % den;
  if (r < 0) r = -r;
  const i128 twice = r * 2;
  if (twice > den || (twice == den && (q % 2 != 0))) q += (num < 0) ? -1 : 1;
  return q;
}

}  // namespace

std::strong_ordering compare(decimal a, decimal b) {
  const int s = a.scale > b.scale ? a.scale : b.scale;
  return scaled(a, s) <=> scaled(b, s);
}

bool operator==(decimal a, decimal b) { return compare(a, b) == std::strong_ordering::equal; }

std::optional<decimal> parse_decimal(std::string_view text, number_error* error) {
  auto fail = [&](number_error e) -> std::optional<decimal> {
    if (error) *error = e;
    return std::nullopt;
  };
  if (error) *error = number_error::none;
  bool negative = false;
  std::size_t i = 0;
  if (i < text.size() && (text[i] == '-' || text[i] == '+')) negative = text[i++] == '-';
  i128 units = 0;
  int scale = 0;
  bool seen_dot = false, seen_digit = false, last_was_digit = false;
  for (; i < text.size(); ++i) {
    const char c = text[i];
    if (c >= '0' && c <= '9') {
      units = units * 10 + (c - '0');
      if (units > INT64_MAX) return fail(number_error::overflow);
      if (seen_dot && ++scale > 18) return fail(number_error::too_many_decimals);
      seen_digit = last_was_digit = true;
    } else if (c == '_' && last_was_digit && i + 1 < text.size() && text[i + 1] >= '0' && text[i + 1] <= '9') {
      last_was_digit = false;
    } else if (c == '.' && !seen_dot && last_was_digit && i + 1 < text.size()) {
      seen_dot = true;
      last_was_digit = false;
    } else {
      return fail(number_error::syntax);
    }
  }
  if (!seen_digit) return fail(number_error::syntax);
  return decimal{static_cast<std::int64_t>(negative ? -units : units), scale};
}

std::optional<std::int64_t> parse_cents(std::string_view text, number_error* error) {
  number_error e = number_error::none;
  auto d = parse_decimal(text, &e);
  if (!d) {
    if (error) *error = e;
    return std::nullopt;
  }
  if (d->scale > 2) {
    if (error) *error = number_error::too_many_decimals;
    return std::nullopt;
  }
  auto cents = narrow(scaled(*d, 2));
  if (!cents) {
    if (error) *error = number_error::overflow;
    return std::nullopt;
  }
  if (error) *error = number_error::none;
  return cents;
}

std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_add_overflow(a, b, &r)) return std::nullopt;
  return r;
}
std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_sub_overflow(a, b, &r)) return std::nullopt;
  return r;
}
std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b) {
  std::int64_t r;
  if (__builtin_mul_overflow(a, b, &r)) return std::nullopt;
  return r;
}

std::optional<std::int64_t> multiply_cents(std::int64_t cents, decimal factor) {
  // |cents| < 2^63 and |units| < 2^63: the product fits in 127 bits.
  const i128 product = static_cast<i128>(cents) * factor.units;
  return narrow(divide_half_even(product, pow10(factor.scale)));
}

std::optional<std::int64_t> percent_of_cents(decimal percent, std::int64_t cents) {
  if (percent.scale > 16) return std::nullopt;
  return multiply_cents(cents, decimal{percent.units, percent.scale + 2});
}

namespace {

// The digits of `whole` in threes: ',' between them in English, '.' in Dutch.
std::string grouped_digits(u128 whole, money_style style) {
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(whole % 10)));
    whole /= 10;
  } while (whole != 0);
  const char group = style == money_style::en ? ',' : '.';
  std::string grouped;
  for (std::size_t i = 0; i < digits.size(); ++i) {
    if (i != 0 && (digits.size() - i) % 3 == 0) grouped += group;
    grouped += digits[i];
  }
  return grouped;
}

}  // namespace

std::string format_count(std::uint64_t n, money_style style) { return grouped_digits(n, style); }

std::string format_cents(std::int64_t cents, money_style style, bool with_currency) {
  const bool negative = cents < 0;
  // Work in unsigned 128 bits so INT64_MIN has a magnitude.
  u128 magnitude = negative ? static_cast<u128>(-(static_cast<i128>(cents)))
                                         : static_cast<u128>(cents);
  const unsigned frac = static_cast<unsigned>(magnitude % 100);
  const char point = style == money_style::en ? '.' : ',';
  const std::string grouped = grouped_digits(magnitude / 100, style);
  std::string out;
  if (with_currency) out += style == money_style::en ? "EUR " : "€ ";
  if (negative) out += '-';
  out += grouped;
  out += point;
  out += static_cast<char>('0' + frac / 10);
  out += static_cast<char>('0' + frac % 10);
  return out;
}

std::string format_decimal(decimal d, money_style style) {
  const bool negative = d.units < 0;
  u128 magnitude = negative ? static_cast<u128>(-static_cast<i128>(d.units))
                                         : static_cast<u128>(d.units);
  std::string digits;
  do {
    digits.insert(digits.begin(), static_cast<char>('0' + static_cast<int>(magnitude % 10)));
    magnitude /= 10;
  } while (magnitude != 0);
  while (static_cast<int>(digits.size()) <= d.scale) digits.insert(digits.begin(), '0');
  std::string out = negative ? "-" : "";
  if (d.scale == 0) return out + digits;
  out += digits.substr(0, digits.size() - static_cast<std::size_t>(d.scale));
  out += style == money_style::en ? '.' : ',';
  out += digits.substr(digits.size() - static_cast<std::size_t>(d.scale));
  return out;
}

}  // namespace akkoord
