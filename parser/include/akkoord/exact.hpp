// Exact numbers: money in integer cents, decimals and percentages as scaled integers.
// Never binary floating point; every operation reports overflow instead of wrapping.
#pragma once

#include <compare>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace akkoord {

// value = units / 10^scale, scale in [0, 18]
struct decimal {
  std::int64_t units = 0;
  int scale = 0;
};

// Compares exactly; nullopt only when aligning the scales overflows 128 bits (cannot happen for scale <= 18).
std::strong_ordering compare(decimal a, decimal b);
bool operator==(decimal a, decimal b);

enum class number_error { none, syntax, too_many_decimals, overflow, negative };

// Parses "93_000", "1.5", "-2", "1_250.50" (underscores between digits allowed).
std::optional<decimal> parse_decimal(std::string_view text, number_error* error = nullptr);

// Parses a euro amount into cents: at most 2 decimals, no overflow. Accepts a leading '-' and '+'.
std::optional<std::int64_t> parse_cents(std::string_view text, number_error* error = nullptr);

// Checked arithmetic: nullopt on overflow.
std::optional<std::int64_t> checked_add(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_sub(std::int64_t a, std::int64_t b);
std::optional<std::int64_t> checked_mul(std::int64_t a, std::int64_t b);

// cents × (percent / 100), rounded half to even to the cent. `percent` is e.g. 1.5 for "1.5%".
std::optional<std::int64_t> percent_of_cents(decimal percent, std::int64_t cents);
// cents × factor, rounded half to even to the cent.
std::optional<std::int64_t> multiply_cents(std::int64_t cents, decimal factor);

// "19,700,000.00" (en) / "19.700.000,00" (nl); with_currency adds "EUR " / "€ ".
enum class money_style { en, nl };
std::string format_cents(std::int64_t cents, money_style style, bool with_currency = true);
// "1.5" / "1,5"
std::string format_decimal(decimal d, money_style style);
// A count with its thousands grouped: "16,777,217" (en) / "16.777.217" (nl).
std::string format_count(std::uint64_t n, money_style style);

}  // namespace akkoord
