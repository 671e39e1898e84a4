// UTF-8 helpers for the renderers (internal): decoding one code point the way source_file counts columns,
// display widths, and which characters are never printed raw.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace akkoord::report_detail {

inline constexpr char32_t invalid_code_point = 0xFFFFFFFF;
inline constexpr std::string_view replacement_character = "\xEF\xBF\xBD";  // U+FFFD

struct decoded {
  char32_t code_point;  // invalid_code_point when the bytes are not valid UTF-8
  std::size_t length;   // bytes consumed: the lead byte and every continuation byte after it
};

inline bool is_continuation(unsigned char c) { return (c & 0xC0) == 0x80; }

// Decodes the code point at `i`. Like source_file's column counting, one lead byte plus all continuation
// bytes after it are one column, so a caret drawn from these cells lines up with reported columns.
inline decoded decode_at(std::string_view s, std::size_t i) {
  const auto c = static_cast<unsigned char>(s[i]);
  std::size_t n = 1;
  while (i + n < s.size() && is_continuation(static_cast<unsigned char>(s[i + n]))) ++n;
  if (c < 0x80) return {n == 1 ? char32_t(c) : invalid_code_point, n};
  std::size_t expected;
  char32_t cp;
  if ((c & 0xE0) == 0xC0) {
    expected = 2;
    cp = c & 0x1F;
  } else if ((c & 0xF0) == 0xE0) {
    expected = 3;
    cp = c & 0x0F;
  } else if ((c & 0xF8) == 0xF0) {
    expected = 4;
    cp = c & 0x07;
  } else {
    return {invalid_code_point, n};
  }
  if (n != expected) return {invalid_code_point, n};
  for (std::size_t k = 1; k < n; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
  const bool overlong = (n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && cp < 0x10000);
  if (overlong || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return {invalid_code_point, n};
  return {cp, n};
}

// Characters that must never reach a terminal or a line-based reader raw: C0 and C1 controls move the cursor,
// start escape sequences or end lines; U+2028/U+2029 end lines for some readers; the bidirectional overrides
// and isolates reorder what is shown around them ("Trojan Source").
inline bool is_control(char32_t cp) {
  return cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp < 0xA0) || cp == 0x2028 || cp == 0x2029 ||
         (cp >= 0x202A && cp <= 0x202E) || (cp >= 0x2066 && cp <= 0x2069);
}

// Columns a code point takes on a terminal: 0 for combining marks, 2 for East Asian wide characters and
// emoji, 1 otherwise. A small table is enough: exact widths only matter for the caret under the span.
inline std::size_t display_width(char32_t cp) {
  if ((cp >= 0x0300 && cp <= 0x036F) || (cp >= 0x200B && cp <= 0x200F) || (cp >= 0xFE00 && cp <= 0xFE0F))
    return 0;
  if ((cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0x303E) || (cp >= 0x3041 && cp <= 0xA4CF) ||
      (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) || (cp >= 0xFE30 && cp <= 0xFE4F) ||
      (cp >= 0xFF00 && cp <= 0xFF60) || (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1F64F) ||
      (cp >= 0x1F900 && cp <= 0x1F9FF) || (cp >= 0x20000 && cp <= 0x3FFFD))
    return 2;
  return 1;
}

}  // namespace akkoord::report_detail
