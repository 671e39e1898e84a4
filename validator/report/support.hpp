// Small helpers shared by the renderers (internal): numbers, locations and message lookups.
#pragma once

#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>

#include "akkoord/validator/report.hpp"

namespace akkoord::report_detail {

inline void append_number(std::string& out, std::uint64_t n) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, result.ptr);
}

inline void append_signed(std::string& out, std::int64_t n) {
  char buffer[24];
  const auto result = std::to_chars(buffer, buffer + sizeof buffer, n);
  out.append(buffer, result.ptr);
}

// The description of `id` in the context, or nullptr.
inline const check_description* find_description(const run_result& context, std::string_view id) {
  for (const check_description& c : context.checks)
    if (c.id == id) return &c;
  return nullptr;
}

// "path:line:col", "path" for a whole-file place, "" when not tied to a file. Raw: the caller escapes.
inline std::string plain_location(const source_span& span) {
  std::string out;
  if (span.file == nullptr) return out;
  out += span.file->path();
  if (span.begin.line != 0) {
    out += ':';
    append_number(out, span.begin.line);
    out += ':';
    append_number(out, span.begin.column == 0 ? 1 : span.begin.column);
  }
  return out;
}

// The message of a related label; a label without one gets a generic phrase.
inline const std::string& related_message(const label& l, language lang) {
  static const text related_place{"related location", "bijbehorende plaats"};
  return l.message.empty() ? related_place.in(lang) : l.message.in(lang);
}

}  // namespace akkoord::report_detail
