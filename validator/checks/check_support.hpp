// Small helpers the checks share for writing messages.
#pragma once

#include <cstdio>
#include <string>
#include <string_view>

#include "akkoord/parser/ast.hpp"

namespace akkoord {

// `x`, for identifiers and values in messages.
inline std::string quoted(std::string_view s) { return "`" + std::string(s) + "`"; }

// A date as written (YYYY-MM-DD), also when it is not a real date.
inline std::string date_text(const ast::date_literal& d) {
  char buffer[32];
  std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
  return buffer;
}

// A span from the start of `a` to the end of `b` (same file).
inline source_span join(const source_span& a, const source_span& b) { return {a.file, a.begin, b.end}; }

}  // namespace akkoord
