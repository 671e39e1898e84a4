// Exact readings of TOML number literals from their source text. TOML floats are binary doubles, so an
// amount like `0.1` is read from the characters the user wrote, never through a double.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

#include "akkoord/exact.hpp"

namespace akkoord {

enum class literal_problem {
  none,
  syntax,             // not a TOML number literal (cannot happen for text toml++ accepted)
  negative,           // below zero
  too_many_decimals,  // an amount with more than 2 decimals
  overflow,           // does not fit (in cents, for amounts)
  not_finite,         // inf or nan
};

// A TOML integer or float literal in decimal notation ("850_000.5", "+1.5e3", "-0.0", "inf") as an exact
// decimal. Hexadecimal, octal and binary integers are not read here: toml++ gives their exact value.
std::optional<decimal> read_number_literal(std::string_view literal, literal_problem& problem);

// A euro amount literal in cents: not negative, at most 2 decimals, no overflow.
std::optional<std::int64_t> read_amount_literal(std::string_view literal, literal_problem& problem);

// A whole number of euros (a TOML integer, already exact) in cents.
std::optional<std::int64_t> whole_euros_to_cents(std::int64_t euros, literal_problem& problem);

}  // namespace akkoord
