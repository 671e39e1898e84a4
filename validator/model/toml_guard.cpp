// A TOML scanner that knows only what decides nesting and "outside quotes": statements, key parts, brackets,
// braces, strings and comments. Every byte is looked at a bounded number of times; the recursion follows the
// nesting and stops at max_toml_nesting.
#include "toml_guard.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <string>

#include <fmt/format.h>

namespace akkoord {
namespace {

bool is_bare_key_char(char c) {
  return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '-';
}
bool is_non_ascii(char c) { return static_cast<unsigned char>(c) >= 0x80; }
bool is_blank(char c) { return c == ' ' || c == '\t'; }

// Length of the UTF-8 sequence that starts with `lead` (0: not a lead byte).
std::size_t utf8_length(unsigned char lead) {
  if (lead >= 0xC2 && lead <= 0xDF) return 2;
  if (lead >= 0xE0 && lead <= 0xEF) return 3;
  if (lead >= 0xF0 && lead <= 0xF4) return 4;
  return 0;
}

struct byte_set {
  std::array<bool, 256> has{};
  constexpr explicit byte_set(std::string_view bytes) {
    for (const char c : bytes) has[static_cast<unsigned char>(c)] = true;
  }
};
// Where a string may end or an escape starts.
constexpr byte_set basic_string_stops("\"\\\n"), literal_string_stops("'\n"), multi_line_basic_stops("\"\\"),
    multi_line_literal_stops("'");

// A key's text for a message: at most this many bytes of it, so a hostile key cannot flood the output.
constexpr std::size_t shown_key_bytes = 64;

class scanner {
 public:
  explicit scanner(std::string_view toml) : t_(toml) {}

  std::optional<toml_hazard> run() {
    while (!hazard_ && !at_end()) statement();
    return hazard_;
  }

 private:
  std::string_view t_;
  std::size_t i_ = 0;
  std::size_t table_depth_ = 0;  // levels of the table opened by the last [header] or [[header]]
  std::optional<toml_hazard> hazard_;

  bool at_end() const { return i_ >= t_.size(); }
  char peek() const { return t_[i_]; }
  bool looking_at(std::string_view s) const { return t_.substr(i_).starts_with(s); }
  void skip_blanks() {
    while (!at_end() && is_blank(peek())) ++i_;
  }
  // Moves to the next of `stops` (or the end). Strings and comments are most of a plan: skip them in a tight
  // loop (a set lookup per byte; find_first_of costs twice as much here).
  void skip_to(const byte_set& stops) {
    while (i_ < t_.size() && !stops.has[static_cast<unsigned char>(t_[i_])]) ++i_;
  }
  void skip_comment() { i_ = std::min(t_.find('\n', i_), t_.size()); }

  // ---- the grammar, loosely: exact for valid TOML, and always moving forward on anything else ----------------

  void statement() {
    skip_blanks();
    if (at_end()) return;
    if (peek() == '[') {
      header();
    } else if (peek() != '#' && peek() != '\n' && peek() != '\r') {
      const std::size_t depth = key(table_depth_);
      skip_blanks();
      if (!hazard_ && !at_end() && peek() == '=') {
        ++i_;
        value(depth);
      }
    }
    rest_of_line();
  }

  void header() {
    const std::size_t begin = i_;
    ++i_;
    const bool array_of_tables = !at_end() && peek() == '[';
    if (array_of_tables) ++i_;
    skip_blanks();
    // toml++ assumes (TOML_ASSERT_ASSUME) a key starts here once `]`, `[ [` and the end are ruled out: an
    // abort with assertions on, undefined behaviour where the assumption is compiled in (clang)
    if (!at_end() && !is_bare_key_char(peek()) && !is_non_ascii(peek()) && peek() != '"' && peek() != '\'' &&
        peek() != ']' && !(peek() == '[' && !array_of_tables))
      return header_without_key();
    const std::size_t depth = key(0);
    if (hazard_) return;
    // [[a.b]]: the array is at the depth of `b`, each of its tables one level deeper
    table_depth_ = depth + (array_of_tables ? 1 : 0);
    if (table_depth_ > max_toml_nesting) return too_deep(begin, i_);
    skip_blanks();
    for (int closing = array_of_tables ? 2 : 1; closing > 0 && !at_end() && peek() == ']'; --closing) ++i_;
  }

  // After a statement: blanks, a comment and the line end. Anything else is a syntax error for toml++, but
  // is still scanned (quotes included), so that text toml++ might read is never skipped unseen.
  void rest_of_line() {
    while (!hazard_ && !at_end()) {
      const char c = peek();
      if (c == '\n') {
        ++i_;
        return;
      }
      if (c == '#') {
        skip_comment();
      } else if (c == '"' || c == '\'') {
        string();
      } else if (is_non_ascii(c)) {
        outside_quotes();
      } else {
        ++i_;
      }
    }
  }

  // A dotted key at `base` levels; returns the level of its value (base + number of parts).
  std::size_t key(std::size_t base) {
    std::size_t depth = base;
    for (;;) {
      skip_blanks();
      if (at_end()) return depth;
      const std::size_t begin = i_;
      const char c = peek();
      if (c == '"' || c == '\'') {
        string();
      } else if (is_bare_key_char(c) || is_non_ascii(c)) {
        while (!at_end() && (is_bare_key_char(peek()) || is_non_ascii(peek()))) ++i_;
        for (std::size_t k = begin; k < i_; ++k) {
          if (is_non_ascii(t_[k])) {
            unquoted_key(begin, k);
            return depth;
          }
        }
      } else {
        return depth;
      }
      if (hazard_) return depth;
      if (++depth > max_toml_nesting) {
        too_deep(begin, i_);
        return depth;
      }
      skip_blanks();
      if (at_end() || peek() != '.') return depth;
      ++i_;
    }
  }

  // A value at level `depth`: a string, an array or inline table (their contents one level deeper), or a word
  // (number, date, boolean).
  void value(std::size_t depth) {
    skip_blanks();
    if (at_end()) return;
    const char c = peek();
    if (c == '"' || c == '\'') return string();
    if (c == '[') return array(depth);
    if (c == '{') return inline_table(depth);
    while (!at_end()) {
      const char w = peek();
      if (is_blank(w) || w == '\n' || w == '\r' || w == ',' || w == ']' || w == '}' || w == '#') return;
      if (is_non_ascii(w)) return outside_quotes();
      ++i_;
    }
  }

  void array(std::size_t depth) {
    ++i_;
    while (!hazard_ && !at_end()) {
      const char c = peek();
      if (is_blank(c) || c == '\n' || c == '\r' || c == ',') {
        ++i_;
      } else if (c == '#') {
        skip_comment();
      } else if (c == ']') {
        ++i_;
        return;
      } else if (is_non_ascii(c)) {
        return outside_quotes();
      } else if (depth + 1 > max_toml_nesting) {
        return too_deep(i_, i_ + 1);
      } else {
        const std::size_t before = i_;
        value(depth + 1);
        if (i_ == before) ++i_;  // a stray `}` or `=`: a syntax error, stepped over
      }
    }
  }

  void inline_table(std::size_t depth) {
    ++i_;
    while (!hazard_ && !at_end()) {
      const char c = peek();
      if (is_blank(c) || c == '\n' || c == '\r' || c == ',') {
        ++i_;
      } else if (c == '#') {
        skip_comment();
      } else if (c == '}') {
        ++i_;
        return;
      } else {
        const std::size_t before = i_;
        const std::size_t value_depth = key(depth);
        skip_blanks();
        if (!hazard_ && !at_end() && peek() == '=') {
          ++i_;
          value(value_depth);
        }
        if (i_ == before) ++i_;  // neither key nor value: a syntax error, stepped over
      }
    }
  }

  // Basic or literal, one line or multi-line; the opening quote is at i_.
  void string() {
    const char quote = peek();
    const std::string_view triple = quote == '"' ? "\"\"\"" : "'''";
    if (looking_at(triple)) {
      i_ += 3;
      return multi_line_string(quote);
    }
    ++i_;
    const byte_set& stops = quote == '"' ? basic_string_stops : literal_string_stops;
    for (skip_to(stops); !at_end() && peek() != '\n'; skip_to(stops)) {
      const char c = peek();
      ++i_;
      if (c == quote) return;
      if (!at_end() && peek() != '\n') ++i_;  // after a backslash: the escaped character
    }
  }

  void multi_line_string(char quote) {
    const byte_set& stops = quote == '"' ? multi_line_basic_stops : multi_line_literal_stops;
    for (skip_to(stops); !hazard_ && !at_end(); skip_to(stops)) {
      const char c = peek();
      if (c == quote) {
        // up to two quotes may stand right before the closing three
        std::size_t run = 0;
        while (!at_end() && peek() == quote) ++i_, ++run;
        if (run >= 3) return;
      } else {
        ++i_;
        after_backslash();
      }
    }
  }

  // In a multi-line basic string, toml++ asks whether the character after a backslash, and after the
  // whitespace and line ends a line-ending backslash skips, is whitespace: only ASCII is safe to ask about.
  void after_backslash() {
    if (at_end()) return;
    if (is_blank(peek()) || peek() == '\n' || peek() == '\r') {
      while (!at_end() && (is_blank(peek()) || peek() == '\n' || peek() == '\r')) ++i_;
      if (!at_end() && is_non_ascii(peek())) after_backslash_hazard();
      return;
    }
    if (is_non_ascii(peek())) return after_backslash_hazard();
    ++i_;  // an escaped character; `\"` does not close the string
  }

  // ---- the hazards ------------------------------------------------------------------------------------

  void too_deep(std::size_t begin, std::size_t end) {
    const std::string levels = std::to_string(max_toml_nesting);
    hazard_ = toml_hazard{
        begin, end,
        {"keys, arrays and inline tables are nested more than " + levels + " levels deep",
         "sleutels, lijsten en inline-tabellen zijn meer dan " + levels + " niveaus diep genest"},
        {"remove levels: every key part and every array element is one level, and a plan needs only 3 "
         "(`[[activity]]`, an activity, its fields)",
         "verminder het aantal niveaus: elk deel van een sleutel en elk element van een lijst telt als één "
         "niveau, en een plan heeft er maar 3 nodig (`[[activity]]`, een activiteit, de velden daarvan)"}};
  }

  void header_without_key() {
    hazard_ = toml_hazard{i_, i_ + 1,
                          {"not valid TOML: a table header starts with a key (a name, or text in quotes)",
                           "het bestand is geen geldige TOML: een tabelkop begint met een sleutel (een naam, of "
                           "tekst tussen aanhalingstekens)"},
                          {"write the name of the table between the brackets, e.g. `[plan]` or `[[activity]]`",
                           "zet de naam van de tabel tussen de haken, bijvoorbeeld `[plan]` of `[[activity]]`"}};
  }

  // The character at `at` (not ASCII) as `é` (U+00E9); nullopt when it is not valid UTF-8 (then reported as such).
  std::optional<std::string> describe_char(std::size_t at, std::size_t& length) {
    const auto lead = static_cast<unsigned char>(t_[at]);
    length = utf8_length(lead);
    if (length == 0 || at + length > t_.size() || find_invalid_utf8(t_.substr(at, length))) {
      hazard_ = toml_hazard{at, at + 1,
                            {fmt::format("the file is not valid UTF-8 (byte 0x{:02X} here)", lead),
                             fmt::format("het bestand is geen geldige UTF-8-tekst (byte 0x{:02X} op deze plaats)", lead)},
                            {"save the file as UTF-8 text", "sla het bestand op als UTF-8-tekst"}};
      return std::nullopt;
    }
    char32_t code = lead & (0xFF >> (length + 1));
    for (std::size_t k = 1; k < length; ++k) code = (code << 6) | (static_cast<unsigned char>(t_[at + k]) & 0x3F);
    escape_ = code <= 0xFFFF ? fmt::format("\\u{:04X}", static_cast<std::uint32_t>(code))
                             : fmt::format("\\U{:08X}", static_cast<std::uint32_t>(code));
    return fmt::format("`{}` (U+{:04X})", t_.substr(at, length), static_cast<std::uint32_t>(code));
  }
  std::string escape_;  // the TOML escape of the character last described, e.g. `\u00E9`

  void unquoted_key(std::size_t key_begin, std::size_t at) {
    std::size_t length = 0;
    const auto shown = describe_char(at, length);
    if (!shown) return;
    // cut at a character boundary: before a byte that continues a character
    std::size_t shown_bytes = std::min(i_ - key_begin, shown_key_bytes);
    while (key_begin + shown_bytes < i_ && (static_cast<unsigned char>(t_[key_begin + shown_bytes]) & 0xC0) == 0x80)
      --shown_bytes;
    std::string key(t_.substr(key_begin, shown_bytes));
    if (key_begin + shown_bytes < i_) key += "…";
    hazard_ = toml_hazard{
        at, at + length,
        {"a key without quotes cannot contain " + *shown, "een sleutel zonder aanhalingstekens kan geen " + *shown +
                                                              " bevatten"},
        {"put the key in double quotes: `\"" + key + "\"`; without quotes a key may contain only A-Z, a-z, 0-9, "
         "`_` and `-`",
         "zet de sleutel tussen dubbele aanhalingstekens: `\"" + key +
             "\"`; zonder aanhalingstekens mag een sleutel alleen A-Z, a-z, 0-9, `_` en `-` bevatten"}};
  }

  void outside_quotes() {
    std::size_t length = 0;
    const auto shown = describe_char(i_, length);
    if (!shown) return;
    hazard_ = toml_hazard{
        i_, i_ + length,
        {*shown + " outside quotes: TOML allows characters other than ASCII only in strings and comments",
         *shown + " buiten aanhalingstekens: TOML staat tekens buiten ASCII alleen toe in teksten en commentaar"},
        {"put the text in double quotes, or remove the character (between keys and values only spaces and tabs "
         "are allowed)",
         "zet de tekst tussen dubbele aanhalingstekens, of verwijder het teken (tussen sleutels en waarden "
         "mogen alleen spaties en tabs staan)"}};
  }

  void after_backslash_hazard() {
    std::size_t length = 0;
    const auto shown = describe_char(i_, length);
    if (!shown) return;
    hazard_ = toml_hazard{
        i_, i_ + length,
        {*shown + " right after a backslash in a multi-line string: akkoord cannot read a character other than "
                  "ASCII there",
         *shown + " direct na een backslash in een tekst over meerdere regels: akkoord kan daar geen teken buiten "
                  "ASCII lezen"},
        {"write the character as the escape `" + escape_ + "`", "schrijf het teken als de escapecode `" + escape_ + "`"}};
  }
};

}  // namespace

std::optional<toml_hazard> find_toml_hazard(std::string_view toml) { return scanner(toml).run(); }

}  // namespace akkoord
